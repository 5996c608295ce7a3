/**
 * The legal clock: when a time limit falls due, as the law counts it. One function for the
 * workflow (its durable timers), the pages and the reports, so the same dossier has the same
 * deadline everywhere. Pure and deterministic (workflow code uses it): time comes in as ISO
 * instants, the calendar as data.
 *
 * - Working days (the usual case): the day of receipt does not count (Civil Code art. 147); a
 *   dossier received after the office's cut-off hour, or on a day off, counts from the next
 *   working day; the limit falls due when the office closes on the Nth working day after.
 * - Working hours (e.g. 8 working hours for a certificate of origin, or to acknowledge an online
 *   dossier): counted in the office's sessions from the moment of receipt (the next session's
 *   opening when received outside one, or after the cut-off).
 * - Calendar days: N days after the day of receipt; a last day that is a day off moves to the
 *   next working day (Civil Code art. 148); due at closing.
 * - The clock pauses while the dossier waits for the applicant: each pause moves the due date by
 *   the working time it lasted (working days for a limit in days, working minutes for one in
 *   hours, calendar days for calendar days).
 * - A new appointment given with an apology (form 04) replaces the due date; pauses after it
 *   move it again.
 */
import { addCalendarDays, atLocalTime, localDateParts, localIsoDate, weekdayOf } from './vietnam-time';
import { isWorkingDay, nextWorkingDay, type WorkingCalendar, workingDaysBetween } from './working-days';

/** How an office works: its sessions on a working day, and the cut-off for counting the day. */
export interface OfficeHours {
  /** `HH:MM`, local: a dossier received at or after it counts from the next working day. */
  cutoff: string;
  /** The working sessions of a working day, `HH:MM` to `HH:MM`, in order. */
  sessions: readonly { start: string; end: string }[];
}

/** Decree 30/2018 practice for civil servants; an agency may set its own (`agency.office_hours`). */
export const DEFAULT_OFFICE_HOURS: OfficeHours = {
  cutoff: '15:00',
  sessions: [
    { start: '07:30', end: '11:30' },
    { start: '13:00', end: '17:00' },
  ],
};

export const TIME_LIMIT_UNITS = ['working-days', 'working-hours', 'calendar-days'] as const;
export type TimeLimitUnit = (typeof TIME_LIMIT_UNITS)[number];

export interface TimeLimit {
  amount: number;
  unit: TimeLimitUnit;
}

/** A time when the clock stood still (the dossier waited for the applicant); `to` absent while it still does. */
export interface ClockPause {
  from: string;
  to?: string;
  reason: string;
}

/** A new appointment given with an apology: the due date from then on. */
export interface NewAppointment {
  /** When it was given. */
  at: string;
  dueAt: string;
}

export interface ClockInput {
  /** When the limit starts: the dossier accepted, the task opened. */
  receivedAt: string;
  limit: TimeLimit;
  pauses?: readonly ClockPause[];
  appointment?: NewAppointment;
}

export interface Deadline {
  /** The instant counting starts (after the cut-off and days off). */
  startAt: string;
  /** When the limit falls due without pauses or a new appointment. */
  baseDueAt: string;
  /** When it falls due now. */
  dueAt: string;
  /** The clock stands still now (an open pause). */
  paused: boolean;
  /** Working time the pauses took, in the limit's unit (minutes for working hours). */
  pausedAmount: number;
}

// ——— Office hours ———

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

function sessionsOf(hours: OfficeHours): { start: number; end: number }[] {
  return hours.sessions.map((s) => ({ start: minutesOf(s.start), end: minutesOf(s.end) }));
}

/** Minutes since local midnight of an instant, and its local day. */
function localClock(at: Date): { day: string; minute: number } {
  const p = localDateParts(at);
  return { day: localIsoDate(at), minute: p.hour * 60 + p.minute };
}

const atMinute = (day: string, minute: number) => atLocalTime(day, Math.floor(minute / 60), minute % 60);

