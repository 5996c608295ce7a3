/**
 * Absences with a delegate (`official_absence`): a supervisor records that an official is away
 * from one day to another and who takes their tasks meanwhile; a workflow per absence
 * (workflows/absence.ts) passes the tasks on when it starts and gives back what the delegate
 * still holds when it ends or is cancelled. Each move is a row of the absence's batch
 * (`reassignment_batch` `absence-<id>`), like a bulk reassignment's.
 *
 * Refused, with the reason, nothing recorded: an official or delegate of another agency, a
 * delegate of another role, inactive, or away during the absence, the official themself as
 * delegate, an absence overlapping one already recorded for the official, a last day before the
 * first or already past.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import { appendAudit } from '../../db/audit';
import type { Orm } from '../../db/orm';
import { isTaskRole, type OfficialRole, ROLE_LABELS, type TaskRole } from '../../domain/roles';
import { addCalendarDays, atLocalTime, formatVietnameseDate, localIsoDate } from '../../domain/vietnam-time';
import { absenceWorkflowId } from '../../workflows/ids';
import { type AbsenceInput, cancelAbsenceSignal } from '../../workflows/messages';
import { actorOf, type SessionUser } from '../session-user';
import { instant } from './supervision';

/** Where the web starts and signals the supervision workflows. */
export interface TemporalAccess {
  temporal: Client;
  taskQueue: string;
  workflowIdPrefix: string;
}

export const ABSENCE_WORKFLOW_TYPE = 'absenceWorkflow';

export const TEMPORAL_UNAVAILABLE =
  'Hệ thống xử lý hồ sơ tạm thời không kết nối được, nên chưa thực hiện được; không có gì thay đổi. Vui lòng thử lại sau ít phút.';

export interface AbsenceRequest {
  officialId: number;
  delegateId: number;
  fromDay: string;
  toDay: string;
  reason: string;
}

export type AbsenceStatus = 'upcoming' | 'active' | 'ended' | 'cancelled';

export interface AbsenceRow {
  id: number;
  official: { id: number; name: string; role: OfficialRole; department: string | null };
  delegate: { id: number; name: string };
  fromDay: string;
  toDay: string;
  reason: string;
  createdBy: string;
  createdAt: Date;
  cancelledAt: Date | null;
  status: AbsenceStatus;
  /** Tasks given to the delegate, and given back. */
  movedOut: number;
  movedBack: number;
}

/** Someone away on a day, and who holds their tasks. */
export interface AwayToday {
  toDay: string;
  delegateName: string;
}

export type AbsenceOutcome =
  | { kind: 'recorded'; id: number }
  | { kind: 'refused'; errors: Record<string, string> }
  | { kind: 'unavailable'; message: string };

export type CancelOutcome = { kind: 'cancelled' } | { kind: 'refused'; message: string } | { kind: 'not-found' } | { kind: 'unavailable'; message: string };

/** An official as the checks of absences and reassignments read them. */
export interface OfficialFacts {
  id: number;
  full_name: string;
  role: OfficialRole;
  agency_id: number;
  active: boolean;
  department: string | null;
}

const statusOf = (row: { from_day: string; to_day: string; cancelled_at: Date | string | null }, today: string): AbsenceStatus =>
  row.cancelled_at ? 'cancelled' : row.to_day < today ? 'ended' : row.from_day > today ? 'upcoming' : 'active';

/** Why work cannot go to someone who is away: said the same wherever work is handed out. */
export const awayRefusal = (name: string, away: AwayToday): string =>
  `${name} đang vắng mặt đến hết ngày ${formatVietnameseDate(away.toDay)} (ủy quyền cho ${away.delegateName}); vui lòng chọn người khác.`;

export class AbsenceService {
  constructor(
    private readonly orm: Orm,
    private readonly workflows: TemporalAccess,
    private readonly log: (line: string) => void = console.error,
  ) {}

