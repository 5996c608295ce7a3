/**
 * Checks a definition beyond its shape: every step reachable, every reference resolvable,
 * every condition about something that exists. The same function runs in
 * `npm run procedures:check`, at start-up (a broken definition never reaches a worker) and in
 * tests, so all three report the same messages.
 */
import { AGENCY_KINDS } from '../domain/agency-kinds';
import { CHECK_PARAMETERS } from './check-kinds';
import { references } from './conditions';
import { type Condition, type FormField, procedureSchema, type ProcedureDefinition } from './definition';
import { branchSteps, stepTargets } from './graph';
import { BUILT_IN_NUMBERING, numberingPatternProblem } from './numbering';

export { stepTargets } from './graph';

export interface DefinitionProblem {
  /** Where in the definition, e.g. `steps[2].actions[0].next`. */
  path: string;
  message: string;
}

export type DefinitionResult =
  | { ok: true; definition: ProcedureDefinition }
  | { ok: false; problems: DefinitionProblem[] };

/**
 * What the checker must know beyond the definition: the custom TypeScript workflows a
 * definition may name, with the custom steps each implements. Their one registry is
 * workflows/custom/index.ts; the caller passes it in (the engine does not import workflow code).
 */
export interface CheckContext {
  customWorkflows: Readonly<Record<string, readonly string[]>>;
}

export const NO_CUSTOM_WORKFLOWS: CheckContext = { customWorkflows: {} };

