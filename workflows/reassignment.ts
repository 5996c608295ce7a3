/**
 * A bulk reassignment: up to 100 tasks given to one official or one group in one action. Each
 * task is one activity that sends its dossier workflow the `reassignTask` Update, with an id
 * derived from the batch and the task, so a retried activity (a worker restart, Temporal out of
 * reach for a while) applies the move once. The dossier workflow has the last word: a task that
 * finished since the supervisor chose it is refused there, and the batch records the refusal
 * with its reason. Deterministic: no I/O here, only activities.
 */
import { ActivityFailure, proxyActivities, setHandler } from '@temporalio/workflow';
import type { MoveTaskInput, SupervisionActivities } from '../activities/contract';
import { type ReassignmentInput, type ReassignmentState, reassignmentStateQuery, type ReassignTarget, type TaskRef } from './messages';

/** Moves in flight at once: a batch of 100 takes seconds, and the worker keeps room for the dossiers' own work. */
const IN_FLIGHT = 10;

const activities = proxyActivities<SupervisionActivities>({
  startToCloseTimeout: '1 minute',
  // Temporal slow or out of reach: try again for a while, then record the task as not confirmed.
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 12 },
});

/** Records for the book: those activities only write a row, and retry until they do. */
const bookkeeping = proxyActivities<SupervisionActivities>({ startToCloseTimeout: '30 seconds' });

export const MOVE_NOT_CONFIRMED = 'Chưa xác nhận được việc chuyển nhiệm vụ sau nhiều lần thử; vui lòng kiểm tra hồ sơ và phân công lại nếu cần.';

/** A group takes each task in the task's own role; an official only tasks of theirs (the web checked). */
export function targetFor(to: ReassignTarget, task: TaskRef): ReassignTarget {
  return to.kind === 'group' ? { ...to, role: task.role } : to;
}

/** Sends one move; a move Temporal could not confirm after every retry is recorded as such, never lost. */
export async function moveOrRecord(input: MoveTaskInput): Promise<ReassignmentState['outcomes'][number]> {
  const where = { dossierCode: input.task.dossierCode, taskKey: input.task.taskKey };
  try {
    return { ...where, ...(await activities.moveTask(input)) };
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    await bookkeeping.recordMoveFailure({ ...input, message: MOVE_NOT_CONFIRMED });
    return { ...where, status: 'failed', message: MOVE_NOT_CONFIRMED };
  }
}

/** Runs `work` on every item, at most `limit` at a time, in the items' order. */
export async function inFlight<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

export async function reassignmentWorkflow(input: ReassignmentInput): Promise<ReassignmentState> {
  const state: ReassignmentState = { batchId: input.batchId, total: input.tasks.length, outcomes: [] };
  setHandler(reassignmentStateQuery, () => state);

  await inFlight(input.tasks, IN_FLIGHT, async ({ updateId, ...task }) => {
    const outcome = await moveOrRecord({
      batchId: input.batchId,
      updateId,
      task,
      direction: 'out',
      to: targetFor(input.to, task),
      reason: input.reason,
      actor: input.actor,
    });
    state.outcomes.push(outcome);
  });
  await bookkeeping.finishBatch({ batchId: input.batchId });
  return state;
}
