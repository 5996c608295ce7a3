/**
 * The working calendar from the database, merged with the Labour Code's rules. Per year:
 * - confirmed (`calendar_year.confirmed_at` set: an administrator entered the government's
 *   announcement): the administrators' entries, and nothing else;
 * - otherwise: the days domain/holidays.ts computes, all provisional, overlaid by whatever
 *   administrators entered for that year (an entry on the same day replaces the computed one).
 *   An entry of a year not confirmed is provisional too: no announcement backs it yet.
 * So a year nobody seeded still has its Tết, and the calendar has no last year.
 *
 * Read by the workflow (through an activity), the pages and the reports, which all compute
 * deadlines with domain/legal-clock.ts on it.
 */
import crypto from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type CalendarEntry, type LegalCalendar } from '../domain/calendar';
import { calendarByYear, statutoryHolidays } from '../domain/holidays';
import { DEFAULT_OFFICE_HOURS, type OfficeHours } from '../domain/legal-clock';
import type { WorkingCalendar } from '../domain/working-days';
import { Agency, CalendarDay, CalendarYear, type ICalendarDay, type ICalendarYear } from './entities';
import type { Orm } from './orm';

/** Where an entry comes from: the rules, an administrator in a year not yet confirmed, a confirmed year. */
export type EntrySource = 'computed' | 'entered' | 'confirmed';

export interface SourcedEntry extends CalendarEntry {
  source: EntrySource;
  /** An entry's own flag, as an administrator set it; `provisional` is also set by the year not being confirmed. */
  markedProvisional?: boolean;
  note?: string | null;
  updatedAt?: Date | null;
  updatedBy?: string | null;
}

export interface CalendarYearView {
  year: number;
  confirmation?: { at: Date; by: string | null; announcement: string | null };
  entries: SourcedEntry[];
}

type EnteredDay = Pick<ICalendarDay, 'day' | 'kind' | 'name' | 'provisional'> & Partial<Pick<ICalendarDay, 'note' | 'updatedAt' | 'updatedBy'>>;

/** One year's calendar from its entered days and whether its announcement is confirmed (pure). */
export function mergeYear(year: number, confirmed: boolean, entered: readonly EnteredDay[]): SourcedEntry[] {
  const own: SourcedEntry[] = entered.map((d) => ({
    day: d.day,
    kind: d.kind,
    name: d.name,
    provisional: confirmed ? d.provisional : true,
    source: confirmed ? 'confirmed' : 'entered',
    markedProvisional: d.provisional,
    note: d.note ?? null,
    updatedAt: d.updatedAt ?? null,
    updatedBy: d.updatedBy ?? null,
  }));
  if (confirmed) return own.sort(byDay);
  const replaced = new Set(own.map((e) => e.day));
  const computed: SourcedEntry[] = statutoryHolidays(year)
    .filter((e) => !replaced.has(e.day))
    .map((e) => ({ ...e, source: 'computed' }));
  return [...own, ...computed].sort(byDay);
}

const byDay = (a: { day: string }, b: { day: string }) => a.day.localeCompare(b.day);
const yearOfDay = (day: string) => Number(day.slice(0, 4));

function byYear(days: readonly ICalendarDay[]): Map<number, ICalendarDay[]> {
  const map = new Map<number, ICalendarDay[]>();
  for (const d of days) map.set(yearOfDay(d.day), [...(map.get(yearOfDay(d.day)) ?? []), d]);
  return map;
}

/** Each year from `fromYear` to `toYear` with its entries and where each comes from (for the calendar page). */
export async function loadCalendarYears(em: EntityManager, fromYear: number, toYear: number): Promise<CalendarYearView[]> {
  const [days, years] = await Promise.all([
    em.find(CalendarDay, { day: { $gte: `${fromYear}-01-01`, $lte: `${toYear}-12-31` } }, { orderBy: { day: 'asc' } }),
    em.find(CalendarYear, { year: { $gte: fromYear, $lte: toYear } }),
  ]);
  const entered = byYear(days);
  const confirmations = new Map(years.filter((y) => y.confirmedAt).map((y) => [y.year, y] as const));
  const views: CalendarYearView[] = [];
  for (let year = fromYear; year <= toYear; year++) {
    const confirmed = confirmations.get(year);
    views.push({
      year,
      confirmation: confirmed ? { at: confirmed.confirmedAt!, by: confirmed.confirmedBy ?? null, announcement: confirmed.announcement ?? null } : undefined,
      entries: mergeYear(year, Boolean(confirmed), entered.get(year) ?? []),
    });
  }
  return views;
}

/** The calendar's entries for the years `fromYear` to `toYear`. */
export async function loadCalendarEntries(em: EntityManager, fromYear: number, toYear: number): Promise<CalendarEntry[]> {
  return (await loadCalendarYears(em, fromYear, toYear)).flatMap((y) => y.entries.map(({ day, kind, name, provisional }) => ({ day, kind, name, provisional })));
}

/**
 * A short fingerprint of entries (order does not matter): the workflow records the version its
 * due date was computed on, so a recomputation can tell whether the calendar moved since.
 */
export function calendarVersion(entries: readonly CalendarEntry[]): string {
  const canonical = [...entries]
    .sort(byDay)
    .map((e) => [e.day, e.kind, e.name, e.provisional ? 1 : 0]);
  return crypto.createHash('sha256').update(JSON.stringify(canonical)).digest('hex').slice(0, 12);
}

/** The whole calendar: every year, entered or computed on first use. */
export async function loadWorkingCalendar(em: EntityManager): Promise<LegalCalendar> {
  const days: ICalendarDay[] = await em.find(CalendarDay, {}, { orderBy: { day: 'asc' } });
  const years: ICalendarYear[] = await em.find(CalendarYear, {});
  const entered = byYear(days);
  const confirmed = new Set(years.filter((y) => y.confirmedAt).map((y) => y.year));
  const known = [...new Set([...entered.keys(), ...years.map((y) => y.year)])];
  return calendarByYear((year) => mergeYear(year, confirmed.has(year), entered.get(year) ?? []), known);
}

/** An office's hours: its own, or the default. */
export async function officeHoursOf(em: EntityManager, agencyCode: string): Promise<OfficeHours> {
  const agency = await em.findOne(Agency, { code: agencyCode }, { fields: ['officeHours'] });
  return agency?.officeHours ?? DEFAULT_OFFICE_HOURS;
}

/**
 * The working calendar, reloaded at most once per `ttlMs`: a holiday added today applies from
 * the next reload on. Concurrent callers share one load; a failed load is not cached, so the
 * next call (a Temporal retry, the next page) tries again. Years are computed when first looked
 * up, so a deadline in any year ahead has its holidays.
 */
export function cachedWorkingCalendar(orm: Orm, ttlMs = 60_000): () => Promise<LegalCalendar> {
  let cached: { at: number; calendar: Promise<LegalCalendar> } | undefined;
  return () => {
    if (!cached || Date.now() - cached.at > ttlMs) {
      const entry = { at: Date.now(), calendar: loadWorkingCalendar(orm.em.fork()) };
      cached = entry;
      entry.calendar.catch(() => {
        if (cached === entry) cached = undefined;
      });
    }
    return cached.calendar;
  };
}

export type { WorkingCalendar };
