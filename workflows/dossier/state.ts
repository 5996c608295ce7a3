/**
 * The state of one dossier inside its workflow, and the one owner of it: every change is a
 * method named for what happens (accept, recordCheck, receivePayment, requestSupplement,
 * reassign, …), which records its timeline event and reports the change to the projection log.
 * No other file assigns these fields; steps and Update handlers call the methods. Deterministic:
 * time comes from the workflow clock.
 */
import type { ApologyRecord } from '../../domain/dossier-records';
import type { ClockPause, TimeLimit } from '../../domain/legal-clock';
import { patched } from '@temporalio/workflow';
import { type PortalStatus, STATUS } from '../../domain/portal-status';
import { formatVietnameseDateTime } from '../../domain/vietnam-time';
import type { ProcedureDefinition, Step, TaskAction, TaskStep } from '../../engine/definition';
import type {
  Actor,
  ReassignTarget,
  CheckRecord,
  DossierClock,
  DossierInput,
  DossierSnapshot,
  PaymentRecord,
  ResultRecord,
  TaskSnapshot,
  TimelineEvent,
} from '../messages';
import { nowIso } from './clock';
import type { ProjectionLog } from './projection';

/** Patch id: an accepted dossier's status does not go back to 1 when it returns to intake. */
export const STATUS_NEVER_BACK = 'status-never-back';

export interface Decision {
  action: string;
  reason?: string;
  inputs?: Record<string, string>;
  actor: Actor;
}

/** An open task as the workflow holds it: its snapshot, and the decision once an official takes one. */
export interface TaskState extends TaskSnapshot {
  decision?: Decision;
}

type EventActor = TimelineEvent['actor'];

export const SYSTEM_ACTOR: EventActor = { kind: 'system', name: 'Hệ thống' };
export const GATEWAY_ACTOR: EventActor = { kind: 'gateway', name: 'Cổng thanh toán' };

export function officialActor(actor: Actor): EventActor {
  return { kind: 'official', id: actor.id, name: actor.name, role: actor.role };
}

/**
 * A flow of steps: the dossier's main flow, or one branch of a parallel step. Each carries its
 * own note for the next task and its own last reason (quoted in messages to the applicant), so
 * parallel branches never overwrite each other's.
 */
export class Flow {
  private note?: string;
  private reason?: string;

  constructor(
    readonly branch?: string,
    readonly branchName?: string,
  ) {}

  get lastReason(): string | undefined {
    return this.reason;
  }

  /** What the next task of this flow is told: a proposal, a return reason, a registry mismatch. */
  handOver(note: string | undefined): void {
    this.note = note;
  }

  /** The note, given to the task that opens now (once). */
  takeHandover(): string | undefined {
    const note = this.note;
    this.note = undefined;
    return note;
  }

  giveReason(reason: string | undefined): void {
    this.reason = reason;
  }

  /** A branch of a parallel step starts with what this flow was about to hand over. */
  branchOff(branch: string, name: string): Flow {
    const flow = new Flow(branch, name);
    flow.note = this.note;
    flow.reason = this.reason;
    return flow;
  }

  /**
   * After a parallel step. When a branch left it (for an end step or a step outside the
   * branches), this flow goes on with that branch's note and reason; when all arrived at the
   * join, the next task hears from each branch.
   */
  join(branches: readonly Flow[], exit?: Flow): void {
    if (exit) {
      this.note = exit.note;
      this.reason = exit.reason;
      return;
    }
    const from = (pick: (f: Flow) => string | undefined) =>
      branches
        .filter((f) => pick(f))
        .map((f) => `${f.branchName}: ${pick(f)}`)
        .join('; ') || undefined;
    this.note = from((f) => f.note);
    this.reason = from((f) => f.reason) ?? this.reason;
  }
}

export class DossierState {
  readonly def: ProcedureDefinition;
  readonly code: string;
  private readonly steps: ReadonlyMap<string, Step>;

