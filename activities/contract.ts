/**
 * What the dossier workflow may ask of the outside world. `createActivities(deps)` implements
 * it; the workflow imports only these types. Every activity is idempotent: Temporal retries
 * them, so each side effect carries a key derived from the dossier code.
 */
import type { CalendarEntry } from '../domain/calendar';
import type { OfficeHours } from '../domain/legal-clock';
import type { CheckKind } from '../engine/check-kinds';
import type { ResultDocumentInput } from '../documents/result-document';
import type { Actor, AgencyRef, CheckResult, OutboxMessage, ProjectionBatch, ReassignTarget, ResultRecord, TaskMoveStatus, TaskRef } from '../workflows/messages';

export interface PlanDeadlineInput {
  /** Start instant (ISO); the clock starts that day or the next working day. */
  from: string;
  workingDays: number;
}

export interface PlanDeadlineOutput {
  startDay: string;
  dueDay: string;
  dueAt: string;
}

export interface LoadClockInput {
  /** The agency whose office hours apply. */
  agencyCode: string;
  /** The years whose calendar is needed (a dossier's deadlines fall in them). */
  fromYear: number;
  toYear: number;
}

/** What the workflow needs to count time itself (domain/legal-clock.ts): the calendar and the office's hours. */
export interface ClockData {
  entries: CalendarEntry[];
  hours: OfficeHours;
  /** Changes whenever the entries or the hours do: recorded with each deadline. */
  version: string;
}

export interface RunCheckInput {
  dossierCode: string;
  check: CheckKind;
  params: Record<string, string>;
  /** Fixed parameters from the definition. */
  fixed?: Record<string, string | number>;
}

export interface RequestPaymentInput {
  dossierCode: string;
  /** Unique per dossier and payment round; the gateway's idempotency key. */
  reference: string;
  amount: number;
  description: string;
  deadlineAt: string;
}

export interface RequestPaymentOutput {
  reference: string;
  payUrl: string;
}

export interface CancelPaymentOutput {
  /** The gateway's final word: a payment that arrived before the cancel counts as paid. */
  status: 'cancelled' | 'paid';
  transactionId?: string;
  paidAt?: string;
  amount?: number;
}

/** What the result document shows (documents/result-document.ts), and how to number and file it. */
export interface IssueResultInput extends ResultDocumentInput {
  /** The result's code, `<dossier>-KQ<n>` for the n-th issue step; absent (KQ1) from requests made before. */
  documentCode?: string;
  procedureCode: string;
  /** The numbering pattern (from the definition's schemes, or a built-in one). */
  numberingPattern?: string;
}

export interface FindAgencyInput {
  kind: string;
  provinceCode: string;
  communeCode?: string;
}

/** A message for the outbox, as dossiers started before the projection carried messages send it. */
export interface NotifyInput extends OutboxMessage {
  dossierCode: string;
}

export interface DossierActivities {
  /** Writes a batch of changes (read model, timeline, outbox) in one transaction; idempotent. */
  projectDossier(batch: ProjectionBatch): Promise<void>;
  /** Legacy: dossiers started before the legal clock planned deadlines with it. */
  planDeadline(input: PlanDeadlineInput): Promise<PlanDeadlineOutput>;
  /** The calendar and office hours a dossier counts time with (read-only, a local activity). */
  loadClock(input: LoadClockInput): Promise<ClockData>;
  findAgency(input: FindAgencyInput): Promise<AgencyRef>;
  runCheck(input: RunCheckInput): Promise<CheckResult>;
  requestPayment(input: RequestPaymentInput): Promise<RequestPaymentOutput>;
  cancelPayment(input: { reference: string }): Promise<CancelPaymentOutput>;
  issueResult(input: IssueResultInput): Promise<ResultRecord>;
  /** Legacy: dossiers started before messages travelled in the projection batch. */
  notifyApplicant(input: NotifyInput): Promise<void>;
}

/** One task moved by a bulk reassignment or an absence (activities/reassignment.ts). */
export interface MoveTaskInput {
  batchId: string;
  /** The `reassignTask` Update's id, derived from the batch and the task: a retry applies once. */
  updateId: string;
  task: TaskRef;
  /** Out to the new holder, or back to the official whose absence ended. */
  direction: 'out' | 'back';
  to: ReassignTarget;
  reason: string;
  actor: Actor;
  /** Move only while this official still holds the task (giving back what a delegate holds). */
  onlyIfHeldBy?: string;
}

export interface MoveTaskResult {
  status: TaskMoveStatus;
  /** Why it was refused or skipped (Vietnamese, shown on the batch's page). */
  message?: string;
}

/** What the reassignment and absence workflows ask of the outside world. */
export interface SupervisionActivities {
  /** Sends one `reassignTask` Update and records its outcome (and the audit row) in the batch. */
  moveTask(input: MoveTaskInput): Promise<MoveTaskResult>;
  /** Records a move that could not be confirmed after every retry. */
  recordMoveFailure(input: MoveTaskInput & { message: string }): Promise<void>;
  /** The open tasks an official holds in their agency, as the read model shows them. */
  heldTasks(input: { officialId: string; agencyCode: string }): Promise<TaskRef[]>;
  /** The batch has sent all its Updates. */
  finishBatch(input: { batchId: string }): Promise<void>;
}

/** What the workflow that takes a calendar change to every open dossier asks (workflows/calendar-change.ts). */
export interface CalendarChangeActivities {
  /** Open dossiers (started, not finished) with an id after `afterId`, in id order. */
  openDossiersAfter(input: { afterId: number; limit: number }): Promise<{ id: number; code: string }[]>;
}
