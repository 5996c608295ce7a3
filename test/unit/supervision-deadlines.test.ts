/**
 * The supervision lists filter in SQL with instants (overdue: due before now; due soon: from now
 * until `dueSoonUntil`) and label each row with the legal clock's `deadlineState`: the two must
 * never disagree, across weekends, holidays and working Saturdays.
 */
import { legalCalendar } from '../../domain/calendar';
import { deadlineState } from '../../domain/legal-clock';
import { atLocalTime } from '../../domain/vietnam-time';
import { dueSoonUntil, SOON_WORKING_DAYS } from '../../web/services/supervision';

const calendar = legalCalendar([
  { day: '2027-02-05', kind: 'holiday', name: 'Tết Nguyên đán', provisional: false },
  { day: '2027-02-08', kind: 'holiday', name: 'Tết Nguyên đán', provisional: false },
  { day: '2027-02-09', kind: 'holiday', name: 'Tết Nguyên đán', provisional: false },
  { day: '2027-02-13', kind: 'working-weekend', name: 'Làm bù', provisional: false },
]);

const HOUR = 3_600_000;

test('the due-soon boundary is where deadlineState stops saying due soon', () => {
  for (let dayOffset = 0; dayOffset < 14; dayOffset++) {
    for (const hour of [0, 8, 12, 16, 17, 23]) {
      const now = new Date(atLocalTime('2027-02-01', hour).getTime() + dayOffset * 24 * HOUR);
      const until = dueSoonUntil(now, calendar);
      for (let step = -6; step < 24 * 8; step += 5) {
        const due = new Date(now.getTime() + step * HOUR);
        const state = deadlineState(due, { now, soonWorkingDays: SOON_WORKING_DAYS }, calendar);
        const bySql = due < now ? 'overdue' : due < until ? 'due-soon' : 'not-due';
        expect([now.toISOString(), due.toISOString(), bySql]).toEqual([now.toISOString(), due.toISOString(), state]);
      }
    }
  }
});