  private currentStatus: PortalStatus = 1;
  private currentStep: Step;
  private readonly formValues: Record<string, string>;
  /** Values officials entered with their decisions, and values custom steps recorded. */
  private readonly inputValues: Record<string, string> = {};
  private outcome?: DossierSnapshot['outcome'];
  private acceptedAt?: string;
  private appointment?: string;
  private completedAt?: string;
  private checkRecords: CheckRecord[] = [];
  private currentPayment?: PaymentRecord;
  private paymentRound = 0;
  /** What the applicant has paid so far, over every payment round. */
  private paid = 0;
  private readonly issued: ResultRecord[] = [];
  private currentSupplement?: NonNullable<DossierSnapshot['supplement']>;
  /** Who decided last in each role, e.g. the leader who signs the result. */
  private readonly deciders = new Map<string, Actor>();
  private readonly tasks = new Map<string, TaskState>();
  private readonly visits = new Map<string, number>();
  /** The legal clock of the dossier, once accepted (dossiers started before it existed have none). */
  private clockState?: DossierClock;
  /** When the dossier was decided (status 9, or its end with a decision). */
  private decided?: string;
  /** The due date the dossier was last found overdue at (so one passing is noted once). */
  private overdueAt?: string;

  constructor(
    readonly input: DossierInput,
    private readonly log: ProjectionLog,
  ) {
    this.def = input.procedure;
    this.code = input.code;
    this.formValues = { ...input.form };
    this.steps = new Map(this.def.steps.map((s) => [s.id, s]));
    this.currentStep = this.stepById(this.def.start);
  }

  // ——— What the state is ———

  stepById(id: string): Step {
    const step = this.steps.get(id);
    // Definitions are validated before publishing; this guards a hand-made input.
    if (!step) throw new Error(`step "${id}" does not exist in ${this.def.code} v${this.def.version}`);
    return step;
  }

  get status(): PortalStatus {
    return this.currentStatus;
  }

  /** The dossier's step; inside a parallel step, the parallel step itself. */
  get step(): Step {
    return this.currentStep;
  }

  get form(): Readonly<Record<string, string>> {
    return this.formValues;
  }

  get inputs(): Readonly<Record<string, string>> {
    return this.inputValues;
  }

  get payment(): Readonly<PaymentRecord> | undefined {
    return this.currentPayment;
  }

  get paidAmount(): number {
    return this.paid;
  }

  get supplement(): Readonly<NonNullable<DossierSnapshot['supplement']>> | undefined {
    return this.currentSupplement;
  }

  get results(): readonly ResultRecord[] {
    return this.issued;
  }

  get appointmentAt(): string | undefined {
    return this.appointment;
  }

  get clock(): Readonly<DossierClock> | undefined {
    return this.clockState;
  }

  /** The clock stands still now (the dossier waits for the applicant). */
  get clockPaused(): boolean {
    return !!this.clockState?.pauses.some((p) => !p.to);
  }

  isFinished(): boolean {
    return this.outcome !== undefined;
  }

  /** The due date the dossier was last found overdue at. */
  get overdueNotedAt(): string | undefined {
    return this.overdueAt;
  }

  /** Open tasks, in the order they opened. */
  openTasks(): readonly TaskState[] {
    return [...this.tasks.values()];
  }

  /** The official who decided last in a role, e.g. the leader who signs. */
  decider(role: string): Actor | undefined {
    return this.deciders.get(role);
  }

  applicant(): { name: string; citizenId: string; email?: string; phone?: string } {
    const a = this.def.form.applicant;
    return {
      name: this.formValues[a.nameField] ?? '',
      citizenId: this.formValues[a.citizenIdField] ?? '',
      email: a.emailField ? this.formValues[a.emailField] || undefined : undefined,
      phone: a.phoneField ? this.formValues[a.phoneField] || undefined : undefined,
    };
  }

