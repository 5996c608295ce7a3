/**
 * The statistics provinces publish on the handling of dossiers, for any period: received,
 * carried over, to handle; decided early, on time or late, results not yet collected; in progress
 * at the period's end, not yet due, nearly due or late; late and on-time rates. The exact
 * definitions, with their legal source, are in docs/reports.md.
 *
 * One SQL query fetches the dossiers that count in the period (the indexes on (agency_id,
 * accepted_at) and (agency_id, completed_at) find them); each is then classified by the legal
 * clock's `deadlineState` (domain/legal-clock.ts), the function the workflow and the pages use,
 * so a dossier is late here exactly when it is late everywhere else.
 */
import { Agency } from '../../db/entities';
import type { Orm } from '../../db/orm';
import type { ApologyRecord } from '../../domain/dossier-records';
import { type ClockPause, computeDeadline, DEFAULT_OFFICE_HOURS, deadlineState, type OfficeHours, type TimeLimit } from '../../domain/legal-clock';
import type { OfficialRole } from '../../domain/roles';
import { addCalendarDays, atLocalTime } from '../../domain/vietnam-time';
import type { WorkingCalendar } from '../../domain/working-days';
import type { SessionUser } from '../session-user';

export const REPORT_GROUPINGS = ['procedure', 'agency', 'level', 'channel'] as const;
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];

/** Channels as the statistics count them: the API of the national portal is online. */
export const REPORT_CHANNELS = ['online', 'counter', 'post'] as const;
export type ReportChannel = (typeof REPORT_CHANNELS)[number];

export function reportChannelOf(channel: string): ReportChannel {
  if (channel === 'counter' || channel === 'post') return channel;
  return 'online';
}

export const PROCEDURE_LEVELS = ['ministry', 'province', 'commune'] as const;

/** The figures of one row of the report (a group, or the total). */
export interface ReportFigures {
  /** Accepted before the period and not decided before it. */
  carriedOver: number;
  /** Accepted in the period, in all and by channel. */
  received: number;
  receivedBy: Record<ReportChannel, number>;
  /** Received + carried over. */
  toHandle: number;
  /** Decided in the period, and how it stood against its due date. */
  decided: number;
  decidedEarly: number;
  decidedOnTime: number;
  decidedLate: number;
  /** Decided in the period, result not handed over by the period's end. */
  notCollected: number;
  /** Not decided by the period's end, and how it stood then. */
  inProgress: number;
  /** Not yet due, the paused ones included. */
  inProgressNotDue: number;
  /** Of those not yet due: the clock stood still at the period's end (tạm dừng). */
  inProgressPaused: number;
  inProgressDueSoon: number;
  inProgressLate: number;
  /** (late in progress + late decided) / to handle; null when there is nothing to handle. */
  lateRate: number | null;
  /** 1 − late rate. */
  onTimeRate: number | null;
}

export interface ReportGroup {
  /** The agency code, procedure code, level or channel. */
  key: string;
  /** The agency's or the procedure's name, for groups that have one. */
  name?: string;
}

export interface ReportRow {
  group: ReportGroup;
  figures: ReportFigures;
}

export interface ReportAgency {
  id: number;
  code: string;
  name: string;
  provinceCode: string;
  /** Its own sessions and cut-off; null: the default (for due dates the report recomputes). */
  officeHours: OfficeHours | null;
}

/** Whose dossiers a report counts: one agency, or every agency the official may see. */
export interface ReportScope {
  agencies: ReportAgency[];
  /** Every agency of the province (a supervisor) or of the country (an administrator). */
  all: boolean;
}

export interface ReportPeriod {
  /** Local dates, both included. */
  from: string;
  to: string;
}

export interface Report {
  period: ReportPeriod;
  /** The instant the standing was taken: the period's last moment, or now when that is earlier. */
  asOf: string;
  groupBy: ReportGrouping;
  scope: ReportScope;
  rows: ReportRow[];
  total: ReportFigures;
}