  /** Officials of the agency away on `day` (local), with their delegate. */
  async awayOn(agencyId: number, day: string): Promise<Map<number, AwayToday>> {
    const rows = await this.orm.em
      .fork()
      .getConnection()
      .execute<{ official_id: number; to_day: string; delegate_name: string }[]>(
        `select a.official_id, to_char(a.to_day, 'YYYY-MM-DD') as to_day, d.full_name as delegate_name
         from official_absence a join official o on o.id = a.official_id join official d on d.id = a.delegate_id
         where o.agency_id = ? and a.cancelled_at is null and a.from_day <= ? and a.to_day >= ?`,
        [agencyId, day, day],
      );
    return new Map(rows.map((r) => [r.official_id, { toDay: r.to_day, delegateName: r.delegate_name }]));
  }

  /** The agency's absences that have not ended, then the latest others (at most `limit`). */
  async list(user: SessionUser, now = new Date(), limit = 100): Promise<AbsenceRow[]> {
    const today = localIsoDate(now);
    const rows = await this.orm.em
      .fork()
      .getConnection()
      .execute<
        {
          id: number;
          official_id: number;
          official_name: string;
          role: OfficialRole;
          department: string | null;
          delegate_id: number;
          delegate_name: string;
          from_day: string;
          to_day: string;
          reason: string;
          created_by: string;
          created_at: Date | string;
          cancelled_at: Date | string | null;
          moved_out: string;
          moved_back: string;
        }[]
      >(
        `select a.id, o.id as official_id, o.full_name as official_name, o.role, o.department, d.id as delegate_id, d.full_name as delegate_name,
                to_char(a.from_day, 'YYYY-MM-DD') as from_day, to_char(a.to_day, 'YYYY-MM-DD') as to_day, a.reason, a.created_by, a.created_at, a.cancelled_at,
                (select count(*) from reassignment_item i where i.batch_id = 'absence-' || a.id and i.direction = 'out' and i.status = 'moved') as moved_out,
                (select count(*) from reassignment_item i where i.batch_id = 'absence-' || a.id and i.direction = 'back' and i.status = 'moved') as moved_back
         from official_absence a join official o on o.id = a.official_id join official d on d.id = a.delegate_id
         where o.agency_id = ?
         order by (a.cancelled_at is null and a.to_day >= ?) desc, a.from_day desc, a.id desc
         limit ?`,
        [user.agencyId, today, limit],
      );
    return rows.map((r) => ({
      id: r.id,
      official: { id: r.official_id, name: r.official_name, role: r.role, department: r.department },
      delegate: { id: r.delegate_id, name: r.delegate_name },
      fromDay: r.from_day,
      toDay: r.to_day,
      reason: r.reason,
      createdBy: r.created_by,
      createdAt: instant(r.created_at),
      cancelledAt: instant(r.cancelled_at),
      status: statusOf(r, today),
      movedOut: Number(r.moved_out),
      movedBack: Number(r.moved_back),
    }));
  }

