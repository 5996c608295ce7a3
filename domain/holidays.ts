/**
 * The days off the law gives civil servants in a year, computed: what the calendar holds for a
 * year nobody has entered the government's announcement for. Every day computed here is
 * provisional — each year the Prime Minister fixes which five days Tết takes, and the Ministry of
 * Home Affairs announces swapped days and make-up Saturdays; administrators enter those.
 *
 * - Labour Code 2019 art. 112(1): Tết Dương lịch (1/1); Tết Âm lịch, five days (by default the
 *   last day of the old lunar year and mùng 1–4); Giỗ Tổ Hùng Vương (10/3 lunar); Ngày Chiến
 *   thắng (30/4); Ngày Quốc tế Lao động (1/5); Quốc khánh (2/9) and one day before or after it.
 * - Art. 111(3): a holiday on the weekly rest day is made up on the next working day. Civil
 *   servants rest on Saturday and Sunday (Decree 188/1999 and its successors), so a holiday on
 *   a weekend gives a weekday off after it.
 *
 * The rules are data with the years they apply to (`HOLIDAY_RULES`): a new holiday (the planned
 * Ngày Văn hóa Việt Nam, 24/11, once art. 112 is amended) is one more rule with its first year.
 * Years before 2013 (Labour Code 2012) are computed with the 2013 rules: nothing that old is
 * counted. Pure and deterministic.
 */
import { type CalendarEntry, type LegalCalendar, legalCalendar } from './calendar';
import { hungKingsDay, lunarNewYear, lunarYearName } from './lunar-calendar';
import { addCalendarDays, formatVietnameseDate, weekdayOf } from './vietnam-time';

/** A day the law gives off, before weekends are made up. */
export interface StatutoryDay {
  day: string;
  name: string;
}

export interface HolidayRule {
  /** The provision it comes from. */
  basis: string;
  /** First and last year it applies (inclusive); absent: without limit. */
  from?: number;
  to?: number;
  days(year: number): StatutoryDay[];
}

const iso = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

const TET_DAY_NAMES = ['tất niên', 'mùng 1', 'mùng 2', 'mùng 3', 'mùng 4'];

/**
 * Which neighbour of 2/9 is the second day off, by the weekday of 2/9: the one that joins the
 * weekend, as the announcements of 2021–2026 chose (Monday: 3/9; Tuesday: 1/9; Wednesday: 1/9;
 * Thursday: 3/9; Friday: 1/9; Saturday: 1/9; Sunday: 3/9).
 */
const NATIONAL_DAY_NEIGHBOUR_AFTER = new Set([0, 1, 4]);

