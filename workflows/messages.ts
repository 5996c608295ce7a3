/**
 * The dossier workflow's public contract: its input, the Updates officials and applicants send,
 * the query, and the shapes of what it projects into PostgreSQL. Imported by the workflow and
 * by the web layer, so both sides agree on names and types. No I/O here: workflow-safe.
 */
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { PortalStatus } from '../domain/portal-status';
import type { Outcome } from '../domain/outcomes';
import type { OfficialRole, TaskRole } from '../domain/roles';
import type { CheckRecord as RecordOfCheck, CheckResult, PaymentRecord, ResultRecord } from '../domain/dossier-records';
import type { CheckKind } from '../engine/check-kinds';
import type { ProcedureDefinition } from '../engine/definition';

export type { CheckResult, PaymentRecord, ResultRecord };

/** A registry check's answer as the workflow records it. */
export interface CheckRecord extends RecordOfCheck {
  check: CheckKind;
}

export interface AgencyRef {
  code: string;
  name: string;
  /** The receiving unit's identifier, the dossier code prefix. */
  unitCode: string;
  provinceCode: string;
  communeCode?: string;
}

export interface DossierInput {
  code: string;
  /** The exact published version the dossier was submitted on. */
  procedure: ProcedureDefinition;
  agency: AgencyRef;
  form: Record<string, string>;
  submittedAt: string;
  channel: 'online' | 'api' | 'counter';
  settings: {
    /** How long a payment request stays open. */
    paymentDeadlineMs: number;
  };
}

/** Who acts; the web layer fills it from the signed-in session. */
export interface Actor {
  id: string;
  username: string;
  name: string;
  role: OfficialRole;
  agencyCode: string;
}

export interface ClaimTaskRequest {
  taskId: string;
  actor: Actor;
}

export interface CompleteTaskRequest {
  taskId: string;
  action: string;
  reason?: string;
  /** Values the action asks the official for (validated by the web layer against the action's inputs). */
  inputs?: Record<string, string>;
  actor: Actor;
}

export interface ReassignTaskRequest {
  taskId: string;
  to: { id: string; name: string; role: OfficialRole; agencyCode: string };
  actor: Actor;
}

export interface SubmitSupplementRequest {
  round: number;
  form: Record<string, string>;
  note?: string;
}

export interface ConfirmPaymentRequest {
  reference: string;
  transactionId: string;
  amount: number;
  paidAt: string;
}

/**
 * What an accepted update leaves behind. The update returns once the workflow task that applied
 * it is durable; the read model shows it once its projection has reached `version` (the web
 * layer waits for that before answering, see web/services/read-model-watch.ts).
 */
export interface UpdateResult {
  status: PortalStatus;
  stepId: string;
  taskId?: string;
  /** The dossier's state version after the update; absent from dossiers started before it existed. */
  version?: number;
}

export const claimTaskUpdate = defineUpdate<UpdateResult, [ClaimTaskRequest]>('claimTask');
export const completeTaskUpdate = defineUpdate<UpdateResult, [CompleteTaskRequest]>('completeTask');
export const reassignTaskUpdate = defineUpdate<UpdateResult, [ReassignTaskRequest]>('reassignTask');
export const submitSupplementUpdate = defineUpdate<UpdateResult, [SubmitSupplementRequest]>('submitSupplement');
export const confirmPaymentUpdate = defineUpdate<UpdateResult, [ConfirmPaymentRequest]>('confirmPayment');
export const dossierStateQuery = defineQuery<DossierSnapshot>('dossierState');

/** Error type of a refused update; its message is Vietnamese and shown to the user as is. */
export const ACTION_REFUSED = 'ActionRefused';





export interface TaskSnapshot {
  id: string;
  stepId: string;
  name: string;
  role: TaskRole;
  /** The agency that works the task: the handling agency, or one consulted (liên thông). */
  agencyCode: string;
  /** The parallel branch the task belongs to, if any. */
  branch?: string;
  status: 'open' | 'done' | 'cancelled';
  createdAt: string;
  dueAt?: string;
  assignee?: { id: string; name: string };
  claimedAt?: string;
  completedAt?: string;
  action?: string;
  actionLabel?: string;
  reason?: string;
  /** What the previous step hands over: a proposal, a return reason, a registry mismatch. */
  handoverNote?: string;
}

export interface TimelineEvent {
  seq: number;
  at: string;
  actor: { kind: 'official' | 'applicant' | 'system' | 'gateway'; id?: string; name: string; role?: OfficialRole };
  type:
    | 'submitted'
    | 'step'
    | 'status'
    | 'claimed'
    | 'reassigned'
    | 'action'
    | 'appointment'
    | 'check'
    | 'payment-requested'
    | 'payment-received'
    | 'payment-expired'
    | 'supplement-received'
    | 'result-issued'
    | 'notified'
    | 'finished';
  stepId?: string;
  taskId?: string;
  status?: PortalStatus;
  /** Human text such as a reason; never personal data beyond what the dossier already holds. */
  note?: string;
  data?: Record<string, string | number>;
}

export interface DossierSnapshot {
  code: string;
  procedureCode: string;
  procedureVersion: number;
  agencyCode: string;
  status: PortalStatus;
  stepId: string;
  stepName: string;
  outcome?: Outcome;
  form: Record<string, string>;
  /** Values officials entered with their decisions (action inputs). */
  inputs?: Record<string, string>;
  acceptedAt?: string;
  appointmentAt?: string;
  completedAt?: string;
  checks: CheckRecord[];
  payment?: PaymentRecord;
  /** The first result issued (what a dossier with one result has). */
  result?: ResultRecord;
  /** Every result issued, in order (`<dossier>-KQ1`, `-KQ2`, …). */
  results?: ResultRecord[];
  supplement?: { round: number; reason: string; requestedAt: string; answeredAt?: string };
  openTasks: TaskSnapshot[];
  /** Timeline events so far (the read model holds as many once it has caught up). */
  events?: number;
}

/**
 * A message to the applicant, written to the outbox in the same transaction as the changes that
 * caused it, so it is never sent for a decision Temporal did not record.
 */
export interface OutboxMessage {
  /** Idempotency key: the same key is delivered once. */
  key: string;
  to: { name: string; email?: string; phone?: string };
  template: { subject: string; body: string };
  /** Placeholder values known to the workflow; the projection adds the links. */
  values: Record<string, string>;
  /** Supplement round, when the message carries a supplement link. */
  supplementRound?: number;
}

/** One write to the read model: the dossier as it is now, plus what changed since the last write. */
export interface ProjectionBatch {
  /** Changes made so far; a row only takes a batch newer than the one it holds. */
  version: number;
  /**
   * The workflow's history length when the batch was made. Batches compare by (epoch, version):
   * after a workflow task that was never recorded (its batch may have been written by a local
   * activity), the truth made in a later task carries a larger epoch and overwrites it.
   * Absent from batches scheduled before it existed.
   */
  epoch?: number;
  /** Timeline events so far; rows beyond it were written by a lost task and are removed. */
  lastSeq?: number;
  dossier: DossierSnapshot;
  tasks: TaskSnapshot[];
  events: TimelineEvent[];
  /** Messages to the applicant caused by these changes. */
  notifications?: OutboxMessage[];
}
