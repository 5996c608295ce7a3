/**
 * What the dossier workflow may ask of the outside world. `createActivities(deps)` implements
 * it; the workflow imports only these types. Every activity is idempotent: Temporal retries
 * them, so each side effect carries a key derived from the dossier code.
 */
import type { CheckKind } from '../procedures/definition';
import type { CheckResult, ProjectionBatch, ResultRecord } from '../workflows/messages';

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

export interface IssueResultInput {
  dossierCode: string;
  procedureCode: string;
  document: { template: 'driving-licence'; title: string; numbering: 'driving-licence' };
  agency: { code: string; name: string; provinceCode: string };
  form: Record<string, string>;
  /** The leader who approved; printed on the document. */
  signedBy?: string;
}

export interface NotifyInput {
  /** Idempotency key: the same key is delivered once. */
  key: string;
  dossierCode: string;
  to: { name: string; email?: string; phone?: string };
  template: { subject: string; body: string };
  /** Placeholder values known to the workflow; the activity adds the links. */
  values: Record<string, string>;
  /** Supplement round, when the message carries a supplement link. */
  supplementRound?: number;
}

export interface DossierActivities {
  projectDossier(batch: ProjectionBatch): Promise<void>;
  planDeadline(input: PlanDeadlineInput): Promise<PlanDeadlineOutput>;
  runCheck(input: RunCheckInput): Promise<CheckResult>;
  requestPayment(input: RequestPaymentInput): Promise<RequestPaymentOutput>;
  cancelPayment(input: { reference: string }): Promise<CancelPaymentOutput>;
  issueResult(input: IssueResultInput): Promise<ResultRecord>;
  notifyApplicant(input: NotifyInput): Promise<void>;
}
