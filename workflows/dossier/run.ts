/**
 * The state of one dossier inside its workflow, and the only place that changes it. Every
 * change bumps `version` and may append a timeline event; the projector writes batches of
 * changes to PostgreSQL. Deterministic: time comes from the workflow clock.
 */
import type { PortalStatus } from '../../domain/portal-status';
import type { ProcedureDefinition, Step, TaskAction, TaskStep } from '../../engine/definition';
import type {
  Actor,
  CheckRecord,
  DossierInput,
  DossierSnapshot,
  PaymentRecord,
  ProjectionBatch,
  ResultRecord,
  TaskSnapshot,
  TimelineEvent,
} from '../messages';
import { serialLocalActivities } from './activities';
import type { CustomHandler } from './steps';

export interface Decision {
  action: string;
  reason?: string;
  inputs?: Record<string, string>;
  actor: Actor;
}

/** Where a step runs: the main flow, or a branch of a parallel step. */
export interface Place {
  branch?: string;
}

export const MAIN: Place = {};

export interface TaskState extends TaskSnapshot {
  decision?: Decision;
}

export const SYSTEM_ACTOR: TimelineEvent['actor'] = { kind: 'system', name: 'Hệ thống' };

export function nowIso(): string {
  return new Date().toISOString();
}

export function officialActor(actor: Actor): TimelineEvent['actor'] {
  return { kind: 'official', id: actor.id, name: actor.name, role: actor.role };
}

export class DossierRun {
  readonly def: ProcedureDefinition;
  readonly code: string;
  readonly steps: ReadonlyMap<string, Step>;

  status: PortalStatus = 1;
  step: Step;
  form: Record<string, string>;
  /** Values officials entered with their decisions. */
  inputs: Record<string, string> = {};
  outcome?: DossierSnapshot['outcome'];
  acceptedAt?: string;
  appointmentAt?: string;
  completedAt?: string;
  checks: CheckRecord[] = [];
  payment?: PaymentRecord;
  paymentRound = 0;
  /** What the applicant has paid so far, over every payment round. */
  paidAmount = 0;
  result?: ResultRecord;
  supplement?: DossierSnapshot['supplement'];
  /** The reason given with the last decision, quoted in notifications. */
  lastReason?: string;
  /** Note for the next task: a proposal, a return reason, a registry mismatch. */
  handoverNote?: string;
  /** Who decided last in each role, e.g. the leader who signs the result. */
  readonly deciders = new Map<string, Actor>();
  /** This dossier's database work (local activities, one at a time). */
  readonly db = serialLocalActivities();
  /** Steps a custom workflow implements in TypeScript, by handler name. */
  customHandlers: Record<string, CustomHandler> = {};

  private readonly tasks = new Map<string, TaskState>();
  private readonly visits = new Map<string, number>();
  private readonly dirtyTasks = new Map<string, TaskState>();
  private pendingEvents: TimelineEvent[] = [];
  private seq = 0;
  private notifications = 0;

  /** Changes made so far; the projector has written up to `projectedVersion`. */
  version = 0;
  projectedVersion = 0;
  /** Bumped each time the main loop reaches a resting point (waiting for someone, or ended). */
  settledCount = 0;
  finished = false;

  constructor(readonly input: DossierInput) {
    this.def = input.procedure;
    this.code = input.code;
    this.form = { ...input.form };
    this.steps = new Map(this.def.steps.map((s) => [s.id, s]));
    this.step = this.stepById(this.def.start);
  }

  stepById(id: string): Step {
    const step = this.steps.get(id);
    // Definitions are validated before publishing; this guards a hand-made input.
    if (!step) throw new Error(`step "${id}" does not exist in ${this.def.code} v${this.def.version}`);
    return step;
  }

  applicant(): { name: string; citizenId: string; email?: string; phone?: string } {
    const a = this.def.form.applicant;
    return {
      name: this.form[a.nameField] ?? '',
      citizenId: this.form[a.citizenIdField] ?? '',
      email: a.emailField ? this.form[a.emailField] || undefined : undefined,
      phone: a.phoneField ? this.form[a.phoneField] || undefined : undefined,
    };
  }

  record(event: Omit<TimelineEvent, 'seq' | 'at'>): void {
    this.pendingEvents.push({ ...event, seq: ++this.seq, at: nowIso() });
    this.version++;
  }

