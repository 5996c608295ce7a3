/**
 * The supervisor's levers on Temporal's time-skipping test server, with in-memory activities:
 * a bulk reassignment sends each task's Update once (a retry after a lost answer included) and
 * records every outcome; an absence passes the official's tasks to the delegate exactly when it
 * starts, catches tasks given to the official meanwhile, and gives back, when it ends or is
 * cancelled, what the delegate still holds because of it. Days pass in milliseconds.
 */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, makeTelemetryFilterString, Runtime, Worker } from '@temporalio/worker';
import type { MoveTaskInput, MoveTaskResult, SupervisionActivities } from '../../activities/contract';
import type { Actor, AbsenceInput, AbsencePhase, AbsenceState, ReassignmentInput, ReassignmentState, TaskRef } from '../../workflows/messages';
import { absenceStateQuery, cancelAbsenceSignal } from '../../workflows/messages';
import { workflowsPath } from '../../worker/create-worker';
import { eventually } from '../support/eventually';

const TASK_QUEUE = 'supervision-tests';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const AGENCY = 'SO-01';

const supervisor: Actor = { id: '9', username: 'giamsat', name: 'Đỗ Thị Mai', role: 'supervisor', agencyCode: AGENCY };
const lan = { id: '1', name: 'Nguyễn Thị Lan', role: 'receiver' as const, agencyCode: AGENCY };
const hong = { id: '2', name: 'Bùi Thị Hồng', role: 'receiver' as const, agencyCode: AGENCY };

/**
 * The dossier workflows as the activities see them: who holds each open task. An Update id is
 * applied once, as Temporal applies it; a task that is not open is refused, as the dossier
 * workflow's validator refuses it.
 */
class Dossiers {
  readonly holders = new Map<string, string | undefined>();
  readonly applied = new Map<string, MoveTaskInput>();
  readonly sent: string[] = [];
  readonly failures: MoveTaskInput[] = [];
  readonly finished: string[] = [];
  /** Answers lost on the way back (the move applied, the activity fails and is retried). */
  loseAnswers = 0;

  open(task: TaskRef, holder?: string): TaskRef {
    this.holders.set(key(task), holder);
    return task;
  }

  heldBy(id: string): string[] {
    return [...this.holders].filter(([, holder]) => holder === id).map(([k]) => k);
  }

  readonly activities: SupervisionActivities = {
    moveTask: async (input): Promise<MoveTaskResult> => {
      const k = key(input.task);
      this.sent.push(input.updateId);
      if (!this.holders.has(k)) return { status: 'refused', message: 'Nhiệm vụ này không còn chờ xử lý.' };
      if (input.onlyIfHeldBy && this.holders.get(k) !== input.onlyIfHeldBy && !this.applied.has(input.updateId)) return { status: 'skipped' };
      if (!this.applied.has(input.updateId)) {
        this.applied.set(input.updateId, input);
        this.holders.set(k, input.to.kind === 'group' ? `group:${input.to.group}` : input.to.id);
      }
      if (this.loseAnswers > 0) {
        this.loseAnswers--;
        throw new Error('the answer was lost on the way back');
      }
      return { status: 'moved' };
    },
    recordMoveFailure: async (input) => {
      this.failures.push(input);
    },
    heldTasks: async ({ officialId }) => this.heldBy(officialId).map((k) => ref(k)),
    finishBatch: async ({ batchId }) => {
      this.finished.push(batchId);
    },
  };
}

const key = (t: Pick<TaskRef, 'dossierCode' | 'taskKey'>) => `${t.dossierCode}/${t.taskKey}`;
const ref = (k: string): TaskRef => {
  const [dossierCode, taskKey] = k.split('/');
  return { dossierCode, taskKey, name: 'Tiếp nhận', role: 'receiver' };
};

let env: TestWorkflowEnvironment;
let worker: Worker;
let running: Promise<void>;
let dossiers: Dossiers;
let started = 0;

/** Errors only: a lost answer (an activity failing once, on purpose) is not news here. */
function installQuietRuntime(): void {
  try {
    Runtime.install({ logger: new DefaultLogger('ERROR'), telemetryOptions: { logging: { filter: makeTelemetryFilterString({ core: 'ERROR' }) } } });
  } catch {
    // Installed already (the runtime is one per process): keep it.
  }
}