/** What the report needs of a dossier (one row of the query). */
export interface ReportDossier {
  agency: ReportAgency;
  procedureCode: string;
  procedureName: string;
  procedureLevel: string | null;
  channel: string;
  acceptedAt: Date;
  /** When it was decided (status 9, or its end without a result); dossiers from before the legal clock: their end. */
  decidedAt: Date | null;
  /** When the workflow reached its end: the result handed over (online and API dossiers). */
  completedAt: Date | null;
  /** Whether the dossier has a result document (a refused or cancelled one has none). */
  hasResult?: boolean;
  /** When its paper result was handed over at the counter or sent by post (result_handover). */
  handedOverAt?: Date | null;
  appointmentAt: Date | null;
  timeLimit: TimeLimit | null;
  pauses: ClockPause[];
  pausedSince: Date | null;
  apology: ApologyRecord | null;
}

/** Where one dossier stands in a period. */
export interface DossierStanding {
  received: boolean;
  carriedOver: boolean;
  decided?: 'early' | 'on-time' | 'late';
  notCollected: boolean;
  inProgress?: 'not-due' | 'paused' | 'due-soon' | 'late';
}

/** The first instant of a period and the instant its standing is taken (its last moment, or `now` if earlier). */
export function periodBounds(period: ReportPeriod, now: Date): { start: Date; asOf: Date } {
  const start = atLocalTime(period.from);
  const end = new Date(atLocalTime(addCalendarDays(period.to, 1)).getTime() - 1);
  return { start, asOf: end < now ? end : now };
}

const at = (iso: string) => new Date(iso);

/** Paused at `asOf`: a pause had begun and not yet ended. */
function pausedAt(d: ReportDossier, asOf: Date): boolean {
  if (d.pausedSince && d.pausedSince <= asOf) return true;
  return d.pauses.some((p) => at(p.from) <= asOf && (!p.to || at(p.to) > asOf));
}

/**
 * The due date the dossier had at `asOf`. The read model keeps today's (`appointment_at`); a
 * pause begun or a new appointment given after `asOf` moved it since, so the legal clock
 * recomputes it without them: a closed period's figures do not change afterwards.
 */
function dueAtOn(d: ReportDossier, asOf: Date, calendar: WorkingCalendar): Date | null {
  if (!d.appointmentAt) return null;
  const apologyLater = d.apology && at(d.apology.at) > asOf;
  const pausesLater = d.pauses.some((p) => at(p.from) > asOf);
  if (!apologyLater && !pausesLater) return d.appointmentAt;
  if (!d.timeLimit) return apologyLater ? at(d.apology!.previousAppointmentAt) : d.appointmentAt;
  const deadline = computeDeadline(
    {
      receivedAt: d.acceptedAt.toISOString(),
      limit: d.timeLimit,
      pauses: d.pauses.filter((p) => at(p.from) <= asOf),
      appointment: d.apology && !apologyLater ? { at: d.apology.at, dueAt: d.apology.newAppointmentAt } : undefined,
    },
    calendar,
    d.agency.officeHours ?? DEFAULT_OFFICE_HOURS,
    asOf.toISOString(),
  );
  return at(deadline.dueAt);
}

/** Paper dossiers: received at the counter or by post, their result is handed over on paper. */
export function handedOverOnPaper(d: Pick<ReportDossier, 'channel' | 'hasResult'>): boolean {
  return (d.channel === 'counter' || d.channel === 'post') && d.hasResult === true;
}

/**
 * When the applicant had the result: a paper dossier's result when it was handed over (the
 * ResultHandover row, at the counter or by post), as the workflow's end does not hand paper to
 * anyone; other dossiers (online, API, or without a result) when the workflow ended.
 */
export function collectedBy(d: ReportDossier): Date | null {
  return handedOverOnPaper(d) ? (d.handedOverAt ?? null) : d.completedAt;
}

