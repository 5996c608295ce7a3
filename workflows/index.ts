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

/** The supervisor's levers: many tasks moved in one action, and delegation while an official is away. */
export { reassignmentWorkflow } from './reassignment';
export { absenceWorkflow } from './absence';

/** A change of the working calendar, taken to every open dossier. */
export { calendarChangeWorkflow } from './calendar-change';
