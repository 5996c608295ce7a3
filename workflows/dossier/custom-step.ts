/**
 * What a custom step (a step a custom workflow writes in TypeScript, the escape hatch) may do to
 * a dossier: read the form, record registry answers and values for later steps, hand a note to
 * the next task. Nothing else: the state's owner (state.ts) stays the only one that changes it.
 */
import type { CustomStep } from '../../engine/definition';
import type { CheckRecord } from '../messages';
import type { DossierState, Flow } from './state';

export interface CustomStepContext {
  readonly dossierCode: string;
  readonly form: Readonly<Record<string, string>>;
  readonly step: CustomStep;
  /** A registry's answer, shown with the dossier's checks (replaces one with the same id). */
  recordCheck(record: CheckRecord): void;
  /** Values later steps and results use as {{inputs.x}} (the step's declared `outputs`). */
  recordOutputs(values: Record<string, string>): void;
  /** The note the next task of this flow reads. */
  handOver(note: string): void;
}

/** A custom step: does its work and returns; the dossier goes on to the step's `next`. */
export type CustomHandler = (context: CustomStepContext) => Promise<void>;

export function customStepContext(state: DossierState, step: CustomStep, flow: Flow): CustomStepContext {
  return {
    dossierCode: state.code,
    form: state.form,
    step,
    recordCheck: (record) => state.recordCheck(step.id, record),
    recordOutputs: (values) => state.recordOutputs(values),
    handOver: (note) => flow.handOver(note),
  };
}
