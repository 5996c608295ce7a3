/**
 * An agency's office hours (agency.office_hours): up to three sessions, HH:MM to HH:MM, in order
 * and not overlapping, and the cut-off after which a dossier counts from the next working day,
 * within the working day. Every problem is reported next to its field, all at once.
 */
import { z } from 'zod';
import type { OfficeHours } from '../../../domain/legal-clock';
import { formWith, requiredText } from '../../validation';

export const agencyParams = z.object({ code: requiredText('mã cơ quan', 40) });

export const SESSION_COUNT = 3;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const time = (label: string, required: boolean) =>
  z
    .string({ error: `${capitalised(label)} chỉ nhận một giá trị.` })
    .trim()
    .optional()
    .transform((t) => t ?? '')
    .pipe(
      z
        .string()
        .refine((t) => !required || t !== '', `Vui lòng nhập ${label}.`)
        // 7:30 reads as 07:30.
        .transform((t) => (/^\d:\d\d$/.test(t) ? `0${t}` : t))
        .refine((t) => t === '' || HHMM.test(t), `${capitalised(label)} phải có dạng giờ:phút, từ 00:00 đến 23:59, ví dụ 07:30.`),
    );

const sessionFields = Object.fromEntries(
  Array.from({ length: SESSION_COUNT }, (_, i) => [
    [`start${i + 1}`, time(`giờ bắt đầu buổi ${i + 1}`, i === 0)],
    [`end${i + 1}`, time(`giờ kết thúc buổi ${i + 1}`, i === 0)],
  ]).flat(),
) as Record<`start${1 | 2 | 3}` | `end${1 | 2 | 3}`, ReturnType<typeof time>>;

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

const shape = { cutoff: time('giờ chốt nhận hồ sơ trong ngày', true), ...sessionFields };

export const officeHoursBody = formWith(shape)
  .superRefine(
    (form, ctx) => {
      let previous: { end: string; n: number } | undefined;
      let gap: number | undefined;
      for (let n = 1; n <= SESSION_COUNT; n++) {
        const start = form[`start${n}` as keyof typeof sessionFields];
        const end = form[`end${n}` as keyof typeof sessionFields];
        if (!start && !end) {
          gap ??= n;
          continue;
        }
        if (!start || !end) {
          ctx.addIssue({ code: 'custom', path: [start ? `end${n}` : `start${n}`], message: `Vui lòng nhập cả giờ bắt đầu và giờ kết thúc của buổi ${n}, hoặc để trống cả hai.` });
          return;
        }
        if (gap !== undefined) {
          ctx.addIssue({ code: 'custom', path: [`start${gap}`], message: `Vui lòng nhập buổi ${gap} trước buổi ${n}.` });
          return;
        }
        if (minutes(end) <= minutes(start)) {
          ctx.addIssue({ code: 'custom', path: [`end${n}`], message: `Buổi ${n} phải kết thúc sau khi bắt đầu (${start}).` });
          return;
        }
        if (previous && minutes(start) < minutes(previous.end)) {
          ctx.addIssue({
            code: 'custom',
            path: [`start${n}`],
            message: `Buổi ${n} phải bắt đầu từ ${previous.end} trở đi, khi buổi ${previous.n} đã kết thúc (các buổi theo thứ tự, không chồng lên nhau).`,
          });
          return;
        }
        previous = { end, n };
      }
      const first = form.start1;
      const last = previous?.end;
      if (first && last && (minutes(form.cutoff) <= minutes(first) || minutes(form.cutoff) > minutes(last))) {
        ctx.addIssue({
          code: 'custom',
          path: ['cutoff'],
          message: `Giờ chốt nhận hồ sơ phải trong ngày làm việc: sau ${first} và không muộn hơn ${last}.`,
        });
      }
    },
    { when: (payload) => z.object(shape).safeParse(payload.value).success },
  )
  .transform((form): OfficeHours => {
    const sessions = [];
    for (let n = 1; n <= SESSION_COUNT; n++) {
      const start = form[`start${n}` as keyof typeof sessionFields];
      const end = form[`end${n}` as keyof typeof sessionFields];
      if (start && end) sessions.push({ start, end });
    }
    return { cutoff: form.cutoff, sessions };
  });
