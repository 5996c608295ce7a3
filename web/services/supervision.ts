/**
 * Where things stand in an agency, for its supervisors (and, read-only, its leaders): open
 * dossiers and tasks that are overdue, due soon or paused, by department and official, and the
 * workload of each official. Plain SQL on the read model, one page at a time.
 *
 * Which rows a filter keeps is decided in SQL by instants that the legal clock's
 * `deadlineState` (domain/legal-clock.ts) draws: overdue is "due before now", due soon is "due
 * from now until `dueSoonUntil`", the first midnight at which `deadlineState` stops saying due
 * soon. The pages then classify each row with `deadlineState` itself, so a list and its badges
 * always agree, and agree with the workflow and the reports.
 */
import type { Orm } from '../../db/orm';
import { deadlineState } from '../../domain/legal-clock';
import { TASK_ROLES, type TaskRole } from '../../domain/roles';
import { addCalendarDays, atLocalTime, localIsoDate } from '../../domain/vietnam-time';
import { type WorkingCalendar, workingDaysBetween } from '../../domain/working-days';
import type { SessionUser } from '../session-user';

/** A deadline is due soon within this many working days (the last one included). */
export const SOON_WORKING_DAYS = 1;
export const DOSSIERS_PER_PAGE = 50;
/** A page of tasks is at most one bulk reassignment: "select all on this page" takes 100. */
export const TASKS_PER_PAGE = 100;

export const SUPERVISION_STATES = ['overdue', 'due-soon', 'paused', 'flagged'] as const;
export type SupervisionState = (typeof SUPERVISION_STATES)[number];

export interface SupervisionFilter {
  /** Dossiers know overdue, due soon and paused; tasks also flagged (escalated). */
  state?: SupervisionState;
  department?: string;
  officialId?: number;
  role?: TaskRole;
  /** 1-based. */
  page: number;
}

/** The moment a page is drawn, and the instants the filters compare due dates with. */
export interface SupervisionClock {
  now: Date;
  soonUntil: Date;
  calendar: WorkingCalendar;
}

/**
 * The first midnight (local time) from which `deadlineState` calls a deadline not yet due rather
 * than due soon: a deadline is due soon exactly when it falls in [now, this instant).
 */
export function dueSoonUntil(now: Date, calendar: WorkingCalendar, soonWorkingDays = SOON_WORKING_DAYS): Date {
  let day = localIsoDate(now);
  for (let i = 0; i < 400; i++) {
    day = addCalendarDays(day, 1);
    const midnight = atLocalTime(day);
    if (deadlineState(midnight, { now, soonWorkingDays }, calendar) === 'not-due') return midnight;
  }
  throw new Error('no working day within 400 days: the calendar is broken');
}

export interface Page<T> {
  rows: T[];
  total: number;
  page: number;
  pages: number;
}

export interface Counters {
  open: number;
  overdue: number;
  dueSoon: number;
  paused: number;
  /** Tasks only: escalated to the supervisor. */
  flagged?: number;
}

export interface DossierRow {
  id: number;
  code: string;
  procedureCode: string;
  procedureVersion: number;
  procedureName: string;
  applicantName: string;
  status: number;
  stepName: string;
  appointmentAt: Date | null;
  pausedSince: Date | null;
  /** Who holds its open tasks: an official, a group, or nobody yet. */
  holders: { taskName: string; role: TaskRole; assigneeName: string | null; group: string | null }[];
}

export interface TaskRow {
  id: number;
  taskKey: string;
  name: string;
  role: TaskRole;
  createdAt: Date;
  dueAt: Date | null;
  escalatedAt: Date | null;
  assigneeId: number | null;
  assigneeName: string | null;
  /** The holder's department, or the group the task was given to. */
  department: string | null;
  assignedGroup: string | null;
  dossierCode: string;
  procedureCode: string;
  procedureVersion: number;
  procedureName: string;
  applicantName: string;
  pausedSince: Date | null;
}

export interface WorkloadRow {
  id: number;
  name: string;
  role: TaskRole;
  department: string | null;
  active: boolean;
  open: number;
  overdue: number;
  flagged: number;
  /** Average age of the open tasks in working days; null without open tasks. */
  averageAgeDays: number | null;
}

export interface OfficialOption {
  id: number;
  name: string;
  role: TaskRole;
  department: string | null;
  active: boolean;
}

/** A timestamp column as raw SQL returns it (text, with this ORM's settings), as a Date. */
export function instant(value: Date | string): Date;
export function instant(value: Date | string | null): Date | null;
export function instant(value: Date | string | null): Date | null {
  return value === null ? null : new Date(value);
}

