/**
 * Deadlines in working days, from the calendar administrators keep. The calendar is cached for
 * a minute: a holiday added today applies to deadlines planned from then on.
 */
import { appointmentFor, type WorkingCalendar } from '../domain/working-days';
import { loadWorkingCalendar } from '../db/calendar';
import type { Orm } from '../db/orm';
import type { PlanDeadlineInput, PlanDeadlineOutput } from './contract';

const CACHE_MS = 60_000;

/**
 * The working calendar, reloaded at most once per `ttlMs`. Concurrent callers share one load;
 * a failed load is not cached, so the next call (Temporal's retry) tries again.
 */
export function cachedWorkingCalendar(orm: Orm, ttlMs = CACHE_MS): () => Promise<WorkingCalendar> {
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

export function createDeadlinePlanner(orm: Orm, cutoffHour: number) {
  const calendar = cachedWorkingCalendar(orm);
  return async function planDeadline(input: PlanDeadlineInput): Promise<PlanDeadlineOutput> {
    const plan = appointmentFor(new Date(input.from), input.workingDays, await calendar(), cutoffHour);
    return { startDay: plan.startDay, dueDay: plan.dueDay, dueAt: plan.dueAt.toISOString() };
  };
}
