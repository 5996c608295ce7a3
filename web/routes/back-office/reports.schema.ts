/**
 * The report form (GET, so a report is a link and its exports share the query string): the
 * period, the grouping and whose dossiers. Dates come as the date picker sends them
 * (YYYY-MM-DD) or as people type them (dd/mm/yyyy). Each way a field can be wrong has its own
 * Vietnamese message, on that field.
 */
import { z } from 'zod';
import { addCalendarDays, formatVietnameseDate } from '../../../domain/vietnam-time';
import type { ReportGrouping } from '../../services/reports';
import { optionalText } from '../../validation';

/** The grouping as the query string names it. */
export const GROUPING_SLUGS: Record<string, ReportGrouping> = {
  'thu-tuc': 'procedure',
  'co-quan': 'agency',
  cap: 'level',
  kenh: 'channel',
};

/** Every agency the official may read. */
export const ALL_AGENCIES = 'tat-ca';

/** A report period may span at most this many years (the figures are read into memory). */
export const MAX_PERIOD_YEARS = 5;

const capitalised = (label: string) => label.charAt(0).toUpperCase() + label.slice(1);

/** YYYY-MM-DD of a real calendar day, or why the text is not one. */
function calendarDay(text: string, label: string): { day: string } | { error: string } {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const typed = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (!iso && !typed) return { error: `${capitalised(label)} phải có dạng ngày/tháng/năm, ví dụ 01/01/2026.` };
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : [typed![3], typed![2], typed![1]];
  const day = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== day) {
    return { error: `${capitalised(label)} ${d.padStart(2, '0')}/${m.padStart(2, '0')}/${y} không có trên lịch.` };
  }
  if (Number(y) < 2000) return { error: `${capitalised(label)} phải từ năm 2000 trở đi.` };
  return { day };
}

export function dateField(label: string) {
  return optionalText(label, 10).transform((text, ctx) => {
    if (!text) return undefined;
    const parsed = calendarDay(text, label);
    if ('day' in parsed) return parsed.day;
    ctx.issues.push({ code: 'custom', message: parsed.error, input: text });
    return z.NEVER;
  });
}

/** The same day `years` later; 29 February's anniversary in a common year is 1 March. */
function yearsLater(day: string, years: number): string {
  const [y, m, d] = day.split('-');
  const later = `${Number(y) + years}-${m}-${d}`;
  return new Date(`${later}T00:00:00Z`).toISOString().slice(0, 10) === later ? later : `${Number(y) + years}-03-01`;
}

/**
 * The query of /bao-cao and its exports, for a given today (local date): without dates, the
 * current month up to today; with only an end, that end's month.
 */
export function reportQuery(today: string) {
  return z
    .object({
      tu: dateField('ngày bắt đầu'),
      den: dateField('ngày kết thúc'),
      theo: z
        .enum(Object.keys(GROUPING_SLUGS) as [string, ...string[]], { error: 'Cách tổng hợp không hợp lệ: chọn theo thủ tục, cơ quan, cấp thủ tục hoặc kênh tiếp nhận.' })
        .optional(),
      'co-quan': optionalText('cơ quan', 40).refine((code) => /^[A-Za-z0-9._-]*$/.test(code), 'Cơ quan không hợp lệ.'),
    })
    .transform((q) => {
      const to = q.den ?? today;
      return {
        from: q.tu ?? `${to.slice(0, 8)}01`,
        to,
        groupBy: GROUPING_SLUGS[q.theo ?? 'thu-tuc'],
        agency: q['co-quan'] || undefined,
      };
    })
    .superRefine((q, ctx) => {
      if (q.from > today) {
        ctx.addIssue({ code: 'custom', path: ['tu'], message: `Ngày bắt đầu không được sau hôm nay (${formatVietnameseDate(today)}).` });
      } else if (q.to < q.from) {
        ctx.addIssue({
          code: 'custom',
          path: ['den'],
          message: `Ngày kết thúc (${formatVietnameseDate(q.to)}) trước ngày bắt đầu (${formatVietnameseDate(q.from)}): kỳ báo cáo phải kết thúc sau khi bắt đầu.`,
        });
      } else {
        const latest = addCalendarDays(yearsLater(q.from, MAX_PERIOD_YEARS), -1);
        if (q.to > latest) {
          ctx.addIssue({
            code: 'custom',
            path: ['den'],
            message: `Kỳ báo cáo dài quá ${MAX_PERIOD_YEARS} năm: bắt đầu từ ${formatVietnameseDate(q.from)} thì kết thúc muộn nhất ngày ${formatVietnameseDate(latest)}.`,
          });
        }
      }
    });
}

export type ReportQuery = z.output<ReturnType<typeof reportQuery>>;
