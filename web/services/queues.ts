/**
 * Officials' queues and the agency's archive, at a province's volume (issue 9, "Queues that
 * scale"). One query per page and one for the counters, in plain SQL over the read model:
 *
 * - task queues (open tasks of the official's role in the official's agency): all I may work on
 *   (the default: mine and my group's); mine; my group's
 *   (nobody holds it, and it is given to no group or to my department); due soon; overdue;
 *   returned (a step visited again, `<step>-2`, …: only a return action sends a dossier back);
 * - dossier lists: the dossiers I handled (a task of them I finished), and the archive (every
 *   dossier of the agency, finished included).
 *
 * Search by dossier code (prefix), citizen ID (exact) or applicant name (from its first word, or
 * else from a later one; with or without diacritics: `motcua_unaccent`); filters on the dossier; keyset
 * pagination (never OFFSET) on (sort key, id), so no row shows twice nor goes missing while rows
 * move. Indexes: db/migrations/Migration20261208010000Queues.ts. Everything is scoped to the
 * official's agency (or to the official) here, not in the routes.
 */
import type { Orm } from '../../db/orm';
import type { DossierInput } from '../../workflows/messages';
import { Official } from '../../db/entities';
import { isTaskRole } from '../../domain/roles';
import { atLocalTime, addCalendarDays, localIsoDate } from '../../domain/vietnam-time';
import { nextWorkingDay, type WorkingCalendar } from '../../domain/working-days';
import type { SessionUser } from '../session-user';

export const TASK_TABS = ['open', 'mine', 'group', 'due-soon', 'overdue', 'returned'] as const;
export const DOSSIER_TABS = ['handled', 'archive'] as const;
export type TaskTab = (typeof TASK_TABS)[number];
export type DossierTab = (typeof DOSSIER_TABS)[number];
export type QueueTab = TaskTab | DossierTab;
export type QueueSort = 'due' | 'received';
export type Channel = DossierInput['channel'];

export const PAGE_SIZE = 25;
/** Counters of the dossier lists stop here (a count of a million rows is not worth its time). */
export const COUNT_CAP = { handled: 1_000, archive: 10_000 } as const;

export interface QueueFilter {
  /** What was typed in the search box (already checked by the route: length, characters). */
  q?: string;
  procedure?: string;
  status?: number;
  channel?: Channel;
  /** Received from / to, Vietnamese calendar days (YYYY-MM-DD), both included. */
  from?: string;
  to?: string;
}

export interface QueueQuery extends QueueFilter {
  tab: QueueTab;
  sort?: QueueSort;
  /** The cursor of the page before (opaque to the page). */
  after?: string;
}

/**
 * How a name is looked for: names that start with what was typed (family name first, as names
 * are written and read off an ID card: an index range scan), or, when none does, names with a
 * later word that starts with it ("van an" for "Nguyễn Văn An": a range scan of the names' tails,
 * `dossier_name_word`; said on the page). `contains` keeps its name in cursors made before.
 */
export type NameMatch = 'prefix' | 'contains';

export interface QueueListRow {
  dossierId: number;
  code: string;
  applicantName: string;
  applicantCitizenId: string;
  procedureCode: string;
  procedureVersion: number;
  procedureName: string;
  status: number;
  outcome: string | null;
  channel: Channel;
  submittedAt: Date;
  acceptedAt: Date | null;
  appointmentAt: Date | null;
  decidedAt: Date | null;
  completedAt: Date | null;
  pausedSince: Date | null;
  /** Task lists only. */
  task?: {
    id: number;
    key: string;
    name: string;
    dueAt: Date | null;
    createdAt: Date;
    assigneeId: number | null;
    assigneeName: string | null;
    assignedGroup: string | null;
    handoverNote: string | null;
  };
}

export interface QueueCounts {
  open: number;
  mine: number;
  group: number;
  'due-soon': number;
  overdue: number;
  returned: number;
  handled: number;
  archive: number;
}

export interface QueueResult {
  rows: QueueListRow[];
  /** Cursor of the next page; absent on the last one. */
  next?: string;
  counts: QueueCounts;
  /** The cursor given did not belong to this list (another tab, another sort, or garbled): the first page is shown. */
  staleCursor: boolean;
  sort: QueueSort;
  /** Set when the search was by name: how names were matched. */
  nameMatch?: NameMatch;
}

/** How a search string is read. */
export type SearchKind = { kind: 'citizen-id'; value: string } | { kind: 'code'; value: string } | { kind: 'name'; value: string };