/** A WHERE clause and its positional parameters, built condition by condition. */
class Conditions {
  private readonly parts: string[] = [];
  readonly params: unknown[] = [];

  add(sql: string, ...params: unknown[]): this {
    this.parts.push(sql);
    this.params.push(...params);
    return this;
  }

  get sql(): string {
    return this.parts.join(' and ');
  }
}

const ROLE_LIST = TASK_ROLES.map((r) => `'${r}'`).join(', ');
const OPEN_DOSSIER = 'd.completed_at is null and d.decided_at is null';

/** SQL conditions of the deadline states, on a due column and the dossier's pause, with their parameters. */
function stateCondition(state: SupervisionState, due: string, clock: SupervisionClock): [string, ...unknown[]] {
  switch (state) {
    case 'overdue':
      return [`d.paused_since is null and ${due} < ?`, clock.now];
    case 'due-soon':
      return [`d.paused_since is null and ${due} >= ? and ${due} < ?`, clock.now, clock.soonUntil];
    case 'paused':
      return ['d.paused_since is not null'];
    case 'flagged':
      return ['t.escalated_at is not null'];
  }
}

const pageOf = (page: number, total: number, size: number) => Math.min(Math.max(1, page), pagesOf(total, size));
const pagesOf = (total: number, size: number) => Math.max(1, Math.ceil(total / size));

export class SupervisionService {
  constructor(
    private readonly orm: Orm,
    private readonly calendar: () => Promise<WorkingCalendar>,
  ) {}

