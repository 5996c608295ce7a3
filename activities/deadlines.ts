/**
 * Deadlines in working days, from the calendar administrators keep. The calendar is cached for
 * a minute: a holiday added today applies to deadlines planned from then on.
 */
import { appointmentFor, type WorkingCalendar } from '../domain/working-days';
import { loadWorkingCalendar } from '../db/calendar';
import type { Orm } from '../db/orm';
import type { PlanDeadlineInput, PlanDeadlineOutput } from './contract';

const CACHE_MS = 60_000;

export function createDeadlinePlanner(orm: Orm, cutoffHour: number) {
  let cached: { at: number; calendar: WorkingCalendar } | undefined;
  const calendar = async () => {
    if (!cached || Date.now() - cached.at > CACHE_MS) {
      cached = { at: Date.now(), calendar: await loadWorkingCalendar(orm.em.fork()) };
    }
    return cached.calendar;
  };
  return async function planDeadline(input: PlanDeadlineInput): Promise<PlanDeadlineOutput> {
    const plan = appointmentFor(new Date(input.from), input.workingDays, await calendar(), cutoffHour);
    return { startDay: plan.startDay, dueDay: plan.dueDay, dueAt: plan.dueAt.toISOString() };
  };
}