  /** Why the absence cannot be recorded, field by field; empty when it can. */
  private async refusals(tx: EntityManager, user: SessionUser, request: AbsenceRequest, today: string): Promise<Record<string, string>> {
    const connection = tx.getConnection();
    const context = tx.getTransactionContext();
    const errors: Record<string, string> = {};
    if (request.toDay < request.fromDay) errors.toDay = 'Ngày kết thúc phải từ ngày bắt đầu trở đi.';
    else if (request.toDay < today) errors.toDay = 'Thời gian vắng mặt đã qua; chỉ ghi nhận vắng mặt từ hôm nay trở đi.';

    // Locked: two supervisors recording absences of the same official at once cannot both pass the overlap check.
    const officials = await connection.execute<OfficialFacts[]>(
      `select id, full_name, role, agency_id, active, department from official where id in (?, ?) order by id for update`,
      [request.officialId, request.delegateId],
      'all',
      context,
    );
    const official = officials.find((o) => o.id === request.officialId);
    const delegate = officials.find((o) => o.id === request.delegateId);
    if (!official || official.agency_id !== user.agencyId) errors.officialId = 'Cán bộ vắng mặt phải thuộc cơ quan của bạn.';
    else if (!isTaskRole(official.role)) errors.officialId = `${official.full_name} không trực tiếp xử lý hồ sơ; không cần ủy quyền.`;

    if (!delegate) errors.delegateId = 'Vui lòng chọn người được ủy quyền.';
    else if (delegate.agency_id !== user.agencyId) errors.delegateId = `${delegate.full_name} thuộc cơ quan khác; chỉ ủy quyền cho cán bộ cùng cơ quan.`;
    else if (delegate.id === request.officialId) errors.delegateId = 'Người được ủy quyền phải là cán bộ khác.';
    else if (!delegate.active) errors.delegateId = `${delegate.full_name} đã ngừng hoạt động; vui lòng chọn người khác.`;
    else if (official && delegate.role !== official.role)
      errors.delegateId = `${delegate.full_name} là ${ROLE_LABELS[delegate.role].toLowerCase()}; người được ủy quyền phải là ${ROLE_LABELS[official.role].toLowerCase()} như ${official.full_name}.`;
    if (Object.keys(errors).length) return errors;

    const overlapping = await connection.execute<{ official_id: number; from_day: string; to_day: string }[]>(
      `select official_id, to_char(from_day, 'YYYY-MM-DD') as from_day, to_char(to_day, 'YYYY-MM-DD') as to_day from official_absence
       where official_id in (?, ?) and cancelled_at is null and from_day <= ? and to_day >= ?`,
      [request.officialId, request.delegateId, request.toDay, request.fromDay],
      'all',
      context,
    );
    const span = (a: { from_day: string; to_day: string }) => `${formatVietnameseDate(a.from_day)} – ${formatVietnameseDate(a.to_day)}`;
    const own = overlapping.find((a) => a.official_id === request.officialId);
    if (own) errors.fromDay = `${official!.full_name} đã có lịch vắng mặt trùng thời gian này (${span(own)}).`;
    const delegateAway = overlapping.find((a) => a.official_id === request.delegateId);
    if (delegateAway) errors.delegateId = `${delegate!.full_name} cũng vắng mặt trong thời gian này (${span(delegateAway)}); vui lòng chọn người khác.`;
    return errors;
  }