/** When the office closes on a working day (the end of its last session). */
export function closingOf(day: string, hours: OfficeHours): Date {
  const sessions = sessionsOf(hours);
  return atMinute(day, sessions[sessions.length - 1].end);
}

/** Working minutes in one working day. */
function minutesPerDay(hours: OfficeHours): number {
  return sessionsOf(hours).reduce((sum, s) => sum + s.end - s.start, 0);
}

// ——— Starting the clock ———

/** The day counting starts from: the receipt day, or the next working day when received after the cut-off or on a day off. */
export function countingDay(receivedAt: string, calendar: WorkingCalendar, hours: OfficeHours): string {
  const { day, minute } = localClock(new Date(receivedAt));
  if (isWorkingDay(day, calendar) && minute < minutesOf(hours.cutoff)) return day;
  return nextWorkingDay(day, calendar);
}

/** The first working instant at or after `at` (inside a session of a working day). */
function nextWorkingInstant(at: Date, calendar: WorkingCalendar, hours: OfficeHours): { day: string; minute: number } {
  const sessions = sessionsOf(hours);
  let { day, minute } = localClock(at);
  for (let i = 0; i < 400; i++) {
    if (isWorkingDay(day, calendar)) {
      const session = sessions.find((s) => minute < s.end);
      if (session) return { day, minute: Math.max(minute, session.start) };
    }
    day = nextWorkingDay(day, calendar);
    minute = 0;
  }
  throw new Error('no working time within 400 days: the calendar is broken');
}

// ——— Counting ———

/** Working minutes between two instants (0 when `to` is not after `from`). */
export function workingMinutesBetween(from: Date, to: Date, calendar: WorkingCalendar, hours: OfficeHours): number {
  if (to <= from) return 0;
  const sessions = sessionsOf(hours);
  let total = 0;
  let day = localClock(from).day;
  const last = localClock(to).day;
  for (let i = 0; day <= last && i < 4000; i++, day = addCalendarDays(day, 1)) {
    if (!isWorkingDay(day, calendar)) continue;
    for (const s of sessions) {
      const start = Math.max(atMinute(day, s.start).getTime(), from.getTime());
      const end = Math.min(atMinute(day, s.end).getTime(), to.getTime());
      if (end > start) total += (end - start) / 60_000;
    }
  }
  return Math.round(total);
}

/** The instant `minutes` working minutes after the working instant `start`. */
function addWorkingMinutes(start: { day: string; minute: number }, minutes: number, calendar: WorkingCalendar, hours: OfficeHours): Date {
  const sessions = sessionsOf(hours);
  let { day, minute } = start;
  let left = minutes;
  for (let i = 0; i < 4000; i++) {
    if (isWorkingDay(day, calendar)) {
      for (const s of sessions) {
        if (minute >= s.end) continue;
        const from = Math.max(minute, s.start);
        const room = s.end - from;
        if (left <= room) return atMinute(day, from + left);
        left -= room;
        minute = s.end;
      }
    }
    day = nextWorkingDay(day, calendar);
    minute = 0;
  }
  throw new Error('working time beyond 4000 days: the calendar is broken');
}

/** The instant `minutes` working minutes before `at` (for reminders ahead of a deadline). */
export function subtractWorkingMinutes(at: Date, minutes: number, calendar: WorkingCalendar, hours: OfficeHours): Date {
  const sessions = sessionsOf(hours);
  let { day, minute } = localClock(at);
  let left = minutes;
  for (let i = 0; i < 4000; i++) {
    if (isWorkingDay(day, calendar)) {
      for (const s of [...sessions].reverse()) {
        if (minute <= s.start) continue;
        const to = Math.min(minute, s.end);
        const room = to - s.start;
        if (left <= room) return atMinute(day, to - left);
        left -= room;
        minute = s.start;
      }
    }
    day = addCalendarDays(day, -1);
    minute = 24 * 60;
  }
  throw new Error('working time beyond 4000 days: the calendar is broken');
}

