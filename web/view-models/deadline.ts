/**
 * How a deadline reads to an official: where it stands by the legal clock's own classification
 * (domain/legal-clock.ts `deadlineState`, the same as the workflow's and the reports'), with the
 * working days left or late to say how far.
 */
import { deadlineState as standing } from '../../domain/legal-clock';
import { endedWithoutResult } from '../../domain/portal-status';
import { localIsoDate } from '../../domain/vietnam-time';
import { workingDaysBetween, type WorkingCalendar } from '../../domain/working-days';
import { DEADLINE_LABELS } from '../labels';

export type DeadlineTone = 'ok' | 'soon' | 'today' | 'overdue' | 'on-time' | 'late' | 'paused';

export interface DeadlineState {
  tone: DeadlineTone;
  label: string;
  /** Working days left (negative when overdue); undefined once finished or paused. */
  daysLeft?: number;
}

/**
 * Working days between two days, remembered per calendar: a list shows 25 rows whose due days
 * repeat, against the same today, and the calendar object lives for its cache's minute, so the
 * day-by-day count (months for an old overdue dossier) is made once, not on every row and page.
 */
const countsByCalendar = new WeakMap<WorkingCalendar, Map<string, number>>();
const REMEMBERED_COUNTS = 10_000;
function workingDaysMemo(from: string, to: string, calendar: WorkingCalendar): number {
  let counts = countsByCalendar.get(calendar);
  if (!counts) countsByCalendar.set(calendar, (counts = new Map()));
  const key = `${from}/${to}`;
  let count = counts.get(key);
  if (count === undefined) {
    if (counts.size >= REMEMBERED_COUNTS) counts.clear();
    counts.set(key, (count = workingDaysBetween(from, to, calendar)));
  }
  return count;
}

export function deadlineState(
  dueAt: Date | null | undefined,
  finishedAt: Date | null | undefined,
  calendar: WorkingCalendar,
  now = new Date(),
  paused = false,
): DeadlineState | undefined {
  if (!dueAt) return undefined;
  const state = standing(dueAt, { finishedAt, paused, now }, calendar);
  const daysLeft = () => workingDaysMemo(localIsoDate(now), localIsoDate(dueAt), calendar);
  switch (state) {
    case 'early':
    case 'on-time':
      return { tone: 'on-time', label: DEADLINE_LABELS.onTime };
    case 'late':
      return { tone: 'late', label: DEADLINE_LABELS.late(Math.max(1, workingDaysMemo(localIsoDate(dueAt), localIsoDate(finishedAt!), calendar))) };
    case 'paused':
      return { tone: 'paused', label: DEADLINE_LABELS.paused };
    case 'overdue': {
      const left = daysLeft();
      return { tone: 'overdue', label: DEADLINE_LABELS.overdue(Math.max(1, -left)), daysLeft: Math.min(left, -1) };
    }
    case 'due-soon': {
      const left = daysLeft();
      return left === 0 ? { tone: 'today', label: DEADLINE_LABELS.today, daysLeft: left } : { tone: 'soon', label: DEADLINE_LABELS.left(left), daysLeft: left };
    }
    case 'not-due': {
      const left = daysLeft();
      return { tone: 'ok', label: DEADLINE_LABELS.left(left), daysLeft: left };
    }
  }
}

/** Not accepted, withdrawn, stopped (domain/portal-status.ts). */
const ENDED_STATUSES = new Set([3, 7, 8]);

/**
 * A dossier's own deadline standing, for any page or list that shows one: none for a dossier
 * refused, rejected, withdrawn or stopped (it was not "completed on time": it was not completed).
 */
export function dossierDeadline(
  dossier: { appointmentAt?: Date | null; decidedAt?: Date | null; completedAt?: Date | null; pausedSince?: Date | null; outcome?: string | null; status: number },
  calendar: WorkingCalendar,
  now = new Date(),
): DeadlineState | undefined {
  if (endedWithoutResult(dossier)) return undefined;
  return deadlineState(dossier.appointmentAt, dossier.decidedAt ?? dossier.completedAt, calendar, now, !!dossier.pausedSince);
}
