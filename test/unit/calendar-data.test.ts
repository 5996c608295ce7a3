import { CALENDAR_DAYS, CALENDAR_SEED } from '../../db/seeds/calendar';
import { atLocalTime, weekdayOf } from '../../domain/vietnam-time';
import { appointmentFor, type WorkingCalendar } from '../../domain/working-days';

const calendar: WorkingCalendar = {
  holidays: new Set(CALENDAR_DAYS.filter((d) => d.kind === 'holiday').map((d) => d.day)),
  workingWeekendDays: new Set(CALENDAR_DAYS.filter((d) => d.kind === 'working-weekend').map((d) => d.day)),
};
const CUTOFF_HOUR = 15;
const isWeekend = (day: string) => [0, 6].includes(weekdayOf(day));

describe('calendar seed data', () => {
  test('lists each day once, in date order', () => {
    const days = CALENDAR_DAYS.map((d) => d.day);
    expect(new Set(days).size).toBe(days.length);
    expect(days).toEqual([...days].sort());
  });

  test('uses real calendar dates in 2025–2027', () => {
    for (const { day } of CALENDAR_DAYS) {
      expect(day).toMatch(/^202[5-7]-\d{2}-\d{2}$/);
      expect(new Date(`${day}T00:00:00Z`).toISOString().slice(0, 10)).toBe(day);
    }
  });

  test('lists holidays only on weekdays and swapped working days only on weekends', () => {
    expect(CALENDAR_DAYS.filter((d) => d.kind === 'holiday' && isWeekend(d.day))).toEqual([]);
    expect(CALENDAR_DAYS.filter((d) => d.kind === 'working-weekend' && !isWeekend(d.day))).toEqual([]);
  });

  test('names every day in composed Vietnamese', () => {
    for (const { name } of CALENDAR_DAYS) {
      expect(name.trim()).not.toBe('');
      expect(name).toBe(name.normalize('NFC'));
    }
  });

  test.each([2025, 2026])('gives five weekdays off for Tết Nguyên đán in %i', (year) => {
    const tet = CALENDAR_DAYS.filter((d) => d.day.startsWith(`${year}-`) && /Tết Nguyên đán/.test(d.name));
    expect(tet.filter((d) => d.kind === 'holiday')).toHaveLength(5);
  });

  test.each([
    ['2025-01-01', 'Tết Dương lịch'],
    ['2025-04-07', 'Giỗ Tổ Hùng Vương'],
    ['2025-04-30', '30/4'],
    ['2025-05-01', '1/5'],
    ['2025-09-02', 'Quốc khánh'],
    ['2026-01-01', 'Tết Dương lịch'],
    ['2026-04-27', 'Giỗ Tổ Hùng Vương'],
    ['2026-09-02', 'Quốc khánh'],
  ])('has the statutory holiday on %s (%s)', (day, name) => {
    const entry = CALENDAR_DAYS.find((d) => d.day === day);
    expect(entry?.kind).toBe('holiday');
    expect(entry?.name).toContain(name);
  });

  test('confirms 2025 and 2026 with their announcements; 2027 is entered, not confirmed', () => {
    expect(CALENDAR_SEED.map((y) => [y.year, y.confirmed, Boolean(y.announcement)])).toEqual([
      [2025, true, true],
      [2026, true, true],
      [2027, false, false],
    ]);
  });

  test('marks what no text settles yet as provisional, confirmed year or not', () => {
    expect(CALENDAR_DAYS.filter((d) => d.provisional).map((d) => d.day)).toEqual(['2026-11-24', '2027-11-24']);
  });
});

describe('appointments computed with the seeded calendar (cut-off 15:00)', () => {
  const due = (receivedAt: Date, workingDays: number) => appointmentFor(receivedAt, workingDays, calendar, CUTOFF_HOUR);

  test('a dossier received on Friday 13/02/2026 morning with 5 working days skips the Tết days off', () => {
    // 16–20/02 Tết, 21–22/02 weekend; counting runs 23, 24, 25, 26, 27/02.
    const result = due(atLocalTime('2026-02-13', 9), 5);
    expect(result.startDay).toBe('2026-02-13');
    expect(result.dueDay).toBe('2026-02-27');
    expect(result.dueAt.toISOString()).toBe('2026-02-27T10:00:00.000Z');
  });

  test('a dossier received on 29/04/2026 after 15:00 counts from Monday 04/05, after 30/4, 1/5 and the weekend', () => {
    const result = due(atLocalTime('2026-04-29', 15, 30), 5);
    expect(result.startDay).toBe('2026-05-04');
    expect(result.dueDay).toBe('2026-05-11');
  });

  test('the same dossier received before 15:00 is due three days earlier', () => {
    const result = due(atLocalTime('2026-04-29', 14, 0), 5);
    expect(result.startDay).toBe('2026-04-29');
    expect(result.dueDay).toBe('2026-05-08');
  });

  test('the compensatory Monday for Hùng Kings’ day and the 30/4–1/5 days do not count', () => {
    // 27/04 off, 28 and 29/04 count, 30/04–03/05 off, 04/05 counts.
    expect(due(atLocalTime('2026-04-24', 9), 3).dueDay).toBe('2026-05-04');
  });

  test('the swapped working Saturday 26/04/2025 counts as a working day', () => {
    expect(due(atLocalTime('2025-04-24', 9), 2).dueDay).toBe('2025-04-26');
    // Received on that Saturday morning: the clock starts the same day.
    expect(due(atLocalTime('2025-04-26', 9), 1)).toMatchObject({ startDay: '2025-04-26', dueDay: '2025-04-28' });
  });

  test('a dossier received just before Tết 2025 is due a full week after the break', () => {
    // 27–31/01 off, 01–02/02 weekend; counting runs 03–07/02.
    expect(due(atLocalTime('2025-01-24', 10), 5).dueDay).toBe('2025-02-07');
  });

  test('the Tết Dương lịch swap of 2026: Friday 02/01 off, Saturday 10/01 worked', () => {
    expect(due(atLocalTime('2025-12-31', 9), 1).dueDay).toBe('2026-01-05');
    expect(due(atLocalTime('2026-01-09', 9), 1).dueDay).toBe('2026-01-10');
  });

  test('Quốc khánh 2026 takes 31/08 to 02/09 out of the count', () => {
    expect(due(atLocalTime('2026-08-28', 10), 2).dueDay).toBe('2026-09-04');
  });
});
