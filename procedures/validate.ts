/**
 * Checks a definition beyond its shape: every step reachable and every reference resolvable.
 * The same function runs at start-up (a broken definition never reaches a worker) and in tests.
 */
import { procedureSchema, type ProcedureDefinition, type Step } from './definition';

export interface DefinitionProblem {
  /** Where in the definition, e.g. `steps[2].actions[0].next`. */
  path: string;
  message: string;
}

export type DefinitionResult =
  | { ok: true; definition: ProcedureDefinition }
  | { ok: false; problems: DefinitionProblem[] };

/** Step ids a step can lead to, with the path of each reference. */
export function stepTargets(step: Step, index: number): { path: string; target: string }[] {
  const at = `steps[${index}]`;
  switch (step.kind) {
    case 'task':
      return step.actions.map((a, i) => ({ path: `${at}.actions[${i}].next`, target: a.next }));
    case 'check':
      return [
        { path: `${at}.next`, target: step.next },
        { path: `${at}.onMismatch`, target: step.onMismatch },
      ];
    case 'payment':
      return [
        { path: `${at}.next`, target: step.next },
        { path: `${at}.onTimeout`, target: step.onTimeout },
      ];
    case 'supplement':
    case 'issue':
      return [{ path: `${at}.next`, target: step.next }];
    case 'end':
      return [];
  }
}

export function validateDefinition(input: unknown): DefinitionResult {
  const parsed = procedureSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({ path: formatPath(i.path) || '(root)', message: i.message })),
    };
  }
  const def = parsed.data;
  const problems: DefinitionProblem[] = [];
  const steps = new Map<string, number>();
  def.steps.forEach((s, i) => {
    if (steps.has(s.id)) problems.push({ path: `steps[${i}].id`, message: `step id "${s.id}" is used twice` });
    steps.set(s.id, i);
  });
  const fields = new Set(def.form.fields.map((f) => f.name));
  const fees = new Set(def.fees.map((f) => f.id));
  const templates = new Set(Object.keys(def.notifications));
  const needField = (path: string, name: string | undefined) => {
    if (name !== undefined && !fields.has(name)) problems.push({ path, message: `form field "${name}" does not exist` });
  };
  const needTemplate = (path: string, name: string | undefined) => {
    if (name !== undefined && !templates.has(name))
      problems.push({ path, message: `notification template "${name}" does not exist` });
  };

  if (!steps.has(def.start)) problems.push({ path: 'start', message: `step "${def.start}" does not exist` });
  needTemplate('submittedNotify', def.submittedNotify);
  needField('form.provinceField', def.form.provinceField);
  Object.entries(def.form.applicant).forEach(([k, v]) => needField(`form.applicant.${k}`, v));
  def.form.fields.forEach((f, i) => {
    const at = `form.fields[${i}]`;
    if (f.requiredWhen) needField(`${at}.requiredWhen.field`, f.requiredWhen.field);
    if (f.type === 'select' && !f.options?.length && !f.optionsFrom)
      problems.push({ path: at, message: 'a select field needs options or optionsFrom' });
    if (f.type === 'digits' && !f.length) problems.push({ path: at, message: 'a digits field needs a length' });
  });
  if (new Set(def.form.fields.map((f) => f.name)).size !== def.form.fields.length)
    problems.push({ path: 'form.fields', message: 'two fields share a name' });
  def.documents.forEach((d, i) => d.requiredWhen && needField(`documents[${i}].requiredWhen.field`, d.requiredWhen.field));

  let sharedDays = 0;
  def.steps.forEach((step, i) => {
    const at = `steps[${i}]`;
    for (const { path, target } of stepTargets(step, i)) {
      if (!steps.has(target)) problems.push({ path, message: `step "${target}" does not exist` });
    }
    needTemplate(`${at}.notify`, step.notify);
    if (step.kind === 'task') {
      sharedDays += step.workingDays ?? 0;
      const actionIds = new Set<string>();
      step.actions.forEach((a, j) => {
        if (actionIds.has(a.id)) problems.push({ path: `${at}.actions[${j}].id`, message: `action "${a.id}" is used twice` });
        actionIds.add(a.id);
        needTemplate(`${at}.actions[${j}].notify`, a.notify);
      });
    }
    if (step.kind === 'check') {
      step.checks.forEach((c, j) => Object.entries(c.input).forEach(([param, field]) => needField(`${at}.checks[${j}].input.${param}`, field)));
    }
    if (step.kind === 'payment') {
      step.fees.forEach((f, j) => fees.has(f) || problems.push({ path: `${at}.fees[${j}]`, message: `fee "${f}" does not exist` }));
    }
    if (step.kind === 'supplement') {
      step.editableFields?.forEach((f, j) => needField(`${at}.editableFields[${j}]`, f));
    }
  });
  if (sharedDays > def.processingDays)
    problems.push({
      path: 'steps',
      message: `step time shares add up to ${sharedDays} working days, more than the ${def.processingDays} allowed`,
    });

  // Every step must be reachable from the start, and some end step reachable from every step.
  const reachable = new Set<string>();
  if (steps.has(def.start)) {
    reachable.add(def.start);
    const queue = [def.start];
    while (queue.length) {
      const i = steps.get(queue.shift()!)!;
      for (const { target } of stepTargets(def.steps[i], i)) {
        if (steps.has(target) && !reachable.has(target)) {
          reachable.add(target);
          queue.push(target);
        }
      }
    }
    def.steps.forEach((s, i) => {
      if (!reachable.has(s.id)) problems.push({ path: `steps[${i}]`, message: `step "${s.id}" can never be reached` });
    });
  }
  // Grow the set of steps that lead to an end: a reachable step outside it would trap a dossier in a loop.
  const finishing = new Set(def.steps.filter((s) => s.kind === 'end').map((s) => s.id));
  for (let grew = true; grew; ) {
    grew = false;
    def.steps.forEach((s, i) => {
      if (!finishing.has(s.id) && stepTargets(s, i).some(({ target }) => finishing.has(target))) {
        finishing.add(s.id);
        grew = true;
      }
    });
  }
  def.steps.forEach((s, i) => {
    if (finishing.size && reachable.has(s.id) && !finishing.has(s.id))
      problems.push({ path: `steps[${i}]`, message: `step "${s.id}" can never reach an end step` });
  });
  if (!def.steps.some((s) => s.kind === 'end')) problems.push({ path: 'steps', message: 'no end step' });

  return problems.length ? { ok: false, problems } : { ok: true, definition: def };
}

/** Zod's path ['steps', 4, 'role'] in the notation of the other problems: `steps[4].role`. */
function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
    '',
  );
}