/** 9 or 12 digits: a citizen ID; a digit with letters, dots or dashes: a dossier code; anything else: a name. */
export function searchKind(q: string): SearchKind | undefined {
  const text = q.trim().replace(/\s+/g, ' ');
  if (!text) return undefined;
  if (/^\d{9}$|^\d{12}$/.test(text)) return { kind: 'citizen-id', value: text };
  if (/\d/.test(text) && /^[0-9A-Za-z.\-]+$/.test(text)) return { kind: 'code', value: text.toUpperCase() };
  return { kind: 'name', value: text };
}

/** LIKE's own characters typed by the user are looked for as themselves. */
const likeEscaped = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

interface Cursor {
  tab: QueueTab;
  sort: QueueSort;
  /** The name search's mode on the page before (absent: prefix). */
  match?: NameMatch;
  /** The sort key of the last row: an ISO instant, or "infinity" (no due date). */
  key: string;
  id: number;
}

export function encodeCursor(cursor: Cursor): string {
  const fields: unknown[] = [cursor.tab, cursor.sort, cursor.key, cursor.id];
  if (cursor.match === 'contains') fields.push('c');
  return Buffer.from(JSON.stringify(fields)).toString('base64url');
}

export function decodeCursor(text: string): Cursor | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (!Array.isArray(value) || (value.length !== 4 && value.length !== 5)) return undefined;
    const [tab, sort, key, id, match] = value as unknown[];
    if (match !== undefined && match !== 'c') return undefined;
    if (![...TASK_TABS, ...DOSSIER_TABS].includes(tab as QueueTab)) return undefined;
    if (sort !== 'due' && sort !== 'received') return undefined;
    if (typeof key !== 'string' || (key !== 'infinity' && Number.isNaN(Date.parse(key)))) return undefined;
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) return undefined;
    return { tab: tab as QueueTab, sort, key, id, ...(match === 'c' ? { match: 'contains' as const } : {}) };
  } catch {
    return undefined;
  }
}

const isTaskTab = (tab: QueueTab): tab is TaskTab => (TASK_TABS as readonly string[]).includes(tab);

/** Who is asking, as the queries need it. */
export interface QueueOwner {
  id: number;
  agencyId: number;
  role: string;
}

/**
 * A task of my group: nobody holds it, and it is given to no group or to my department (read in
 * the statement itself: one round trip less). Its one parameter: the official's id.
 */
const GROUP = `(t.assignee_id is null and (t.assigned_group is null or t.assigned_group = (select o.department from official o where o.id = ?)))`;

/** SQL text with its parameters, built piece by piece. */
class Sql {
  readonly parts: string[] = [];
  readonly params: unknown[] = [];
  add(text: string, ...params: unknown[]): this {
    this.parts.push(text);
    this.params.push(...params);
    return this;
  }
  get text(): string {
    return this.parts.join(' ');
  }
}

const DOSSIER_COLUMNS = `d.id as dossier_id, d.code, d.applicant_name, d.applicant_citizen_id, d.procedure_code, d.procedure_version, d.procedure_name,
  d.status, d.outcome, d.channel, d.submitted_at, d.accepted_at, d.appointment_at, d.decided_at, d.completed_at, d.paused_since`;
const TASK_COLUMNS = `t.id as task_id, t.task_key, t.name as task_name, t.due_at, t.created_at as task_created_at, t.assignee_id, t.assignee_name,
  t.assigned_group, t.handover_note`;

/** The first moment that is no longer "due soon": the start of the day after the next working day. */
export function dueSoonUntil(now: Date, calendar: WorkingCalendar): Date {
  const next = nextWorkingDay(localIsoDate(now), calendar);
  return atLocalTime(addCalendarDays(next, 1));
}

export class QueueService {
  constructor(
    private readonly orm: Orm,
    private readonly calendar: () => Promise<WorkingCalendar>,
  ) {}

  private execute<T>(sql: Sql): Promise<T[]> {
    return this.orm.em.getConnection().execute<T[]>(sql.text, sql.params);
  }

  /** The official's department: the group a task they release goes back to. */
  async departmentOf(user: SessionUser): Promise<string | null> {
    return (await this.orm.em.fork().findOne(Official, user.id, { fields: ['department'] }))?.department ?? null;
  }

  /** One page of a list, with every list's counter. */
  async page(user: SessionUser, query: QueueQuery, now = new Date()): Promise<QueueResult> {
    const owner: QueueOwner = { id: user.id, agencyId: user.agencyId, role: user.role };
    const soon = dueSoonUntil(now, await this.calendar());
    const [list, counts] = await Promise.all([this.list(owner, query, now, soon), this.counts(owner, now, soon)]);
    return { ...list, counts };
  }

