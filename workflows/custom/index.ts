/**
 * The one registry of custom workflows: the names a definition's `workflow` may take, each with
 * the TypeScript steps (`custom` steps) it implements. The interpreter runs a dossier's custom
 * steps from here, and the definition checker learns the names from here (through
 * `CUSTOM_WORKFLOW_STEPS`), so adding a custom workflow is one entry in this file.
 */
import type { CustomHandler } from '../dossier/custom-step';
import { verifyWorkers } from './covid-support';

export const CUSTOM_WORKFLOWS: Readonly<Record<string, Readonly<Record<string, CustomHandler>>>> = {
  covidSupportWorkflow: { 'verify-workers': verifyWorkers },
};

/** Workflow name -> its custom step names, what the definition checker needs. */
export const CUSTOM_WORKFLOW_STEPS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  Object.entries(CUSTOM_WORKFLOWS).map(([name, steps]) => [name, Object.keys(steps)]),
);
