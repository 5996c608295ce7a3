/** How a deadline reads to an official, counted in working days. */
import { localIsoDate } from '../../domain/vietnam-time';
import { workingDaysBetween, type WorkingCalendar } from '../../domain/working-days';
import { DEADLINE_LABELS } from '../labels';

export type DeadlineTone = 'ok' | 'soon' | 'today' | 'overdue' | 'on-time' | 'late';

export interface DeadlineState {
  tone: DeadlineTone;
  label: string;
  /** Working days left (negative when overdue); undefined once finished. */
  daysLeft?: number;
}

export function deadlineState(
  dueAt: Date | null | undefined,
  finishedAt: Date | null | undefined,
  calendar: WorkingCalendar,
  now = new Date(),
): DeadlineState | undefined {
  if (!dueAt) return undefined;
  if (finishedAt) {
    return finishedAt.getTime() <= dueAt.getTime()
      ? { tone: 'on-time', label: DEADLINE_LABELS.onTime }
      : { tone: 'late', label: DEADLINE_LABELS.late(Math.max(1, workingDaysBetween(localIsoDate(dueAt), localIsoDate(finishedAt), calendar))) };
  }
  const daysLeft = workingDaysBetween(localIsoDate(now), localIsoDate(dueAt), calendar);
  if (daysLeft < 0 || (daysLeft === 0 && now.getTime() > dueAt.getTime()))
    return { tone: 'overdue', label: DEADLINE_LABELS.overdue(Math.max(1, -daysLeft)), daysLeft: Math.min(daysLeft, -1) };
  if (daysLeft === 0) return { tone: 'today', label: DEADLINE_LABELS.today, daysLeft };
  return { tone: daysLeft === 1 ? 'soon' : 'ok', label: DEADLINE_LABELS.left(daysLeft), daysLeft };
}
