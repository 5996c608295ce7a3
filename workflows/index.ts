/** Every workflow type the worker registers. */
export { dossierWorkflow } from './dossier/workflow';
