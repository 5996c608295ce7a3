import type { EntityManager } from '@mikro-orm/postgresql';
import type { WorkingCalendar } from '../domain/working-days';
import { CalendarDay } from './entities';

/** The working calendar as administrators keep it in the `calendar_day` table. */
export async function loadWorkingCalendar(em: EntityManager): Promise<WorkingCalendar> {
  const days = await em.find(CalendarDay, {}, { fields: ['day', 'kind'] });
  return {
    holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.day)),
    workingWeekendDays: new Set(days.filter((d) => d.kind === 'working-weekend').map((d) => d.day)),
  };
}
