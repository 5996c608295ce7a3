/** Deadlines in working days, from the calendar administrators keep (cached for a minute). */
import { appointmentFor } from '../domain/working-days';
import { cachedWorkingCalendar } from '../db/calendar';
import type { Orm } from '../db/orm';
import type { PlanDeadlineInput, PlanDeadlineOutput } from './contract';

export function createDeadlinePlanner(orm: Orm, cutoffHour: number) {
  const calendar = cachedWorkingCalendar(orm);
  return async function planDeadline(input: PlanDeadlineInput): Promise<PlanDeadlineOutput> {
    const plan = appointmentFor(new Date(input.from), input.workingDays, await calendar(), cutoffHour);
    return { startDay: plan.startDay, dueDay: plan.dueDay, dueAt: plan.dueAt.toISOString() };
  };
}
