/**
 * Working-day arithmetic for legal time limits. Weekends and public holidays do not count;
 * holidays (lunar ones included) and the Saturdays the government swaps into working days are
 * data, loaded from the `calendar_day` table, never constants here.
 */
import { addCalendarDays, atLocalTime, localDateParts, localIsoDate, weekdayOf } from './vietnam-time';

export interface WorkingCalendar {
  /** YYYY-MM-DD days off that would otherwise be working days. */
  holidays: ReadonlySet<string>;
  /** YYYY-MM-DD weekend days declared working days (swapped days). */
  workingWeekendDays: ReadonlySet<string>;
}

export const EMPTY_CALENDAR: WorkingCalendar = { holidays: new Set(), workingWeekendDays: new Set() };

export function isWorkingDay(isoDate: string, calendar: WorkingCalendar): boolean {
  if (calendar.holidays.has(isoDate)) return false;
  const weekday = weekdayOf(isoDate);
  if (weekday === 0 || weekday === 6) return calendar.workingWeekendDays.has(isoDate);
  return true;
}

export function nextWorkingDay(isoDate: string, calendar: WorkingCalendar): string {
  let day = addCalendarDays(isoDate, 1);
  // A year has at most a few dozen consecutive days off; the bound only guards bad data.
  for (let i = 0; i < 366 && !isWorkingDay(day, calendar); i++) day = addCalendarDays(day, 1);
  return day;
}

/** The day a dossier's clock starts: receipt day, or the next working day when received late or on a day off. */
export function countingStartDay(receivedAt: Date, calendar: WorkingCalendar, cutoffHour: number): string {
  const today = localIsoDate(receivedAt);
  const { hour, minute } = localDateParts(receivedAt);
  const afterCutoff = hour + minute / 60 >= cutoffHour;
  if (isWorkingDay(today, calendar) && !afterCutoff) return today;
  return nextWorkingDay(today, calendar);
}

/** The Nth working day after `startDay` (N = 0 gives `startDay` itself). */
export function addWorkingDays(startDay: string, days: number, calendar: WorkingCalendar): string {
  let day = startDay;
  for (let i = 0; i < days; i++) day = nextWorkingDay(day, calendar);
  return day;
}

/** Working days from `fromDay` (exclusive) to `toDay` (inclusive); negative when `toDay` is earlier. */
export function workingDaysBetween(fromDay: string, toDay: string, calendar: WorkingCalendar): number {
  if (fromDay === toDay) return 0;
  const forward = fromDay < toDay;
  let [a, b] = forward ? [fromDay, toDay] : [toDay, fromDay];
  let count = 0;
  while (a < b) {
    a = addCalendarDays(a, 1);
    if (isWorkingDay(a, calendar)) count++;
  }
  return forward ? count : -count;
}

/** The office closes at 17:00; an appointment falls due at the end of its day. */
export const OFFICE_CLOSING_HOUR = 17;

/**
 * The appointment for a dossier received at `receivedAt` with a limit of `workingDays`:
 * the limit counts from the day after the counting start day, so 5 working days from a
 * Monday morning receipt fall due on the following Monday.
 */
export function appointmentFor(
  receivedAt: Date,
  workingDays: number,
  calendar: WorkingCalendar,
  cutoffHour: number,
): { startDay: string; dueDay: string; dueAt: Date } {
  const startDay = countingStartDay(receivedAt, calendar, cutoffHour);
  const dueDay = addWorkingDays(startDay, workingDays, calendar);
  return { startDay, dueDay, dueAt: atLocalTime(dueDay, OFFICE_CLOSING_HOUR) };
}
