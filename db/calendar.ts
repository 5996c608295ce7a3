import type { EntityManager } from '@mikro-orm/postgresql';
import type { WorkingCalendar } from '../domain/working-days';
import { CalendarDay } from './entities';
import type { Orm } from './orm';

/** The working calendar as administrators keep it in the `calendar_day` table. */
export async function loadWorkingCalendar(em: EntityManager): Promise<WorkingCalendar> {
  const days = await em.find(CalendarDay, {}, { fields: ['day', 'kind'] });
  return {
    holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.day)),
    workingWeekendDays: new Set(days.filter((d) => d.kind === 'working-weekend').map((d) => d.day)),
  };
}

/**
 * The working calendar, reloaded at most once per `ttlMs`: a holiday added today applies from
 * the next reload on. Concurrent callers share one load; a failed load is not cached, so the
 * next call (a Temporal retry, the next page) tries again.
 */
export function cachedWorkingCalendar(orm: Orm, ttlMs = 60_000): () => Promise<WorkingCalendar> {
  let cached: { at: number; calendar: Promise<WorkingCalendar> } | undefined;
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
