/**
 * Recording workflow histories for test/replay: `npm run histories:record` drives scenarios and
 * saves each dossier's history under a name. Files that exist are kept (dossiers started on older
 * code may still be running, so their histories must keep replaying); RECORD_OVERWRITE=1
 * re-records them. Procedure scenarios (runScenario) save the first run of each procedure
 * version when MOTCUA_RECORD_HISTORIES=1, so every catalogue procedure has a history.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { dossierWorkflowId } from '../../workflows/ids';
import type { Stack } from './stack';

export const HISTORIES_DIR = path.join(__dirname, '..', 'replay', 'histories');

/**
 * Names of histories recorded by this release of the interpreter: the legal clock's timers,
 * pauses and calendar (workflows/dossier/deadlines.ts), and a status that never goes back to 1
 * once accepted (`patched('status-never-back')`, workflows/dossier/state.ts). `2026-12-02-legal-clock-*`
 * files replay before that patch, `2026-12-02-durable-*` the durable mode before the clock, older
 * ones the legacy mode.
 */
export const GENERATION = '2026-12-02-status-forward';

export function recordingHistories(): boolean {
  return process.env.MOTCUA_RECORD_HISTORIES === '1';
}

/**
 * Saves a workflow's history as `<name>.json`, unless a file of that name exists: once it has
 * finished, or as far as it has run (a dossier left waiting on a timer replays up to there).
 */
export async function saveWorkflowHistory(handle: WorkflowHandle, name: string, { finished = true } = {}): Promise<void> {
  const file = path.join(HISTORIES_DIR, `${name}.json`);
  if (fs.existsSync(file) && !process.env.RECORD_OVERWRITE) return;
  if (finished) await handle.result();
  fs.writeFileSync(file, historyToJSON(await handle.fetchHistory()));
}

/** Saves a finished dossier's history as `<name>.json`, unless a file of that name exists. */
export function saveHistory(stack: Stack, name: string, code: string): Promise<void> {
  return saveWorkflowHistory(stack.temporal.workflow.getHandle(dossierWorkflowId(code, stack.taskQueue)), name);
}

/** When recording: the workflow's history under this generation's name (see saveWorkflowHistory). */
export async function recordHistory(handle: WorkflowHandle, name: string, options: { finished?: boolean } = {}): Promise<void> {
  if (recordingHistories()) await saveWorkflowHistory(handle, `${GENERATION}-${name}`, options);
}