beforeAll(async () => {
  installQuietRuntime();
  const serverPath = process.env.MOTCUA_TEST_SERVER;
  env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: serverPath ? { type: 'existing-path', path: serverPath } : { type: 'cached-download' } },
  });
  const bundle = process.env.MOTCUA_TEST_WORKFLOW_BUNDLE;
  dossiers = new Dossiers();
  worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue: TASK_QUEUE,
    // The stubs read `dossiers` when called, so each test may start from a fresh one.
    activities: {
      moveTask: (input: MoveTaskInput) => dossiers.activities.moveTask(input),
      recordMoveFailure: (input: MoveTaskInput & { message: string }) => dossiers.activities.recordMoveFailure(input),
      heldTasks: (input: { officialId: string; agencyCode: string }) => dossiers.activities.heldTasks(input),
      finishBatch: (input: { batchId: string }) => dossiers.activities.finishBatch(input),
    },
    ...(bundle ? { workflowBundle: { codePath: bundle } } : { workflowsPath: workflowsPath() }),
  });
  running = worker.run();
});

afterAll(async () => {
  worker?.shutdown();
  await running;
  await env?.teardown();
});

beforeEach(() => {
  dossiers = new Dossiers();
});

const now = async () => env.currentTimeMs();
const nextId = () => `${process.pid}-${++started}`;

function tasks(count: number, holder?: string): TaskRef[] {
  const prefix = nextId();
  return Array.from({ length: count }, (_, i) => dossiers.open({ dossierCode: `HS-${prefix}-${i + 1}`, taskKey: 'intake-1', name: 'Tiếp nhận', role: 'receiver' }, holder));
}

describe('bulk reassignment', () => {
  async function reassign(list: TaskRef[], batchId = `batch-${nextId()}`) {
    const input: ReassignmentInput = {
      batchId,
      tasks: list.map((t) => ({ ...t, updateId: `${batchId}/${key(t)}` })),
      to: { kind: 'official', ...hong },
      reason: 'Cân đối khối lượng công việc',
      actor: supervisor,
    };
    return env.client.workflow.execute('reassignmentWorkflow', { taskQueue: TASK_QUEUE, workflowId: `reassignment:${batchId}`, args: [input] }) as Promise<ReassignmentState>;
  }

  test('moves 100 tasks with one Update each, derived from the batch and the task', async () => {
    const list = tasks(100, lan.id);
    const state = await reassign(list, 'batch-hundred');
    expect(state.outcomes).toHaveLength(100);
    expect(state.outcomes.every((o) => o.status === 'moved')).toBe(true);
    expect(list.every((t) => dossiers.holders.get(key(t)) === hong.id)).toBe(true);
    expect(new Set(dossiers.sent)).toEqual(new Set(list.map((t) => `batch-hundred/${key(t)}`)));
    expect(dossiers.finished).toEqual(['batch-hundred']);
  });

  test('records a task that finished meanwhile as refused, with the reason, and moves the others', async () => {
    const [finished, ...others] = tasks(3, lan.id);
    dossiers.holders.delete(key(finished));
    const state = await reassign([finished, ...others]);
    expect(state.outcomes.find((o) => o.dossierCode === finished.dossierCode)).toMatchObject({ status: 'refused', message: 'Nhiệm vụ này không còn chờ xử lý.' });
    expect(state.outcomes.filter((o) => o.status === 'moved')).toHaveLength(2);
  });

  test('a move whose answer was lost is retried with the same Update id and applied once', async () => {
    const list = tasks(2, lan.id);
    dossiers.loseAnswers = 1;
    const state = await reassign(list);
    expect(state.outcomes.every((o) => o.status === 'moved')).toBe(true);
    // Sent three times, applied twice: the retry carried the same id.
    expect(dossiers.sent).toHaveLength(3);
    expect(new Set(dossiers.sent).size).toBe(2);
    expect(dossiers.applied.size).toBe(2);
  });
});