  /** A change without its own timeline entry. */
  touch(): void {
    this.version++;
  }

  setStatus(status: PortalStatus, actor: TimelineEvent['actor'] = SYSTEM_ACTOR): void {
    if (status === this.status) return;
    this.status = status;
    this.record({ type: 'status', actor, status, stepId: this.step.id });
  }

  /** Enters a step; in a parallel branch the dossier's own step stays the parallel one. */
  enter(step: Step, place: Place = MAIN): void {
    if (!place.branch) this.step = step;
    this.record({ type: 'step', actor: SYSTEM_ACTOR, stepId: step.id, note: step.name });
    if (step.status) this.setStatus(step.status);
  }

  /** Check id -> outcome of its last run, for conditions. */
  checkOutcomes(): Record<string, string> {
    return Object.fromEntries(this.checks.map((c) => [c.id, c.outcome]));
  }

  /** The main loop waits for someone now: updates that led here may return. */
  settle(): void {
    this.settledCount++;
  }

  openTask(step: TaskStep, agencyCode: string, place: Place, dueAt?: string): TaskState {
    const visit = (this.visits.get(step.id) ?? 0) + 1;
    this.visits.set(step.id, visit);
    const task: TaskState = {
      id: `${step.id}-${visit}`,
      stepId: step.id,
      name: step.name,
      role: step.role,
      agencyCode,
      branch: place.branch,
      status: 'open',
      createdAt: nowIso(),
      dueAt,
      handoverNote: this.handoverNote,
    };
    this.handoverNote = undefined;
    this.tasks.set(task.id, task);
    this.markTask(task);
    return task;
  }

  openTaskById(taskId: string): TaskState | undefined {
    const task = this.tasks.get(taskId);
    return task?.status === 'open' ? task : undefined;
  }

  assign(task: TaskState, to: { id: string; name: string }): void {
    task.assignee = { id: to.id, name: to.name };
    task.claimedAt = nowIso();
    this.markTask(task);
  }

  closeTask(task: TaskState, action: TaskAction, decision: Decision): void {
    task.status = 'done';
    task.completedAt = nowIso();
    task.action = action.id;
    task.actionLabel = action.label;
    task.reason = decision.reason;
    Object.assign(this.inputs, decision.inputs);
    this.deciders.set(decision.actor.role, decision.actor);
    this.tasks.delete(task.id);
    this.markTask(task);
  }

  /** Tasks of branches that no longer matter (a sibling branch ended the parallel step). */
  cancelTasksOf(branches: readonly string[]): void {
    for (const task of [...this.tasks.values()]) {
      if (!task.branch || !branches.includes(task.branch)) continue;
      task.status = 'cancelled';
      task.completedAt = nowIso();
      this.tasks.delete(task.id);
      this.markTask(task);
    }
  }


  private markTask(task: TaskState): void {
    this.dirtyTasks.set(task.id, task);
    this.version++;
  }

  nextNotificationKey(template: string): string {
    return `${this.code}:${++this.notifications}:${template}`;
  }

  snapshot(): DossierSnapshot {
    return {
      code: this.code,
      procedureCode: this.def.code,
      procedureVersion: this.def.version,
      agencyCode: this.input.agency.code,
      status: this.status,
      stepId: this.step.id,
      stepName: this.step.name,
      outcome: this.outcome,
      form: this.form,
      inputs: this.inputs,
      acceptedAt: this.acceptedAt,
      appointmentAt: this.appointmentAt,
      completedAt: this.completedAt,
      checks: this.checks,
      payment: this.payment,
      result: this.result,
      supplement: this.supplement,
      openTasks: [...this.tasks.values()].map(publicTask),
    };
  }

  hasUnprojectedChanges(): boolean {
    return this.version > this.projectedVersion;
  }

  /** Everything changed since the last batch; the caller writes it and then marks it projected. */
  takeBatch(): ProjectionBatch {
    const batch: ProjectionBatch = {
      version: this.version,
      dossier: this.snapshot(),
      tasks: [...this.dirtyTasks.values()].map(publicTask),
      events: this.pendingEvents,
    };
    this.pendingEvents = [];
    this.dirtyTasks.clear();
    return batch;
  }
}

function publicTask(task: TaskState): TaskSnapshot {
  const { decision: _decision, ...snapshot } = task;
  return { ...snapshot };
}