  /** What conditions of the definition are evaluated on: the form and the checks' outcomes. */
  facts(): { form: Record<string, string>; checks: Record<string, string> } {
    return { form: this.formValues, checks: Object.fromEntries(this.checkRecords.map((c) => [c.id, c.outcome])) };
  }

  openTaskById(taskId: string): TaskState | undefined {
    const task = this.tasks.get(taskId);
    return task?.status === 'open' ? task : undefined;
  }

  firstOpenTaskId(): string | undefined {
    return this.tasks.values().next().value?.id;
  }

  snapshot(): DossierSnapshot {
    return {
      code: this.code,
      procedureCode: this.def.code,
      procedureVersion: this.def.version,
      agencyCode: this.input.agency.code,
      status: this.currentStatus,
      stepId: this.currentStep.id,
      stepName: this.currentStep.name,
      outcome: this.outcome,
      form: this.formValues,
      inputs: this.inputValues,
      acceptedAt: this.acceptedAt,
      appointmentAt: this.appointment,
      completedAt: this.completedAt,
      checks: this.checkRecords,
      payment: this.currentPayment,
      result: this.issued[0],
      results: this.issued,
      supplement: this.currentSupplement,
      openTasks: [...this.tasks.values()].map(publicTask),
      events: this.log.eventCount,
      clock: this.clockState && { ...this.clockState, pausedSince: this.clockState.pauses.find((p) => !p.to)?.from },
      decidedAt: this.decided,
    };
  }

  // ——— What happens ———

  submitted(): void {
    this.event({ type: 'submitted', actor: { kind: 'applicant', name: this.applicant().name }, status: 1, data: { channel: this.input.channel } });
  }

  /** Enters a step; in a parallel branch the dossier's own step stays the parallel one. */
  enter(step: Step, flow: Flow): void {
    if (!flow.branch) this.currentStep = step;
    this.event({ type: 'step', actor: SYSTEM_ACTOR, stepId: step.id, note: step.name });
    if (step.status) this.setStatus(this.forward(step.status));
  }

  /**
   * A dossier accepted once never reads "Mới đăng ký" again: going back to the intake step (a
   * failed check, a return to intake, a supplement answered) reads "Đang xử lý". Asked only on
   * that path, so dossiers that never take it record no marker; those started before replay as
   * they ran (`patched`).
   */
  private forward(status: PortalStatus): PortalStatus {
    return status === STATUS.REGISTERED && this.acceptedAt !== undefined && patched(STATUS_NEVER_BACK) ? STATUS.IN_PROGRESS : status;
  }

  setStatus(status: PortalStatus, actor: EventActor = SYSTEM_ACTOR): void {
    if (status === this.currentStatus) return;
    this.currentStatus = status;
    // Status 9 (decided) is when the statistics count a dossier as handled.
    if (status === 9 && !this.decided) this.decided = nowIso();
    this.event({ type: 'status', actor, status, stepId: this.currentStep.id });
  }

  /** A task of a step opens, with the note its flow hands over. */
  openTask(step: TaskStep, agencyCode: string, flow: Flow, dueAt?: string, timeLimit?: TimeLimit): TaskState {
    const visit = (this.visits.get(step.id) ?? 0) + 1;
    this.visits.set(step.id, visit);
    const task: TaskState = {
      id: `${step.id}-${visit}`,
      stepId: step.id,
      name: step.name,
      role: step.role,
      agencyCode,
      branch: flow.branch,
      status: 'open',
      createdAt: nowIso(),
      dueAt,
      ...(timeLimit ? { timeLimit } : {}),
      handoverNote: flow.takeHandover(),
    };
    this.tasks.set(task.id, task);
    this.taskChanged(task);
    return task;
  }

  /** An official takes a task (again: nothing changes). */
  claim(task: TaskState, official: Actor): void {
    if (task.assignee?.id === official.id) return;
    this.assign(task, official);
    this.event({ type: 'claimed', actor: officialActor(official), stepId: task.stepId, taskId: task.id });
  }