  /** The SQL of one page (exported for the benchmark, which runs the same statements raw). */
  listSql(owner: QueueOwner, query: QueueQuery, now: Date, soon: Date, match?: NameMatch): { sql: Sql; sort: QueueSort; staleCursor: boolean; match: NameMatch } {
    const tab = query.tab;
    const sort: QueueSort = query.sort ?? (tab === 'archive' || tab === 'handled' ? 'received' : 'due');
    let cursor = query.after ? decodeCursor(query.after) : undefined;
    const staleCursor = !!query.after && (!cursor || cursor.tab !== tab || cursor.sort !== sort);
    if (staleCursor) cursor = undefined;
    const nameMatch: NameMatch = match ?? cursor?.match ?? 'prefix';
    const sql = new Sql();
    const taskTab = isTaskTab(tab);
    if (taskTab) {
      sql.add(`select ${DOSSIER_COLUMNS}, ${TASK_COLUMNS} from task t join dossier d on d.id = t.dossier_id`);
      sql.add(`where t.agency_id = ? and t.role = ? and t.status = 'open'`, owner.agencyId, owner.role);
      this.taskScope(sql, owner, tab, now, soon);
    } else {
      sql.add(`select ${DOSSIER_COLUMNS} from dossier d`);
      if (tab === 'archive') sql.add(`where d.agency_id = ?`, owner.agencyId);
      else sql.add(`where d.id in (select h.dossier_id from task h where h.assignee_id = ? and h.status = 'done')`, owner.id);
    }
    this.filters(sql, query, nameMatch);
    const id = taskTab ? 't.id' : 'd.id';
    const dueKey = taskTab ? `coalesce(t.due_at, 'infinity'::timestamptz)` : `coalesce(d.appointment_at, 'infinity'::timestamptz)`;
    if (sort === 'due') {
      if (cursor) sql.add(`and (${dueKey}, ${id}) > (?::timestamptz, ?)`, cursor.key, cursor.id);
      sql.add(`order by ${dueKey}, ${id}`);
    } else {
      if (cursor) sql.add(`and (d.submitted_at, ${id}) < (?::timestamptz, ?)`, cursor.key, cursor.id);
      sql.add(`order by d.submitted_at desc, ${id} desc`);
    }
    sql.add(`limit ?`, PAGE_SIZE + 1);
    return { sql, sort, staleCursor, match: nameMatch };
  }

  private taskScope(sql: Sql, owner: QueueOwner, tab: TaskTab, now: Date, soon: Date): void {
    const visible = () => sql.add(`and (t.assignee_id = ? or ${GROUP})`, owner.id, owner.id);
    switch (tab) {
      case 'open':
        visible();
        return;
      case 'mine':
        sql.add(`and t.assignee_id = ?`, owner.id);
        return;
      case 'group':
        sql.add(`and ${GROUP}`, owner.id);
        return;
      case 'due-soon':
        visible();
        sql.add(`and t.due_at >= ? and t.due_at < ?`, now, soon);
        return;
      case 'overdue':
        visible();
        sql.add(`and t.due_at < ?`, now);
        return;
      case 'returned':
        visible();
        sql.add(`and t.task_key ~ '-([2-9]|[1-9][0-9]+)$'`);
        return;
    }
  }

  private filters(sql: Sql, f: QueueFilter, match: NameMatch): void {
    const search = f.q ? searchKind(f.q) : undefined;
    if (search?.kind === 'citizen-id') sql.add(`and d.applicant_citizen_id = ?`, search.value);
    if (search?.kind === 'code') sql.add(`and d.code like ?`, `${likeEscaped(search.value)}%`);
    if (search?.kind === 'name' && match === 'prefix') sql.add(`and motcua_unaccent(d.applicant_name) like motcua_unaccent(?) || '%'`, likeEscaped(search.value));
    if (search?.kind === 'name' && match === 'contains') {
      // A later word of the name starts with it (the name's tails by agency: Migration20261208070000NameWords).
      sql.add(
        `and d.id in (select w.dossier_id from dossier_name_word w where w.agency_id = d.agency_id and w.words like motcua_unaccent(?) || '%')`,
        likeEscaped(search.value),
      );
    }
    if (f.procedure) sql.add(`and d.procedure_code = ?`, f.procedure);
    if (f.status) sql.add(`and d.status = ?`, f.status);
    if (f.channel) sql.add(`and d.channel = ?`, f.channel);
    if (f.from) sql.add(`and d.submitted_at >= ?`, atLocalTime(f.from));
    if (f.to) sql.add(`and d.submitted_at < ?`, atLocalTime(addCalendarDays(f.to, 1)));
  }

