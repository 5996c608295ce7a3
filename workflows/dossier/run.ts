/** What the step executors, the Update handlers and the clock's timers work with. */
import type { LocalWorkQueue } from './activities';
import type { ClockBoard } from './clock-board';
import type { CustomHandler } from './custom-step';
import type { ProjectionLog } from './projection';
import type { DossierState, Flow } from './state';

export interface Run {
  readonly state: DossierState;
  readonly log: ProjectionLog;
  /** This dossier's local activities, one at a time. */
  readonly db: LocalWorkQueue;
  readonly clock: ClockBoard;
  /** The dossier's main flow (its notes, its last reason). */
  readonly main: Flow;
  /** The TypeScript steps of the custom workflow the definition names, by handler name. */
  readonly customSteps: Readonly<Record<string, CustomHandler>>;
}
