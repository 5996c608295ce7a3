/**
 * The Labour Code's days off computed for any year, against the government's announcements the
 * seed holds (2025 and 2026 confirmed, 2027 not announced) and against well-known make-up days
 * of earlier years. Where an announcement departs from the rules (a swap, a make-up day before
 * the holiday instead of after), the test names the days: that is what administrators enter.
 */
import { CALENDAR_SEED } from '../../db/seeds/calendar';
import type { CalendarEntry } from '../../domain/calendar';
import { calendarByYear, computedCalendar, HOLIDAY_RULES, statutoryDays, statutoryHolidays } from '../../domain/holidays';
import { weekdayOf } from '../../domain/vietnam-time';
import { isWorkingDay } from '../../domain/working-days';

const weekdaysOff = (year: number) => statutoryHolidays(year).map((e) => e.day);
const isWeekend = (day: string) => [0, 6].includes(weekdayOf(day));

function announced(year: number) {
  const days = CALENDAR_SEED.find((y) => y.year === year)!.days;
  return {
    off: days.filter((d) => d.kind === 'holiday' && !d.provisional).map((d) => d.day),
    worked: days.filter((d) => d.kind === 'working-weekend').map((d) => d.day),
  };
}

/** What the announcement has that the rules do not, and the other way round. */
function difference(year: number) {
  const computed = weekdaysOff(year);
  const { off, worked } = announced(year);
  return {
    onlyAnnounced: off.filter((d) => !computed.includes(d)),
    onlyComputed: computed.filter((d) => !off.includes(d)),
    workedWeekendDays: worked,
  };
}

describe('the days off the Labour Code gives', () => {
  test('eleven statutory days a year since 2021: 1/1, five for Tết, Giỗ Tổ, 30/4, 1/5 and two for Quốc khánh', () => {
    for (let year = 2021; year <= 2040; year++) expect(statutoryDays(year)).toHaveLength(11);
    // Before the 2019 Code, Quốc khánh was one day.
    expect(statutoryDays(2020)).toHaveLength(10);
  });

  test('each weekday lost to a weekend holiday is given back: eleven weekdays off every year', () => {
    for (let year = 2021; year <= 2060; year++) {
      const entries = statutoryHolidays(year);
      expect(entries).toHaveLength(11);
      expect(entries.filter((e) => isWeekend(e.day))).toEqual([]);
      expect(new Set(entries.map((e) => e.day)).size).toBe(11);
    }
  });

  test('every computed day is provisional and named', () => {
    for (const entry of statutoryHolidays(2031)) {
      expect(entry).toMatchObject({ kind: 'holiday', provisional: true });
      expect(entry.name).toBe(entry.name.normalize('NFC'));
    }
  });

  test('Tết takes the last day of the old year and mùng 1–4, made up after when they fall on a weekend', () => {
    // Tết Đinh Mùi: Saturday 06/02/2027. Friday 05/02 tất niên, mùng 3–4 Monday and Tuesday, mùng 1–2 made up Wednesday and Thursday.
    expect(statutoryHolidays(2027).filter((e) => e.name.includes('Tết Nguyên đán'))).toEqual([
      { day: '2027-02-05', kind: 'holiday', name: 'Tết Nguyên đán Đinh Mùi (tất niên)', provisional: true },
      { day: '2027-02-08', kind: 'holiday', name: 'Tết Nguyên đán Đinh Mùi (mùng 3)', provisional: true },
      { day: '2027-02-09', kind: 'holiday', name: 'Tết Nguyên đán Đinh Mùi (mùng 4)', provisional: true },
      { day: '2027-02-10', kind: 'holiday', name: 'Nghỉ bù Tết Nguyên đán Đinh Mùi (mùng 1), trùng thứ Bảy 06/02/2027', provisional: true },
      { day: '2027-02-11', kind: 'holiday', name: 'Nghỉ bù Tết Nguyên đán Đinh Mùi (mùng 2), trùng Chủ nhật 07/02/2027', provisional: true },
    ]);
  });

  test.each([
    // 30/4 Saturday, 1/5 Sunday: Monday and Tuesday off (as announced for 2022).
    [2022, ['2022-05-02', '2022-05-03']],
    // Giỗ Tổ Saturday 29/04, 30/4 Sunday, 1/5 Monday: made up Tuesday and Wednesday (as announced for 2023).
    [2023, ['2023-05-01', '2023-05-02', '2023-05-03']],
    // 1/5 Saturday: Monday 03/05 (as announced for 2021).
    [2021, ['2021-04-30', '2021-05-03']],
  ])('a make-up day skips the other holidays of the stretch (%i)', (year, days) => {
    expect(weekdaysOff(year as number).filter((d) => d >= `${year}-04-25` && d <= `${year}-05-10`)).toEqual(days);
  });

  test.each([
    [2021, ['2021-09-02', '2021-09-03']], // Thursday: and Friday
    [2022, ['2022-09-01', '2022-09-02']], // Friday: and Thursday
    [2023, ['2023-09-01', '2023-09-04']], // Saturday: Friday before, Monday made up
    [2024, ['2024-09-02', '2024-09-03']], // Monday: and Tuesday
    [2025, ['2025-09-01', '2025-09-02']], // Tuesday: and Monday
    [2029, ['2029-09-03', '2029-09-04']], // Sunday: Monday, and Tuesday made up
  ])('Quốc khánh %i: the adjacent day joins the weekend, as the announcements chose', (year, days) => {
    expect(weekdaysOff(year as number).filter((d) => d.slice(5, 7) === '09')).toEqual(days);
  });

  test('a rule applies from its first year only', () => {
    const cultureDay = { basis: 'dự kiến sửa đổi điều 112', from: 2028, days: (y: number) => [{ day: `${y}-11-24`, name: 'Ngày Văn hóa Việt Nam' }] };
    expect(weekdaysOff(2028)).not.toContain('2028-11-24');
    expect(statutoryHolidays(2028, [...HOLIDAY_RULES, cultureDay]).map((e) => e.day)).toContain('2028-11-24');
    expect(statutoryHolidays(2027, [...HOLIDAY_RULES, cultureDay]).map((e) => e.day)).not.toContain('2027-11-24');
  });
});