  /** A supervisor gives a task to another official, or to a group (department) any of whom may take it. */
  reassign(task: TaskState, to: ReassignTarget, by: Actor, reason?: string): void {
    const from = task.assignee?.name ?? task.assignedGroup;
    let toName: string;
    if (to.kind === 'group') {
      task.assignee = undefined;
      task.claimedAt = undefined;
      task.assignedGroup = to.group;
      toName = to.group;
      this.taskChanged(task);
    } else {
      task.assignedGroup = undefined;
      this.assign(task, to);
      toName = to.name;
    }
    const move = from ? `${from} → ${toName}` : `→ ${toName}`;
    this.event({
      type: 'reassigned',
      actor: officialActor(by),
      stepId: task.stepId,
      taskId: task.id,
      note: reason ? `${move}: ${reason}` : move,
      data: to.kind === 'group' ? { group: to.group } : { to: to.id },
    });
  }

  /** An official decides on a task; the step acts on it when it next runs. */
  decide(task: TaskState, decision: Decision, label: string): void {
    if (!task.assignee) this.assign(task, decision.actor);
    task.decision = decision;
    this.event({
      type: 'action',
      actor: officialActor(decision.actor),
      stepId: task.stepId,
      taskId: task.id,
      note: decision.reason,
      data: { action: decision.action, label },
    });
  }

  /** The step has acted on the decision: the task is done, its inputs kept with the dossier. */
  completeTask(task: TaskState, action: TaskAction): void {
    const decision = task.decision!;
    task.status = 'done';
    task.completedAt = nowIso();
    task.action = action.id;
    task.actionLabel = action.label;
    task.reason = decision.reason;
    Object.assign(this.inputValues, decision.inputs);
    this.deciders.set(decision.actor.role, decision.actor);
    this.tasks.delete(task.id);
    this.taskChanged(task);
  }

  /** Tasks of branches that no longer matter (a sibling branch ended the parallel step). */
  cancelTasksOf(branches: readonly string[]): void {
    for (const task of [...this.tasks.values()]) {
      if (!task.branch || !branches.includes(task.branch)) continue;
      task.status = 'cancelled';
      task.completedAt = nowIso();
      this.tasks.delete(task.id);
      this.taskChanged(task);
    }
  }

  /**
   * The dossier is accepted: the appointment for the result is fixed. With the legal clock
   * (`clock`), the dossier keeps its limit and start, so pauses and a new appointment move it.
   */
  accept(appointmentAt: string, limit: TimeLimit, by: Actor, stepId: string, clock?: { calendarVersion: string }): void {
    this.acceptedAt = nowIso();
    this.appointment = appointmentAt;
    if (clock) this.clockState = { limit, startedAt: this.acceptedAt, pauses: [], calendarVersion: clock.calendarVersion };
    const data: Record<string, string | number> = { appointmentAt, amount: limit.amount, unit: limit.unit };
    if (limit.unit === 'working-days') data.workingDays = limit.amount;
    this.event({ type: 'appointment', actor: officialActor(by), stepId, data });
  }

  /** The clock stops: the dossier waits for the applicant. */
  pauseClock(reason: string, stepId: string): void {
    const clock = this.clockState;
    if (!clock || this.clockPaused) return;
    clock.pauses.push({ from: nowIso(), reason });
    this.event({ type: 'clock-paused', actor: SYSTEM_ACTOR, stepId, note: reason });
  }

  /** The clock runs again; the appointment moves to `dueAt` (by the working time the pause took). */
  resumeClock(dueAt: string, stepId: string): void {
    const clock = this.clockState;
    const pause = clock?.pauses.find((p) => !p.to);
    if (!clock || !pause) return;
    pause.to = nowIso();
    this.event({ type: 'clock-resumed', actor: SYSTEM_ACTOR, stepId, note: pause.reason });
    this.moveAppointment(dueAt, `${pause.reason}: tạm dừng từ ${formatVietnameseDateTime(pause.from)} đến ${formatVietnameseDateTime(pause.to)}`, stepId);
  }