/**
 * Where a dossier stands in a period (null: it does not count). A dossier without a due date
 * (a procedure without a time limit) is on time when decided and not yet due while in progress.
 */
export function standingOf(d: ReportDossier, bounds: { start: Date; asOf: Date }, calendar: WorkingCalendar): DossierStanding | null {
  const { start, asOf } = bounds;
  if (d.acceptedAt > asOf) return null;
  if (d.decidedAt && d.decidedAt < start) return null;
  const received = d.acceptedAt >= start;
  const standing: DossierStanding = { received, carriedOver: !received, notCollected: false };
  if (d.decidedAt && d.decidedAt <= asOf) {
    const state = d.appointmentAt ? deadlineState(d.appointmentAt, { finishedAt: d.decidedAt, now: d.decidedAt }, calendar) : 'on-time';
    standing.decided = state === 'early' ? 'early' : state === 'late' ? 'late' : 'on-time';
    const collected = collectedBy(d);
    standing.notCollected = !collected || collected > asOf;
    return standing;
  }
  if (pausedAt(d, asOf)) {
    standing.inProgress = 'paused';
    return standing;
  }
  const due = dueAtOn(d, asOf, calendar);
  const state = due ? deadlineState(due, { now: asOf }, calendar) : 'not-due';
  standing.inProgress = state === 'overdue' ? 'late' : state === 'due-soon' ? 'due-soon' : 'not-due';
  return standing;
}

export function emptyFigures(): ReportFigures {
  return {
    carriedOver: 0,
    received: 0,
    receivedBy: { online: 0, counter: 0, post: 0 },
    toHandle: 0,
    decided: 0,
    decidedEarly: 0,
    decidedOnTime: 0,
    decidedLate: 0,
    notCollected: 0,
    inProgress: 0,
    inProgressNotDue: 0,
    inProgressPaused: 0,
    inProgressDueSoon: 0,
    inProgressLate: 0,
    lateRate: null,
    onTimeRate: null,
  };
}

function add(f: ReportFigures, s: DossierStanding, channel: ReportChannel): void {
  if (s.received) {
    f.received++;
    f.receivedBy[channel]++;
  } else f.carriedOver++;
  f.toHandle++;
  if (s.decided) {
    f.decided++;
    if (s.decided === 'early') f.decidedEarly++;
    else if (s.decided === 'on-time') f.decidedOnTime++;
    else f.decidedLate++;
    if (s.notCollected) f.notCollected++;
  } else {
    f.inProgress++;
    if (s.inProgress === 'late') f.inProgressLate++;
    else if (s.inProgress === 'due-soon') f.inProgressDueSoon++;
    else {
      f.inProgressNotDue++;
      if (s.inProgress === 'paused') f.inProgressPaused++;
    }
  }
}

function withRates(f: ReportFigures): ReportFigures {
  if (!f.toHandle) return { ...f, lateRate: null, onTimeRate: null };
  const lateRate = (f.inProgressLate + f.decidedLate) / f.toHandle;
  return { ...f, lateRate, onTimeRate: 1 - lateRate };
}

function groupOf(d: ReportDossier, groupBy: ReportGrouping): ReportGroup {
  switch (groupBy) {
    case 'agency':
      return { key: d.agency.code, name: d.agency.name };
    case 'procedure':
      return { key: d.procedureCode, name: d.procedureName };
    case 'level':
      return { key: d.procedureLevel ?? 'none' };
    case 'channel':
      return { key: reportChannelOf(d.channel) };
  }
}

/** Groups every report shows even when empty: the channels and levels are a fixed list. */
function fixedGroups(groupBy: ReportGrouping): string[] {
  if (groupBy === 'channel') return [...REPORT_CHANNELS];
  if (groupBy === 'level') return [...PROCEDURE_LEVELS];
  return [];
}

