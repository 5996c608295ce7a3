/**
 * The working calendar as administrators keep it (/quan-tri/lich): a year's days and where each
 * comes from, adding, changing and removing an entry, and confirming a year with the
 * government's announcement. Each change is one transaction with its audit event (who, what,
 * before and after) and the day's `updated_by/at`; a change that alters which days are worked is
 * then announced (CalendarChanges) so open dossiers' deadlines are computed again, with the
 * reason in their timelines.
 *
 * A year not confirmed is the Labour Code's days overlaid by entries (db/calendar.ts): its
 * computed days cannot be changed or removed one by one. Confirming the year writes them down as
 * entries, as the administrator saw them; from then on every day is an entry to correct.
 */
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type CalendarYearView, loadCalendarYears, type SourcedEntry } from '../../db/calendar';
import { type AuditEntry, appendAuditEntries } from '../../db/audit';
import { CalendarDay, CalendarYear, type ICalendarDay } from '../../db/entities';
import type { Orm } from '../../db/orm';
import type { CalendarEntry } from '../../domain/calendar';
import { formatVietnameseDate } from '../../domain/vietnam-time';
import type { FieldErrors } from '../validation';
import type { CalendarChanges } from './calendar-changes';

export interface CalendarEntryInput {
  /** YYYY-MM-DD, a real day of the year edited, on a weekday for a day off and a weekend day for a worked one. */
  day: string;
  kind: CalendarEntry['kind'];
  name: string;
  note: string;
  provisional: boolean;
}

/** Who acts, for the audit trail. */
export interface CalendarEditor {
  username: string;
  ip?: string;
}

export type CalendarEdit =
  | { kind: 'done'; message: string; /** Set when the open dossiers could not be told. */ warning?: string }
  | { kind: 'refused'; errors: FieldErrors }
  | { kind: 'not-found' };

/** What an edit's work decided: refused (field errors), nothing there, or done, with what to tell. */
type Work = { refused: FieldErrors } | 'not-found' | { message: string; /** Quoted in each moved deadline's timeline. */ change: string };

const date = formatVietnameseDate;
/** The first key of the transaction lock that serialises edits of one year (the second is the year). */
const CALENDAR_LOCK = 7_100;
const yearOf = (day: string) => Number(day.slice(0, 4));

function entryRecord(e: Pick<CalendarEntry, 'day' | 'kind' | 'name' | 'provisional'> & { note?: string | null }) {
  return { day: e.day, kind: e.kind, name: e.name, provisional: e.provisional, note: e.note ?? null };
}

/** The days of a year that are off or worked against the Monday-to-Friday rule, by day. */
function dayKinds(entries: readonly CalendarEntry[]): Map<string, CalendarEntry['kind']> {
  return new Map(entries.map((e) => [e.day, e.kind]));
}

function sameDays(a: readonly CalendarEntry[], b: readonly CalendarEntry[]): boolean {
  const before = dayKinds(a);
  const after = dayKinds(b);
  return before.size === after.size && [...before].every(([day, kind]) => after.get(day) === kind);
}

/** "Ngày nghỉ 04/01/2027 (Nghỉ bù Tết Dương lịch) được công bố (Thông báo …)". */
function withNote(text: string, note: string | null | undefined): string {
  return note ? `${text} (${note})` : text;
}

export class CalendarAdmin {
  constructor(
    private readonly orm: Orm,
    private readonly changes: CalendarChanges,
    private readonly log: (line: string) => void = console.log,
  ) {}

  /** A year's entries, where each comes from, and its confirmation. */
  async year(year: number): Promise<CalendarYearView> {
    const [view] = await loadCalendarYears(this.orm.em.fork(), year, year);
    return view;
  }

  /** One entry of the calendar, as the year shows it. */
  async entry(day: string): Promise<SourcedEntry | undefined> {
    return (await this.year(yearOf(day))).entries.find((e) => e.day === day);
  }

