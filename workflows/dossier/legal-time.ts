/**
 * The legal clock as a dossier's workflow reads it: the calendar and office hours it loaded
 * (a local activity) and the one deadline function of domain/legal-clock.ts. Deterministic: time
 * comes from the workflow clock, the calendar from the activity's recorded answer.
 */
import { legalCalendar, type LegalCalendar } from '../../domain/calendar';
import {
  type ClockInput,
  computeDeadline,
  type Deadline,
  type OfficeHours,
  subtractWorkingMinutes,
  type TimeLimit,
  workingMinutesPerDay,
} from '../../domain/legal-clock';
import type { ClockData } from '../../activities/contract';

export class LegalTime {
  readonly calendar: LegalCalendar;

  constructor(
    private readonly data: ClockData,
    /** The procedure's own cut-off over the office's, where the law sets one. */
    readonly hours: OfficeHours,
  ) {
    this.calendar = legalCalendar(data.entries);
  }

  get version(): string {
    return this.data.version;
  }

  deadline(input: ClockInput, now: string = new Date().toISOString()): Deadline {
    return computeDeadline(input, this.calendar, this.hours, now);
  }

  /** When a limit that starts now falls due (no pauses). */
  dueFrom(receivedAt: string, limit: TimeLimit): string {
    return computeDeadline({ receivedAt, limit }, this.calendar, this.hours).dueAt;
  }

  /** A lead time (remind this long before) in working minutes. */
  leadMinutes(lead: TimeLimit): number {
    switch (lead.unit) {
      case 'working-hours':
        return lead.amount * 60;
      case 'working-days':
        return lead.amount * workingMinutesPerDay(this.hours);
      case 'calendar-days':
        return lead.amount * workingMinutesPerDay(this.hours);
    }
  }

  /** The instant `minutes` working minutes before `dueAt`. */
  before(dueAt: string, minutes: number): string {
    return subtractWorkingMinutes(new Date(dueAt), minutes, this.calendar, this.hours).toISOString();
  }

  /** A whole working day before the deadline: the last moment an apology may be given. */
  lastApologyAt(dueAt: string): string {
    return this.before(dueAt, workingMinutesPerDay(this.hours));
  }
}
