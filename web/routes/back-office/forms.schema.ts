/**
 * The printed forms' requests: the dossier code in the path; the ledger's period in the query
 * (`tu`, `den`: the date picker's YYYY-MM-DD or dd/mm/yyyy, as on the reports page).
 */
import { z } from 'zod';
import { addCalendarDays, formatVietnameseDate } from '../../../domain/vietnam-time';
import { LEDGER_MAX_DAYS } from '../../services/printed-forms';
import { dateField } from './reports.schema';

/** Without dates: the current month up to today; with only an end, that end's month. */
export function ledgerQuery(today: string) {
  return z
    .object({ tu: dateField('ngày bắt đầu'), den: dateField('ngày kết thúc') })
    .transform((q) => {
      const to = q.den ?? today;
      return { from: q.tu ?? `${to.slice(0, 8)}01`, to };
    })
    .superRefine((q, ctx) => {
      if (q.to < q.from) {
        ctx.addIssue({ code: 'custom', path: ['den'], message: `Ngày kết thúc (${formatVietnameseDate(q.to)}) trước ngày bắt đầu (${formatVietnameseDate(q.from)}).` });
      } else if (q.to > addCalendarDays(q.from, LEDGER_MAX_DAYS - 1)) {
        ctx.addIssue({
          code: 'custom',
          path: ['den'],
          message: `Sổ theo dõi in tối đa ${LEDGER_MAX_DAYS} ngày: bắt đầu từ ${formatVietnameseDate(q.from)} thì kết thúc muộn nhất ngày ${formatVietnameseDate(addCalendarDays(q.from, LEDGER_MAX_DAYS - 1))}.`,
        });
      }
    });
}