  private execute<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.orm.em.fork().getConnection().execute<T[]>(sql, params);
  }

  async clock(now = new Date()): Promise<SupervisionClock> {
    const calendar = await this.calendar();
    return { now, calendar, soonUntil: dueSoonUntil(now, calendar) };
  }

  /** Departments (phòng, ban) of the agency's officials: the groups tasks may be given to. */
  async departments(user: SessionUser): Promise<string[]> {
    const rows = await this.execute<{ department: string }>(
      `select distinct department from official where agency_id = ? and department is not null order by department`,
      [user.agencyId],
    );
    return rows.map((r) => r.department);
  }

  /** The agency's officials who work tasks, active or not. */
  async officials(user: SessionUser): Promise<OfficialOption[]> {
    const rows = await this.execute<{ id: number; full_name: string; role: TaskRole; department: string | null; active: boolean }>(
      `select id, full_name, role, department, active from official where agency_id = ? and role in (${ROLE_LIST}) order by full_name, id`,
      [user.agencyId],
    );
    return rows.map((r) => ({ id: r.id, name: r.full_name, role: r.role, department: r.department, active: r.active }));
  }

  // ——— Dossiers ———

  /** Open dossiers of the agency with a task of the department or official asked for. */
  private dossierScope(user: SessionUser, filter: SupervisionFilter): Conditions {
    const where = new Conditions().add(`d.agency_id = ? and ${OPEN_DOSSIER}`, user.agencyId);
    if (filter.department || filter.officialId || filter.role) {
      const task = new Conditions().add(`t.dossier_id = d.id and t.status = 'open'`);
      if (filter.department) task.add('(o.department = ? or (t.assignee_id is null and t.assigned_group = ?))', filter.department, filter.department);
      if (filter.officialId) task.add('t.assignee_id = ?', filter.officialId);
      if (filter.role) task.add('t.role = ?', filter.role);
      where.add(`exists (select 1 from task t left join official o on o.id = t.assignee_id where ${task.sql})`, ...task.params);
    }
    return where;
  }

  async dossierCounters(user: SessionUser, filter: SupervisionFilter, clock: SupervisionClock): Promise<Counters> {
    const where = this.dossierScope(user, filter);
    const [overdue, soon] = [stateCondition('overdue', 'd.appointment_at', clock), stateCondition('due-soon', 'd.appointment_at', clock)];
    const [row] = await this.execute<Record<'open' | 'overdue' | 'due_soon' | 'paused', string>>(
      `select count(*) as open,
              count(*) filter (where ${overdue[0]}) as overdue,
              count(*) filter (where ${soon[0]}) as due_soon,
              count(*) filter (where d.paused_since is not null) as paused
       from dossier d where ${where.sql}`,
      [...overdue.slice(1), ...soon.slice(1), ...where.params],
    );
    return { open: Number(row.open), overdue: Number(row.overdue), dueSoon: Number(row.due_soon), paused: Number(row.paused) };
  }

  async dossiers(user: SessionUser, filter: SupervisionFilter, clock: SupervisionClock): Promise<Page<DossierRow>> {
    const where = this.dossierScope(user, filter);
    if (filter.state && filter.state !== 'flagged') where.add(...stateCondition(filter.state, 'd.appointment_at', clock));
    const [{ total }] = await this.execute<{ total: string }>(`select count(*) as total from dossier d where ${where.sql}`, where.params);
    const page = pageOf(filter.page, Number(total), DOSSIERS_PER_PAGE);
    const rows = await this.execute<{
      id: number;
      code: string;
      procedure_code: string;
      procedure_version: number;
      procedure_name: string;
      applicant_name: string;
      status: number;
      step_name: string;
      appointment_at: string | null;
      paused_since: string | null;
    }>(
      `select d.id, d.code, d.procedure_code, d.procedure_version, d.procedure_name, d.applicant_name, d.status, d.step_name, d.appointment_at, d.paused_since
       from dossier d where ${where.sql}
       order by d.appointment_at asc nulls last, d.submitted_at desc, d.id
       limit ? offset ?`,
      [...where.params, DOSSIERS_PER_PAGE, (page - 1) * DOSSIERS_PER_PAGE],
    );
    const holders = rows.length
      ? await this.execute<{ dossier_id: number; name: string; role: TaskRole; assignee_name: string | null; assigned_group: string | null }>(
          `select t.dossier_id, t.name, t.role, t.assignee_name, t.assigned_group from task t
           where t.status = 'open' and t.dossier_id in (${rows.map(() => '?').join(', ')}) order by t.created_at, t.id`,
          rows.map((r) => r.id),
        )
      : [];
    return {
      total: Number(total),
      page,
      pages: pagesOf(Number(total), DOSSIERS_PER_PAGE),
      rows: rows.map((r) => ({
        id: r.id,
        code: r.code,
        procedureCode: r.procedure_code,
        procedureVersion: r.procedure_version,
        procedureName: r.procedure_name,
        applicantName: r.applicant_name,
        status: r.status,
        stepName: r.step_name,
        appointmentAt: instant(r.appointment_at),
        pausedSince: instant(r.paused_since),
        holders: holders
          .filter((h) => h.dossier_id === r.id)
          .map((h) => ({ taskName: h.name, role: h.role, assigneeName: h.assignee_name, group: h.assigned_group })),
      })),
    };
  }

  // ——— Tasks ———

  private taskScope(user: SessionUser, filter: SupervisionFilter): Conditions {
    const where = new Conditions().add(`t.agency_id = ? and t.status = 'open'`, user.agencyId);
    if (filter.department) where.add('(o.department = ? or (t.assignee_id is null and t.assigned_group = ?))', filter.department, filter.department);
    if (filter.officialId) where.add('t.assignee_id = ?', filter.officialId);
    if (filter.role) where.add('t.role = ?', filter.role);
    return where;
  }

  async taskCounters(user: SessionUser, filter: SupervisionFilter, clock: SupervisionClock): Promise<Counters> {
    const where = this.taskScope(user, filter);
    const [overdue, soon] = [stateCondition('overdue', 't.due_at', clock), stateCondition('due-soon', 't.due_at', clock)];
    const [row] = await this.execute<Record<'open' | 'overdue' | 'due_soon' | 'paused' | 'flagged', string>>(
      `select count(*) as open,
              count(*) filter (where ${overdue[0]}) as overdue,
              count(*) filter (where ${soon[0]}) as due_soon,
              count(*) filter (where d.paused_since is not null) as paused,
              count(*) filter (where t.escalated_at is not null) as flagged
       from task t join dossier d on d.id = t.dossier_id left join official o on o.id = t.assignee_id
       where ${where.sql}`,
      [...overdue.slice(1), ...soon.slice(1), ...where.params],
    );
    return { open: Number(row.open), overdue: Number(row.overdue), dueSoon: Number(row.due_soon), paused: Number(row.paused), flagged: Number(row.flagged) };
  }

  async tasks(user: SessionUser, filter: SupervisionFilter, clock: SupervisionClock): Promise<Page<TaskRow>> {
    const where = this.taskScope(user, filter);
    if (filter.state) where.add(...stateCondition(filter.state, 't.due_at', clock));
    const from = `from task t join dossier d on d.id = t.dossier_id left join official o on o.id = t.assignee_id where ${where.sql}`;
    const [{ total }] = await this.execute<{ total: string }>(`select count(*) as total ${from}`, where.params);
    const page = pageOf(filter.page, Number(total), TASKS_PER_PAGE);
    const rows = await this.execute<{
      id: number;
      task_key: string;
      name: string;
      role: TaskRole;
      created_at: string;
      due_at: string | null;
      escalated_at: string | null;
      assignee_id: number | null;
      assignee_name: string | null;
      department: string | null;
      assigned_group: string | null;
      code: string;
      procedure_code: string;
      procedure_version: number;
      procedure_name: string;
      applicant_name: string;
      paused_since: string | null;
    }>(
      `select t.id, t.task_key, t.name, t.role, t.created_at, t.due_at, t.escalated_at, t.assignee_id, t.assignee_name,
              o.department, t.assigned_group, d.code, d.procedure_code, d.procedure_version, d.procedure_name, d.applicant_name, d.paused_since
       ${from}
       order by t.due_at asc nulls last, t.created_at, t.id
       limit ? offset ?`,
      [...where.params, TASKS_PER_PAGE, (page - 1) * TASKS_PER_PAGE],
    );
    return {
      total: Number(total),
      page,
      pages: pagesOf(Number(total), TASKS_PER_PAGE),
      rows: rows.map((r) => ({
        id: r.id,
        taskKey: r.task_key,
        name: r.name,
        role: r.role,
        createdAt: instant(r.created_at),
        dueAt: instant(r.due_at),
        escalatedAt: instant(r.escalated_at),
        assigneeId: r.assignee_id,
        assigneeName: r.assignee_name,
        department: r.department ?? r.assigned_group,
        assignedGroup: r.assigned_group,
        dossierCode: r.code,
        procedureCode: r.procedure_code,
        procedureVersion: r.procedure_version,
        procedureName: r.procedure_name,
        applicantName: r.applicant_name,
        pausedSince: instant(r.paused_since),
      })),
    };
  }

  // ——— Workload ———

  /**
   * Per official who works tasks: open tasks held, overdue, flagged, and their average age in
   * working days (counted by the calendar, from the day each task opened to today).
   */
  async workload(user: SessionUser, filter: Pick<SupervisionFilter, 'department' | 'role'>, clock: SupervisionClock): Promise<WorkloadRow[]> {
    const where = new Conditions().add(`o.agency_id = ? and o.role in (${ROLE_LIST})`, user.agencyId);
    if (filter.department) where.add('o.department = ?', filter.department);
    if (filter.role) where.add('o.role = ?', filter.role);
    const overdue = stateCondition('overdue', 't.due_at', clock);
    const rows = await this.execute<{
      id: number;
      full_name: string;
      role: TaskRole;
      department: string | null;
      active: boolean;
      open: string;
      overdue: string;
      flagged: string;
    }>(
      `select o.id, o.full_name, o.role, o.department, o.active,
              count(t.id) as open,
              count(t.id) filter (where ${overdue[0]}) as overdue,
              count(t.id) filter (where t.escalated_at is not null) as flagged
       from official o
       left join task t on t.assignee_id = o.id and t.status = 'open' and t.agency_id = o.agency_id
       left join dossier d on d.id = t.dossier_id
       where ${where.sql}
       group by o.id
       order by o.department asc nulls last, o.full_name, o.id`,
      [...overdue.slice(1), ...where.params],
    );
    // Open tasks by holder and the (local) day they opened: few rows, whatever the number of tasks.
    const opened = await this.execute<{ assignee_id: number; day: string; tasks: string }>(
      `select t.assignee_id, to_char((t.created_at at time zone 'UTC') + interval '7 hours', 'YYYY-MM-DD') as day, count(*) as tasks
       from task t where t.agency_id = ? and t.status = 'open' and t.assignee_id is not null
       group by 1, 2`,
      [user.agencyId],
    );
    const today = localIsoDate(clock.now);
    const ages = new Map<number, { days: number; tasks: number }>();
    for (const o of opened) {
      const age = ages.get(o.assignee_id) ?? { days: 0, tasks: 0 };
      age.days += Math.max(0, workingDaysBetween(o.day, today, clock.calendar)) * Number(o.tasks);
      age.tasks += Number(o.tasks);
      ages.set(o.assignee_id, age);
    }
    return rows.map((r) => {
      const age = ages.get(r.id);
      return {
        id: r.id,
        name: r.full_name,
        role: r.role,
        department: r.department,
        active: r.active,
        open: Number(r.open),
        overdue: Number(r.overdue),
        flagged: Number(r.flagged),
        averageAgeDays: age?.tasks ? age.days / age.tasks : null,
      };
    });
  }

  /** Open tasks nobody holds yet, by role (given to the role's queue, or to a group). */
  async unassigned(user: SessionUser): Promise<{ role: TaskRole; group: string | null; open: number }[]> {
    const rows = await this.execute<{ role: TaskRole; assigned_group: string | null; open: string }>(
      `select t.role, t.assigned_group, count(*) as open from task t
       where t.agency_id = ? and t.status = 'open' and t.assignee_id is null
       group by 1, 2 order by 1, 2 nulls first`,
      [user.agencyId],
    );
    return rows.map((r) => ({ role: r.role, group: r.assigned_group, open: Number(r.open) }));
  }
}