/**
 * The report from the dossiers that may count (more do no harm: `standingOf` leaves out the
 * others). Groups in a fixed order for channels and levels, by name otherwise.
 */
export function tally(dossiers: readonly ReportDossier[], input: { period: ReportPeriod; groupBy: ReportGrouping; scope: ReportScope; now: Date }, calendar: WorkingCalendar): Report {
  const bounds = periodBounds(input.period, input.now);
  const groups = new Map<string, { group: ReportGroup; figures: ReportFigures }>();
  for (const key of fixedGroups(input.groupBy)) groups.set(key, { group: { key }, figures: emptyFigures() });
  const total = emptyFigures();
  // Newest first, so a procedure renamed in a later version shows its current name.
  const newestFirst = [...dossiers].sort((a, b) => b.acceptedAt.getTime() - a.acceptedAt.getTime());
  for (const d of newestFirst) {
    const standing = standingOf(d, bounds, calendar);
    if (!standing) continue;
    const group = groupOf(d, input.groupBy);
    let entry = groups.get(group.key);
    if (!entry) groups.set(group.key, (entry = { group, figures: emptyFigures() }));
    add(entry.figures, standing, reportChannelOf(d.channel));
    add(total, standing, reportChannelOf(d.channel));
  }
  const fixed = fixedGroups(input.groupBy);
  const rows = [...groups.values()]
    .sort((a, b) =>
      fixed.length
        ? rank(fixed, a.group.key) - rank(fixed, b.group.key)
        : (a.group.name ?? a.group.key).localeCompare(b.group.name ?? b.group.key, 'vi') || a.group.key.localeCompare(b.group.key),
    )
    .map((r) => ({ group: r.group, figures: withRates(r.figures) }));
  return { period: input.period, asOf: bounds.asOf.toISOString(), groupBy: input.groupBy, scope: input.scope, rows, total: withRates(total) };
}

/** Fixed groups in their order; a value outside the list (an unknown level) after them. */
function rank(order: string[], key: string): number {
  const i = order.indexOf(key);
  return i < 0 ? order.length : i;
}

/** Timestamps as the driver returns them through the raw connection (text), or as dates. */
type Instant = Date | string;

const instant = (v: Instant) => new Date(v);
const maybeInstant = (v: Instant | null) => (v === null ? null : new Date(v));

interface DossierRow {
  agency_id: number;
  procedure_code: string;
  procedure_name: string;
  procedure_level: string | null;
  channel: string;
  accepted_at: Instant;
  decided_at: Instant | null;
  completed_at: Instant | null;
  has_result: boolean;
  handed_over_at: Instant | null;
  appointment_at: Instant | null;
  time_limit: TimeLimit | null;
  pauses: ClockPause[] | null;
  paused_since: Instant | null;
  apology: ApologyRecord | null;
}

const COLUMNS = `agency_id, procedure_code, procedure_name, procedure_level, channel, accepted_at,
  coalesce(decided_at, completed_at) as decided_at, completed_at, appointment_at, time_limit, pauses, paused_since, apology,
  (result is not null or jsonb_array_length(results) > 0) as has_result, (select h.handed_over_at from result_handover h where h.dossier_id = dossier.id) as handed_over_at`;

/**
 * The dossiers that may count in a period, in one query of three parts, each on an index: those
 * accepted in it ((agency_id, accepted_at)); those accepted before it and completed in it or
 * later, or not completed at all ((agency_id, completed_at)), less those decided before it (a
 * result that waits for collection). The agencies' names come from the scope, not a join: the
 * rows stay narrow.
 */
