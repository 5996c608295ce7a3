/**
 * Delegation while an official is away, one workflow per absence, on durable timers:
 * - until the first day, nothing (a cancellation ends it there);
 * - from the first day, the official's open tasks go to the delegate, and every
 *   `sweepEveryMs` so does any task given to the official meanwhile;
 * - after the last day, or when the absence is cancelled, the tasks the delegate still holds
 *   because of it go back to the official (a task the delegate finished, or a supervisor gave
 *   to someone else, stays where it is).
 * Each move is one `reassignTask` Update (activities/reassignment.ts) with an id made of the
 * batch, the task and the move's number, so a retry applies once and a task given back to the
 * official during the absence can go to the delegate again. Deterministic: timers and
 * activities only.
 */
import { allHandlersFinished, condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { SupervisionActivities } from '../activities/contract';
import { type AbsenceInput, type AbsencePhase, absenceStateQuery, cancelAbsenceSignal, type ReassignTarget, type TaskRef } from './messages';
import { inFlight, moveOrRecord } from './reassignment';

const DEFAULT_SWEEP_MS = 15 * 60_000;
const IN_FLIGHT = 5;

const { heldTasks, finishBatch } = proxyActivities<SupervisionActivities>({ startToCloseTimeout: '1 minute' });

const keyOf = (task: Pick<TaskRef, 'dossierCode' | 'taskKey'>) => `${task.dossierCode}/${task.taskKey}`;

function targetOf(official: AbsenceInput['official']): ReassignTarget {
  return { kind: 'official', id: official.id, name: official.name, role: official.role, agencyCode: official.agencyCode };
}

export async function absenceWorkflow(input: AbsenceInput): Promise<AbsencePhase> {
  const startsAt = Date.parse(input.startsAt);
  const endsAt = Date.parse(input.endsAt);
  const sweepEvery = input.sweepEveryMs ?? DEFAULT_SWEEP_MS;
  /** What the delegate holds because of the absence. */
  const moved = new Map((input.carried?.moved ?? []).map((t) => [keyOf(t), t]));
  let moves = input.carried?.moves ?? 0;
  let phase: AbsencePhase = input.carried ? 'active' : 'waiting';
  let cancelled = false;

  setHandler(cancelAbsenceSignal, () => {
    cancelled = true;
  });
  setHandler(absenceStateQuery, () => ({ phase, moved: [...moved.values()] }));

  const move = (task: TaskRef, direction: 'out' | 'back') =>
    moveOrRecord({
      batchId: input.batchId,
      updateId: `${input.batchId}/${keyOf(task)}/${direction}-${++moves}`,
      task,
      direction,
      to: targetOf(direction === 'out' ? input.delegate : input.official),
      reason: direction === 'out' ? input.reasons.out : input.reasons.back,
      actor: input.actor,
      onlyIfHeldBy: direction === 'out' ? input.official.id : input.delegate.id,
    });

  /** The official's open tasks go to the delegate. */
  const passOn = async () => {
    const held = await heldTasks({ officialId: input.official.id, agencyCode: input.official.agencyCode });
    await inFlight(held, IN_FLIGHT, async (task) => {
      if ((await move(task, 'out')).status === 'moved') moved.set(keyOf(task), task);
    });
  };

  if (phase === 'waiting' && Date.now() < startsAt) await condition(() => cancelled, startsAt - Date.now());
  if (!cancelled) {
    phase = 'active';
    while (!cancelled && Date.now() < endsAt) {
      await passOn();
      if (workflowInfo().continueAsNewSuggested) {
        await condition(allHandlersFinished);
        return continueAsNew<typeof absenceWorkflow>({ ...input, carried: { moved: [...moved.values()], moves } });
      }
      await condition(() => cancelled, Math.max(1, Math.min(sweepEvery, endsAt - Date.now())));
    }
  }

  phase = 'returning';
  await inFlight([...moved.values()], IN_FLIGHT, async (task) => {
    await move(task, 'back');
    moved.delete(keyOf(task));
  });
  await finishBatch({ batchId: input.batchId });
  phase = cancelled ? 'cancelled' : 'ended';
  return phase;
}
