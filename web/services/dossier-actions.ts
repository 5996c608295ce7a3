/**
 * Sends human decisions to a dossier's workflow as Updates and turns the answer into something
 * a page or an API can show: done, refused with the workflow's Vietnamese reason, or not
 * confirmed in time. Each request carries an update id, so a double click applies once.
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

export type ActionOutcome =
  | { kind: 'done'; result: UpdateResult }
  | { kind: 'refused'; message: string }
  | { kind: 'timeout'; message: string };

const ENDED = 'Hồ sơ đã kết thúc xử lý; không thể thực hiện thao tác này.';
const TIMEOUT = 'Hệ thống chưa xác nhận thao tác trong thời gian chờ; vui lòng tải lại trang để kiểm tra trước khi thử lại.';

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

export class DossierActions {
  constructor(
    private readonly temporal: Client,
    private readonly workflowIdPrefix = '',
    private readonly timeoutMs = 20_000,
  ) {}

  private async send<Req>(code: string, update: UpdateDefinition<UpdateResult, [Req]>, request: Req, updateId: string): Promise<ActionOutcome> {
    const handle = this.temporal.workflow.getHandle(dossierWorkflowId(code, this.workflowIdPrefix));
    // Abort the call itself after the wait, so no retry outlives the request that made it.
    const signal = AbortSignal.timeout(this.timeoutMs);
    try {
      const result = await this.temporal.connection.withAbortSignal(signal, () => handle.executeUpdate(update, { args: [request], updateId }));
      return { kind: 'done', result };
    } catch (error) {
      if (signal.aborted || error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return { kind: 'timeout', message: TIMEOUT };
      const message = refusalMessage(error);
      if (message === undefined) throw error;
      return { kind: 'refused', message };
    }
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

  submitSupplement(code: string, request: SubmitSupplementRequest, updateId: string) {
    return this.send(code, submitSupplementUpdate, request, updateId);
  }

  confirmPayment(code: string, request: ConfirmPaymentRequest) {
    // The gateway's transaction id is the update id: a replayed callback is the same update.
    return this.send(code, confirmPaymentUpdate, request, `payment:${request.transactionId}`);
  }
}
