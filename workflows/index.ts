/**
 * Every workflow type the worker registers: the generic interpreter, and the custom workflows
 * that definitions may name (listed with their custom steps in procedures/validate.ts).
 */
export { covidSupportWorkflow } from './custom/covid-support';
export { dossierWorkflow } from './dossier/workflow';
