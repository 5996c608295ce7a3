/**
 * What a dossier's current work is, read from its read-model row and the definition version it
 * runs on: the step of a task (by the task's own step id: two steps may offer an action with the
 * same id, and each has its own label, reason and inputs), and for the applicant the fields the
 * supplement step the dossier waits in lets them correct.
 */
import type { IDossier, ITask } from '../../db/entities';
import type { FormField, ProcedureDefinition, SupplementStep, TaskAction, TaskStep } from '../../engine/definition';
import { type FieldErrors, validateFields } from '../../engine/form';
import type { ReadModel } from './read-model';

export type ResolvedAction =
  /** No such task on this dossier: the workflow will say why (moved on, never existed). */
  | { kind: 'unknown-task' }
  /** The task and its step; `action` is absent when the step offers no action with that id. */
  | { kind: 'resolved'; task: ITask; step: TaskStep; action?: TaskAction };

export interface SupplementForm {
  step: SupplementStep;
  /** The fields the applicant may correct at this step, in the form's order. */
  fields: FormField[];
}

/** The task step a task belongs to. */
export function stepOfTask(definition: ProcedureDefinition, task: Pick<ITask, 'stepId'>): TaskStep | undefined {
  const step = definition.steps.find((s) => s.id === task.stepId);
  return step?.kind === 'task' ? step : undefined;
}

/** The supplement step the dossier is in now (its current step id), with its editable fields. */
export function currentSupplementForm(dossier: Pick<IDossier, 'stepId'>, definition: ProcedureDefinition): SupplementForm | undefined {
  const step = definition.steps.find((s) => s.id === dossier.stepId);
  if (step?.kind !== 'supplement') return undefined;
  const editable = step.editableFields;
  return { step, fields: editable ? definition.form.fields.filter((f) => editable.includes(f.name)) : definition.form.fields };
}

export interface SupplementAnswer {
  /** The whole form as it would be after the answer (stored values, corrected ones normalised). */
  form: Record<string, string>;
  /** The editable fields' values, as typed or normalised, to show the page again. */
  values: Record<string, string>;
  /** Field by field: wrong values of editable fields, and any value sent for another field. */
  errors: FieldErrors;
}

/**
 * Checks an applicant's answer to a supplement request against the step's editable fields. A
 * value sent for a field the step does not let them correct is refused by name (unless it is
 * the value already on file), never dropped without a word.
 */
export function checkSupplementAnswer(
  definition: ProcedureDefinition,
  supplement: SupplementForm,
  stored: Record<string, string>,
  posted: Record<string, string>,
  today: string,
): SupplementAnswer {
  const editable = supplement.fields.map((f) => f.name);
  const errors: FieldErrors = {};
  for (const [name, value] of Object.entries(posted)) {
    if (editable.includes(name)) continue;
    const field = definition.form.fields.find((f) => f.name === name);
    if (!field) {
      errors[name] = `Mục "${name}" không có trong tờ khai.`;
      continue;
    }
    const asStored = validateFields([field], { [name]: value }, today).values[name];
    if (asStored !== (stored[name] ?? '')) errors[name] = `${field.label}: không được sửa ở lần bổ sung này (chỉ sửa các mục có trên trang).`;
  }
  const answered = Object.fromEntries(editable.map((name) => [name, posted[name] ?? '']));
  const checked = validateFields(definition.form.fields, { ...stored, ...answered }, today, editable);
  const values = Object.fromEntries(editable.map((name) => [name, checked.values[name]]));
  return { form: { ...stored, ...values }, values, errors: { ...(checked.ok ? {} : checked.errors), ...errors } };
}

export class TaskService {
  constructor(private readonly readModel: ReadModel) {}

  /** The task an official acts on, its step, and the action of that step they chose. */
  async resolveAction(dossier: IDossier, definition: ProcedureDefinition, taskKey: string, actionId: string): Promise<ResolvedAction> {
    const task = await this.readModel.taskOf(dossier, taskKey);
    const step = task ? stepOfTask(definition, task) : undefined;
    if (!task || !step) return { kind: 'unknown-task' };
    return { kind: 'resolved', task, step, action: step.actions.find((a) => a.id === actionId) };
  }

  /** The step of a task, for the task panels of the dossier page. */
  taskStep(definition: ProcedureDefinition, task: Pick<ITask, 'stepId'>): TaskStep | undefined {
    return stepOfTask(definition, task);
  }

  /** What the applicant may correct now; undefined when the dossier waits for no supplement. */
  supplementForm(dossier: Pick<IDossier, 'stepId'>, definition: ProcedureDefinition): SupplementForm | undefined {
    return currentSupplementForm(dossier, definition);
  }

  checkSupplementAnswer(
    dossier: Pick<IDossier, 'form'>,
    definition: ProcedureDefinition,
    supplement: SupplementForm,
    posted: Record<string, string>,
    today: string,
  ): SupplementAnswer {
    return checkSupplementAnswer(definition, supplement, dossier.form, posted, today);
  }
}
