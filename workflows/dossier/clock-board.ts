/**
 * The legal clock of one dossier's run: whether the dossier runs on it (chosen once, when its
 * workflow starts), the calendar it counts with, and a counter of changes that wakes its timers.
 */
import { patched } from '@temporalio/workflow';
import type { ClockData } from '../../activities/contract';
import type { ProcedureDefinition } from '../../engine/definition';
import { hoursFor } from '../../engine/time-limits';
import { LegalTime } from './legal-time';

/** Marks dossiers whose deadlines the workflow counts itself, with timers, pauses and apologies. */
export const LEGAL_CLOCK = 'legal-clock';

/** The clock of one dossier's run: the calendar it counts with, and a counter of changes that wakes the timers. */
export class ClockBoard {
  /** Set once the calendar is loaded (legal-clock mode); undefined for older dossiers. */
  time?: LegalTime;
  /** A calendar change waiting to be applied, with the reason the timeline will give. */
  pendingCalendarChange?: string;
  private changes = 0;

  private constructor(readonly enabled: boolean) {}

  /** Called once, first thing in the workflow: whether this dossier runs on the legal clock. */
  static start(durable: boolean): ClockBoard {
    return new ClockBoard(durable && patched(LEGAL_CLOCK));
  }

  get version(): number {
    return this.changes;
  }

  /** A deadline moved, or a pause began or ended: every timer looks again. */
  touch(): void {
    this.changes++;
  }

  load(data: ClockData, definition: ProcedureDefinition): void {
    this.time = new LegalTime(data, hoursFor(definition, data.hours));
  }
}

