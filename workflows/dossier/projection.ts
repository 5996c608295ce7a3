/**
 * Projection bookkeeping, apart from the dossier's domain state: the changes the read model has
 * not seen yet (a version counter, timeline events, changed tasks, messages to the applicant), the
 * batches the projector writes from them, and the dossier's resting points that Updates wait for.
 * The state (state.ts) reports every change here; nothing else does.
 *
 * Two modes, chosen once per dossier when its workflow starts:
 * - durable (every dossier started by this release): a batch is written by a regular activity,
 *   which Temporal runs only after the workflow task that made the batch is recorded, and the
 *   messages to the applicant travel in the batch. Nothing becomes visible, and nothing is sent,
 *   for a decision Temporal never recorded.
 * - legacy (dossiers started before, and their recorded histories): a batch is written by a local
 *   activity inside the workflow task, and messages are written by a local activity of their
 *   own, exactly as they were, so those histories replay.
 */
import { condition, patched, workflowInfo } from '@temporalio/workflow';
import type { DossierSnapshot, OfficialMessage, OutboxMessage, ProjectionBatch, TaskSnapshot, TimelineEvent } from '../messages';
import { nowIso } from './clock';

/** Marks dossiers whose effects become visible only once Temporal has recorded them. */
export const EFFECTS_AFTER_DURABLE = 'effects-after-durable';

export class ProjectionLog {
  /** Changes made so far. */
  private changes = 0;
  /** Changes in the batches taken so far (written, or being written). */
  private taken = 0;
  /** Changes the read model has (the last batch written). */
  private projected = 0;
  private rests = 0;
  private ended = false;
  /** Someone waits to see the changes: the dossier rests, an Update returns, or it ended. */
  private wanted = false;
  private seq = 0;
  private messages = 0;
  private events: TimelineEvent[] = [];
  private readonly tasks = new Map<string, () => TaskSnapshot>();
  private outbox: OutboxMessage[] = [];
  private officials: OfficialMessage[] = [];
  private officialCount = 0;

  private constructor(
    private readonly dossierCode: string,
    /** Effects only after the workflow task is recorded (see the module comment). */
    readonly durable: boolean,
  ) {}

  /** Called once, first thing in the workflow: the mode is fixed for the dossier's whole life. */
  static start(dossierCode: string): ProjectionLog {
    return new ProjectionLog(dossierCode, patched(EFFECTS_AFTER_DURABLE));
  }

  get version(): number {
    return this.changes;
  }

  get projectedVersion(): number {
    return this.projected;
  }

  /** Timeline events recorded so far. */
  get eventCount(): number {
    return this.seq;
  }

  get restCount(): number {
    return this.rests;
  }

  /** A timeline event; its sequence number is the dossier's own, so a retried write inserts nothing twice. */
  event(event: Omit<TimelineEvent, 'seq' | 'at'>): void {
    this.events.push({ ...event, seq: ++this.seq, at: nowIso() });
    this.changes++;
  }

  /** A task changed; its snapshot is taken when the batch is. */
  task(id: string, snapshot: () => TaskSnapshot): void {
    this.tasks.set(id, snapshot);
    this.changes++;
  }

  /** A change with nothing of its own to write but the dossier row. */
  touch(): void {
    this.changes++;
  }

  /** The idempotency key of the next message of a template: the same occurrence, the same key. */
  nextMessageKey(template: string): string {
    return `${this.dossierCode}:${++this.messages}:${template}`;
  }

  /** A message written with the next batch (durable mode). */
  message(message: OutboxMessage): void {
    this.outbox.push(message);
  }

  /** A message to officials (their inbox), written with the next batch. */
  officialMessage(message: Omit<OfficialMessage, 'key'>): void {
    // Numbered apart from the applicant's messages, whose keys older dossiers already hold.
    this.officials.push({ ...message, key: `${this.dossierCode}:o${++this.officialCount}:${message.kind}` });
    this.changes++;
  }

  /** The main loop waits for someone now: Updates that led here may return, and its changes show. */
  rest(): void {
    this.rests++;
    this.wantChanges();
  }

  /** An Update returns now: its change must show even if the main loop does not move. */
  show(): void {
    this.wantChanges();
  }

  /** Only changes made so far are wanted: a later one waits for the next rest or Update. */
  private wantChanges(): void {
    if (this.hasChanges()) this.wanted = true;
  }

  /** The dossier has ended: the projector writes what is left and stops. */
  end(): void {
    this.ended = true;
    this.wanted = true;
  }

  /**
   * Durable mode writes when someone waits to see the changes (and no local activity is still
   * running in the workflow task): each write is an activity and a workflow task more, so
   * what a decision leads to, up to the dossier's next rest, goes in one batch.
   */
  get changesWanted(): boolean {
    return this.wanted;
  }

  /** Changes no batch has taken yet. */
  hasChanges(): boolean {
    return this.changes > this.taken;
  }

  private takeBatch(dossier: DossierSnapshot): ProjectionBatch {
    const batch: ProjectionBatch = {
      version: this.changes,
      epoch: workflowInfo().historyLength,
      lastSeq: this.seq,
      dossier,
      tasks: [...this.tasks.values()].map((snapshot) => snapshot()),
      events: this.events,
      notifications: this.outbox,
      officialMessages: this.officials,
    };
    this.events = [];
    this.outbox = [];
    this.officials = [];
    this.tasks.clear();
    return batch;
  }

  /**
   * Writes batches, in order, for as long as the dossier lives: whatever changed since the last
   * write, as one batch, as soon as the previous write is done and `ready` says so (durable
   * mode: `changesWanted`).
   */
  async runProjector(snapshot: () => DossierSnapshot, write: (batch: ProjectionBatch) => Promise<void>, ready: () => boolean = () => true): Promise<void> {
    for (;;) {
      await condition(() => (this.hasChanges() && ready()) || this.ended);
      if (!this.hasChanges()) return;
      const batch = this.takeBatch(snapshot());
      this.taken = batch.version;
      this.wanted = false;
      await write(batch);
      this.projected = batch.version;
    }
  }
}