  private async list(owner: QueueOwner, query: QueueQuery, now: Date, soon: Date) {
    if (isTaskTab(query.tab) && !isTaskRole(owner.role as never)) {
      return { rows: [], staleCursor: false, sort: query.sort ?? ('due' as QueueSort), next: undefined };
    }
    const byName = !!query.q && searchKind(query.q)?.kind === 'name';
    let { sql, sort, staleCursor, match } = this.listSql(owner, query, now, soon);
    let raw = await this.execute<Record<string, unknown>>(sql);
    // No name starts with it, on a first page: names that contain it.
    if (byName && match === 'prefix' && !raw.length && !(query.after && !staleCursor)) {
      ({ sql, sort, staleCursor, match } = this.listSql(owner, query, now, soon, 'contains'));
      raw = await this.execute<Record<string, unknown>>(sql);
    }
    const more = raw.length > PAGE_SIZE;
    const rows = raw.slice(0, PAGE_SIZE).map(rowOf);
    const last = rows[rows.length - 1];
    const next =
      more && last
        ? encodeCursor({
            tab: query.tab,
            sort,
            match,
            id: last.task?.id ?? last.dossierId,
            key:
              sort === 'received'
                ? last.submittedAt.toISOString()
                : ((last.task ? last.task.dueAt : last.appointmentAt)?.toISOString() ?? 'infinity'),
          })
        : undefined;
    return { rows, next, staleCursor, sort, ...(byName ? { nameMatch: match } : {}) };
  }

  /** The counters' SQL, one statement (exported for the benchmark). */
  countsSql(owner: QueueOwner, now: Date, soon: Date): Sql {
    const taskRole = isTaskRole(owner.role as never);
    const sql = new Sql();
    if (taskRole) {
      sql.add(
        `select t.*, h.n as handled, a.n as archive from (
          select count(*)::int as open, count(*) filter (where t.assignee_id = ?)::int as mine,
            count(*) filter (where ${GROUP})::int as "group",
            count(*) filter (where t.due_at >= ? and t.due_at < ?)::int as "due-soon",
            count(*) filter (where t.due_at < ?)::int as overdue,
            count(*) filter (where t.task_key ~ '-([2-9]|[1-9][0-9]+)$')::int as returned
          from task t where t.agency_id = ? and t.role = ? and t.status = 'open' and (t.assignee_id = ? or ${GROUP})) t,`,
        owner.id,
        owner.id,
        now,
        soon,
        now,
        owner.agencyId,
        owner.role,
        owner.id,
        owner.id,
      );
    } else {
      sql.add(`select 0 as open, 0 as mine, 0 as "group", 0 as "due-soon", 0 as overdue, 0 as returned, h.n as handled, a.n as archive from`);
    }
    sql.add(
      `(select count(*)::int as n from (select distinct h.dossier_id from task h where h.assignee_id = ? and h.status = 'done' limit ?) x) h,
       (select count(*)::int as n from (select 1 from dossier d where d.agency_id = ? limit ?) x) a`,
      owner.id,
      COUNT_CAP.handled + 1,
      owner.agencyId,
      COUNT_CAP.archive + 1,
    );
    return sql;
  }

  private async counts(owner: QueueOwner, now: Date, soon: Date): Promise<QueueCounts> {
    const [c] = await this.execute<QueueCounts>(this.countsSql(owner, now, soon));
    return c;
  }
}

const date = (value: unknown): Date => (value instanceof Date ? value : new Date(String(value)));
const dateOrNull = (value: unknown): Date | null => (value === null || value === undefined ? null : date(value));

function rowOf(r: Record<string, unknown>): QueueListRow {
  return {
    dossierId: Number(r.dossier_id),
    code: String(r.code),
    applicantName: String(r.applicant_name),
    applicantCitizenId: String(r.applicant_citizen_id),
    procedureCode: String(r.procedure_code),
    procedureVersion: Number(r.procedure_version),
    procedureName: String(r.procedure_name),
    status: Number(r.status),
    outcome: r.outcome === null || r.outcome === undefined ? null : String(r.outcome),
    channel: r.channel as Channel,
    submittedAt: date(r.submitted_at),
    acceptedAt: dateOrNull(r.accepted_at),
    appointmentAt: dateOrNull(r.appointment_at),
    decidedAt: dateOrNull(r.decided_at),
    completedAt: dateOrNull(r.completed_at),
    pausedSince: dateOrNull(r.paused_since),
    task:
      r.task_id === undefined
        ? undefined
        : {
            id: Number(r.task_id),
            key: String(r.task_key),
            name: String(r.task_name),
            dueAt: dateOrNull(r.due_at),
            createdAt: date(r.task_created_at),
            assigneeId: r.assignee_id === null ? null : Number(r.assignee_id),
            assigneeName: (r.assignee_name as string | null) ?? null,
            assignedGroup: (r.assigned_group as string | null) ?? null,
            handoverNote: (r.handover_note as string | null) ?? null,
          },
  };
}
