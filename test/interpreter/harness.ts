/**
 * The dossier workflow on Temporal's time-skipping test server, with the in-memory activities of
 * stubs.ts: one server and one worker per test file (`startInterpreter()` in beforeAll, `stop()`
 * in afterAll). Tests start dossiers from a definition and act on them with the workflow's own
 * Updates and query (workflows/messages.ts), as the web layer does. Time stands still unless a
 * test lets it pass (`passTime`, or waiting for the end with `outcome`), so a deadline of days
 * passes in milliseconds.
 */
import { WorkflowUpdateFailedError, type WorkflowHandle } from '@temporalio/client';
import { ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, makeTelemetryFilterString, Runtime, Worker } from '@temporalio/worker';
import type { CheckKind, ProcedureDefinition, ProcedureInput } from '../../engine/definition';
import { validateDefinition } from '../../engine/validate';
import { CHECK_CONTEXT, checkedDefinitions } from '../../config/catalogue';
import type { OfficialRole } from '../../domain/roles';
import { dossierWorkflowId } from '../../workflows/ids';
import {
  ACTION_REFUSED,
  type Actor,
  type AgencyRef,
  claimTaskUpdate,
  completeTaskUpdate,
  confirmPaymentUpdate,
  type DossierInput,
  type DossierSnapshot,
  dossierStateQuery,
  reassignTaskUpdate,
  submitSupplementUpdate,
  type TaskSnapshot,
  type UpdateResult,
} from '../../workflows/messages';
import { workflowsPath } from '../../worker/create-worker';
import { eventually } from '../support/eventually';
import { createStubs, type RegistryAnswer, type Stubs } from './stubs';

const TASK_QUEUE = 'interpreter-tests';
/** An Update is answered, and a dossier ends, in milliseconds here: this long means it is stuck. */
const PATIENCE_MS = 15_000;

/** The handling agency of every dossier here: a provincial department in Hà Nội. */
export const AGENCY: AgencyRef = { code: 'SO-01', name: 'Sở kiểm thử Hà Nội', unitCode: '000.00.01.H26', provinceCode: '01' };

const HOUR = 3600_000;
export const DAY = 24 * HOUR;

/** The default time a payment request stays open (config PAYMENT_DEADLINE). */
export const PAYMENT_DEADLINE_MS = 72 * HOUR;

/** An official of `role` at `agencyCode` (the handling agency unless said otherwise). */
export function official(role: OfficialRole, agencyCode = AGENCY.code, name = `Cán bộ ${role} ${agencyCode}`): Actor {
  return { id: `${role}@${agencyCode}:${name}`, username: `${role}.${agencyCode}`.toLowerCase(), name, role, agencyCode };
}

/** A definition as published: checked like the catalogue checks it, defaults filled in. */
export function definitionOf(input: ProcedureInput): ProcedureDefinition {
  const checked = validateDefinition(input, CHECK_CONTEXT);
  if (!checked.ok) throw new Error(`invalid test definition ${input.code}: ${JSON.stringify(checked.problems)}`);
  return checked.definition;
}

/** A version shipped in procedures/, as the catalogue serves it. */
export function shipped(code: string, version?: number): ProcedureDefinition {
  const versions = checkedDefinitions()
    .entries.map((e) => e.definition)
    .filter((d) => d.code === code && (version === undefined || d.version === version));
  const latest = versions.sort((a, b) => b.version - a.version)[0];
  if (!latest) throw new Error(`procedures/ ships no ${code}${version ? ` v${version}` : ''}`);
  return latest;
}

/** The message of an Update the workflow refused (its validator, or its handler). */
export async function refusal(update: Promise<unknown>): Promise<string> {
  try {
    await update;
  } catch (error) {
    const cause = error instanceof WorkflowUpdateFailedError ? error.cause : undefined;
    if (cause instanceof ApplicationFailure && cause.type === ACTION_REFUSED) return cause.message;
    throw error;
  }
  throw new Error('the update was accepted, a refusal was expected');
}

export interface StartOptions {
  /** What the registries answer for this dossier, per check kind (default: everything matches). */
  registry?: Partial<Record<CheckKind, RegistryAnswer>>;
  paymentDeadlineMs?: number;
  agency?: AgencyRef;
}