  /** The appointment moves (a pause ended, the calendar changed); the timeline says why. */
  moveAppointment(dueAt: string, reason: string, stepId: string = this.currentStep.id, calendarVersion?: string): void {
    if (calendarVersion && this.clockState) this.clockState.calendarVersion = calendarVersion;
    if (dueAt === this.appointment) return;
    const from = this.appointment ?? '';
    this.appointment = dueAt;
    this.event({ type: 'deadline-changed', actor: SYSTEM_ACTOR, stepId, note: reason, data: { from, to: dueAt } });
  }

  /** The competent official apologises for a dossier that will be late and gives a new appointment (form 04). */
  apologise(record: ApologyRecord, by: Actor): void {
    const clock = this.clockState!;
    clock.apology = record;
    this.appointment = record.newAppointmentAt;
    this.event({
      type: 'apology',
      actor: officialActor(by),
      stepId: this.currentStep.id,
      note: record.reason,
      data: { from: record.previousAppointmentAt, to: record.newAppointmentAt },
    });
  }

  /** The dossier's due date passed while it was still open. */
  markOverdue(): void {
    this.overdueAt = this.appointment;
    this.event({ type: 'overdue', actor: SYSTEM_ACTOR, stepId: this.currentStep.id, data: { appointmentAt: this.appointment ?? '' } });
  }

  /** A task's due date moved (the calendar changed). */
  moveTaskDue(task: TaskState, dueAt: string, reason: string): void {
    if (task.dueAt === dueAt) return;
    const from = task.dueAt ?? '';
    task.dueAt = dueAt;
    this.taskChanged(task);
    this.event({ type: 'deadline-changed', actor: SYSTEM_ACTOR, stepId: task.stepId, taskId: task.id, note: reason, data: { from, to: dueAt } });
  }

  /** The assignee (or the group) of a task was reminded of its coming deadline. */
  remind(task: TaskState): void {
    task.remindedAt = nowIso();
    this.taskChanged(task);
    this.event({ type: 'reminder', actor: SYSTEM_ACTOR, stepId: task.stepId, taskId: task.id, data: { dueAt: task.dueAt ?? '' } });
  }

  /** A task's deadline passed: it is flagged and the supervisor told. */
  escalate(task: TaskState): void {
    task.escalatedAt = nowIso();
    this.taskChanged(task);
    this.event({ type: 'escalated', actor: SYSTEM_ACTOR, stepId: task.stepId, taskId: task.id, data: { dueAt: task.dueAt ?? '' } });
  }

  /** A registry's answer, replacing the last one of the same check. */
  recordCheck(stepId: string, record: CheckRecord): void {
    this.checkRecords = [...this.checkRecords.filter((c) => c.id !== record.id), record];
    this.event({ type: 'check', actor: SYSTEM_ACTOR, stepId, note: record.summary, data: { check: record.id, outcome: record.outcome } });
  }

  /** Values a custom step worked out, usable by later steps and results as {{inputs.x}}. */
  recordOutputs(values: Record<string, string>): void {
    Object.assign(this.inputValues, values);
    this.log.touch();
  }

  /** The reference of the next payment request (unique per dossier and round: the gateway's idempotency key). */
  nextPaymentReference(): string {
    return `${this.code}-TT${++this.paymentRound}`;
  }

  requestPayment(stepId: string, request: { reference: string; amount: number; payUrl: string; deadlineAt: string }): void {
    this.currentPayment = { ...request, status: 'pending' };
    this.event({ type: 'payment-requested', actor: SYSTEM_ACTOR, stepId, data: { reference: request.reference, amount: request.amount } });
  }