export function dossiersQuery(scope: ReportScope, period: ReportPeriod, now: Date): { sql: string; params: unknown[] } {
  const { start, asOf } = periodBounds(period, now);
  const ids = scope.agencies.map((a) => a.id);
  const inScope = `agency_id in (${ids.map(() => '?').join(', ')})`;
  const carried = `accepted_at < ? and (decided_at is null or decided_at >= ?)`;
  return {
    sql: `select ${COLUMNS} from dossier where ${inScope} and accepted_at >= ? and accepted_at <= ?
      union all
      select ${COLUMNS} from dossier where ${inScope} and completed_at >= ? and ${carried}
      union all
      select ${COLUMNS} from dossier where ${inScope} and completed_at is null and ${carried}`,
    params: [...ids, start, asOf, ...ids, start, start, start, ...ids, start, start],
  };
}

/**
 * The scope asked for among the agencies an official may read (`agenciesFor`, their own first):
 * an agency code, `all` for every one of them, or nothing for their own. Undefined when the
 * choice is not theirs to make.
 */
export function scopeAmong(agencies: readonly ReportAgency[], choice: string | undefined): ReportScope | undefined {
  if (choice === 'all') return agencies.length > 1 ? { agencies: [...agencies], all: true } : undefined;
  const agency = choice ? agencies.find((a) => a.code === choice) : agencies[0];
  return agency ? { agencies: [agency], all: false } : undefined;
}

/** Roles that may read reports; an administrator reads those of every agency. */
export const REPORT_ROLES: readonly OfficialRole[] = ['supervisor', 'leader', 'admin'];

export class ReportService {
  constructor(
    private readonly orm: Orm,
    private readonly calendar: () => Promise<WorkingCalendar>,
  ) {}

  /**
   * The agencies whose figures an official may read: a leader their own agency; a supervisor
   * any agency of their province (a province follows every one-stop shop it has); an
   * administrator any agency. Their own agency first.
   */
  async agenciesFor(user: SessionUser): Promise<ReportAgency[]> {
    const em = this.orm.em.fork();
    const own = await em.findOneOrFail(Agency, { id: user.agencyId });
    const toChoice = (a: typeof own): ReportAgency => ({ id: a.id, code: a.code, name: a.name, provinceCode: a.provinceCode, officeHours: a.officeHours ?? null });
    if (user.role !== 'supervisor' && user.role !== 'admin') return [toChoice(own)];
    const where = user.role === 'admin' ? {} : { provinceCode: own.provinceCode };
    const others = await em.find(Agency, { ...where, id: { $ne: own.id } }, { orderBy: { provinceCode: 'asc', name: 'asc' } });
    return [toChoice(own), ...others.map(toChoice)];
  }

  async report(input: { scope: ReportScope; period: ReportPeriod; groupBy: ReportGrouping; now?: Date }): Promise<Report> {
    const now = input.now ?? new Date();
    const [dossiers, calendar] = await Promise.all([this.dossiersOf(input.scope, input.period, now), this.calendar()]);
    return tally(dossiers, { ...input, now }, calendar);
  }

  /** The dossiers that may count in a period (one query: `dossiersQuery`). */
  private async dossiersOf(scope: ReportScope, period: ReportPeriod, now: Date): Promise<ReportDossier[]> {
    const { sql, params } = dossiersQuery(scope, period, now);
    const rows = await this.orm.em.getConnection().execute<DossierRow[]>(sql, params);
    const agencies = new Map(scope.agencies.map((a) => [a.id, a]));
    return rows.map((r) => ({
      agency: agencies.get(r.agency_id)!,
      procedureCode: r.procedure_code,
      procedureName: r.procedure_name,
      procedureLevel: r.procedure_level,
      channel: r.channel,
      acceptedAt: instant(r.accepted_at),
      decidedAt: maybeInstant(r.decided_at),
      completedAt: maybeInstant(r.completed_at),
      hasResult: r.has_result,
      handedOverAt: maybeInstant(r.handed_over_at),
      appointmentAt: maybeInstant(r.appointment_at),
      timeLimit: r.time_limit,
      pauses: r.pauses ?? [],
      pausedSince: maybeInstant(r.paused_since),
      apology: r.apology,
    }));
  }
}