export interface Interpreter {
  env: TestWorkflowEnvironment;
  stubs: Stubs;
  start(definition: ProcedureDefinition, form: Record<string, string>, options?: StartOptions): Promise<Dossier>;
  /** Lets workflow time pass: timers due meanwhile fire, in order. */
  passTime(ms: number): Promise<void>;
  /** The time-skipping server's clock. */
  now(): Promise<Date>;
  stop(): Promise<void>;
}

let started = 0;

/**
 * The SDK's warnings, but one: the Java test server does not advertise a capability of newer
 * servers (keeping heartbeat details of failed activities), which the stubs do not use. A
 * failing workflow task, the warning that matters here, comes from worker::workflow.
 */
function installQuietRuntime(): void {
  const filter = [
    makeTelemetryFilterString({ core: 'WARN' }),
    'temporalio_sdk_core::worker=ERROR',
    'temporalio_sdk_core::worker::workflow=WARN',
    'temporalio_sdk_core::worker::activities=WARN',
  ].join(',');
  try {
    Runtime.install({ logger: new DefaultLogger('WARN'), telemetryOptions: { logging: { filter } } });
  } catch {
    // Installed already (the runtime is one per process): keep it.
  }
}

export async function startInterpreter(): Promise<Interpreter> {
  installQuietRuntime();
  const serverPath = process.env.MOTCUA_TEST_SERVER;
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    // Without Java and Maven (ensure-test-server.sh made nothing) the SDK downloads its own.
    server: { executable: serverPath ? { type: 'existing-path', path: serverPath } : { type: 'cached-download' } },
  });
  const stubs = createStubs();
  const bundle = process.env.MOTCUA_TEST_WORKFLOW_BUNDLE;
  let worker: Worker;
  try {
    worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue: TASK_QUEUE,
      activities: stubs.activities,
      ...(bundle ? { workflowBundle: { codePath: bundle } } : { workflowsPath: workflowsPath() }),
    });
  } catch (error) {
    await env.teardown();
    throw error;
  }
  const running = worker.run();
  const stopping = new AbortController();
  const prefix = `IT${process.pid.toString(36)}${Date.now().toString(36)}`.toUpperCase();

  return {
    env,
    stubs,
    passTime: (ms) => env.sleep(ms),
    now: async () => new Date(await env.currentTimeMs()),
    async start(definition, form, options = {}) {
      const code = `${prefix}-${String(++started).padStart(4, '0')}`;
      if (options.registry) stubs.registry.answer(code, options.registry);
      const input: DossierInput = {
        code,
        procedure: definition,
        agency: options.agency ?? AGENCY,
        form,
        submittedAt: new Date(await env.currentTimeMs()).toISOString(),
        channel: 'online',
        settings: { paymentDeadlineMs: options.paymentDeadlineMs ?? PAYMENT_DEADLINE_MS },
      };
      const handle = await env.client.workflow.start('dossierWorkflow', {
        taskQueue: TASK_QUEUE,
        workflowId: dossierWorkflowId(code),
        args: [input],
      });
      return new Dossier(code, handle, stubs, env, stopping.signal);
    },
    async stop() {
      // A worker stuck on a failing workflow task must not keep Jest from exiting, nor may a call
      // still waiting for an answer go on against a server that is gone.
      stopping.abort();
      try {
        worker.shutdown();
        await within(10_000, running, 'the worker to stop');
      } finally {
        await env.teardown();
      }
    },
  };
}

let updates = 0;

/** One dossier in the workflow, driven as the web layer and the payment gateway would. */
export class Dossier {
  constructor(
    readonly code: string,
    readonly handle: WorkflowHandle,
    private readonly stubs: Stubs,
    private readonly env: TestWorkflowEnvironment,
    /** Aborted when the file's tests end, so no call outlives the server. */
    private readonly stopping: AbortSignal,
  ) {}

  /** The workflow's own view (the `dossierState` query). */
  state(): Promise<DossierSnapshot> {
    return this.handle.query(dossierStateQuery);
  }

  /** Waits (in real time; workflow time stands still) until the workflow's state satisfies `ready`. */
  async reaches(ready: (state: DossierSnapshot) => boolean, what = 'the expected state'): Promise<DossierSnapshot> {
    try {
      return await eventually(() => this.state(), ready, 10_000);
    } catch (error) {
      const s = await this.state();
      throw new Error(`${this.code} never reached ${what}: it is at ${s.stepId} (status ${s.status}, open: ${s.openTasks.map((t) => t.stepId).join(', ') || 'none'})`, { cause: error });
    }
  }

