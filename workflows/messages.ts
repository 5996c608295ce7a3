/**
 * The dossier workflow's public contract: its input, the Updates officials and applicants send,
 * the query, and the shapes of what it projects into PostgreSQL. Imported by the workflow and
 * by the web layer, so both sides agree on names and types. No I/O here: workflow-safe.
 */
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ClockPause, TimeLimit } from '../domain/legal-clock';
import type { PortalStatus } from '../domain/portal-status';
import type { Outcome } from '../domain/outcomes';
import type { OfficialRole, TaskRole } from '../domain/roles';
import type { ApologyRecord, CheckRecord as RecordOfCheck, CheckResult, PaymentRecord, ResultRecord } from '../domain/dossier-records';
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
  channel: 'online' | 'api' | 'counter' | 'post';
  settings: {
    /** How long a payment request stays open. */
    paymentDeadlineMs: number;
    /** How long before a task's deadline its assignee is reminded, in working minutes (absent: 1 working day). */
    reminderLeadMinutes?: number;
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

/** Who a task is given to: an official, or a group (department) of the agency, any of whom may take it. */
export type ReassignTarget =
  | { kind?: 'official'; id: string; name: string; role: OfficialRole; agencyCode: string }
  | { kind: 'group'; group: string; role: OfficialRole; agencyCode: string };

export interface ReassignTaskRequest {
  taskId: string;
  to: ReassignTarget;
  /** Why (bulk reassignment, an absence, a supervisor's decision); kept in the timeline. */
  reason?: string;
  actor: Actor;
}

/** An apology for a dossier that will be late, with a new appointment (printed form 04). */
export interface ApologiseRequest {
  reason: string;
  /** The new appointment, an ISO instant (the end of its day in the office's hours). */
  newAppointmentAt: string;
  actor: Actor;
}

/** The input of the workflow that takes a calendar change to every open dossier (workflows/calendar-change.ts). */
export interface CalendarChangeInput {
  reason: string;
  /** The deployment's workflow-id prefix (TEMPORAL_WORKFLOW_ID_PREFIX). */
  workflowIdPrefix: string;
  /** The last dossier id handled by the runs before this one. */
  afterId?: number;
  /** Dossiers signalled so far, over every run. */
  signalled?: number;
}

/** The working calendar changed (an announcement was entered or corrected): deadlines are recomputed. */
export interface CalendarChanged {
  /** Quoted in the timeline of each dossier whose deadline moves, e.g. "ngày nghỉ bù 02/01/2027 được công bố". */
  reason: string;
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
export const apologiseUpdate = defineUpdate<UpdateResult, [ApologiseRequest]>('apologise');
export const calendarChangedSignal = defineSignal<[CalendarChanged]>('calendarChanged');
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
  /** The step's time limit, when it has one. */
  timeLimit?: TimeLimit;
  /** When its assignee (or group) was reminded of the coming deadline. */
  remindedAt?: string;
  /** When the deadline passed and the supervisor was told. */
  escalatedAt?: string;
  /** The department the task was given to, when given to a group. */
  assignedGroup?: string;
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
    | 'finished'
    | 'clock-paused'
    | 'clock-resumed'
    | 'deadline-changed'
    | 'reminder'
    | 'escalated'
    | 'overdue'
    | 'apology';
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
  /** The legal clock of the dossier (dossiers started before it existed have none). */
  clock?: DossierClock;
  /** When the dossier was decided (status 9, or its end without a result). */
  decidedAt?: string;
}

/** What the read model keeps of a dossier's clock, so lists and reports are plain SQL. */
export interface DossierClock {
  /** The processing time limit that applies. */
  limit: TimeLimit;
  /** When it started (the acceptance). */
  startedAt: string;
  pauses: ClockPause[];
  /** Set while the clock stands still. */
  pausedSince?: string;
  apology?: ApologyRecord;
  /** The version of the calendar the due date was computed on. */
  calendarVersion?: string;
}

/** A message to officials (their inbox in the back office), written with the projection batch. */
export interface OfficialMessage {
  /** Idempotency key: the same key is written once. */
  key: string;
  agencyCode: string;
  /** To one official; else to every official of `role` in the agency (optionally of a department). */
  officialId?: string;
  role?: OfficialRole;
  department?: string;
  taskKey?: string;
  kind: 'reminder' | 'escalation' | 'reassigned' | 'apology';
  text: string;
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
  /** Messages to officials caused by these changes. */
  officialMessages?: OfficialMessage[];
}

// ——— The supervisor's levers: many tasks moved at once, and delegation while an official is away ———

/** A task of a dossier, as the read model names it. */
export interface TaskRef {
  dossierCode: string;
  taskKey: string;
  /** The task's name, for the batch's page. */
  name: string;
  role: TaskRole;
}

/** What became of one move: the dossier workflow took it, refused it (with its reason), or there was nothing to move. */
export type TaskMoveStatus = 'moved' | 'refused' | 'skipped' | 'failed';

/**
 * Tasks given to one official or one group, one `reassignTask` Update per task
 * (workflows/reassignment.ts). The web has checked the whole batch before starting it; the
 * dossier workflow still refuses a task that finished meanwhile.
 */
export interface ReassignmentInput {
  /** The batch's key in `reassignment_batch`. */
  batchId: string;
  /** Each task with the id of its Update (derived from the batch and the task): a retry applies once. */
  tasks: (TaskRef & { updateId: string })[];
  /** A group target takes each task's own role. */
  to: ReassignTarget;
  reason: string;
  actor: Actor;
}

export interface ReassignmentState {
  batchId: string;
  total: number;
  outcomes: { dossierCode: string; taskKey: string; status: TaskMoveStatus; message?: string }[];
}

/**
 * An official away from `startsAt` to `endsAt` (the first day's midnight to the midnight after
 * the last, local time): their open tasks go to the delegate when it starts, and so does any
 * task given to them meanwhile; when it ends (or is cancelled) the tasks the delegate still
 * holds because of it come back (workflows/absence.ts).
 */
export interface AbsenceInput {
  absenceId: number;
  /** The batch (`reassignment_batch`) whose rows record each move. */
  batchId: string;
  official: { id: string; name: string; role: TaskRole; agencyCode: string };
  delegate: { id: string; name: string; role: TaskRole; agencyCode: string };
  startsAt: string;
  endsAt: string;
  /** Kept in each dossier's timeline: why a task went to the delegate, and why it came back. */
  reasons: { out: string; back: string };
  /** Who recorded the absence: the moves are made in their name. */
  actor: Actor;
  /** How often, while the absence lasts, tasks given to the absent official meanwhile are passed on (default 15 minutes). */
  sweepEveryMs?: number;
  /** Carried into a new run (continue-as-new): what the delegate holds because of the absence, and the moves made. */
  carried?: { moved: TaskRef[]; moves: number };
}

export type AbsencePhase = 'waiting' | 'active' | 'returning' | 'ended' | 'cancelled';

export interface AbsenceState {
  phase: AbsencePhase;
  /** Tasks the delegate holds because of the absence. */
  moved: TaskRef[];
}

export const reassignmentStateQuery = defineQuery<ReassignmentState>('reassignmentState');
export const absenceStateQuery = defineQuery<AbsenceState>('absenceState');
/** The absence is cancelled: nothing more goes to the delegate, and what went comes back now. */
export const cancelAbsenceSignal = defineSignal('cancelAbsence');
