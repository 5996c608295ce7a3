/**
 * Sends human decisions to a dossier's workflow as Updates and turns the answer into something
 * a page or an API can show:
 * - done: Temporal recorded the decision, and the read model shows it (or is about to: the
 *   projection runs right after the workflow task is recorded; we wait for it a while);
 * - refused: the workflow's validator said no, with its Vietnamese reason;
 * - timeout / unavailable: the decision could not be confirmed (Temporal slow or out of reach).
 *   It may or may not have been recorded; the official is told so and may press the button
 *   again: the request carries the same update id, and Temporal applies one id once.
 */
import {
  Client,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import { dossierWorkflowId } from '../../workflows/ids';
import {
  ACTION_REFUSED,
  type ApologiseRequest,
  apologiseUpdate,
  claimTaskUpdate,
  type ClaimTaskRequest,
  completeTaskUpdate,
  type CompleteTaskRequest,
  confirmPaymentUpdate,
  type ConfirmPaymentRequest,
  reassignTaskUpdate,
  type ReassignTaskRequest,
  submitSupplementUpdate,
  type SubmitSupplementRequest,
  type UpdateResult,
} from '../../workflows/messages';
import type { ReadModelWatch } from './read-model-watch';
import type { WebMetrics } from '../metrics';

export type ActionOutcome =
  | { kind: 'done'; result: UpdateResult }
  | { kind: 'refused'; message: string }
  | { kind: 'timeout'; message: string }
  | { kind: 'unavailable'; message: string };

/** The outcomes in which the decision could not be confirmed: the page answers 503 and keeps the input. */
export function isUnconfirmed(outcome: ActionOutcome): outcome is Extract<ActionOutcome, { kind: 'timeout' | 'unavailable' }> {
  return outcome.kind === 'timeout' || outcome.kind === 'unavailable';
}

const ENDED = 'Hồ sơ đã kết thúc xử lý; không thể thực hiện thao tác này.';
const TIMEOUT =
  'Hệ thống chưa xác nhận thao tác trong thời gian chờ, nên chưa chắc thao tác đã được ghi nhận. ' +
  'Vui lòng bấm lại để thử lại: thao tác sẽ không bị thực hiện hai lần.';
const UNAVAILABLE =
  'Hệ thống xử lý hồ sơ tạm thời không kết nối được, nên thao tác chưa được xác nhận. ' +
  'Dữ liệu bạn nhập vẫn được giữ; vui lòng bấm lại sau ít phút: thao tác sẽ không bị thực hiện hai lần.';

function refusalMessage(error: unknown): string | undefined {
  if (error instanceof WorkflowNotFoundError) return ENDED;
  if (error instanceof WorkflowUpdateFailedError) {
    const cause = error.cause;
    if (cause instanceof ApplicationFailure && cause.type === ACTION_REFUSED) return cause.message;
    return cause?.message ?? error.message;
  }
  // The server answers this way when the workflow has already completed.
  if (error instanceof Error && /workflow execution already completed/i.test(error.message)) return ENDED;
  return undefined;
}

export interface DossierActionsOptions {
  workflowIdPrefix?: string;
  /** How long to wait for Temporal to confirm an Update (TEMPORAL_UPDATE_WAIT). */
  updateWaitMs?: number;
  /** Waits for the read model to show a confirmed decision; without it, answers at once. */
  readModel?: ReadModelWatch;
  /** How long to wait for the read model after Temporal confirmed. */
  readModelWaitMs?: number;
  log?: (line: string) => void;
  metrics?: WebMetrics;
  /**
   * Asks whether Temporal answers at all. An Update still unanswered after `probeAfterMs` makes
   * it ask: when Temporal is out of reach the official is told at once (503) instead of after
   * the whole wait; when it answers (a worker is slow, or none runs) the wait goes on.
   */
  temporalReachable?: () => Promise<boolean>;
  probeAfterMs?: number;
}

/** Thrown inside the race when the probe finds Temporal out of reach. */
class TemporalUnreachable extends Error {}

export class DossierActions {
  private readonly workflowIdPrefix: string;
  private readonly updateWaitMs: number;
  private readonly readModelWaitMs: number;
  private readonly log: (line: string) => void;

  constructor(
    private readonly temporal: Client,
    private readonly options: DossierActionsOptions = {},
  ) {
    this.workflowIdPrefix = options.workflowIdPrefix ?? '';
    this.updateWaitMs = options.updateWaitMs ?? 20_000;
    this.readModelWaitMs = options.readModelWaitMs ?? 10_000;
    this.log = options.log ?? console.error;
  }

  private async send<Req>(code: string, update: UpdateDefinition<UpdateResult, [Req]>, request: Req, updateId: string): Promise<ActionOutcome> {
    const started = performance.now();
    const outcome = await this.sendOnce(code, update, request, updateId);
    this.options.metrics?.updateAnswered(update.name, outcome.kind, (performance.now() - started) / 1000);
    return outcome;
  }

  private async sendOnce<Req>(code: string, update: UpdateDefinition<UpdateResult, [Req]>, request: Req, updateId: string): Promise<ActionOutcome> {
    const handle = this.temporal.workflow.getHandle(dossierWorkflowId(code, this.workflowIdPrefix));
    // Abort the call itself after the wait, so no retry outlives the request that made it.
    const controller = new AbortController();
    const signal = controller.signal;
    const call = this.temporal.connection.withAbortSignal(signal, () => handle.executeUpdate(update, { args: [request], updateId }));
    // While Temporal is out of reach the client keeps reconnecting and may not notice the abort
    // for a while: the official's answer does not wait for it.
    let timer: NodeJS.Timeout | undefined;
    const expiry = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(new Error('update wait exceeded'));
      }, this.updateWaitMs);
    });
    call.catch(() => undefined);
    const reachable = this.options.temporalReachable;
    let probeTimer: NodeJS.Timeout | undefined;
    const probe = reachable
      ? new Promise<never>((_resolve, reject) => {
          probeTimer = setTimeout(() => {
            void reachable().then((up) => {
              if (up) return;
              controller.abort();
              reject(new TemporalUnreachable());
            });
          }, this.options.probeAfterMs ?? 2_000);
        })
      : new Promise<never>(() => undefined);
    let result: UpdateResult;
    try {
      result = await Promise.race([call, expiry, probe]);
    } catch (error) {
      if (error instanceof TemporalUnreachable) {
        this.log(`[web] update ${update.name} for ${code} not sent: Temporal is out of reach`);
        return { kind: 'unavailable', message: UNAVAILABLE };
      }
      if (signal.aborted || error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return { kind: 'timeout', message: TIMEOUT };
      const message = refusalMessage(error);
      if (message !== undefined) return { kind: 'refused', message };
      // Temporal out of reach, or anything else it answered: never a 500 for a decision.
      this.log(`[web] update ${update.name} for ${code} not confirmed: ${error instanceof Error ? error.message : String(error)}`);
      return { kind: 'unavailable', message: UNAVAILABLE };
    } finally {
      clearTimeout(timer);
      clearTimeout(probeTimer);
    }
    // Recorded by Temporal; the page the official sees next should show it.
    if (result.version !== undefined && this.options.readModel) {
      await this.options.readModel.waitFor(code, result.version, this.readModelWaitMs).catch(() => false);
    }
    return { kind: 'done', result };
  }

  claim(code: string, request: ClaimTaskRequest, updateId: string) {
    return this.send(code, claimTaskUpdate, request, updateId);
  }

  complete(code: string, request: CompleteTaskRequest, updateId: string) {
    return this.send(code, completeTaskUpdate, request, updateId);
  }

  reassign(code: string, request: ReassignTaskRequest, updateId: string) {
    return this.send(code, reassignTaskUpdate, request, updateId);
  }

  apologise(code: string, request: ApologiseRequest, updateId: string) {
    return this.send(code, apologiseUpdate, request, updateId);
  }

  submitSupplement(code: string, request: SubmitSupplementRequest, updateId: string) {
    return this.send(code, submitSupplementUpdate, request, updateId);
  }

  confirmPayment(code: string, request: ConfirmPaymentRequest) {
    // The gateway's transaction id is the update id: a replayed callback is the same update.
    return this.send(code, confirmPaymentUpdate, request, `payment:${request.transactionId}`);
  }

  async close(): Promise<void> {
    await this.options.readModel?.close();
  }
}