export const HOLIDAY_RULES: readonly HolidayRule[] = [
  { basis: 'BLLĐ 2019 điều 112(1)(a)', days: (y) => [{ day: iso(y, 1, 1), name: 'Tết Dương lịch' }] },
  {
    basis: 'BLLĐ 2019 điều 112(1)(b)',
    days: (y) => {
      const newYear = lunarNewYear(y);
      const name = `Tết Nguyên đán ${lunarYearName(y)}`;
      return TET_DAY_NAMES.map((part, i) => ({ day: addCalendarDays(newYear, i - 1), name: `${name} (${part})` }));
    },
  },
  { basis: 'BLLĐ 2019 điều 112(1)(đ)', days: (y) => [{ day: hungKingsDay(y), name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' }] },
  { basis: 'BLLĐ 2019 điều 112(1)(c)', days: (y) => [{ day: iso(y, 4, 30), name: 'Ngày Giải phóng miền Nam, thống nhất đất nước (30/4)' }] },
  { basis: 'BLLĐ 2019 điều 112(1)(d)', days: (y) => [{ day: iso(y, 5, 1), name: 'Ngày Quốc tế Lao động (1/5)' }] },
  { basis: 'BLLĐ 2019 điều 112(1)(đ)', days: (y) => [{ day: iso(y, 9, 2), name: 'Quốc khánh (2/9)' }] },
  {
    // The second day of Quốc khánh came with the Labour Code 2019 (in force 1 January 2021).
    basis: 'BLLĐ 2019 điều 112(1)(đ)',
    from: 2021,
    days: (y) => {
      const after = NATIONAL_DAY_NEIGHBOUR_AFTER.has(weekdayOf(iso(y, 9, 2)));
      return [{ day: iso(y, 9, after ? 3 : 1), name: 'Quốc khánh (ngày liền kề 2/9)' }];
    },
  },
];

const isRestDay = (day: string) => [0, 6].includes(weekdayOf(day));
const REST_DAY_NAMES: Record<number, string> = { 0: 'Chủ nhật', 6: 'thứ Bảy' };

/** The days off the rules give in a year, in date order, weekends included. */
export function statutoryDays(year: number, rules: readonly HolidayRule[] = HOLIDAY_RULES): StatutoryDay[] {
  return rules
    .filter((r) => (r.from ?? -Infinity) <= year && year <= (r.to ?? Infinity))
    .flatMap((r) => r.days(year))
    .sort((a, b) => a.day.localeCompare(b.day));
}

/**
 * The computed calendar of a year: the statutory days that fall on weekdays, and for each one on
 * a Saturday or Sunday, the next weekday that is neither a holiday nor already a make-up day.
 * Only days that break the Monday-to-Friday rule, each provisional.
 */
export function statutoryHolidays(year: number, rules: readonly HolidayRule[] = HOLIDAY_RULES): CalendarEntry[] {
  const days = statutoryDays(year, rules);
  const off = new Set(days.map((d) => d.day));
  const entries: CalendarEntry[] = [];
  for (const { day, name } of days) {
    if (!isRestDay(day)) {
      entries.push({ day, kind: 'holiday', name, provisional: true });
      continue;
    }
    let makeUp = addCalendarDays(day, 1);
    while (isRestDay(makeUp) || off.has(makeUp)) makeUp = addCalendarDays(makeUp, 1);
    off.add(makeUp);
    const on = `${REST_DAY_NAMES[weekdayOf(day)]} ${formatVietnameseDate(day)}`;
    entries.push({ day: makeUp, kind: 'holiday', name: `Nghỉ bù ${name}, trùng ${on}`, provisional: true });
  }
  return entries.sort((a, b) => a.day.localeCompare(b.day));
}

/**
 * A calendar without end: each year's entries are asked for the first time a day of that year is
 * looked up, then kept. Iterating its sets lists the days of `listedYears` only (a calendar of
 * every year cannot be listed).
 */
export function calendarByYear(entriesOf: (year: number) => readonly CalendarEntry[], listedYears: readonly number[] = []): LegalCalendar {
  const years = new Map<number, LegalCalendar>();
  const yearOf = (year: number): LegalCalendar => {
    let calendar = years.get(year);
    if (!calendar) {
      calendar = legalCalendar(entriesOf(year));
      years.set(year, calendar);
    }
    return calendar;
  };
  const forDay = (day: string) => yearOf(Number(day.slice(0, 4)));
  const listed = [...listedYears].sort((a, b) => a - b);
  return {
    holidays: new DaySet((day) => forDay(day).holidays.has(day), () => listed.flatMap((y) => [...yearOf(y).holidays])),
    workingWeekendDays: new DaySet(
      (day) => forDay(day).workingWeekendDays.has(day),
      () => listed.flatMap((y) => [...yearOf(y).workingWeekendDays]),
    ),
    provisional: new DaySet((day) => forDay(day).provisional.has(day), () => listed.flatMap((y) => [...yearOf(y).provisional])),
    names: new DayNames(
      (day) => forDay(day).names.get(day),
      () => listed.flatMap((y) => [...yearOf(y).names]),
    ),
  };
}

/** The calendar the rules alone give, for any year: every day provisional. */
export function computedCalendar(): LegalCalendar {
  return calendarByYear((year) => statutoryHolidays(year));
}

/** A set of YYYY-MM-DD days answered by a lookup, listed by a function. */
class DaySet implements ReadonlySet<string> {
  constructor(
    private readonly lookup: (day: string) => boolean,
    private readonly list: () => string[],
  ) {}

  has(day: string): boolean {
    return /^\d{4}-\d{2}-\d{2}$/.test(day) && this.lookup(day);
  }

  get size(): number {
    return this.list().length;
  }

  forEach(callback: (value: string, key: string, set: ReadonlySet<string>) => void): void {
    for (const day of this.list()) callback(day, day, this);
  }

  *entries(): SetIterator<[string, string]> {
    for (const day of this.list()) yield [day, day];
  }

  keys(): SetIterator<string> {
    return this.values();
  }

  *values(): SetIterator<string> {
    yield* this.list();
  }

  [Symbol.iterator](): SetIterator<string> {
    return this.values();
  }
}

/** The names of days, answered by a lookup, listed by a function. */
class DayNames implements ReadonlyMap<string, string> {
  constructor(
    private readonly lookup: (day: string) => string | undefined,
    private readonly list: () => [string, string][],
  ) {}

  get(day: string): string | undefined {
    return /^\d{4}-\d{2}-\d{2}$/.test(day) ? this.lookup(day) : undefined;
  }

  has(day: string): boolean {
    return this.get(day) !== undefined;
  }

  get size(): number {
    return this.list().length;
  }

  forEach(callback: (value: string, key: string, map: ReadonlyMap<string, string>) => void): void {
    for (const [day, name] of this.list()) callback(name, day, this);
  }

  *entries(): MapIterator<[string, string]> {
    yield* this.list();
  }

  *keys(): MapIterator<string> {
    for (const [day] of this.list()) yield day;
  }

  *values(): MapIterator<string> {
    for (const [, name] of this.list()) yield name;
  }

  [Symbol.iterator](): MapIterator<[string, string]> {
    return this.entries();
  }
}