export function validateDefinition(input: unknown, context: CheckContext = NO_CUSTOM_WORKFLOWS): DefinitionResult {
  const CUSTOM_WORKFLOWS = context.customWorkflows;
  const parsed = procedureSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((i) => ({ path: formatPath(i.path) || '(root)', message: i.message })),
    };
  }
  const def = parsed.data;
  const problems: DefinitionProblem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });

  const steps = new Map<string, number>();
  def.steps.forEach((s, i) => {
    if (steps.has(s.id)) report(`steps[${i}].id`, `step id "${s.id}" is used twice`);
    steps.set(s.id, i);
  });
  const fields = new Map(def.form.fields.map((f) => [f.name, f]));
  const fees = new Set(def.fees.map((f) => f.id));
  const templates = new Set(Object.keys(def.notifications));
  const checkIds = new Set(def.steps.flatMap((s) => (s.kind === 'check' ? s.checks.map((c) => c.id) : [])));
  const inputs = new Set(
    def.steps.flatMap((s) =>
      s.kind === 'task' ? s.actions.flatMap((a) => (a.inputs ?? []).map((f) => f.name)) : s.kind === 'custom' ? s.outputs : [],
    ),
  );

  const needField = (path: string, name: string | undefined, type?: FormField['type']) => {
    if (name === undefined) return;
    const field = fields.get(name);
    if (!field) report(path, `form field "${name}" does not exist`);
    else if (type && field.type !== type) report(path, `form field "${name}" must be a ${type} field`);
  };
  const needTemplate = (path: string, name: string | undefined) => {
    if (name !== undefined && !templates.has(name)) report(path, `notification template "${name}" does not exist`);
  };
  const needCondition = (path: string, condition: Condition | undefined) => {
    if (!condition) return;
    for (const ref of references(condition, path)) {
      if (ref.field !== undefined) needField(ref.path, ref.field);
      if (ref.check !== undefined && !checkIds.has(ref.check)) report(ref.path, `check "${ref.check}" does not exist`);
    }
  };

  // Identity and routing.
  if (!AGENCY_KINDS.some((k) => k.kind === def.agencyKind)) report('agencyKind', `agency kind "${def.agencyKind}" is not known`);
  if (def.level === 'commune') {
    if (!def.form.communeField) report('form.communeField', 'a commune-level procedure needs the field that picks the commune');
    needField('form.communeField', def.form.communeField);
  } else {
    if (!def.form.provinceField) report('form.provinceField', 'a province-level procedure needs the field that picks the province');
    needField('form.provinceField', def.form.provinceField);
  }
  Object.entries(def.form.applicant).forEach(([k, v]) => needField(`form.applicant.${k}`, v));
  if (def.workflow && !CUSTOM_WORKFLOWS[def.workflow]) report('workflow', `workflow "${def.workflow}" is not registered`);
  def.processingRules?.forEach((r, i) => needCondition(`processingRules[${i}].when`, r.when));

  // The form and the documents.
  def.form.fields.forEach((f, i) => {
    const at = `form.fields[${i}]`;
    needCondition(`${at}.requiredWhen`, f.requiredWhen);
    if (f.type === 'select' && !f.options?.length && !f.optionsFrom) report(at, 'a select field needs options or optionsFrom');
    if (f.type === 'digits' && !f.length) report(at, 'a digits field needs a length');
  });
  if (fields.size !== def.form.fields.length) report('form.fields', 'two fields share a name');
  def.documents.forEach((d, i) => needCondition(`documents[${i}].requiredWhen`, d.requiredWhen));

  // Fees.
  def.fees.forEach((f, i) => {
    const at = `fees[${i}]`;
    f.cases?.forEach((c, j) => needCondition(`${at}.cases[${j}].when`, c.when));
    if (f.percent) {
      needField(`${at}.percent.ofField`, f.percent.ofField, 'number');
      f.percent.rates.forEach((r, j) => needCondition(`${at}.percent.rates[${j}].when`, r.when));
    }
    needField(`${at}.perUnitField`, f.perUnitField, 'number');
    f.exemptions.forEach((e, j) => needCondition(`${at}.exemptions[${j}].when`, e.when));
  });

  // Numbering schemes.
  Object.entries(def.numberingSchemes).forEach(([name, scheme]) => {
    const problem = numberingPatternProblem(scheme.pattern);
    if (problem) report(`numberingSchemes.${name}.pattern`, problem);
  });

  // Steps.
  def.steps.forEach((step, i) => {
    const at = `steps[${i}]`;
    for (const { path, target } of stepTargets(step, i)) {
      if (!steps.has(target)) report(path, `step "${target}" does not exist`);
    }
    needTemplate(`${at}.notify`, step.notify);
    switch (step.kind) {
      case 'task': {
        if (step.agencyKind && !AGENCY_KINDS.some((k) => k.kind === step.agencyKind))
          report(`${at}.agencyKind`, `agency kind "${step.agencyKind}" is not known`);
        const actionIds = new Set<string>();
        step.actions.forEach((a, j) => {
          if (actionIds.has(a.id)) report(`${at}.actions[${j}].id`, `action "${a.id}" is used twice`);
          actionIds.add(a.id);
          needTemplate(`${at}.actions[${j}].notify`, a.notify);
          a.inputs?.forEach((f, k) => {
            if (fields.has(f.name)) report(`${at}.actions[${j}].inputs[${k}].name`, `"${f.name}" is already a form field`);
          });
        });
        break;
      }
      case 'check':
        step.checks.forEach((c, j) => {
          const needs = CHECK_PARAMETERS[c.check];
          needs.input.forEach((p) => c.input[p] !== undefined || report(`${at}.checks[${j}].input`, `check "${c.check}" needs the parameter "${p}"`));
          Object.entries(c.input).forEach(([param, field]) => needField(`${at}.checks[${j}].input.${param}`, field));
          needs.params?.forEach((p) => c.params?.[p] !== undefined || report(`${at}.checks[${j}].params`, `check "${c.check}" needs the fixed parameter "${p}"`));
        });
        break;
      case 'branch':
        step.cases.forEach((c, j) => needCondition(`${at}.cases[${j}].when`, c.when));
        break;
      case 'parallel':
        step.branches.forEach((b, j) => {
          const inBranch = branchSteps(def, b.start, step.next);
          const arrives = [...inBranch].some((id) => {
            const k = steps.get(id)!;
            return stepTargets(def.steps[k], k).some((t) => t.target === step.next);
          });
          if (!arrives) report(`${at}.branches[${j}]`, `branch "${b.id}" never reaches the join step "${step.next}"`);
          if (inBranch.has(step.id)) report(`${at}.branches[${j}]`, `branch "${b.id}" leads back into its own parallel step`);
          for (const id of inBranch) {
            const kind = def.steps[steps.get(id)!].kind;
            if (['payment', 'supplement', 'issue', 'parallel'].includes(kind))
              report(`${at}.branches[${j}]`, `a ${kind} step ("${id}") cannot run inside a parallel branch`);
          }
        });
        if (!steps.has(step.next)) report(`${at}.next`, `step "${step.next}" does not exist`);
        break;
      case 'payment':
        step.fees.forEach((f, j) => fees.has(f) || report(`${at}.fees[${j}]`, `fee "${f}" does not exist`));
        break;
      case 'supplement':
        step.editableFields?.forEach((f, j) => needField(`${at}.editableFields[${j}]`, f));
        break;
      case 'issue': {
        const numbering = step.document.numbering;
        if (!def.numberingSchemes[numbering] && !BUILT_IN_NUMBERING[numbering])
          report(`${at}.document.numbering`, `numbering scheme "${numbering}" does not exist`);
        needField(`${at}.document.validity.notAfterField`, step.document.validity?.notAfterField, 'date');
        step.document.fields?.forEach((f, j) => {
          for (const [, scope, name] of f.value.matchAll(/\{\{(form|inputs)\.(\w+)\}\}/g)) {
            if (scope === 'form') needField(`${at}.document.fields[${j}].value`, name);
            else if (!inputs.has(name)) report(`${at}.document.fields[${j}].value`, `no action asks for the input "${name}" and no custom step records it`);
          }
        });
        break;
      }
      case 'custom':
        if (!def.workflow) report(`${at}.handler`, 'a custom step needs the custom workflow that implements it (field "workflow")');
        else if (CUSTOM_WORKFLOWS[def.workflow] && !CUSTOM_WORKFLOWS[def.workflow].includes(step.handler))
          report(`${at}.handler`, `workflow "${def.workflow}" has no step "${step.handler}"`);
        break;
      case 'end':
        break;
    }
  });
  needTemplate('submittedNotify', def.submittedNotify);
  if (!steps.has(def.start)) report('start', `step "${def.start}" does not exist`);

  const share = timeShare(def);
  if (share > def.processingDays)
    report('steps', `step time shares add up to ${share} working days, more than the ${def.processingDays} allowed`);

  // Every step must be reachable from the start, and some end step reachable from every step.
  const reachable = new Set<string>();
  if (steps.has(def.start)) {
    reachable.add(def.start);
    const queue = [def.start];
    while (queue.length) {
      const i = steps.get(queue.shift()!)!;
      const step = def.steps[i];
      const targets = stepTargets(step, i).map((t) => t.target);
      if (step.kind === 'parallel') targets.push(step.next);
      for (const target of targets) {
        if (steps.has(target) && !reachable.has(target)) {
          reachable.add(target);
          queue.push(target);
        }
      }
    }
    def.steps.forEach((s, i) => {
      if (!reachable.has(s.id)) report(`steps[${i}]`, `step "${s.id}" can never be reached`);
    });
  }
  // Grow the set of steps that lead to an end: a reachable step outside it would trap a dossier in a loop.
  const finishing = new Set(def.steps.filter((s) => s.kind === 'end').map((s) => s.id));
  for (let grew = true; grew; ) {
    grew = false;
    def.steps.forEach((s, i) => {
      const targets = stepTargets(s, i).map((t) => t.target);
      if (s.kind === 'parallel') targets.push(s.next);
      if (!finishing.has(s.id) && targets.some((t) => finishing.has(t))) {
        finishing.add(s.id);
        grew = true;
      }
    });
  }
  def.steps.forEach((s, i) => {
    if (finishing.size && reachable.has(s.id) && !finishing.has(s.id))
      report(`steps[${i}]`, `step "${s.id}" can never reach an end step`);
  });
  if (!def.steps.some((s) => s.kind === 'end')) report('steps', 'no end step');

  return problems.length ? { ok: false, problems } : { ok: true, definition: def };
}

/** Working days the tasks take: in a parallel step, the slowest branch counts. */
function timeShare(def: ProcedureDefinition): number {
  const inBranches = new Set<string>();
  let parallelDays = 0;
  for (const step of def.steps) {
    if (step.kind !== 'parallel') continue;
    const sums = step.branches.map((b) => {
      const ids = branchSteps(def, b.start, step.next);
      ids.forEach((id) => inBranches.add(id));
      return def.steps.filter((s) => ids.has(s.id)).reduce((sum, s) => sum + (s.kind === 'task' ? s.workingDays ?? 0 : 0), 0);
    });
    parallelDays += Math.max(0, ...sums);
  }
  const sequential = def.steps
    .filter((s) => !inBranches.has(s.id))
    .reduce((sum, s) => sum + (s.kind === 'task' ? s.workingDays ?? 0 : 0), 0);
  return Math.round((sequential + parallelDays) * 100) / 100;
}

/** Zod's path ['steps', 4, 'role'] in the notation of the other problems: `steps[4].role`. */
function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)),
    '',
  );
}
