/** Dates as pages print them, empty when there is none. */
import { formatVietnameseDate, formatVietnameseDateTime } from '../../domain/vietnam-time';

export function dateText(at: Date | string | null | undefined): string {
  return at ? formatVietnameseDate(at) : '';
}

export function dateTimeText(at: Date | string | null | undefined): string {
  return at ? formatVietnameseDateTime(at) : '';
}
