/**
 * The workflow types the worker registers. Every dossier runs `dossierWorkflow`, which takes the
 * custom steps its definition names from the registry in custom/index.ts.
 */
import { dossierWorkflow } from './dossier/workflow';

export { dossierWorkflow };

/**
 * Dossiers of custom procedures were once started under the custom workflow's own type; those
 * still running (and their recorded histories) resume under the same name, which now runs the
 * same code as every other dossier.
 */
export const covidSupportWorkflow = dossierWorkflow;
