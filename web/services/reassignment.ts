/**
 * Bulk reassignment: up to 100 open tasks given to one official, or to a group (a department of
 * the agency), with a reason. The whole batch is checked first and refused as a whole, with a
 * reason per task, when anything is wrong: nothing is sent. Then one workflow
 * (workflows/reassignment.ts) tells every dossier workflow its task's new holder, durably; each
 * task's outcome lands in `reassignment_item`, which the batch's page shows.
 */
import crypto from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { appendAudit } from '../../db/audit';
import type { Orm } from '../../db/orm';
import { isTaskRole, ROLE_LABELS, type TaskRole } from '../../domain/roles';
import { localIsoDate } from '../../domain/vietnam-time';
import { reassignmentWorkflowId } from '../../workflows/ids';
import type { ReassignmentInput, ReassignTarget, TaskMoveStatus } from '../../workflows/messages';
import { actorOf, type SessionUser } from '../session-user';
import { type AbsenceService, awayRefusal, type OfficialFacts, TEMPORAL_UNAVAILABLE, type TemporalAccess } from './absences';
import { instant } from './supervision';

export const MAX_TASKS_PER_BATCH = 100;
export const REASSIGNMENT_WORKFLOW_TYPE = 'reassignmentWorkflow';

export type ReassignmentTargetRequest = { kind: 'official'; officialId: number } | { kind: 'group'; department: string };

export interface ReassignmentRequest {
  taskIds: number[];
  target: ReassignmentTargetRequest;
  reason: string;
}

/** Why a task of a batch cannot move; `task` names it (dossier and task) when it is one of the agency's. */
export interface TaskRefusal {
  task?: string;
  reason: string;
}

/** Why a batch was refused: about the target or the batch as a whole, and task by task (by task row id). */
export interface Refusal {
  general: string[];
  tasks: Map<number, TaskRefusal>;
}

export type ReassignmentOutcome =
  | { kind: 'started'; batchId: string }
  | { kind: 'refused'; refusal: Refusal }
  | { kind: 'unavailable'; message: string };

export interface BatchSummary {
  id: string;
  targetLabel: string;
  actorName: string;
  taskCount: number;
  createdAt: Date;
  finishedAt: Date | null;
}

export interface BatchView {
  id: string;
  kind: 'bulk' | 'absence';
  actorName: string;
  targetLabel: string;
  reason: string;
  taskCount: number;
  createdAt: Date;
  finishedAt: Date | null;
  items: { dossierCode: string; taskKey: string; taskName: string; direction: 'out' | 'back'; status: TaskMoveStatus | 'pending'; message: string | null }[];
}

interface TaskFacts {
  id: number;
  task_key: string;
  name: string;
  role: TaskRole;
  status: string;
  agency_id: number;
  code: string;
}

const taskLabel = (t: TaskFacts) => `${t.code} · ${t.name}`;

export class ReassignmentService {
  constructor(
    private readonly orm: Orm,
    private readonly workflows: TemporalAccess,
    private readonly absences: AbsenceService,
    private readonly log: (line: string) => void = console.error,
  ) {}