  async add(editor: CalendarEditor, input: CalendarEntryInput): Promise<CalendarEdit> {
    return this.edit(editor, yearOf(input.day), async (em, entries): Promise<Work> => {
      const taken = entries.find((e) => e.day === input.day);
      if (taken) return { refused: { day: takenMessage(taken) } };
      em.create(CalendarDay, { ...entryRecord(input), note: input.note || null, updatedAt: new Date(), updatedBy: editor.username });
      this.audit(em, editor, 'calendar-day-added', input.day, null, entryRecord(input));
      return {
        message: `Đã thêm ${date(input.day)} (${input.name}) vào lịch.`,
        change:
          input.kind === 'holiday'
            ? withNote(`Ngày nghỉ ${date(input.day)} (${input.name}) được công bố`, input.note)
            : withNote(`Ngày làm bù ${date(input.day)} (${input.name}) được công bố`, input.note),
      };
    });
  }

  async change(editor: CalendarEditor, day: string, input: CalendarEntryInput): Promise<CalendarEdit> {
    return this.edit(editor, yearOf(day), async (em, entries): Promise<Work> => {
      const row = await em.findOne(CalendarDay, { day });
      if (!row) return entries.some((e) => e.day === day) ? { refused: { form: COMPUTED_IS_FIXED } } : 'not-found';
      const before = entryRecord(row);
      if (input.day !== day) {
        const taken = entries.find((e) => e.day === input.day);
        if (taken) return { refused: { day: takenMessage(taken) } };
        em.remove(row);
        em.create(CalendarDay, { ...entryRecord(input), note: input.note || null, updatedAt: new Date(), updatedBy: editor.username });
      } else {
        em.assign(row, { kind: input.kind, name: input.name, note: input.note || null, provisional: input.provisional, updatedAt: new Date(), updatedBy: editor.username });
      }
      this.audit(em, editor, 'calendar-day-changed', day, before, entryRecord(input));
      const moved = input.day !== day;
      return {
        message: moved ? `Đã chuyển ${date(day)} sang ${date(input.day)} (${input.name}).` : `Đã sửa ${date(day)} (${input.name}).`,
        change: moved
          ? withNote(`${input.kind === 'holiday' ? 'Ngày nghỉ' : 'Ngày làm bù'} ${date(day)} được chuyển sang ${date(input.day)} (${input.name})`, input.note)
          : withNote(`Ngày ${date(day)} được sửa thành ${input.kind === 'holiday' ? 'ngày nghỉ' : 'ngày làm bù'} (${input.name})`, input.note),
      };
    });
  }

  async remove(editor: CalendarEditor, day: string): Promise<CalendarEdit> {
    return this.edit(editor, yearOf(day), async (em, entries): Promise<Work> => {
      const row = await em.findOne(CalendarDay, { day });
      if (!row) return entries.some((e) => e.day === day) ? { refused: { form: COMPUTED_IS_FIXED } } : 'not-found';
      const before = entryRecord(row);
      em.remove(row);
      this.audit(em, editor, 'calendar-day-removed', day, before, null);
      return {
        message: `Đã bỏ ${date(day)} (${before.name}) khỏi lịch.`,
        change:
          before.kind === 'holiday'
            ? `Ngày ${date(day)} (${before.name}) không còn là ngày nghỉ`
            : `Ngày ${date(day)} (${before.name}) không còn là ngày làm bù`,
      };
    });
  }

  /**
   * Confirms a year with the announcement it was checked against. The first time, the days the
   * rules computed become entries, so the year stays what the administrator saw; again, it
   * corrects the reference.
   */
  async confirm(editor: CalendarEditor, year: number, announcement: string): Promise<CalendarEdit> {
    return this.edit(editor, year, async (em, entries): Promise<Work> => {
      const existing = await em.findOne(CalendarYear, { year });
      const before = existing ? { announcement: existing.announcement ?? null, confirmedAt: existing.confirmedAt ?? null, confirmedBy: existing.confirmedBy ?? null } : null;
      const now = new Date();
      const written = entries.filter((e) => e.source === 'computed');
      for (const e of written) {
        em.create(CalendarDay, {
          ...entryRecord({ ...e, provisional: false }),
          note: `Tính theo Bộ luật Lao động; xác nhận theo ${announcement}`,
          updatedAt: now,
          updatedBy: editor.username,
        });
      }
      if (existing) em.assign(existing, { announcement, confirmedAt: now, confirmedBy: editor.username });
      else em.create(CalendarYear, { year, announcement, confirmedAt: now, confirmedBy: editor.username });
      this.audit(em, editor, 'calendar-year-confirmed', String(year), before, {
        announcement,
        confirmedAt: now,
        confirmedBy: editor.username,
        daysWritten: written.map((e) => e.day),
      });
      const again = Boolean(existing?.confirmedAt);
      return {
        message: again ? `Đã cập nhật văn bản xác nhận lịch năm ${year}.` : `Đã xác nhận lịch năm ${year} theo ${announcement}.`,
        change: `Lịch năm ${year} được xác nhận theo ${announcement}`,
      };
    });
  }

