/**
 * One workflow per dossier, for every procedure: it interprets the procedure definition that
 * arrived in its input, step by step, until an end step. Human decisions arrive as Updates
 * (handlers.ts); the state (state.ts) owns the dossier; the projection log (projection.ts)
 * writes what changed to the read model; the legal clock (deadlines.ts) keeps the deadlines.
 */
import { allHandlersFinished, condition } from '@temporalio/workflow';
import { CUSTOM_WORKFLOWS } from '../custom';
import type { DossierInput, DossierSnapshot } from '../messages';
import { readModel, serialLocalActivities } from './activities';
import { ClockBoard } from './clock-board';
import type { CustomHandler } from './custom-step';
import { loadClock, watchCalendar, watchDossierDeadline } from './deadlines';
import { registerHandlers } from './handlers';
import { ProjectionLog } from './projection';
import type { Run } from './run';
import { DossierState, Flow } from './state';
import { executeStep, notify } from './steps';

/** Runs a dossier through its definition, with the TypeScript steps of a custom workflow if it names one. */
export async function interpretDossier(input: DossierInput, customSteps: Readonly<Record<string, CustomHandler>> = {}): Promise<DossierSnapshot> {
  const log = ProjectionLog.start(input.code);
  const clock = ClockBoard.start(log.durable);
  const state = new DossierState(input, log);
  const run: Run = { state, log, db: serialLocalActivities(), clock, main: new Flow(), customSteps };
  registerHandlers(run);
  const projector = log.durable
    ? log.runProjector(() => state.snapshot(), (batch) => readModel.projectDossier(batch), () => log.changesWanted && run.db.pending === 0)
    : log.runProjector(() => state.snapshot(), (batch) => run.db.projectDossier(batch));

  state.submitted();
  await notify(run, run.main, state.def.submittedNotify);

  const watchers: Promise<void>[] = [];
  if (clock.enabled) {
    await loadClock(run);
    watchers.push(watchDossierDeadline(run), watchCalendar(run, (reason) => notify(run, run.main, 'deadline-changed', { reason })));
  }

  let next: string | undefined = state.def.start;
  while (next !== undefined) next = await executeStep(run, state.stepById(next), run.main);

  await Promise.all(watchers);
  await condition(allHandlersFinished);
  log.end();
  await projector;
  return state.snapshot();
}

/** The workflow of every dossier; a definition naming a custom workflow gets its TypeScript steps. */
export async function dossierWorkflow(input: DossierInput): Promise<DossierSnapshot> {
  const custom = input.procedure.workflow;
  return interpretDossier(input, custom ? CUSTOM_WORKFLOWS[custom] ?? {} : {});
}