  async record(user: SessionUser, request: AbsenceRequest, now = new Date()): Promise<AbsenceOutcome> {
    const today = localIsoDate(now);
    const em = this.orm.em.fork();
    const saved = await em.transactional(async (tx) => {
      const errors = await this.refusals(tx, user, request, today);
      if (Object.keys(errors).length) return { ok: false as const, errors };
      const connection = tx.getConnection();
      const context = tx.getTransactionContext();
      const [{ id }] = await connection.execute<{ id: number }[]>(
        `insert into official_absence (official_id, delegate_id, from_day, to_day, reason, created_by, created_at) values (?, ?, ?, ?, ?, ?, now()) returning id`,
        [request.officialId, request.delegateId, request.fromDay, request.toDay, request.reason, user.username],
        'all',
        context,
      );
      const people = await connection.execute<{ id: number; full_name: string; role: TaskRole }[]>(
        `select id, full_name, role from official where id in (?, ?)`,
        [request.officialId, request.delegateId],
        'all',
        context,
      );
      const official = people.find((p) => p.id === request.officialId)!;
      const delegate = people.find((p) => p.id === request.delegateId)!;
      const target = { kind: 'official', id: String(delegate.id), name: delegate.full_name, role: delegate.role, agencyCode: user.agencyCode };
      await connection.execute(
        `insert into reassignment_batch (id, agency_id, kind, absence_id, actor_id, actor_name, target, target_label, reason, task_count, created_at)
         values (?, ?, 'absence', ?, ?, ?, ?, ?, ?, 0, now())`,
        [`absence-${id}`, user.agencyId, id, user.id, user.name, JSON.stringify(target), delegate.full_name, request.reason],
        'run',
        context,
      );
      return { ok: true as const, id: Number(id), official, delegate };
    });
    if (!saved.ok) return { kind: 'refused', errors: saved.errors };

    const { id, official, delegate } = saved;
    const span = `${formatVietnameseDate(request.fromDay)} – ${formatVietnameseDate(request.toDay)}`;
    const input: AbsenceInput = {
      absenceId: id,
      batchId: `absence-${id}`,
      official: { id: String(official.id), name: official.full_name, role: official.role, agencyCode: user.agencyCode },
      delegate: { id: String(delegate.id), name: delegate.full_name, role: delegate.role, agencyCode: user.agencyCode },
      startsAt: atLocalTime(request.fromDay).toISOString(),
      endsAt: atLocalTime(addCalendarDays(request.toDay, 1)).toISOString(),
      reasons: {
        out: `Ủy quyền cho ${delegate.full_name} trong thời gian ${official.full_name} vắng mặt (${span}): ${request.reason}`,
        back: `Kết thúc ủy quyền do ${official.full_name} vắng mặt (${span}); trả lại nhiệm vụ cho ${official.full_name}`,
      },
      actor: actorOf(user),
    };
    try {
      await this.workflows.temporal.workflow.start(ABSENCE_WORKFLOW_TYPE, {
        taskQueue: this.workflows.taskQueue,
        workflowId: absenceWorkflowId(id, this.workflows.workflowIdPrefix),
        args: [input],
      });
    } catch (error) {
      // Nothing half-done: without its workflow the absence would move nothing; it is not kept.
      this.log(`[absences] absence ${id} not started, removed: ${error instanceof Error ? error.message : String(error)}`);
      await this.orm.em.fork().transactional(async (tx) => {
        await tx.getConnection().execute(`delete from reassignment_batch where id = ?`, [`absence-${id}`], 'run', tx.getTransactionContext());
        await tx.getConnection().execute(`delete from official_absence where id = ?`, [id], 'run', tx.getTransactionContext());
      });
      return { kind: 'unavailable', message: TEMPORAL_UNAVAILABLE };
    }
    await appendAudit(this.orm.em.fork(), {
      actor: user.username,
      action: 'absence-recorded',
      target: `vang-mat:${id}`,
      agencyCode: user.agencyCode,
      detail: { official: official.id, delegate: delegate.id, from: request.fromDay, to: request.toDay, reason: request.reason },
    });
    return { kind: 'recorded', id };
  }

  /** Cancels an absence that has not ended: nothing more goes to the delegate, and what went comes back now. */
  async cancel(user: SessionUser, id: number, now = new Date()): Promise<CancelOutcome> {
    const today = localIsoDate(now);
    const connection = this.orm.em.fork().getConnection();
    const [row] = await connection.execute<{ to_day: string; cancelled_at: Date | string | null; agency_id: number }[]>(
      `select to_char(a.to_day, 'YYYY-MM-DD') as to_day, a.cancelled_at, o.agency_id from official_absence a join official o on o.id = a.official_id where a.id = ?`,
      [id],
    );
    if (!row || row.agency_id !== user.agencyId) return { kind: 'not-found' };
    if (row.cancelled_at) return { kind: 'refused', message: 'Lịch vắng mặt này đã được hủy.' };
    if (row.to_day < today) return { kind: 'refused', message: 'Lịch vắng mặt này đã kết thúc; nhiệm vụ đã được trả lại.' };
    try {
      await this.workflows.temporal.workflow.getHandle(absenceWorkflowId(id, this.workflows.workflowIdPrefix)).signal(cancelAbsenceSignal);
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) {
        this.log(`[absences] absence ${id} not cancelled: ${error instanceof Error ? error.message : String(error)}`);
        return { kind: 'unavailable', message: TEMPORAL_UNAVAILABLE };
      }
    }
    await connection.execute(`update official_absence set cancelled_at = now() where id = ? and cancelled_at is null`, [id]);
    await appendAudit(this.orm.em.fork(), { actor: user.username, action: 'absence-cancelled', target: `vang-mat:${id}`, agencyCode: user.agencyCode });
    return { kind: 'cancelled' };
  }
}