  /** The gateway says the pending request is paid: by its callback, or its last word at the deadline. */
  receivePayment(transaction: { transactionId: string; paidAt?: string }, stepId: string): void {
    const payment = this.currentPayment;
    if (!payment || payment.status === 'paid') return;
    payment.status = 'paid';
    payment.transactionId = transaction.transactionId;
    payment.paidAt = transaction.paidAt;
    this.paid += payment.amount;
    this.event({
      type: 'payment-received',
      actor: GATEWAY_ACTOR,
      stepId,
      data: { reference: payment.reference, transactionId: transaction.transactionId, amount: payment.amount },
    });
  }

  expirePayment(stepId: string): void {
    const payment = this.currentPayment;
    if (!payment) return;
    payment.status = 'expired';
    this.event({ type: 'payment-expired', actor: SYSTEM_ACTOR, stepId, data: { reference: payment.reference } });
  }

  /** The applicant is asked for more; returns the round. */
  requestSupplement(reason: string): number {
    const round = (this.currentSupplement?.round ?? 0) + 1;
    this.currentSupplement = { round, reason, requestedAt: nowIso() };
    this.log.touch();
    return round;
  }

  /** The fields the applicant may change in the current supplement step. */
  editableFields(): readonly string[] {
    const step = this.currentStep;
    return step.kind === 'supplement' && step.editableFields ? step.editableFields : Object.keys(this.formValues);
  }

  /** The applicant's answer: the fields the step allows take the new values. */
  receiveSupplement(form: Record<string, string>, note: string | undefined): void {
    const editable = this.editableFields();
    for (const [name, value] of Object.entries(form)) if (editable.includes(name)) this.formValues[name] = value;
    const supplement = this.currentSupplement!;
    supplement.answeredAt = nowIso();
    this.event({
      type: 'supplement-received',
      actor: { kind: 'applicant', name: this.applicant().name },
      stepId: this.currentStep.id,
      note,
      data: { round: supplement.round },
    });
  }

  issueResult(stepId: string, result: ResultRecord): void {
    const earlier = this.issued.findIndex((r) => r.documentCode === result.documentCode);
    // A step run again re-issues its own document (same code, same number): keep one entry.
    if (earlier >= 0) this.issued[earlier] = result;
    else this.issued.push(result);
    this.event({ type: 'result-issued', actor: SYSTEM_ACTOR, stepId, data: { number: result.number, documentCode: result.documentCode } });
  }

  /** The dossier has reached an end step: its outcome is settled. */
  conclude(step: Extract<Step, { kind: 'end' }>): void {
    this.outcome = step.outcome;
    this.completedAt = nowIso();
    // Decided without passing status 9 (rejected, or completed at once): decided now.
    if (!this.decided && (step.outcome === 'completed' || step.outcome === 'rejected')) this.decided = this.completedAt;
  }

  /** The last entry of the timeline, after the applicant has been told. */
  recordFinished(step: Extract<Step, { kind: 'end' }>): void {
    this.event({ type: 'finished', actor: SYSTEM_ACTOR, stepId: step.id, status: step.status, data: { outcome: step.outcome } });
  }

  /** A message went to the applicant. */
  notified(template: string): void {
    this.event({ type: 'notified', actor: SYSTEM_ACTOR, stepId: this.currentStep.id, data: { template } });
  }

  // ——— Bookkeeping ———

  private assign(task: TaskState, to: { id: string; name: string }): void {
    task.assignee = { id: to.id, name: to.name };
    task.claimedAt = nowIso();
    this.taskChanged(task);
  }

  private taskChanged(task: TaskState): void {
    this.log.task(task.id, () => publicTask(task));
  }

  private event(event: Omit<TimelineEvent, 'seq' | 'at'>): void {
    this.log.event(event);
  }
}

function publicTask(task: TaskState): TaskSnapshot {
  const { decision: _decision, ...snapshot } = task;
  return { ...snapshot };
}
