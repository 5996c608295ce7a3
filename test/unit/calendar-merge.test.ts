/**
 * How the calendar a deadline is computed on is made of a year's entries: a confirmed year is
 * what the administrators entered, any other year the Labour Code's days overlaid by their
 * entries; and a deadline across Tết in a year nobody entered.
 */
import { calendarVersion, mergeYear } from '../../db/calendar';
import { calendarByYear } from '../../domain/holidays';
import { computeDeadline, DEFAULT_OFFICE_HOURS } from '../../domain/legal-clock';
import { atLocalTime, localIsoDate } from '../../domain/vietnam-time';

const entered = (day: string, name: string, kind: 'holiday' | 'working-weekend' = 'holiday', provisional = false) => ({ day, kind, name, provisional });

describe('a year of the calendar', () => {
  test('not confirmed: the computed days, an entry replacing the computed one on its day, every day provisional', () => {
    const year = mergeYear(2027, false, [entered('2027-02-10', 'Nghỉ bù Tết (theo thông báo)'), entered('2027-02-20', 'Làm bù', 'working-weekend')]);
    expect(year.filter((e) => e.day >= '2027-02-01' && e.day <= '2027-02-28')).toEqual([
      expect.objectContaining({ day: '2027-02-05', source: 'computed', provisional: true }),
      expect.objectContaining({ day: '2027-02-08', source: 'computed', provisional: true }),
      expect.objectContaining({ day: '2027-02-09', source: 'computed', provisional: true }),
      expect.objectContaining({ day: '2027-02-10', source: 'entered', name: 'Nghỉ bù Tết (theo thông báo)', provisional: true }),
      expect.objectContaining({ day: '2027-02-11', source: 'computed', provisional: true }),
      expect.objectContaining({ day: '2027-02-20', source: 'entered', kind: 'working-weekend', provisional: true }),
    ]);
  });

  test('confirmed: the entries only, with their own provisional flag', () => {
    const year = mergeYear(2026, true, [entered('2026-01-01', 'Tết Dương lịch'), entered('2026-11-24', 'Ngày Văn hóa Việt Nam', 'holiday', true)]);
    expect(year).toEqual([
      expect.objectContaining({ day: '2026-01-01', source: 'confirmed', provisional: false }),
      expect.objectContaining({ day: '2026-11-24', source: 'confirmed', provisional: true }),
    ]);
  });

  test('a year nobody touched is the computed one', () => {
    expect(mergeYear(2040, false, []).every((e) => e.source === 'computed' && e.provisional)).toBe(true);
    expect(mergeYear(2040, false, [])).toHaveLength(11);
  });
});

describe('the calendar version', () => {
  const entries = mergeYear(2027, false, []);

  test('is short, and the same whatever the order', () => {
    expect(calendarVersion(entries)).toMatch(/^[0-9a-f]{12}$/);
    expect(calendarVersion([...entries].reverse())).toBe(calendarVersion(entries));
  });

  test('changes when a day is added, moved or confirmed', () => {
    const version = calendarVersion(entries);
    expect(calendarVersion([...entries, { day: '2027-02-12', kind: 'holiday', name: 'Nghỉ thêm', provisional: true }])).not.toBe(version);
    expect(calendarVersion(entries.map((e, i) => (i === 0 ? { ...e, day: '2027-01-04' } : e)))).not.toBe(version);
    expect(calendarVersion(entries.map((e) => ({ ...e, provisional: false })))).not.toBe(version);
  });
});

describe('deadlines in a year nobody entered', () => {
  const calendar = calendarByYear((year) => mergeYear(year, false, []));

  test('15 working days from before Tết 2031 skip the five days of Tết', () => {
    // Tết Tân Hợi: Thursday 23/01/2031. Off: Wednesday 22 (tất niên), Thursday 23, Friday 24, then Monday 27
    // and Tuesday 28, made up for mùng 3 and 4 on the weekend. Received Monday 13/01 at 09:00.
    const deadline = computeDeadline(
      { receivedAt: atLocalTime('2031-01-13', 9).toISOString(), limit: { amount: 15, unit: 'working-days' } },
      calendar,
      DEFAULT_OFFICE_HOURS,
    );
    // 14–17, 20–21 (6), 29–31 (9), 03–07/02 (14), 10/02 (15).
    expect(localIsoDate(new Date(deadline.dueAt))).toBe('2031-02-10');
  });
});