/** The working time a pause took, in the limit's unit. */
function pauseAmount(pause: ClockPause, unit: TimeLimitUnit, now: Date, calendar: WorkingCalendar, hours: OfficeHours): number {
  const from = new Date(pause.from);
  const to = pause.to ? new Date(pause.to) : now;
  if (to <= from) return 0;
  switch (unit) {
    case 'working-days':
      return Math.max(0, workingDaysBetween(localIsoDate(from), localIsoDate(to), calendar));
    case 'working-hours':
      return workingMinutesBetween(from, to, calendar, hours);
    case 'calendar-days':
      return Math.max(0, Math.round((Date.parse(localIsoDate(to)) - Date.parse(localIsoDate(from))) / 86_400_000));
  }
}

/** Moves a due instant by an amount of the limit's unit. */
function extend(dueAt: Date, amount: number, unit: TimeLimitUnit, calendar: WorkingCalendar, hours: OfficeHours): Date {
  if (amount <= 0) return dueAt;
  switch (unit) {
    case 'working-days': {
      let day = localIsoDate(dueAt);
      for (let i = 0; i < amount; i++) day = nextWorkingDay(day, calendar);
      return closingOf(day, hours);
    }
    case 'working-hours':
      return addWorkingMinutes(nextWorkingInstant(dueAt, calendar, hours), amount, calendar, hours);
    case 'calendar-days': {
      let day = addCalendarDays(localIsoDate(dueAt), amount);
      if (!isWorkingDay(day, calendar)) day = nextWorkingDay(day, calendar);
      return closingOf(day, hours);
    }
  }
}

/** When a limit falls due, without pauses. */
function baseDeadline(input: ClockInput, calendar: WorkingCalendar, hours: OfficeHours): { startAt: Date; dueAt: Date } {
  const { amount, unit } = input.limit;
  const received = new Date(input.receivedAt);
  switch (unit) {
    case 'working-days': {
      const start = countingDay(input.receivedAt, calendar, hours);
      let day = start;
      for (let i = 0; i < amount; i++) day = nextWorkingDay(day, calendar);
      return { startAt: start === localIsoDate(received) ? received : atMinute(start, sessionsOf(hours)[0].start), dueAt: closingOf(day, hours) };
    }
    case 'working-hours': {
      const startDay = countingDay(input.receivedAt, calendar, hours);
      const start = startDay === localIsoDate(received) ? nextWorkingInstant(received, calendar, hours) : { day: startDay, minute: sessionsOf(hours)[0].start };
      return { startAt: atMinute(start.day, start.minute), dueAt: addWorkingMinutes(start, amount * 60, calendar, hours) };
    }
    case 'calendar-days': {
      const start = countingDay(input.receivedAt, calendar, hours);
      let day = addCalendarDays(start, amount);
      if (!isWorkingDay(day, calendar)) day = nextWorkingDay(day, calendar);
      return { startAt: start === localIsoDate(received) ? received : atMinute(start, sessionsOf(hours)[0].start), dueAt: closingOf(day, hours) };
    }
  }
}

/**
 * When a time limit falls due: from its start, the calendar, the office's hours, the pauses and a
 * new appointment if one was given. `now` closes a pause still open (the dossier still waits).
 */
export function computeDeadline(input: ClockInput, calendar: WorkingCalendar, hours: OfficeHours, now: string = input.receivedAt): Deadline {
  const { startAt, dueAt: base } = baseDeadline(input, calendar, hours);
  const unit = input.limit.unit;
  const appointment = input.appointment;
  let due = appointment ? new Date(appointment.dueAt) : base;
  let paused = 0;
  for (const pause of input.pauses ?? []) {
    // Pauses before a new appointment are already in it: it was given knowing them.
    if (appointment && pause.from < appointment.at) continue;
    paused += pauseAmount(pause, unit, new Date(now), calendar, hours);
  }
  due = extend(due, paused, unit, calendar, hours);
  return {
    startAt: startAt.toISOString(),
    baseDueAt: base.toISOString(),
    dueAt: due.toISOString(),
    paused: (input.pauses ?? []).some((p) => !p.to),
    pausedAmount: paused,
  };
}

// ——— Reading a deadline ———

