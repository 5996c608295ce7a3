/**
 * Vietnam keeps one time zone (UTC+7) without daylight saving, so local dates are computed
 * with a fixed offset: no time-zone database needed, and the same result in workflow code.
 */
const OFFSET_MS = 7 * 3_600_000;

export interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

export function localDateParts(at: Date): LocalParts {
  const shifted = new Date(at.getTime() + OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    weekday: shifted.getUTCDay(),
  };
}

/** YYYY-MM-DD of the local day an instant falls on. */
export function localIsoDate(at: Date): string {
  const { year, month, day } = localDateParts(at);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The instant of a local wall-clock time on a YYYY-MM-DD day. */
export function atLocalTime(isoDate: string, hour = 0, minute = 0): Date {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d, hour, minute) - OFFSET_MS);
}

/** dd/mm/yyyy, as Vietnamese forms print dates: a YYYY-MM-DD day as is, an instant by its Vietnam day. */
export function formatVietnameseDate(value: Date | string): string {
  // An ISO instant string ("…T18:00:00Z") is a moment, not a day: its UTC date may be the day before.
  const iso = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : localIsoDate(new Date(value));
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** hh:mm dd/mm/yyyy in local time. */
export function formatVietnameseDateTime(at: Date | string): string {
  const date = typeof at === 'string' ? new Date(at) : at;
  const p = localDateParts(date);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')} ${formatVietnameseDate(date)}`;
}

/** Adds whole calendar days to a YYYY-MM-DD date. */
export function addCalendarDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const next = new Date(Date.UTC(y, m - 1, d + days));
  return next.toISOString().slice(0, 10);
}

export function weekdayOf(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}
