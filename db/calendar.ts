/**
 * The working calendar from the database: what administrators entered (`calendar_day`), for the
 * years asked. Read by the workflow (through a local activity), the pages and the reports, which
 * all compute deadlines with domain/legal-clock.ts on it.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { type CalendarEntry, type LegalCalendar, legalCalendar } from '../domain/calendar';
import { DEFAULT_OFFICE_HOURS, type OfficeHours } from '../domain/legal-clock';
import type { WorkingCalendar } from '../domain/working-days';
import { Agency, CalendarDay } from './entities';
import type { Orm } from './orm';

/** The calendar's entries for the years `fromYear` to `toYear`. */
export async function loadCalendarEntries(em: EntityManager, fromYear: number, toYear: number): Promise<CalendarEntry[]> {
  const days = await em.find(CalendarDay, { day: { $gte: `${fromYear}-01-01`, $lte: `${toYear}-12-31` } }, { orderBy: { day: 'asc' } });
  return days.map((d) => ({ day: d.day, kind: d.kind, name: d.name, provisional: d.provisional }));
}

/** The whole calendar (every year entered). */
export async function loadWorkingCalendar(em: EntityManager): Promise<LegalCalendar> {
  return legalCalendar(await loadCalendarEntries(em, 1900, 2999));
}

/** An office's hours: its own, or the default. */
export async function officeHoursOf(em: EntityManager, agencyCode: string): Promise<OfficeHours> {
  const agency = await em.findOne(Agency, { code: agencyCode }, { fields: ['officeHours'] });
  return agency?.officeHours ?? DEFAULT_OFFICE_HOURS;
}

/**
 * The working calendar, reloaded at most once per `ttlMs`: a holiday added today applies from
 * the next reload on. Concurrent callers share one load; a failed load is not cached, so the
 * next call (a Temporal retry, the next page) tries again.
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
