/**
 * Recording workflow histories for test/replay: `npm run histories:record` drives scenarios and
 * saves each dossier's history under a name. Files that exist are kept (dossiers started on older
 * code may still be running, so their histories must keep replaying); RECORD_OVERWRITE=1
 * re-records them. Procedure scenarios (runScenario) save the first run of each procedure
 * version when MOTCUA_RECORD_HISTORIES=1, so every catalogue procedure has a history.
 */
import fs from 'node:fs';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { dossierWorkflowId } from '../../workflows/ids';
import type { Stack } from './stack';

export const HISTORIES_DIR = path.join(__dirname, '..', 'replay', 'histories');

/**
 * Names of histories recorded by this release of the interpreter: effects wait until Temporal
 * has recorded the workflow task (workflows/dossier/projection.ts, durable mode). Older files,
 * recorded before, replay the legacy mode.
 */
export const GENERATION = '2026-12-02-durable';

export function recordingHistories(): boolean {
  return process.env.MOTCUA_RECORD_HISTORIES === '1';
}

/** Saves a finished dossier's history as `<name>.json`, unless a file of that name exists. */
export async function saveHistory(stack: Stack, name: string, code: string): Promise<void> {
  const file = path.join(HISTORIES_DIR, `${name}.json`);
  if (fs.existsSync(file) && !process.env.RECORD_OVERWRITE) return;
  const handle = stack.temporal.workflow.getHandle(dossierWorkflowId(code, stack.taskQueue));
  await handle.result();
  fs.writeFileSync(file, historyToJSON(await handle.fetchHistory()));
}
