/**
 * What the dossier workflow may ask of the outside world. `createActivities(deps)` implements
 * it; the workflow imports only these types. Every activity is idempotent: Temporal retries
 * them, so each side effect carries a key derived from the dossier code.
 */
import type { CheckKind } from '../engine/check-kinds';
import type { ResultDocumentInput } from '../documents/result-document';
import type { AgencyRef, CheckResult, OutboxMessage, ProjectionBatch, ResultRecord } from '../workflows/messages';

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
  planDeadline(input: PlanDeadlineInput): Promise<PlanDeadlineOutput>;
  findAgency(input: FindAgencyInput): Promise<AgencyRef>;
  runCheck(input: RunCheckInput): Promise<CheckResult>;
  requestPayment(input: RequestPaymentInput): Promise<RequestPaymentOutput>;
  cancelPayment(input: { reference: string }): Promise<CancelPaymentOutput>;
  issueResult(input: IssueResultInput): Promise<ResultRecord>;
  /** Legacy: dossiers started before messages travelled in the projection batch. */
  notifyApplicant(input: NotifyInput): Promise<void>;
}
