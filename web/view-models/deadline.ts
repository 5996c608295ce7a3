/** How a deadline reads to an official, counted in working days. */
import { localIsoDate } from '../../domain/vietnam-time';
import { workingDaysBetween, type WorkingCalendar } from '../../domain/working-days';

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
      ? { tone: 'on-time', label: 'Hoàn thành đúng hạn' }
      : { tone: 'late', label: `Hoàn thành trễ ${Math.max(1, workingDaysBetween(localIsoDate(dueAt), localIsoDate(finishedAt), calendar))} ngày làm việc` };
  }
  const daysLeft = workingDaysBetween(localIsoDate(now), localIsoDate(dueAt), calendar);
  if (daysLeft < 0 || (daysLeft === 0 && now.getTime() > dueAt.getTime()))
    return { tone: 'overdue', label: `Quá hạn ${Math.max(1, -daysLeft)} ngày làm việc`, daysLeft: Math.min(daysLeft, -1) };
  if (daysLeft === 0) return { tone: 'today', label: 'Đến hạn hôm nay', daysLeft };
  if (daysLeft === 1) return { tone: 'soon', label: 'Còn 1 ngày làm việc', daysLeft };
  return { tone: 'ok', label: `Còn ${daysLeft} ngày làm việc`, daysLeft };
}
