/**
 * One workflow per dossier, for every procedure: it interprets the procedure definition that
 * arrived in its input, step by step, until an end step. Human decisions arrive as Updates
 * (handlers.ts); the state (state.ts) owns the dossier; the projection log (projection.ts)
 * writes what changed to the read model.
 */
import { allHandlersFinished, condition } from '@temporalio/workflow';
import { CUSTOM_WORKFLOWS } from '../custom';
import type { DossierInput, DossierSnapshot } from '../messages';
import { readModel, serialLocalActivities } from './activities';
import type { CustomHandler } from './custom-step';
import { registerHandlers } from './handlers';
import { ProjectionLog } from './projection';
import { DossierState, Flow } from './state';
import { executeStep, notify, type Run } from './steps';

/** Runs a dossier through its definition, with the TypeScript steps of a custom workflow if it names one. */
export async function interpretDossier(input: DossierInput, customSteps: Readonly<Record<string, CustomHandler>> = {}): Promise<DossierSnapshot> {
  const log = ProjectionLog.start(input.code);
  const state = new DossierState(input, log);
  const run: Run = { state, log, db: serialLocalActivities(), customSteps };
  registerHandlers(run);
  const projector = log.durable
    ? log.runProjector(() => state.snapshot(), (batch) => readModel.projectDossier(batch), () => log.changesWanted && run.db.pending === 0)
    : log.runProjector(() => state.snapshot(), (batch) => run.db.projectDossier(batch));

  const main = new Flow();
  state.submitted();
  await notify(run, main, state.def.submittedNotify);

  let next: string | undefined = state.def.start;
  while (next !== undefined) next = await executeStep(run, state.stepById(next), main);

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
