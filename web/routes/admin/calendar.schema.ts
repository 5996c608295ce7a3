/**
 * The calendar administration's requests: the year and day in the path; an entry (day, kind,
 * name, note, provisional) and a year's confirmation in the body. Everything that can be said of
 * an entry without the database is said here, field by field and all at once: a date that does
 * not exist, a day outside the page's year, a day off on a weekend (already a rest day), a
 * worked weekend day on a weekday. A day already in the calendar is the service's to refuse.
 */
import { z } from 'zod';
import { formatVietnameseDate, weekdayOf } from '../../../domain/vietnam-time';
import { WEEKDAY_LABELS } from '../../labels';
import { formWith, optionalText, requiredText } from '../../validation';

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2199;

const yearText = z
  .string({ error: 'Năm không hợp lệ.' })
  .regex(/^\d{4}$/, 'Năm phải có 4 chữ số.')
  .transform(Number)
  .pipe(z.number().min(FIRST_YEAR, `Năm phải từ ${FIRST_YEAR} đến ${LAST_YEAR}.`).max(LAST_YEAR, `Năm phải từ ${FIRST_YEAR} đến ${LAST_YEAR}.`));

/** A real calendar day, YYYY-MM-DD, from `YYYY-MM-DD` (a date field) or `dd/mm/yyyy` (typed). */
export function calendarDay(label: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `Vui lòng nhập ${label}.` : `${capitalised(label)} chỉ nhận một giá trị.`) })
    .trim()
    .min(1, `Vui lòng nhập ${label}.`)
    .transform((text, ctx) => {
      const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
      const parts = iso ? [iso[1], iso[2], iso[3]] : vn ? [vn[3], vn[2], vn[1]] : undefined;
      if (!parts) {
        ctx.addIssue({ code: 'custom', message: `${capitalised(label)} phải có dạng ngày/tháng/năm, ví dụ 02/01/2027.` });
        return z.NEVER;
      }
      const [y, m, d] = parts;
      const day = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
      const real = new Date(`${day}T00:00:00Z`);
      if (Number.isNaN(real.getTime()) || real.toISOString().slice(0, 10) !== day) {
        ctx.addIssue({ code: 'custom', message: `Không có ngày ${d.padStart(2, '0')}/${m.padStart(2, '0')}/${y} trong lịch.` });
        return z.NEVER;
      }
      return day;
    });
}

export const yearParams = z.object({ year: yearText });

export const entryParams = z.object({ year: yearText, day: calendarDay('ngày') });

const KINDS = ['holiday', 'working-weekend'] as const;

const isWeekend = (day: string) => [0, 6].includes(weekdayOf(day));
const dayLabel = (day: string) => `${WEEKDAY_LABELS[weekdayOf(day)]} ${formatVietnameseDate(day)}`;

/** An entry of `year`'s calendar. */
export function entryBody(year: number) {
  const day = calendarDay('ngày');
  const kind = z.enum(KINDS, { error: (issue) => (issue.input === undefined ? 'Vui lòng chọn loại ngày.' : 'Loại ngày không hợp lệ.') });
  return formWith({
    day,
    kind,
    name: requiredText('tên ngày (ví dụ: Nghỉ bù Tết Dương lịch)', 200),
    note: optionalText('ghi chú', 1000),
    // A checkbox: present when ticked.
    provisional: z
      .literal('on', { error: 'Ô "dự kiến" không hợp lệ.' })
      .optional()
      .transform((v) => v === 'on'),
  }).superRefine(
    (entry, ctx) => {
      if (!entry.day.startsWith(`${year}-`)) {
        ctx.addIssue({ code: 'custom', path: ['day'], message: `Ngày ${formatVietnameseDate(entry.day)} không thuộc năm ${year}; hãy ghi ở trang lịch năm ${entry.day.slice(0, 4)}.` });
      } else if (entry.kind === 'holiday' && isWeekend(entry.day)) {
        ctx.addIssue({
          code: 'custom',
          path: ['day'],
          message:
            `${capitalised(dayLabel(entry.day))} vốn là ngày nghỉ hằng tuần: ghi ngày nghỉ vào đó không thay đổi thời hạn nào, nên không được ghi. ` +
            'Ngày lễ trùng ngày nghỉ hằng tuần thì ghi ngày nghỉ bù (ngày làm việc kế tiếp).',
        });
      } else if (entry.kind === 'working-weekend' && !isWeekend(entry.day)) {
        ctx.addIssue({
          code: 'custom',
          path: ['kind'],
          message: `${capitalised(dayLabel(entry.day))} vốn là ngày làm việc: chỉ thứ Bảy, Chủ nhật mới ghi được là ngày làm bù.`,
        });
      }
    },
    // Said even when another field is wrong too, so every problem shows at once.
    { when: (payload) => z.object({ day, kind }).safeParse(payload.value).success },
  );
}

export type EntryInput = z.output<ReturnType<typeof entryBody>>;

export const confirmBody = formWith({
  announcement: requiredText('số, ngày của văn bản thông báo (ví dụ: Thông báo 123/TB-BNV ngày 01/12/2026)', 300),
});