  /** The open task of a step, once the workflow has opened it. */
  async task(stepId: string): Promise<TaskSnapshot> {
    const state = await this.reaches((s) => s.openTasks.some((t) => t.stepId === stepId), `an open "${stepId}" task`);
    return state.openTasks.find((t) => t.stepId === stepId)!;
  }

  async claim(stepId: string, actor: Actor): Promise<UpdateResult> {
    const { id } = await this.task(stepId);
    return this.update(claimTaskUpdate, { taskId: id, actor });
  }

  async complete(
    stepId: string,
    action: string,
    actor: Actor,
    details: { reason?: string; inputs?: Record<string, string> } = {},
  ): Promise<UpdateResult> {
    const { id } = await this.task(stepId);
    return this.update(completeTaskUpdate, { taskId: id, action, actor, ...details });
  }

  async reassign(stepId: string, to: Actor, by: Actor): Promise<UpdateResult> {
    const { id } = await this.task(stepId);
    return this.update(reassignTaskUpdate, { taskId: id, to: { id: to.id, name: to.name, role: to.role, agencyCode: to.agencyCode }, actor: by });
  }

  /** The applicant answers the open supplement request with changed form values. */
  async supplement(form: Record<string, string>, note?: string): Promise<UpdateResult> {
    const state = await this.reaches((s) => !!s.supplement && !s.supplement.answeredAt, 'a supplement request');
    return this.update(submitSupplementUpdate, { round: state.supplement!.round, form, note });
  }

  /** The applicant pays the pending request, and the gateway's callback reaches the workflow. */
  async pay(): Promise<UpdateResult> {
    const { reference } = await this.paymentRequested();
    const paidAt = new Date(await this.env.currentTimeMs()).toISOString();
    const { transactionId, amount } = this.stubs.gateway.pay(reference, paidAt);
    return this.update(confirmPaymentUpdate, { reference, transactionId, amount, paidAt });
  }

  /** The pending payment request, once the workflow has made it. */
  async paymentRequested(): Promise<NonNullable<DossierSnapshot['payment']>> {
    return (await this.reaches((s) => s.payment?.status === 'pending', 'a pending payment')).payment!;
  }

  /** Lets time pass until the workflow ends, and returns its final state. */
  async outcome(): Promise<DossierSnapshot> {
    return this.patiently('the end', () => this.env.client.workflow.result(this.handle.workflowId) as Promise<DossierSnapshot>);
  }

  /** Sends an Update (with an id of its own) and waits for its result. */
  update<Request>(update: UpdateDefinition<UpdateResult, [Request]>, request: Request): Promise<UpdateResult> {
    return this.patiently(`an answer to "${update.name}"`, () => this.handle.executeUpdate(update, { args: [request], updateId: nextUpdateId() }));
  }

  /**
   * A call to the server that waits on the workflow. A workflow task that fails (a bug in the
   * interpreter) is retried forever and the call would never return: fail instead, pointing at
   * the worker's log, where the failure is.
   */
  private async patiently<T>(what: string, call: () => Promise<T>): Promise<T> {
    const giveUp = AbortSignal.any([this.stopping, AbortSignal.timeout(PATIENCE_MS)]);
    try {
      return await this.env.connection.withAbortSignal(giveUp, call);
    } catch (error) {
      if (!giveUp.aborted) throw error;
      throw new Error(`${this.code}: no ${what} within ${PATIENCE_MS} ms; a failing workflow task? (see the worker's warnings)`, { cause: error });
    }
  }

  /**
   * The dossier's row in the read model, once it satisfies `until`: projection runs after the
   * workflow task that made a change is recorded, so it may trail an Update's answer.
   */
  async projected(until: (dossier: DossierSnapshot) => boolean = () => true): Promise<DossierSnapshot & { version: number }> {
    const row = await eventually(() => this.stubs.readModel.dossier(this.code), (d) => d !== undefined && until(d), 10_000);
    return row!;
  }
}

/** `promise`, or a failure naming `what` after `ms`. */
async function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`gave up waiting for ${what} after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}

function nextUpdateId(): string {
  return `interpreter-${process.pid}-${++updates}`;
}
