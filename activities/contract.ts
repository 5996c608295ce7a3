/**
 * What the dossier workflow may ask of the outside world. `createActivities(deps)` implements
 * it; the workflow imports only these types. Every activity is idempotent: Temporal retries
 * them, so each side effect carries a key derived from the dossier code.
 */
import type { CheckKind, FormField, IssueStep } from '../engine/definition';
import type { AgencyRef, CheckResult, ProjectionBatch, ResultRecord } from '../workflows/messages';

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

export interface IssueResultInput {
  dossierCode: string;
  procedureCode: string;
  document: IssueStep['document'];
  /** The numbering pattern (from the definition's schemes, or a built-in one). */
  numberingPattern?: string;
  agency: { code: string; name: string; provinceCode: string; communeCode?: string };
  form: Record<string, string>;
  inputs?: Record<string, string>;
  /** The definition's form fields, so choices print their labels. */
  formFields?: FormField[];
  /** What the applicant was charged, for {{fee}}. */
  fee?: number;
  /** The leader who approved; printed on the document. */
  signedBy?: string;
}

export interface FindAgencyInput {
  kind: string;
  provinceCode: string;
  communeCode?: string;
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
  findAgency(input: FindAgencyInput): Promise<AgencyRef>;
  runCheck(input: RunCheckInput): Promise<CheckResult>;
  requestPayment(input: RequestPaymentInput): Promise<RequestPaymentOutput>;
  cancelPayment(input: { reference: string }): Promise<CancelPaymentOutput>;
  issueResult(input: IssueResultInput): Promise<ResultRecord>;
  notifyApplicant(input: NotifyInput): Promise<void>;
}