  /**
   * One change in one transaction: `work` sees the year's entries as they stand and either
   * refuses (nothing written) or returns what to tell. Afterwards, when the year's days off or
   * worked differ from before, the change is announced to the open dossiers.
   */
  private async edit(
    editor: CalendarEditor,
    year: number,
    work: (em: EntityManager, entries: SourcedEntry[]) => Promise<Work>,
  ): Promise<CalendarEdit> {
    let outcome: Work = 'not-found';
    let change: { reason: string } | undefined;
    try {
      await this.orm.em.fork().transactional(async (em) => {
        // One administrator at a time per year: two edits of the same day cannot both pass the checks.
        await em.execute('select pg_advisory_xact_lock(?, ?)', [CALENDAR_LOCK, year]);
        const [before] = await loadCalendarYears(em, year, year);
        outcome = await work(em, before.entries);
        if (outcome === 'not-found' || 'refused' in outcome) return;
        await em.flush();
        const [after] = await loadCalendarYears(em, year, year);
        if (!sameDays(before.entries, after.entries)) change = { reason: outcome.change };
        // Last in the transaction: the trail's lock is held until the commit.
        await appendAuditEntries(em, this.pendingAudit.get(em) ?? []);
      });
    } catch (error) {
      // Two tabs adding the same day: the second meets the first's row.
      if (error instanceof UniqueConstraintViolationException) return { kind: 'refused', errors: { day: 'Ngày này vừa được người khác ghi vào lịch; vui lòng tải lại trang.' } };
      throw error;
    }
    const result = outcome as Work;
    if (result === 'not-found') return { kind: 'not-found' };
    if ('refused' in result) return { kind: 'refused', errors: result.refused };
    if (!change) return { kind: 'done', message: result.message };
    try {
      await this.changes.announce(change.reason);
      return { kind: 'done', message: `${result.message} Thời hạn của các hồ sơ đang xử lý được tính lại theo lịch mới.` };
    } catch (error) {
      this.log(`[calendar] the change "${change.reason}" is saved but open dossiers were not told: ${error instanceof Error ? error.message : String(error)}`);
      return {
        kind: 'done',
        message: result.message,
        warning: 'Thay đổi đã được lưu, nhưng chưa báo được cho các hồ sơ đang xử lý để tính lại thời hạn. Vui lòng báo bộ phận kỹ thuật.',
      };
    }
  }

  /** Entries each edit's transaction appends to the trail once its change is flushed (edit). */
  private readonly pendingAudit = new WeakMap<EntityManager, AuditEntry[]>();

  private audit(em: EntityManager, editor: CalendarEditor, action: string, target: string, before: unknown, after: unknown): void {
    const entries = this.pendingAudit.get(em) ?? [];
    entries.push({ actor: editor.username, action, target: `lich:${target}`, ip: editor.ip ?? null, detail: { before, after } });
    this.pendingAudit.set(em, entries);
  }
}

const COMPUTED_IS_FIXED =
  'Ngày này được tính theo Bộ luật Lao động vì năm chưa được xác nhận. Khi có thông báo của Chính phủ, hãy xác nhận năm (các ngày tính sẵn được ghi thành mục), rồi sửa hoặc bỏ ngày này.';

function takenMessage(entry: SourcedEntry | ICalendarDay): string {
  const how = 'source' in entry && entry.source === 'computed' ? ', tính theo Bộ luật Lao động' : '';
  return `Ngày ${date(entry.day)} đã có trong lịch (${entry.name}${how}); hãy sửa mục đó thay vì thêm mới.`;
}
