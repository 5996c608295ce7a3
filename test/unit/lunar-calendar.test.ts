/**
 * The Vietnamese lunar calendar against published dates: Tết and Giỗ Tổ Hùng Vương as the
 * government's holiday announcements gave them, and the years the Vietnamese Tết is not the
 * Chinese one because new moons are counted in UTC+7, not UTC+8.
 */
import { hungKingsDay, leapMonthOf, lunarNewYear, lunarYearName, toLunar, toSolar } from '../../domain/lunar-calendar';

// Tết Nguyên đán and Giỗ Tổ Hùng Vương (10/3 lunar), 2015–2030.
const PUBLISHED: [number, string, string][] = [
  [2015, '2015-02-19', '2015-04-28'],
  [2016, '2016-02-08', '2016-04-16'],
  [2017, '2017-01-28', '2017-04-06'],
  [2018, '2018-02-16', '2018-04-25'],
  [2019, '2019-02-05', '2019-04-14'],
  [2020, '2020-01-25', '2020-04-02'],
  [2021, '2021-02-12', '2021-04-21'],
  [2022, '2022-02-01', '2022-04-10'],
  [2023, '2023-01-22', '2023-04-29'],
  [2024, '2024-02-10', '2024-04-18'],
  [2025, '2025-01-29', '2025-04-07'],
  [2026, '2026-02-17', '2026-04-26'],
  [2027, '2027-02-06', '2027-04-16'],
  [2028, '2028-01-26', '2028-04-04'],
  [2029, '2029-02-13', '2029-04-23'],
  [2030, '2030-02-02', '2030-04-12'],
];

describe('Tết and Giỗ Tổ Hùng Vương', () => {
  test.each(PUBLISHED)('%i: Tết on %s, Giỗ Tổ on %s', (year, tet, hungKings) => {
    expect(lunarNewYear(year)).toBe(tet);
    expect(hungKingsDay(year)).toBe(hungKings);
  });
});

describe('where Vietnam and China differ (new moons in UTC+7, not UTC+8)', () => {
  // Vietnam moved its calendar to UTC+7 in 1967. Published pairs: a day apart in 1968, 1969,
  // 2007, 2030 and 2053; a month apart in 1985, when the leap month fell differently.
  test.each([
    [1968, '1968-01-29', '1968-01-30'],
    [1969, '1969-02-16', '1969-02-17'],
    [1985, '1985-01-21', '1985-02-20'],
    [2007, '2007-02-17', '2007-02-18'],
    [2030, '2030-02-02', '2030-02-03'],
    [2053, '2053-02-18', '2053-02-19'],
  ])('Tết %i: %s in Vietnam, %s in China', (year, vietnam, china) => {
    expect(lunarNewYear(year)).toBe(vietnam);
    expect(lunarNewYear(year, 8)).toBe(china);
  });

  test('the same time zone gives the same Tết in the other years of 1990–2029', () => {
    const differ = [];
    for (let year = 1990; year <= 2029; year++) if (lunarNewYear(year) !== lunarNewYear(year, 8)) differ.push(year);
    expect(differ).toEqual([2007]);
  });

  test('1985 has its leap month early in Vietnam (2nd month), so Tết came a month before China’s', () => {
    expect(leapMonthOf(1985)).toBe(2);
    expect(toLunar('1985-02-20')).toEqual({ year: 1985, month: 2, day: 1, leap: false });
  });
});

describe('conversions', () => {
  test('reads the lunar date of a solar day, leap months included', () => {
    expect(toLunar('2026-02-16')).toEqual({ year: 2025, month: 12, day: 29, leap: false });
    expect(toLunar('2026-02-17')).toEqual({ year: 2026, month: 1, day: 1, leap: false });
    // 2025 repeated its 6th month (tháng 6 nhuận from 25/07/2025).
    expect(leapMonthOf(2025)).toBe(6);
    expect(toLunar('2025-07-25')).toEqual({ year: 2025, month: 6, day: 1, leap: true });
    expect(toSolar({ year: 2025, month: 6, day: 1, leap: true })).toBe('2025-07-25');
  });

  test('a lunar date and its solar day convert back and forth over a whole cycle of years', () => {
    for (let year = 2000; year <= 2060; year++) {
      for (const month of [1, 3, 6, 9, 12]) {
        const solar = toSolar({ year, month, day: 15, leap: false });
        expect(toLunar(solar)).toEqual({ year, month, day: 15, leap: false });
      }
    }
  });

  test('refuses a lunar date the calendar does not have', () => {
    expect(() => toSolar({ year: 2026, month: 4, day: 1, leap: true })).toThrow(RangeError);
    expect(() => toSolar({ year: 2025, month: 5, day: 1, leap: true })).toThrow(RangeError);
    // The 12th month of Ất Tỵ has 29 days.
    expect(() => toSolar({ year: 2025, month: 12, day: 30, leap: false })).toThrow(RangeError);
    expect(() => toSolar({ year: 2026, month: 13, day: 1, leap: false })).toThrow(RangeError);
  });

  test('names the year as the calendar does', () => {
    expect([2024, 2025, 2026, 2027].map(lunarYearName)).toEqual(['Giáp Thìn', 'Ất Tỵ', 'Bính Ngọ', 'Đinh Mùi']);
  });

  test('is fast enough to compute any year on demand', () => {
    const started = Date.now();
    for (let year = 2000; year < 2200; year++) lunarNewYear(year);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