export type DeadlineState = 'not-due' | 'due-soon' | 'overdue' | 'paused' | 'early' | 'on-time' | 'late';

/**
 * Where a deadline stands: open ones by how much working time is left (due soon: within
 * `soonWorkingDays` working days, the last one included), finished ones by when they finished
 * (early: before the due day; on time: on it; late: after the due instant).
 */
export function deadlineState(
  dueAt: string | Date,
  options: { finishedAt?: string | Date | null; paused?: boolean; now: string | Date; soonWorkingDays?: number },
  calendar: WorkingCalendar,
): DeadlineState {
  const due = new Date(dueAt);
  if (options.finishedAt) {
    const finished = new Date(options.finishedAt);
    if (finished > due) return 'late';
    return localIsoDate(finished) < localIsoDate(due) ? 'early' : 'on-time';
  }
  if (options.paused) return 'paused';
  const now = new Date(options.now);
  if (now > due) return 'overdue';
  const left = workingDaysBetween(localIsoDate(now), localIsoDate(due), calendar);
  return left <= (options.soonWorkingDays ?? 1) ? 'due-soon' : 'not-due';
}

export interface DeadlineExplanation {
  /** The day counting starts from, and why it is not the receipt day when it is not. */
  startDay: string;
  startNote?: string;
  /** Working days counted (working-days limits), in order. */
  counted: string[];
  /** Days between the start and the due day that did not count, with the reason. */
  skipped: { day: string; reason: string }[];
  pauses: { from: string; to?: string; reason: string; amount: number }[];
  dueAt: string;
}

/**
 * The deadline as a person checks it by hand: where counting started, each day counted, each
 * day skipped (weekend, holiday by name), each pause and how much it moved the date.
 */
export function explainDeadline(
  input: ClockInput,
  calendar: WorkingCalendar & { names?: ReadonlyMap<string, string> },
  hours: OfficeHours,
  now: string = input.receivedAt,
): DeadlineExplanation {
  const deadline = computeDeadline(input, calendar, hours, now);
  const received = localIsoDate(new Date(input.receivedAt));
  const startDay = countingDay(input.receivedAt, calendar, hours);
  const startNote =
    startDay === received
      ? undefined
      : isWorkingDay(received, calendar)
        ? `nhận sau ${hours.cutoff}, tính từ ngày làm việc tiếp theo`
        : 'nhận vào ngày nghỉ, tính từ ngày làm việc tiếp theo';
  const dueDay = localIsoDate(new Date(deadline.dueAt));
  const counted: string[] = [];
  const skipped: { day: string; reason: string }[] = [];
  for (let day = addCalendarDays(startDay, 1); day <= dueDay; day = addCalendarDays(day, 1)) {
    if (isWorkingDay(day, calendar)) counted.push(day);
    else {
      const weekday = weekdayOf(day);
      const name = calendar.names?.get(day);
      skipped.push({ day, reason: name ?? (weekday === 0 ? 'Chủ nhật' : weekday === 6 ? 'Thứ Bảy' : 'Ngày nghỉ') });
    }
  }
  return {
    startDay,
    startNote,
    counted,
    skipped,
    pauses: (input.pauses ?? []).map((p) => ({ ...p, amount: pauseAmount(p, input.limit.unit, new Date(now), calendar, hours) })),
    dueAt: deadline.dueAt,
  };
}

/** A limit in words: "15 ngày làm việc", "8 giờ làm việc", "30 ngày". */
export function timeLimitLabel(limit: TimeLimit): string {
  const amount = String(limit.amount).replace('.', ',');
  switch (limit.unit) {
    case 'working-days':
      return limit.amount === 0 ? 'Trong ngày làm việc' : `${amount} ngày làm việc`;
    case 'working-hours':
      return `${amount} giờ làm việc`;
    case 'calendar-days':
      return `${amount} ngày`;
  }
}

/** Minutes in a working day of these hours, for converting a lead time given in days. */
export function workingMinutesPerDay(hours: OfficeHours): number {
  return minutesPerDay(hours);
}
