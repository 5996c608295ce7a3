/**
 * The calendar administration pages: a year at a glance (twelve month grids, days off and
 * worked weekend days coloured, provisional ones marked, names on hover and in the list), the
 * list of entries with where each comes from, the forms to add and confirm; and one entry's page
 * to change or remove it.
 */
import type { CalendarYearView, SourcedEntry } from '../../db/calendar';
import { statutoryDays } from '../../domain/holidays';
import { formatVietnameseDate, weekdayOf } from '../../domain/vietnam-time';
import { CALENDAR_KIND_LABELS, CALENDAR_SOURCE_LABELS, WEEKDAY_LABELS } from '../labels';
import type { FieldErrors } from '../validation';
import { dateTimeText } from './format';

export interface DayCell {
  day: number;
  iso: string;
  /** Modifiers of `cal__day`: rest (weekend), off, worked, provisional, today. */
  classes: string[];
  /** What hovering says: the day, and its name if it has one. */
  title: string;
}

export interface MonthGrid {
  name: string;
  /** Weeks from Monday to Sunday; null pads the first and last week. */
  weeks: (DayCell | null)[][];
}

export interface EntryRow {
  iso: string;
  dayText: string;
  kindLabel: string;
  kind: SourcedEntry['kind'];
  name: string;
  sourceLabel: string;
  provisional: boolean;
  note: string;
  updated: string;
  /** The entry's own page; computed days of a year not confirmed have none. */
  href?: string;
}

export interface EntryFormValues {
  day: string;
  kind: string;
  name: string;
  note: string;
  provisional: boolean;
}

export interface CalendarYearState {
  values?: Partial<EntryFormValues>;
  errors?: FieldErrors;
  confirmValue?: string;
  confirmErrors?: FieldErrors;
}

const MONTH_NAMES = Array.from({ length: 12 }, (_, i) => `Tháng ${i + 1}`);
export const WEEKDAY_HEADINGS = [
  { short: 'T2', long: 'Thứ Hai' },
  { short: 'T3', long: 'Thứ Ba' },
  { short: 'T4', long: 'Thứ Tư' },
  { short: 'T5', long: 'Thứ Năm' },
  { short: 'T6', long: 'Thứ Sáu' },
  { short: 'T7', long: 'Thứ Bảy' },
  { short: 'CN', long: 'Chủ nhật' },
];

const iso = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
/** "Thứ Hai 16/02/2026". */
export const dayText = (day: string) => `${capitalised(WEEKDAY_LABELS[weekdayOf(day)])} ${formatVietnameseDate(day)}`;

export const yearHref = (year: number) => `/quan-tri/lich/${year}`;
export const entryHref = (day: string) => `/quan-tri/lich/${day.slice(0, 4)}/ngay/${day}`;

function monthGrids(view: CalendarYearView, today: string): MonthGrid[] {
  const entries = new Map(view.entries.map((e) => [e.day, e]));
  // A statutory day on a weekend is a rest day anyway, but its name tells why the next weekday is off.
  const restDayNames = new Map(statutoryDays(view.year).map((d) => [d.day, d.name]));
  return MONTH_NAMES.map((name, m) => {
    const cells: (DayCell | null)[] = [];
    const first = iso(view.year, m + 1, 1);
    const lead = (weekdayOf(first) + 6) % 7;
    for (let i = 0; i < lead; i++) cells.push(null);
    const days = new Date(Date.UTC(view.year, m + 1, 0)).getUTCDate();
    for (let d = 1; d <= days; d++) {
      const day = iso(view.year, m + 1, d);
      const entry = entries.get(day);
      const weekend = [0, 6].includes(weekdayOf(day));
      const classes = [
        ...(weekend && entry?.kind !== 'working-weekend' ? ['rest'] : []),
        ...(entry?.kind === 'holiday' ? ['off'] : []),
        ...(entry?.kind === 'working-weekend' ? ['worked'] : []),
        ...(entry?.provisional ? ['provisional'] : []),
        ...(day === today ? ['today'] : []),
      ];
      const named = entry?.name ?? restDayNames.get(day);
      const what = entry ? `${CALENDAR_KIND_LABELS[entry.kind]}: ${entry.name}${entry.provisional ? ' (dự kiến)' : ''}` : named;
      cells.push({ day: d, iso: day, classes, title: what ? `${dayText(day)} — ${what}` : dayText(day) });
    }
    while (cells.length % 7) cells.push(null);
    const weeks: (DayCell | null)[][] = [];
    for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
    return { name, weeks };
  });
}

