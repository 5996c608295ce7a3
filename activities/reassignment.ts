/**
 * The moves of a bulk reassignment or an absence: each sends one dossier workflow the
 * `reassignTask` Update and writes what became of it into the batch (`reassignment_item`), with
 * an `audit_event` row for each task moved (who moved which task to whom, why, in which batch),
 * in one transaction. The Update's id comes from the batch and the task: a retry after a lost
 * answer applies nothing twice, and writes the same row and no second audit row.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { type Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { appendAudit } from '../db/audit';
import type { Orm } from '../db/orm';
import { dossierWorkflowId } from '../workflows/ids';
import { ACTION_REFUSED, dossierStateQuery, reassignTaskUpdate, type ReassignTarget, type TaskRef } from '../workflows/messages';
import type { MoveTaskInput, MoveTaskResult, SupervisionActivities } from './contract';

export const DOSSIER_ENDED = 'Hồ sơ đã kết thúc xử lý; nhiệm vụ không còn để chuyển.';
export const NOT_HELD_ANY_MORE = 'Nhiệm vụ không còn do cán bộ này giữ (đã xử lý xong hoặc đã giao cho người khác); giữ nguyên.';
export const OFFICIAL_INACTIVE = 'Cán bộ vắng mặt đã ngừng hoạt động; nhiệm vụ ở lại với người được ủy quyền, vui lòng phân công lại nếu cần.';

export interface SupervisionActivityDeps {
  orm: Orm;
  temporal: Client;
  /** The deployment's workflow-id prefix (TEMPORAL_WORKFLOW_ID_PREFIX). */
  workflowIdPrefix: string;
}

/** The dossier workflow's reason for refusing, or undefined for a failure worth retrying. */
function refusalOf(error: unknown): string | undefined {
  if (error instanceof WorkflowNotFoundError) return DOSSIER_ENDED;
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && error.cause.type === ACTION_REFUSED) return error.cause.message;
  // The server answers this way when the workflow has already completed.
  if (error instanceof Error && /workflow execution already completed/i.test(error.message)) return DOSSIER_ENDED;
  return undefined;
}

export function targetLabel(to: ReassignTarget): string {
  return to.kind === 'group' ? to.group : to.name;
}

/** The move's row takes its outcome; a task newly moved gets its audit row, once. */
async function record(em: EntityManager, input: MoveTaskInput, result: MoveTaskResult): Promise<MoveTaskResult> {
  const { task } = input;
  await em.transactional(async (tx) => {
    const connection = tx.getConnection();
    const context = tx.getTransactionContext();
    const changed = await connection.execute<{ id: number }[]>(
      `insert into reassignment_item (batch_id, update_id, dossier_code, task_key, task_name, direction, status, message, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, now())
       on conflict (update_id) do update set status = excluded.status, message = excluded.message, updated_at = excluded.updated_at
       where reassignment_item.status is distinct from excluded.status
       returning id`,
      [input.batchId, input.updateId, task.dossierCode, task.taskKey, task.name, input.direction, result.status, result.message ?? null],
      'all',
      context,
    );
    if (!changed.length || result.status !== 'moved') return;
    const detail = {
      batch: input.batchId,
      direction: input.direction,
      to: targetLabel(input.to),
      ...(input.to.kind === 'group' ? { group: input.to.group } : { officialId: input.to.id }),
      reason: input.reason,
    };
    // Last in the transaction (the trail's lock is held until the commit); keyed by the move.
    await appendAudit(tx, {
      actor: input.actor.username,
      action: 'task-reassigned',
      target: `${task.dossierCode} ${task.taskKey}`,
      agencyCode: input.actor.agencyCode,
      dossierCode: task.dossierCode,
      key: `task-reassigned:${input.updateId}`,
      detail,
    });
  });
  return result;
}

export function createSupervisionActivities(deps: SupervisionActivityDeps): SupervisionActivities {
  const em = () => deps.orm.em.fork();
  const dossier = (code: string) => deps.temporal.workflow.getHandle(dossierWorkflowId(code, deps.workflowIdPrefix));

  /**
   * Who holds the task now, as the dossier workflow itself says (the read model may trail it):
   * an official's id, undefined when nobody does or the task is not open, 'ended' when the
   * dossier's workflow is gone.
   */
  async function holderOf(task: TaskRef): Promise<string | undefined | 'ended'> {
    try {
      const state = await dossier(task.dossierCode).query(dossierStateQuery);
      return state.openTasks.find((t) => t.id === task.taskKey)?.assignee?.id;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return 'ended';
      throw error;
    }
  }

  async function isActive(officialId: string): Promise<boolean> {
    const rows = await em().getConnection().execute<{ active: boolean }[]>(`select active from official where id = ?`, [Number(officialId)]);
    return rows[0]?.active === true;
  }

  return {
    async moveTask(input) {
      // Work is not given back to an official deactivated during the absence: nobody would see it.
      if (input.direction === 'back' && input.to.kind === 'official' && !(await isActive(input.to.id))) {
        return record(em(), input, { status: 'skipped', message: OFFICIAL_INACTIVE });
      }
      if (input.onlyIfHeldBy) {
        const holder = await holderOf(input.task);
        if (holder === 'ended') return record(em(), input, { status: 'skipped', message: DOSSIER_ENDED });
        // Held by the target already: this move may have been applied before its answer was lost;
        // the Update below, with the same id, then only confirms it.
        const target = input.to.kind === 'group' ? undefined : input.to.id;
        if (holder !== input.onlyIfHeldBy && (!target || holder !== target)) return record(em(), input, { status: 'skipped', message: NOT_HELD_ANY_MORE });
      }
      const request = { taskId: input.task.taskKey, to: input.to, reason: input.reason, actor: input.actor };
      try {
        await dossier(input.task.dossierCode).executeUpdate(reassignTaskUpdate, { args: [request], updateId: input.updateId });
      } catch (error) {
        const message = refusalOf(error);
        if (message === undefined) throw error;
        return record(em(), input, { status: 'refused', message });
      }
      return record(em(), input, { status: 'moved' });
    },

    async recordMoveFailure(input) {
      const { message, ...move } = input;
      await record(em(), move, { status: 'failed', message });
    },

    async heldTasks({ officialId, agencyCode }) {
      const rows = await em()
        .getConnection()
        .execute<{ dossier_code: string; task_key: string; name: string; role: TaskRef['role'] }[]>(
          `select d.code as dossier_code, t.task_key, t.name, t.role
           from task t join dossier d on d.id = t.dossier_id join agency a on a.id = t.agency_id
           where t.assignee_id = ? and t.status = 'open' and a.code = ?
           order by t.created_at, t.id`,
          [Number(officialId), agencyCode],
        );
      return rows.map((r) => ({ dossierCode: r.dossier_code, taskKey: r.task_key, name: r.name, role: r.role }));
    },

    async finishBatch({ batchId }) {
      await em().getConnection().execute(`update reassignment_batch set finished_at = now() where id = ? and finished_at is null`, [batchId]);
    },
  };
}