describe('delegation while absent', () => {
  async function absence(options: { startsIn: number; lasts: number; sweepEveryMs?: number }) {
    const t = await now();
    const id = ++started;
    const input: AbsenceInput = {
      absenceId: id,
      batchId: `absence-${id}`,
      official: lan,
      delegate: hong,
      startsAt: new Date(t + options.startsIn).toISOString(),
      endsAt: new Date(t + options.startsIn + options.lasts).toISOString(),
      reasons: { out: 'Ủy quyền cho Bùi Thị Hồng trong thời gian Nguyễn Thị Lan vắng mặt', back: 'Kết thúc ủy quyền' },
      actor: supervisor,
      sweepEveryMs: options.sweepEveryMs ?? 6 * HOUR,
    };
    return env.client.workflow.start('absenceWorkflow', { taskQueue: TASK_QUEUE, workflowId: `absence:${process.pid}:${id}`, args: [input] });
  }

  const phase = async (handle: { query: (q: typeof absenceStateQuery) => Promise<AbsenceState> }, wanted: AbsencePhase) =>
    eventually(() => handle.query(absenceStateQuery), (s) => s.phase === wanted, 10_000);

  test("passes the official's open tasks to the delegate when the absence starts, and not before", async () => {
    const held = tasks(3, lan.id);
    const handle = await absence({ startsIn: 2 * DAY, lasts: 3 * DAY });
    await env.sleep(DAY);
    expect(dossiers.heldBy(lan.id)).toHaveLength(3);
    expect((await handle.query(absenceStateQuery)).phase).toBe('waiting');

    await env.sleep(DAY + HOUR);
    await phase(handle, 'active');
    await eventually(() => dossiers.heldBy(hong.id).length, (n) => n === 3, 10_000);
    expect(held.every((t) => dossiers.holders.get(key(t)) === hong.id)).toBe(true);
    expect([...dossiers.applied.values()].every((m) => m.reason.startsWith('Ủy quyền cho Bùi Thị Hồng'))).toBe(true);
    await handle.signal(cancelAbsenceSignal);
    await handle.result();
  });

  test('a task given to the absent official meanwhile goes to the delegate at the next sweep', async () => {
    const handle = await absence({ startsIn: 0, lasts: 5 * DAY, sweepEveryMs: HOUR });
    await phase(handle, 'active');
    const [late] = tasks(1, lan.id);
    await env.sleep(HOUR + 60_000);
    await eventually(() => dossiers.holders.get(key(late)), (holder) => holder === hong.id, 10_000);
    await handle.signal(cancelAbsenceSignal);
    await handle.result();
  });

  test('gives back what the delegate still holds when the absence ends, and leaves what the delegate finished or a supervisor moved', async () => {
    const [kept, finished, movedOn] = tasks(3, lan.id);
    const handle = await absence({ startsIn: HOUR, lasts: 2 * DAY });
    await env.sleep(2 * HOUR);
    await eventually(() => dossiers.heldBy(hong.id).length, (n) => n === 3, 10_000);
    dossiers.holders.delete(key(finished));
    dossiers.holders.set(key(movedOn), '3');

    expect(await handle.result()).toBe('ended');
    expect(dossiers.holders.get(key(kept))).toBe(lan.id);
    expect(dossiers.holders.has(key(finished))).toBe(false);
    expect(dossiers.holders.get(key(movedOn))).toBe('3');
    const back = [...dossiers.applied.values()].filter((m) => m.direction === 'back');
    expect(back.map((m) => key(m.task))).toEqual([key(kept)]);
    expect(back[0]).toMatchObject({ reason: 'Kết thúc ủy quyền', to: { id: lan.id }, onlyIfHeldBy: hong.id });
    const { phase: final, moved } = await handle.query(absenceStateQuery);
    expect(final).toBe('ended');
    expect(moved).toEqual([]);
  });

  test('a cancelled absence gives the tasks back at once', async () => {
    const held = tasks(2, lan.id);
    const handle = await absence({ startsIn: 0, lasts: 10 * DAY });
    await eventually(() => dossiers.heldBy(hong.id).length, (n) => n === 2, 10_000);
    await handle.signal(cancelAbsenceSignal);
    expect(await handle.result()).toBe('cancelled');
    expect(held.every((t) => dossiers.holders.get(key(t)) === lan.id)).toBe(true);
  });

  test('an absence cancelled before it starts moves nothing', async () => {
    tasks(2, lan.id);
    const handle = await absence({ startsIn: 3 * DAY, lasts: DAY });
    await handle.signal(cancelAbsenceSignal);
    expect(await handle.result()).toBe('cancelled');
    expect(dossiers.applied.size).toBe(0);
    expect(dossiers.heldBy(lan.id)).toHaveLength(2);
  });
});
