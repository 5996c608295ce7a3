/**
 * The working calendar as data: the days that break the Monday-to-Friday rule, each with its
 * name and whether it is still provisional (computed, or not yet confirmed by the government's
 * announcement). Built from entries the database gives (db/calendar.ts merges what
 * administrators entered with the days domain/holidays.ts computes), and read by the legal
 * clock (domain/legal-clock.ts) in the workflow, the pages and the reports alike.
 */
import type { WorkingCalendar } from './working-days';

export interface CalendarEntry {
  /** YYYY-MM-DD */
  day: string;
  kind: 'holiday' | 'working-weekend';
  name: string;
  provisional: boolean;
}

export interface LegalCalendar extends WorkingCalendar {
  /** The name of each day off or worked weekend day (for explanations). */
  names: ReadonlyMap<string, string>;
  /** Days not yet confirmed by an announcement. */
  provisional: ReadonlySet<string>;
}

export function legalCalendar(entries: readonly CalendarEntry[]): LegalCalendar {
  return {
    holidays: new Set(entries.filter((e) => e.kind === 'holiday').map((e) => e.day)),
    workingWeekendDays: new Set(entries.filter((e) => e.kind === 'working-weekend').map((e) => e.day)),
    names: new Map(entries.map((e) => [e.day, e.name])),
    provisional: new Set(entries.filter((e) => e.provisional).map((e) => e.day)),
  };
}