function entryRow(entry: SourcedEntry): EntryRow {
  return {
    iso: entry.day,
    dayText: dayText(entry.day),
    kindLabel: CALENDAR_KIND_LABELS[entry.kind],
    kind: entry.kind,
    name: entry.name,
    sourceLabel: CALENDAR_SOURCE_LABELS[entry.source],
    provisional: entry.provisional,
    note: entry.note ?? '',
    updated: entry.updatedBy ? `${entry.updatedBy}, ${dateTimeText(entry.updatedAt)}` : '',
    href: entry.source === 'computed' ? undefined : entryHref(entry.day),
  };
}

function yearStatus(view: CalendarYearView): { kind: 'confirmed' | 'entered' | 'computed'; text: string } {
  if (view.confirmation) {
    const { announcement, by, at } = view.confirmation;
    return { kind: 'confirmed', text: `Đã xác nhận theo ${announcement ?? 'thông báo của Chính phủ'} (${by ?? '—'}, ${dateTimeText(at)}).` };
  }
  if (view.entries.some((e) => e.source === 'entered')) {
    return {
      kind: 'entered',
      text: 'Chưa xác nhận: các ngày tính theo Bộ luật Lao động cùng các ngày đã nhập đều là dự kiến cho đến khi năm được xác nhận theo thông báo của Chính phủ.',
    };
  }
  return {
    kind: 'computed',
    text: 'Chưa có thông báo: lịch năm này được tính theo Bộ luật Lao động (điều 111, 112) và âm lịch Việt Nam; mọi ngày đều là dự kiến.',
  };
}

export function calendarYearPage(view: CalendarYearView, today: string, state: CalendarYearState = {}) {
  const off = view.entries.filter((e) => e.kind === 'holiday').length;
  const worked = view.entries.filter((e) => e.kind === 'working-weekend').length;
  return {
    title: `Lịch làm việc năm ${view.year}`,
    year: view.year,
    previousHref: yearHref(view.year - 1),
    nextHref: yearHref(view.year + 1),
    status: yearStatus(view),
    summary: `${off} ngày nghỉ trong tuần làm việc, ${worked} ngày thứ Bảy, Chủ nhật đi làm.`,
    months: monthGrids(view, today),
    weekdays: WEEKDAY_HEADINGS,
    entries: view.entries.map(entryRow),
    kinds: Object.entries(CALENDAR_KIND_LABELS).map(([value, label]) => ({ value, label })),
    form: {
      action: `${yearHref(view.year)}/ngay`,
      values: { day: '', kind: 'holiday', name: '', note: '', provisional: false, ...state.values },
      errors: state.errors ?? {},
      min: `${view.year}-01-01`,
      max: `${view.year}-12-31`,
    },
    confirm: {
      action: `${yearHref(view.year)}/xac-nhan`,
      confirmed: Boolean(view.confirmation),
      value: state.confirmValue ?? view.confirmation?.announcement ?? '',
      errors: state.confirmErrors ?? {},
      computedCount: view.entries.filter((e) => e.source === 'computed').length,
    },
    hasErrors: Boolean(Object.keys(state.errors ?? {}).length || Object.keys(state.confirmErrors ?? {}).length),
  };
}

export function calendarEntryPage(entry: SourcedEntry, state: { values?: Partial<EntryFormValues>; errors?: FieldErrors } = {}) {
  return {
    title: `${dayText(entry.day)}: ${entry.name}`,
    backHref: yearHref(Number(entry.day.slice(0, 4))),
    entry: entryRow(entry),
    /** A computed day of a year not confirmed is the rules' to give: confirm the year to correct it. */
    editable: entry.source !== 'computed',
    kinds: Object.entries(CALENDAR_KIND_LABELS).map(([value, label]) => ({ value, label })),
    form: {
      action: entryHref(entry.day),
      values: { day: entry.day, kind: entry.kind, name: entry.name, note: entry.note ?? '', provisional: entry.markedProvisional ?? entry.provisional, ...state.values },
      errors: state.errors ?? {},
      min: `${entry.day.slice(0, 4)}-01-01`,
      max: `${entry.day.slice(0, 4)}-12-31`,
    },
    removeAction: `${entryHref(entry.day)}/xoa`,
  };
}