describe('against the announced calendars the seed holds', () => {
  test('2025: Tết’s Saturday was made up before Tết (27/01, not 03/02), and Friday 02/05 swapped with Saturday 26/04', () => {
    expect(difference(2025)).toEqual({
      onlyAnnounced: ['2025-01-27', '2025-05-02'],
      onlyComputed: ['2025-02-03'],
      workedWeekendDays: ['2025-04-26'],
    });
  });

  test('2026: the rules give every day; the announcement added two swaps (02/01 for 10/01, 31/08 for 22/08)', () => {
    expect(difference(2026)).toEqual({
      onlyAnnounced: ['2026-01-02', '2026-08-31'],
      onlyComputed: [],
      workedWeekendDays: ['2026-01-10', '2026-08-22'],
    });
    // Ngày Văn hóa Việt Nam is entered, provisional: the Labour Code does not have it yet.
    expect(CALENDAR_SEED.find((y) => y.year === 2026)!.days.find((d) => d.day === '2026-11-24')).toMatchObject({ provisional: true });
  });

  test('2027 (not announced): the seed adds only what the rules cannot know', () => {
    const seed = CALENDAR_SEED.find((y) => y.year === 2027)!;
    expect(seed.confirmed).toBe(false);
    expect(seed.days.map((d) => d.day)).toEqual(['2027-11-24']);
    expect(weekdaysOff(2027)).toEqual([
      '2027-01-01',
      '2027-02-05',
      '2027-02-08',
      '2027-02-09',
      '2027-02-10',
      '2027-02-11',
      '2027-04-16',
      '2027-04-30',
      '2027-05-03',
      '2027-09-02',
      '2027-09-03',
    ]);
  });
});

describe('a calendar without end', () => {
  test('answers for any year, computing it when first asked', () => {
    const asked: number[] = [];
    const calendar = calendarByYear((year) => {
      asked.push(year);
      return statutoryHolidays(year);
    });
    expect(isWorkingDay('2099-01-01', calendar)).toBe(false);
    expect(isWorkingDay('2099-01-02', calendar)).toBe(true);
    expect(calendar.names.get('2099-01-01')).toBe('Tết Dương lịch');
    expect(calendar.provisional.has('2099-01-01')).toBe(true);
    expect(asked).toEqual([2099]);
  });

  test('lists the years it was given to list, and nothing for a malformed day', () => {
    const entries: CalendarEntry[] = [{ day: '2030-03-02', kind: 'working-weekend', name: 'Làm bù', provisional: false }];
    const calendar = calendarByYear((year) => (year === 2030 ? entries : []), [2030]);
    expect([...calendar.workingWeekendDays]).toEqual(['2030-03-02']);
    expect([...calendar.holidays]).toEqual([]);
    expect(calendar.holidays.has('mai')).toBe(false);
  });

  test('the computed calendar counts Tết of a year nobody entered', () => {
    expect(isWorkingDay('2031-01-23', computedCalendar())).toBe(false); // Tết Tân Hợi, Thursday 23/01/2031
  });
});
