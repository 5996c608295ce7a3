/**
 * The supervision pages' filters, in the query string: where deadlines stand (`loc`), a
 * department (`phong`), an official (`can-bo`), a role (`vai-tro`), the page (`trang`). A value
 * the pages do not offer is answered 400 with what they do offer.
 */
import { z } from 'zod';
import type { SupervisionFilter } from '../../services/supervision';
import { positiveInteger, printable } from '../../validation';
import { ROLE_SLUGS, STATE_SLUGS } from '../../view-models/supervision';

const oneOf = <const K extends string>(keys: readonly [K, ...K[]], what: string) =>
  z.enum(keys, { error: `Bộ lọc không hợp lệ; ${what} chỉ nhận: ${keys.map((k) => `"${k}"`).join(', ')}.` });

const page = positiveInteger('trang', 'Số trang phải là số nguyên dương.').pipe(z.number().max(100_000, 'Số trang quá lớn.'));

function filterOf(shape: { loc?: string; phong?: string; 'can-bo'?: number; 'vai-tro'?: string; trang?: number }): SupervisionFilter {
  return {
    state: shape.loc ? STATE_SLUGS[shape.loc as keyof typeof STATE_SLUGS] : undefined,
    department: shape.phong || undefined,
    officialId: shape['can-bo'],
    role: shape['vai-tro'] ? ROLE_SLUGS[shape['vai-tro'] as keyof typeof ROLE_SLUGS] : undefined,
    page: shape.trang ?? 1,
  };
}

const common = {
  phong: z
    .string({ error: 'Bộ lọc không hợp lệ; "phong" là tên một phòng.' })
    .trim()
    .max(120, 'Tên phòng quá dài.')
    .refine(printable, 'Tên phòng chứa ký tự không hợp lệ.')
    .optional(),
  'can-bo': positiveInteger('cán bộ', 'Bộ lọc không hợp lệ; "can-bo" là mã số cán bộ.').optional(),
  'vai-tro': oneOf(['tiep-nhan', 'chuyen-vien', 'lanh-dao'], '"vai-tro"').optional(),
  trang: page.optional(),
};

/** Dossiers: overdue, due soon, paused. */
export const supervisionQuery = z
  .object({ loc: oneOf(['qua-han', 'sap-den-han', 'tam-dung'], '"loc"').optional(), ...common })
  .transform(filterOf);

/** Tasks: also the flagged ones (escalated); `chon=trang` ticks every task of the page. */
export const supervisionTasksQuery = z
  .object({
    loc: oneOf(['qua-han', 'sap-den-han', 'tam-dung', 'gan-co'], '"loc"').optional(),
    ...common,
    chon: oneOf(['trang'], '"chon"').optional(),
  })
  .transform((q) => ({ filter: filterOf(q), selectPage: q.chon === 'trang' }));

/** Workload: by department and role. */
export const workloadQuery = z
  .object({ phong: common.phong, 'vai-tro': common['vai-tro'] })
  .transform((q) => filterOf(q));
