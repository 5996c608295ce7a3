/**
 * The query of /nhat-ky and its exports (GET: a filtered view is a link, and its exports share
 * the query string): a period, who, what, which dossier, and where the page continues.
 */
import { z } from 'zod';
import { formatVietnameseDate } from '../../../domain/vietnam-time';
import { optionalText } from '../../validation';
import { dateField } from './reports.schema';

export const auditQuery = z
  .object({
    tu: dateField('ngày bắt đầu'),
    den: dateField('ngày kết thúc'),
    'nguoi-thuc-hien': optionalText('người thực hiện', 60)
      .transform((t) => t.toLowerCase())
      .refine((t) => /^[a-z0-9._:-]*$/.test(t), 'Người thực hiện là tên đăng nhập (chữ không dấu, số, dấu chấm, gạch nối).'),
    'thao-tac': optionalText('thao tác', 60).refine((t) => /^[a-z0-9-]*$/.test(t), 'Thao tác không hợp lệ: hãy chọn trong danh sách.'),
    'ho-so': optionalText('mã hồ sơ', 40)
      .transform((t) => t.toUpperCase())
      .refine((t) => /^[A-Z0-9.-]*$/.test(t), 'Mã hồ sơ chỉ gồm chữ không dấu, số, dấu chấm và gạch nối.'),
    truoc: z.coerce.number({ error: 'Trang không hợp lệ.' }).int('Trang không hợp lệ.').positive('Trang không hợp lệ.').optional(),
  })
  .superRefine((q, ctx) => {
    if (q.tu && q.den && q.den < q.tu) {
      ctx.addIssue({
        code: 'custom',
        path: ['den'],
        message: `Ngày kết thúc (${formatVietnameseDate(q.den)}) trước ngày bắt đầu (${formatVietnameseDate(q.tu)}).`,
      });
    }
  })
  .transform((q) => ({
    from: q.tu,
    to: q.den,
    actor: q['nguoi-thuc-hien'] || undefined,
    action: q['thao-tac'] || undefined,
    dossierCode: q['ho-so'] || undefined,
    before: q.truoc,
  }));

export type AuditQuery = z.output<typeof auditQuery>;
