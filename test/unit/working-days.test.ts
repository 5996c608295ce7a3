import {
  addCalendarDays,
  atLocalTime,
  formatVietnameseDate,
  formatVietnameseDateTime,
  localDateParts,
  localIsoDate,
  weekdayOf,
} from '../../domain/vietnam-time';
import {
  EMPTY_CALENDAR,
  OFFICE_CLOSING_HOUR,
  addWorkingDays,
  appointmentFor,
  countingStartDay,
  isWorkingDay,
  nextWorkingDay,
  workingDaysBetween,
  type WorkingCalendar,
} from '../../domain/working-days';

// November 2026: Monday 16, Friday 20, Saturday 21, Sunday 22, Monday 23 …
const calendar: WorkingCalendar = {
  holidays: new Set(['2026-11-24', '2026-11-28']), // a Tuesday, and a Saturday listed by mistake
  workingWeekendDays: new Set(['2026-11-21']), // a swapped Saturday
};
const CUTOFF = 15;

describe('Vietnam local time', () => {
  test('reads an instant in UTC+7, whatever the machine’s time zone', () => {
    // 17:30 UTC on Thursday 12/02 is 00:30 on Friday 13/02 in Vietnam.
    expect(localDateParts(new Date('2026-02-12T17:30:00Z'))).toEqual({
      year: 2026,
      month: 2,
      day: 13,
      hour: 0,
      minute: 30,
      weekday: 5,
    });
    expect(localIsoDate(new Date('2026-12-31T17:00:00Z'))).toBe('2027-01-01');
    expect(localIsoDate(new Date('2026-12-31T16:59:59Z'))).toBe('2026-12-31');
  });

  test('turns a local wall-clock time into the right instant', () => {
    expect(atLocalTime('2026-02-13', 9, 30).toISOString()).toBe('2026-02-13T02:30:00.000Z');
    expect(atLocalTime('2026-02-13').toISOString()).toBe('2026-02-12T17:00:00.000Z');
  });

  test('prints dates as dd/mm/yyyy in Vietnam time', () => {
    expect(formatVietnameseDate('2026-02-05')).toBe('05/02/2026');
    expect(formatVietnameseDate(new Date('2026-02-04T18:00:00Z'))).toBe('05/02/2026');
  });

  test('prints an ISO instant string by its Vietnam day, not its UTC day', () => {
    expect(formatVietnameseDate('2026-02-04T18:00:00.000Z')).toBe('05/02/2026');
  });

  test('prints date and time as hh:mm dd/mm/yyyy in Vietnam time', () => {
    expect(formatVietnameseDateTime('2026-02-04T18:05:00Z')).toBe('01:05 05/02/2026');
    expect(formatVietnameseDateTime(atLocalTime('2026-11-24', 17))).toBe('17:00 24/11/2026');
  });

  test('adds calendar days across month and year ends and leap days', () => {
    expect(addCalendarDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addCalendarDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  test('tells the weekday of a date (0 = Sunday)', () => {
    expect(weekdayOf('2026-11-22')).toBe(0);
    expect(weekdayOf('2026-11-23')).toBe(1);
    expect(weekdayOf('2026-11-21')).toBe(6);
  });
});

describe('working days', () => {
  test('counts Monday to Friday as working days and weekends as days off', () => {
    expect(isWorkingDay('2026-11-23', EMPTY_CALENDAR)).toBe(true);
    expect(isWorkingDay('2026-11-27', EMPTY_CALENDAR)).toBe(true);
    expect(isWorkingDay('2026-11-28', EMPTY_CALENDAR)).toBe(false);
    expect(isWorkingDay('2026-11-29', EMPTY_CALENDAR)).toBe(false);
  });

  test('treats a listed holiday as a day off and a swapped Saturday as a working day', () => {
    expect(isWorkingDay('2026-11-24', calendar)).toBe(false);
    expect(isWorkingDay('2026-11-21', calendar)).toBe(true);
  });

  test('keeps a weekend day off even when it is also listed as a holiday', () => {
    expect(isWorkingDay('2026-11-28', calendar)).toBe(false);
  });

  test('finds the next working day over weekends and holidays', () => {
    expect(nextWorkingDay('2026-11-27', EMPTY_CALENDAR)).toBe('2026-11-30');
    expect(nextWorkingDay('2026-11-23', calendar)).toBe('2026-11-25');
    expect(nextWorkingDay('2026-11-20', calendar)).toBe('2026-11-21');
  });

  test('adds working days, zero giving the start day itself', () => {
    expect(addWorkingDays('2026-11-23', 0, calendar)).toBe('2026-11-23');
    expect(addWorkingDays('2026-11-23', 1, calendar)).toBe('2026-11-25');
    expect(addWorkingDays('2026-11-19', 5, calendar)).toBe('2026-11-26');
  });

  test('counts the working days between two days, negative when the second is earlier', () => {
    expect(workingDaysBetween('2026-11-23', '2026-11-23', calendar)).toBe(0);
    expect(workingDaysBetween('2026-11-16', '2026-11-20', EMPTY_CALENDAR)).toBe(4);
    expect(workingDaysBetween('2026-11-20', '2026-11-23', EMPTY_CALENDAR)).toBe(1);
    expect(workingDaysBetween('2026-11-23', '2026-11-27', calendar)).toBe(3);
    expect(workingDaysBetween('2026-11-27', '2026-11-23', calendar)).toBe(-3);
  });

  test('counts exactly as a walk day by day would, over spans of days to years, holidays and swapped days included', () => {
    // The count is arithmetic plus the calendar's exceptions (lists compute it per row); the
    // walk is the definition. Holidays on weekdays and weekends, a swapped day that is also a holiday.
    const busy: WorkingCalendar = {
      holidays: new Set(['2025-01-01', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31', '2025-02-01', '2025-04-30', '2025-05-01', '2025-09-02', '2026-02-16', '2026-02-21', '2026-11-28']),
      workingWeekendDays: new Set(['2025-02-08', '2025-04-26', '2026-11-21', '2026-11-28']),
    };
    const walk = (from: string, to: string, cal: WorkingCalendar) => {
      const [a, b] = from < to ? [from, to] : [to, from];
      let n = 0;
      for (let d = addCalendarDays(a, 1); d <= b; d = addCalendarDays(d, 1)) if (isWorkingDay(d, cal)) n++;
      return from <= to ? n : -n;
    };
    let seed = 7;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    for (let i = 0; i < 400; i++) {
      const from = addCalendarDays('2024-11-01', random(800));
      const to = addCalendarDays(from, random(2) ? random(20) : random(900) - 300);
      for (const cal of [busy, EMPTY_CALENDAR]) expect([from, to, workingDaysBetween(from, to, cal)]).toEqual([from, to, walk(from, to, cal)]);
    }
  });

  test('agrees with addWorkingDays: N working days later is N working days between', () => {
    for (const n of [1, 3, 5, 10]) {
      expect(workingDaysBetween('2026-11-19', addWorkingDays('2026-11-19', n, calendar), calendar)).toBe(n);
    }
  });
});

describe('when a dossier’s clock starts', () => {
  test('counts a dossier received on a working-day morning from that day', () => {
    expect(countingStartDay(atLocalTime('2026-11-23', 9), calendar, CUTOFF)).toBe('2026-11-23');
  });

  test('counts a dossier received after the cut-off hour from the next working day', () => {
    expect(countingStartDay(atLocalTime('2026-11-20', 15, 30), EMPTY_CALENDAR, CUTOFF)).toBe('2026-11-23');
    expect(countingStartDay(atLocalTime('2026-11-23', 16), calendar, CUTOFF)).toBe('2026-11-25');
  });

  test('counts a dossier received exactly at the cut-off hour as late, one minute before as on time', () => {
    expect(countingStartDay(atLocalTime('2026-11-23', 15, 0), calendar, CUTOFF)).toBe('2026-11-25');
    expect(countingStartDay(atLocalTime('2026-11-23', 14, 59), calendar, CUTOFF)).toBe('2026-11-23');
  });

  test('counts a dossier received on a weekend or a holiday from the next working day', () => {
    expect(countingStartDay(atLocalTime('2026-11-29', 9), calendar, CUTOFF)).toBe('2026-11-30');
    expect(countingStartDay(atLocalTime('2026-11-24', 9), calendar, CUTOFF)).toBe('2026-11-25');
  });

  test('counts a dossier received on a swapped working Saturday from that Saturday', () => {
    expect(countingStartDay(atLocalTime('2026-11-21', 9), calendar, CUTOFF)).toBe('2026-11-21');
  });

  test('uses the Vietnam day: 23:30 UTC on Sunday is Monday morning in Vietnam', () => {
    expect(countingStartDay(new Date('2026-11-22T23:30:00Z'), EMPTY_CALENDAR, CUTOFF)).toBe('2026-11-23');
  });
});

describe('appointments', () => {
  test('gives a dossier received on a Monday morning with 5 working days the following Monday', () => {
    const result = appointmentFor(atLocalTime('2026-11-16', 9), 5, EMPTY_CALENDAR, CUTOFF);
    expect(result).toEqual({
      startDay: '2026-11-16',
      dueDay: '2026-11-23',
      dueAt: atLocalTime('2026-11-23', OFFICE_CLOSING_HOUR),
    });
  });

  test('falls due at the office closing hour, 17:00 in Vietnam', () => {
    const { dueAt } = appointmentFor(atLocalTime('2026-11-16', 9), 1, EMPTY_CALENDAR, CUTOFF);
    expect(dueAt.toISOString()).toBe('2026-11-17T10:00:00.000Z');
  });

  test('skips holidays and counts swapped Saturdays', () => {
    // Start Thursday 19/11; counts Fri 20, Sat 21 (swapped), Mon 23, Wed 25 (24 is a holiday).
    expect(appointmentFor(atLocalTime('2026-11-19', 10), 4, calendar, CUTOFF).dueDay).toBe('2026-11-25');
  });

  test('starts a late Friday dossier on Monday and counts from the Tuesday', () => {
    const result = appointmentFor(atLocalTime('2026-11-27', 16), 2, calendar, CUTOFF);
    expect(result.startDay).toBe('2026-11-30');
    expect(result.dueDay).toBe('2026-12-02');
  });
});
