/**
 * How a deadline reads to an official: where it stands by the legal clock's own classification
 * (domain/legal-clock.ts `deadlineState`, the same as the workflow's and the reports'), with the
 * working days left or late to say how far.
 */
import { deadlineState as standing } from '../../domain/legal-clock';
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

export function deadlineState(
  dueAt: Date | null | undefined,
  finishedAt: Date | null | undefined,
  calendar: WorkingCalendar,
  now = new Date(),
  paused = false,
): DeadlineState | undefined {
  if (!dueAt) return undefined;
  const state = standing(dueAt, { finishedAt, paused, now }, calendar);
  const daysLeft = workingDaysBetween(localIsoDate(now), localIsoDate(dueAt), calendar);
  switch (state) {
    case 'early':
    case 'on-time':
      return { tone: 'on-time', label: DEADLINE_LABELS.onTime };
    case 'late':
      return { tone: 'late', label: DEADLINE_LABELS.late(Math.max(1, workingDaysBetween(localIsoDate(dueAt), localIsoDate(finishedAt!), calendar))) };
    case 'paused':
      return { tone: 'paused', label: DEADLINE_LABELS.paused };
    case 'overdue':
      return { tone: 'overdue', label: DEADLINE_LABELS.overdue(Math.max(1, -daysLeft)), daysLeft: Math.min(daysLeft, -1) };
    case 'due-soon':
      return daysLeft === 0 ? { tone: 'today', label: DEADLINE_LABELS.today, daysLeft } : { tone: 'soon', label: DEADLINE_LABELS.left(daysLeft), daysLeft };
    case 'not-due':
      return { tone: 'ok', label: DEADLINE_LABELS.left(daysLeft), daysLeft };
  }
}