  private execute<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.orm.em.fork().getConnection().execute<T[]>(sql, params);
  }

  /**
   * Checks the batch; on success, the target the dossier workflows receive and the tasks. A
   * refusal lists every problem at once, so the supervisor fixes them in one go.
   */
  async check(
    user: SessionUser,
    request: ReassignmentRequest,
    now = new Date(),
  ): Promise<{ ok: true; target: ReassignTarget; label: string; tasks: TaskFacts[] } | { ok: false; refusal: Refusal }> {
    const refusal: Refusal = { general: [], tasks: new Map() };
    const ids = [...new Set(request.taskIds)];
    if (!ids.length) refusal.general.push('Vui lòng chọn ít nhất một nhiệm vụ.');
    if (ids.length > MAX_TASKS_PER_BATCH)
      refusal.general.push(`Mỗi lần chỉ phân công lại được tối đa ${MAX_TASKS_PER_BATCH} nhiệm vụ; bạn đã chọn ${ids.length}.`);
    if (!request.reason.trim()) refusal.general.push('Vui lòng nhập lý do phân công lại.');
    if (refusal.general.length) return { ok: false, refusal };

    const tasks = await this.execute<TaskFacts>(
      `select t.id, t.task_key, t.name, t.role, t.status, t.agency_id, d.code from task t join dossier d on d.id = t.dossier_id where t.id in (${ids.map(() => '?').join(', ')})`,
      ids,
    );
    for (const id of ids) {
      const task = tasks.find((t) => t.id === id);
      if (!task || task.agency_id !== user.agencyId) refusal.tasks.set(id, { reason: 'Nhiệm vụ không thuộc cơ quan của bạn.' });
      else if (task.status !== 'open') refusal.tasks.set(id, { task: taskLabel(task), reason: 'Nhiệm vụ đã kết thúc (đã xử lý xong hoặc đã hủy), không còn để phân công.' });
    }
    const mine = tasks.filter((t) => !refusal.tasks.has(t.id));

    const today = localIsoDate(now);
    let target: ReassignTarget | undefined;
    let label = '';
    if (request.target.kind === 'official') {
      const [official] = await this.execute<OfficialFacts>(`select id, full_name, role, agency_id, active, department from official where id = ?`, [request.target.officialId]);
      const away = official ? (await this.absences.awayOn(official.agency_id, today)).get(official.id) : undefined;
      if (!official) refusal.general.push('Không tìm thấy cán bộ được chọn.');
      else if (official.agency_id !== user.agencyId) refusal.general.push(`${official.full_name} thuộc cơ quan khác; chỉ giao được cho cán bộ cùng cơ quan.`);
      else if (!official.active) refusal.general.push(`${official.full_name} đã ngừng hoạt động; vui lòng chọn người khác.`);
      else if (away)
        refusal.general.push(awayRefusal(official.full_name, away));
      else {
        target = { kind: 'official', id: String(official.id), name: official.full_name, role: official.role, agencyCode: user.agencyCode };
        label = official.full_name;
        for (const task of mine) {
          if (task.role !== official.role)
            refusal.tasks.set(task.id, {
              task: taskLabel(task),
              reason: `Nhiệm vụ dành cho ${ROLE_LABELS[task.role].toLowerCase()}, ${official.full_name} là ${ROLE_LABELS[official.role].toLowerCase()}.`,
            });
        }
      }
    } else {
      const department = request.target.department;
      const members = await this.execute<OfficialFacts>(
        `select id, full_name, role, agency_id, active, department from official where agency_id = ? and department = ?`,
        [user.agencyId, department],
      );
      if (!members.length) refusal.general.push(`Cơ quan không có phòng "${department}".`);
      else {
        const away = await this.absences.awayOn(user.agencyId, today);
        const working = members.filter((m) => m.active && isTaskRole(m.role) && !away.has(m.id));
        // The group takes each task in the task's own role; the workflow is told that role.
        target = { kind: 'group', group: department, role: mine[0]?.role ?? 'receiver', agencyCode: user.agencyCode };
        label = department;
        for (const task of mine) {
          if (!working.some((m) => m.role === task.role))
            refusal.tasks.set(task.id, { task: taskLabel(task), reason: `${department} không có ${ROLE_LABELS[task.role].toLowerCase()} đang làm việc để nhận nhiệm vụ.` });
        }
      }
    }
    if (refusal.general.length || refusal.tasks.size || !target) return { ok: false, refusal };
    return { ok: true, target, label, tasks: mine };
  }

  /**
   * Checks the batch, records it, and starts its workflow; nothing is recorded or sent when it is
   * refused. The batch id is the form's request id: the same form sent twice is one batch.
   */
  async start(user: SessionUser, request: ReassignmentRequest, batchId: string = crypto.randomUUID(), now = new Date()): Promise<ReassignmentOutcome> {
    const earlier = await this.execute(`select 1 from reassignment_batch where id = ?`, [batchId]);
    if (earlier.length) return { kind: 'started', batchId };
    const checked = await this.check(user, request, now);
    if (!checked.ok) return { kind: 'refused', refusal: checked.refusal };
    const tasks = checked.tasks.map((t) => ({
      dossierCode: t.code,
      taskKey: t.task_key,
      name: t.name,
      role: t.role,
      // The Update's id: the same batch and task is the same move, applied once.
      updateId: `${batchId}/${t.code}/${t.task_key}`,
    }));
    const reason = request.reason.trim();
    try {
      await this.record(batchId, user, checked, tasks, reason);
    } catch (error) {
      // The same form sent twice at the same moment: the other request recorded the batch.
      if (error instanceof UniqueConstraintViolationException) return { kind: 'started', batchId };
      throw error;
    }
    const input: ReassignmentInput = { batchId, tasks, to: checked.target, reason, actor: actorOf(user) };
    try {
      await this.workflows.temporal.workflow.start(REASSIGNMENT_WORKFLOW_TYPE, {
        taskQueue: this.workflows.taskQueue,
        workflowId: reassignmentWorkflowId(batchId, this.workflows.workflowIdPrefix),
        args: [input],
      });
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return { kind: 'started', batchId };
      // Nothing half-done: a batch whose workflow never started would stay pending forever.
      this.log(`[reassignment] batch ${batchId} not started, removed: ${error instanceof Error ? error.message : String(error)}`);
      await this.execute(`delete from reassignment_batch where id = ?`, [batchId]);
      return { kind: 'unavailable', message: TEMPORAL_UNAVAILABLE };
    }
    // Each task moved gets its own entry (activities/reassignment.ts); this one says who asked for what.
    await appendAudit(this.orm.em.fork(), {
      actor: user.username,
      action: 'reassignment-started',
      target: `phan-cong:${batchId}`,
      agencyCode: user.agencyCode,
      key: `reassignment-started:${batchId}`,
      detail: { batch: batchId, to: checked.label, tasks: tasks.length, reason },
    });
    return { kind: 'started', batchId };
  }

  /** The batch and its tasks, pending, in one transaction. */
  private async record(
    batchId: string,
    user: SessionUser,
    checked: { target: ReassignTarget; label: string },
    tasks: ReassignmentInput['tasks'],
    reason: string,
  ): Promise<void> {
    await this.orm.em.fork().transactional(async (tx) => {
      const connection = tx.getConnection();
      const context = tx.getTransactionContext();
      await connection.execute(
        `insert into reassignment_batch (id, agency_id, kind, actor_id, actor_name, target, target_label, reason, task_count, created_at)
         values (?, ?, 'bulk', ?, ?, ?, ?, ?, ?, now())`,
        [batchId, user.agencyId, user.id, user.name, JSON.stringify(checked.target), checked.label, reason, tasks.length],
        'run',
        context,
      );
      await connection.execute(
        `insert into reassignment_item (batch_id, update_id, dossier_code, task_key, task_name, direction, status, updated_at)
         select ?, x.update_id, x.dossier_code, x.task_key, x.task_name, 'out', 'pending', now()
         from jsonb_to_recordset(?::jsonb) as x(update_id text, dossier_code text, task_key text, task_name text)`,
        [batchId, JSON.stringify(tasks.map((t) => ({ update_id: t.updateId, dossier_code: t.dossierCode, task_key: t.taskKey, task_name: t.name })))],
        'run',
        context,
      );
    });
  }

  /** A batch of the official's agency, with each task's outcome so far. */
  async batch(user: SessionUser, batchId: string): Promise<BatchView | undefined> {
    const [batch] = await this.execute<{
      id: string;
      kind: 'bulk' | 'absence';
      actor_name: string;
      target_label: string;
      reason: string;
      task_count: number;
      created_at: Date | string;
      finished_at: Date | string | null;
    }>(
      `select id, kind, actor_name, target_label, reason, task_count, created_at, finished_at from reassignment_batch where id = ? and agency_id = ?`,
      [batchId, user.agencyId],
    );
    if (!batch) return undefined;
    const items = await this.execute<{ dossier_code: string; task_key: string; task_name: string; direction: 'out' | 'back'; status: TaskMoveStatus | 'pending'; message: string | null }>(
      `select dossier_code, task_key, task_name, direction, status, message from reassignment_item where batch_id = ? order by id`,
      [batchId],
    );
    return {
      id: batch.id,
      kind: batch.kind,
      actorName: batch.actor_name,
      targetLabel: batch.target_label,
      reason: batch.reason,
      taskCount: batch.task_count,
      createdAt: instant(batch.created_at),
      finishedAt: instant(batch.finished_at),
      items: items.map((i) => ({ dossierCode: i.dossier_code, taskKey: i.task_key, taskName: i.task_name, direction: i.direction, status: i.status, message: i.message })),
    };
  }

  /** The agency's latest bulk reassignments, newest first. */
  async recent(user: SessionUser, limit = 10): Promise<BatchSummary[]> {
    const rows = await this.execute<{ id: string; target_label: string; actor_name: string; task_count: number; created_at: Date | string; finished_at: Date | string | null }>(
      `select id, target_label, actor_name, task_count, created_at, finished_at from reassignment_batch where agency_id = ? and kind = 'bulk' order by created_at desc limit ?`,
      [user.agencyId, limit],
    );
    return rows.map((r) => ({ id: r.id, targetLabel: r.target_label, actorName: r.actor_name, taskCount: r.task_count, createdAt: instant(r.created_at), finishedAt: instant(r.finished_at) }));
  }
}
