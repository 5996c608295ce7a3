/**
 * The calendar and the office hours a dossier's workflow counts time with: read from the
 * database (what administrators entered, and the days computed for years nobody confirmed), as a
 * local activity: a read, with no effect anyone can see. The version lets a dossier record which
 * calendar a deadline was computed on.
 */
import crypto from 'node:crypto';
import { loadCalendarEntries, officeHoursOf } from '../db/calendar';
import type { Orm } from '../db/orm';
import type { ClockData, LoadClockInput } from './contract';

export function createClockLoader(orm: Orm) {
  return async function loadClock(input: LoadClockInput): Promise<ClockData> {
    const em = orm.em.fork();
    const [entries, hours] = await Promise.all([loadCalendarEntries(em, input.fromYear, input.toYear), officeHoursOf(em, input.agencyCode)]);
    const version = crypto.createHash('sha1').update(JSON.stringify([entries, hours])).digest('hex').slice(0, 12);
    return { entries, hours, version };
  };
}
