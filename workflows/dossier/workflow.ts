/**
 * One workflow per dossier, for every procedure: it interprets the procedure definition that
 * arrived in its input, step by step, until an end step. Human decisions arrive as Updates
 * (handlers.ts); the read model is kept current by the projector below.
 */
import { allHandlersFinished, condition } from '@temporalio/workflow';
import type { DossierInput, DossierSnapshot } from '../messages';
import { CUSTOM_WORKFLOWS } from '../custom';
import { registerHandlers } from './handlers';
import { DossierRun } from './run';
import { type CustomHandler, executeStep, notify } from './steps';

/** Writes changes to PostgreSQL in batches, in order, for as long as the dossier lives. */
async function project(run: DossierRun): Promise<void> {
  for (;;) {
    await condition(() => run.hasUnprojectedChanges() || run.finished);
    if (!run.hasUnprojectedChanges()) return;
    const batch = run.takeBatch();
    await run.db.projectDossier(batch);
    run.projectedVersion = batch.version;
  }
}

/**
 * Runs a dossier through its definition. Custom workflows pass the TypeScript steps their
 * definitions name (`custom` steps); the generic workflow passes none.
 */
export async function interpretDossier(input: DossierInput, customHandlers: Record<string, CustomHandler> = {}): Promise<DossierSnapshot> {
  const run = new DossierRun(input);
  run.customHandlers = customHandlers;
  registerHandlers(run);
  const projector = project(run);

  run.record({ type: 'submitted', actor: { kind: 'applicant', name: run.applicant().name }, status: 1, data: { channel: input.channel } });
  await notify(run, run.def.submittedNotify);

  let next: string | undefined = run.def.start;
  while (next !== undefined) next = await executeStep(run, run.stepById(next));

  await condition(allHandlersFinished);
  run.finished = true;
  await projector;
  return run.snapshot();
}

/** The workflow of every dossier; a definition naming a custom workflow gets its TypeScript steps. */
export async function dossierWorkflow(input: DossierInput): Promise<DossierSnapshot> {
  return interpretDossier(input, input.procedure.workflow ? CUSTOM_WORKFLOWS[input.procedure.workflow] ?? {} : {});
}
