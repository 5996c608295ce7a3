/**
 * Checks a definition: its shape (the schema in definition.ts) and beyond it, every step
 * reachable, every reference resolvable, every condition about a field and a value that exist.
 * The same function runs in `npm run procedures:check`, at start-up (a broken definition never
 * reaches a worker) and in tests, so all three report the same messages.
 *
 * Every problem comes in one pass: when the shape is wrong somewhere, each part that is right
 * on its own (a step, a field, a fee) is still checked, and names from the broken parts still
 * count as known, so one mistake is reported once and not again as its consequences (a step id
 * misspelt is not also "never reached"). Paths name steps, actions, fields, fees and documents by
 * their id, as the author wrote them: `steps.intake.actions.accept.next`.
 */
import type { z } from 'zod';
import { AGENCY_KINDS } from '../domain/agency-kinds';
import { CHECK_PARAMETERS } from './check-kinds';
import {
  type Condition,
  type Document,
  documentSchema,
  type Fee,
  feeSchema,
  type FormField,
  formFieldSchema,
  numberingSchemeSchema,
  procedureSchema,
  type ProcedureDefinition,
  type ProcessingRule,
  processingRuleSchema,
  type Step,
  stepSchema,
} from './definition';
import { fieldOptions } from './form';
import { BUILT_IN_NUMBERING, numberingPatternProblem } from './numbering';

export interface DefinitionProblem {
  /** Where in the definition, by ids: `steps.intake.actions.accept.next`. */
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

/** A place in the definition as the input holds it: keys and array indices. */
export type Path = readonly (string | number)[];

type Raw = Record<string, unknown>;

const isRecord = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);
const textOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const listOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const recordOf = (value: unknown): Raw => (isRecord(value) ? value : {});

// ---------------------------------------------------------------------------------------------
// Paths

const ARRAY_KEY = /^[A-Za-z][A-Za-z0-9-]*$/;

/** How an element of a list is named in a path: its id, or the name of a field; else its index. */
function elementKey(element: unknown): string | undefined {
  if (!isRecord(element)) return undefined;
  for (const key of ['id', 'name']) {
    const value = element[key];
    if (typeof value === 'string' && ARRAY_KEY.test(value)) return value;
  }
  return undefined;
}

/**
 * A path in the one notation of every problem, read against the input so that list elements
 * are named by their id: ['steps', 4, 'actions', 0, 'next'] → `steps.intake.actions.accept.next`.
 */
export function formatPath(input: unknown, path: readonly PropertyKey[]): string {
  let node: unknown = input;
  let text = '';
  for (const key of path) {
    if (typeof key === 'number' && Array.isArray(node)) {
      const element = node[key];
      const name = elementKey(element);
      text += name ? `.${name}` : `[${key}]`;
      node = element;
    } else {
      text += `.${String(key)}`;
      node = isRecord(node) ? node[String(key)] : undefined;
    }
  }
  return text.replace(/^\./, '') || '(root)';
}

// ---------------------------------------------------------------------------------------------
// Messages

const show = (value: unknown): string =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? JSON.stringify(value)
    : Array.isArray(value)
      ? 'a list'
      : value === null
        ? 'null'
        : typeof value === 'object'
          ? 'an object'
          : String(value);

const TYPE_NAMES: Record<string, string> = {
  string: 'a text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  record: 'an object',
};

/** `(steps: a, b, c)`: the known values a message lists. */
function known(label: string, values: Iterable<string | number>): string {
  const list = [...values];
  return `(${label}: ${list.length ? list.join(', ') : 'none'})`;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

/** The one known name a misspelling most likely meant, if one is close enough. */
function closest(name: string, names: Iterable<string>): string | undefined {
  const near = [...names].filter((n) => distance(name.toLowerCase(), n.toLowerCase()) <= Math.min(2, Math.floor(n.length / 3)));
  return near.length === 1 ? near[0] : undefined;
}

function notFound(what: string, name: string, label: string, names: Iterable<string>): string {
  const list = [...names];
  const guess = closest(name, list);
  return `${what} "${name}" does not exist${guess ? `, did you mean "${guess}"?` : ''} ${known(label, list)}`;
}

/**
 * Messages for the shape errors that the schema does not word itself: what was expected, what
 * was found, and the known values or keys.
 */
function shapeMessage(issue: z.core.$ZodRawIssue): string | undefined {
  const last = issue.path?.at(-1);
  const key = typeof last === 'string' ? last : 'value';
  switch (issue.code) {
    case 'invalid_type': {
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      return issue.input === undefined ? `missing (${expected})` : `expected ${expected}, got ${show(issue.input)}`;
    }
    case 'invalid_value':
      return issue.input === undefined
        ? `missing ${known('one of', issue.values.map(String))}`
        : `${key} ${show(issue.input)} is not known ${known('known', issue.values.map(String))}`;
    case 'unrecognized_keys': {
      const shape = (issue.inst as { shape?: object } | undefined)?.shape;
      const keys = issue.keys.map((k) => `"${k}"`).join(', ');
      return `unknown key${issue.keys.length > 1 ? 's' : ''} ${keys}${shape ? ` ${known('known', Object.keys(shape))}` : ''}`;
    }
    case 'invalid_union': {
      if ('discriminator' in issue && issue.discriminator) {
        const value = isRecord(issue.input) ? issue.input[issue.discriminator] : undefined;
        const kinds = known('known', ((issue as { options?: unknown[] }).options ?? []).map(String));
        return value === undefined ? `missing ${issue.discriminator} ${kinds}` : `${issue.discriminator} ${show(value)} is not known ${kinds}`;
      }
      // A condition: what is wrong with the form it comes closest to.
      const nearest = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
      const details = nearest.map((i) => (i.path.length ? `${formatPath(issue.input, i.path)}: ${i.message}` : i.message)).join('; ');
      return `not a condition${details ? `: ${details}` : ''}`;
    }
    case 'too_small':
      if (issue.origin === 'array') return Number(issue.minimum) === 1 ? 'needs at least one' : `needs at least ${issue.minimum}`;
      if (issue.origin === 'string') return 'must not be empty';
      return `must be at least ${issue.minimum}, got ${show(issue.input)}`;
    case 'too_big':
      return `must be at most ${issue.maximum}, got ${show(issue.input)}`;
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// The parts of a definition

type Holes<T> = (T | undefined)[];

/** What the checks read: each part that is right on its own, at the index it has in the input. */
interface Parts {
  def: Partial<Omit<ProcedureDefinition, 'steps' | 'fees' | 'documents' | 'form' | 'processingRules'>>;
  steps: Holes<Step>;
  fees: Holes<Fee>;
  documents: Holes<Document>;
  fields: Holes<FormField>;
  rules: Holes<ProcessingRule>;
  form: { provinceField?: string; communeField?: string; applicant: Record<string, string | undefined> };
}

function partsOf(input: Raw, parsed: ProcedureDefinition | undefined): Parts {
  if (parsed) {
    const { steps, fees, documents, form, processingRules, ...def } = parsed;
    return { def, steps, fees, documents, fields: form.fields, rules: processingRules ?? [], form };
  }
  const one = <T>(schema: z.ZodType<T>, value: unknown): T | undefined => {
    const result = schema.safeParse(value);
    return result.success ? result.data : undefined;
  };
  const each = <T>(schema: z.ZodType<T>, value: unknown): Holes<T> => listOf(value).map((v) => one(schema, v));
  const shape = procedureSchema.shape;
  const form = recordOf(input.form);
  const schemes = recordOf(input.numberingSchemes);
  return {
    def: {
      level: one(shape.level, input.level),
      agencyKind: textOf(input.agencyKind),
      workflow: textOf(input.workflow),
      processingDays: one(shape.processingDays, input.processingDays),
      timeLimit: one(shape.timeLimit, input.timeLimit),
      numberingSchemes: Object.fromEntries(
        Object.entries(schemes).flatMap(([name, scheme]) => {
          const ok = one(numberingSchemeSchema, scheme);
          return ok ? [[name, ok]] : [];
        }),
      ),
    },
    steps: each(stepSchema, input.steps),
    fees: each(feeSchema, input.fees),
    documents: each(documentSchema, input.documents),
    fields: each(formFieldSchema, form.fields),
    rules: each(processingRuleSchema, input.processingRules),
    form: {
      provinceField: textOf(form.provinceField),
      communeField: textOf(form.communeField),
      applicant: Object.fromEntries(Object.entries(recordOf(form.applicant)).map(([k, v]) => [k, textOf(v)])),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The step graph, read from the input so that a step with a shape error still has its exits

interface Exit {
  path: Path;
  target: string;
}

interface Node {
  id: string;
  index: number;
  kind: unknown;
  exits: Exit[];
  /** A parallel step's join. */
  join?: Exit;
  /** False when a shape error hides where the step leads. */
  exitsKnown: boolean;
  workingDays?: number;
}

const EXIT_KEYS = new Set(['next', 'onMismatch', 'onTimeout', 'otherwise', 'actions', 'cases', 'branches', 'kind']);

function nodeOf(step: unknown, index: number, exitsBroken: boolean): Node | undefined {
  if (!isRecord(step) || typeof step.id !== 'string') return undefined;
  const at = ['steps', index];
  const exits: Exit[] = [];
  const add = (path: Path, target: unknown) => typeof target === 'string' && exits.push({ path, target });
  listOf(step.actions).forEach((a, j) => add([...at, 'actions', j, 'next'], recordOf(a).next));
  listOf(step.cases).forEach((c, j) => add([...at, 'cases', j, 'next'], recordOf(c).next));
  listOf(step.branches).forEach((b, j) => add([...at, 'branches', j, 'start'], recordOf(b).start));
  if (step.kind !== 'parallel') add([...at, 'next'], step.next);
  for (const key of ['onMismatch', 'onTimeout', 'otherwise']) add([...at, key], step[key]);
  const join = step.kind === 'parallel' && typeof step.next === 'string' ? { path: [...at, 'next'], target: step.next } : undefined;
  return {
    id: step.id,
    index,
    kind: step.kind,
    exits,
    join,
    exitsKnown: !exitsBroken,
    workingDays:
      step.kind !== 'task'
        ? undefined
        : typeof step.workingDays === 'number'
          ? step.workingDays
          : isRecord(step.timeLimit) && step.timeLimit.unit === 'working-days' && typeof step.timeLimit.amount === 'number'
            ? step.timeLimit.amount
            : undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// The check

type FieldCondition = Extract<Condition, { field: string }>;
type CheckCondition = Extract<Condition, { check: string }>;

function* leaves(condition: Condition, path: Path): Generator<{ path: Path; leaf: FieldCondition | CheckCondition }> {
  if ('all' in condition) for (const [i, c] of condition.all.entries()) yield* leaves(c, [...path, 'all', i]);
  else if ('any' in condition) for (const [i, c] of condition.any.entries()) yield* leaves(c, [...path, 'any', i]);
  else if ('not' in condition) yield* leaves(condition.not, [...path, 'not']);
  else yield { path, leaf: condition };
}

/** Field attributes that only mean something for some field types; elsewhere they would be ignored. */
const ATTRIBUTE_TYPES: Partial<Record<keyof FormField, readonly FormField['type'][]>> = {
  options: ['select'],
  optionsFrom: ['select'],
  length: ['digits'],
  maxLength: ['text', 'textarea'],
  min: ['number'],
  max: ['number'],
  dateRange: ['date'],
};

/** Fields a condition may read: by name, with undefined for a field whose own shape is wrong. */
interface FieldScope {
  label: string;
  fields: Map<string, FormField | undefined>;
}

function scopeOf(label: string, raw: unknown[], parsed: Holes<FormField>): FieldScope {
  const fields = new Map<string, FormField | undefined>();
  raw.forEach((f, i) => {
    const name = textOf(recordOf(f).name);
    if (name !== undefined && !fields.has(name)) fields.set(name, parsed[i]);
  });
  return { label, fields };
}

function optionsText(field: FormField): string {
  const options = fieldOptions(field);
  const source = field.optionsFrom ? `${field.optionsFrom === 'provinces' ? 'province' : 'commune'} codes of domain/${field.optionsFrom}.ts` : 'options';
  return known(source, options.map((o) => o.value));
}

export function validateDefinition(input: unknown, context: CheckContext = NO_CUSTOM_WORKFLOWS): DefinitionResult {
  const customWorkflows = context.customWorkflows;
  const problems: DefinitionProblem[] = [];
  const seen = new Set<string>();
  const report = (path: Path, message: string) => {
    const problem = { path: formatPath(input, path), message };
    const key = `${problem.path}\n${message}`;
    if (!seen.has(key)) problems.push(problem);
    seen.add(key);
  };

  const parsed = procedureSchema.safeParse(input, { error: shapeMessage });
  const issues = parsed.success ? [] : parsed.error.issues;
  for (const issue of issues) report(issue.path as Path, issue.message);
  if (!isRecord(input)) return { ok: false, problems };

  const { def, steps, fees, documents, fields, rules, form } = partsOf(input, parsed.success ? parsed.data : undefined);
  const rawSteps = listOf(input.steps);
  const rawForm = recordOf(input.form);

  // Names the definition declares, also in parts whose shape is wrong: a reference to them is fine.
  const names = (list: unknown[], key = 'id') => list.map((x) => textOf(recordOf(x)[key])).filter((x): x is string => x !== undefined);
  const stepIds = new Set(names(rawSteps));
  const feeIds = new Set(names(listOf(input.fees)));
  const templates = new Set(Object.keys(recordOf(input.notifications)));
  const checkIds = new Set(rawSteps.flatMap((s) => names(listOf(recordOf(s).checks))));
  const inputNames = new Set(
    rawSteps.flatMap((s) => [
      ...listOf(recordOf(s).actions).flatMap((a) => names(listOf(recordOf(a).inputs), 'name')),
      ...listOf(recordOf(s).outputs).filter((o): o is string => typeof o === 'string'),
    ]),
  );
  const formScope = scopeOf('fields', listOf(rawForm.fields), fields);

  const needField = (path: Path, name: string | undefined, type?: FormField['type'], scope = formScope) => {
    if (name === undefined) return;
    if (!scope.fields.has(name)) report(path, notFound('form field', name, scope.label, scope.fields.keys()));
    else {
      const field = scope.fields.get(name);
      if (type && field && field.type !== type) report(path, `form field "${name}" must be a ${type} field, not ${field.type}`);
    }
  };
  const needTemplate = (path: Path, name: unknown) => {
    if (typeof name === 'string' && !templates.has(name)) report(path, notFound('notification template', name, 'templates', templates));
  };
  const needCondition = (path: Path, condition: Condition | undefined, scope = formScope) => {
    if (!condition) return;
    for (const { path: at, leaf } of leaves(condition, path)) {
      if ('check' in leaf) {
        if (!checkIds.has(leaf.check)) report([...at, 'check'], notFound('check', leaf.check, 'checks', checkIds));
        continue;
      }
      needField([...at, 'field'], leaf.field, undefined, scope);
      const field = scope.fields.get(leaf.field);
      if (!field) continue;
      // A select without options is reported at the field; its values are not judged again.
      if (field.type === 'select' && fieldOptions(field).length) {
        for (const key of ['in', 'notIn'] as const) {
          leaf[key]?.forEach((value, k) => {
            // "" is the answer left empty, which a condition may test.
            if (value !== '' && !fieldOptions(field).some((o) => o.value === value))
              report([...at, key, k], `"${value}" is not an option of the field "${field.name}" ${optionsText(field)}`);
          });
        }
      }
      for (const key of ['min', 'max'] as const) {
        if (leaf[key] !== undefined && field.type !== 'number')
          report([...at, key], `${key} compares numbers, but "${field.name}" is a ${field.type} field`);
      }
    }
  };
  const checkField = (path: Path, field: FormField, scope: FieldScope) => {
    needCondition([...path, 'requiredWhen'], field.requiredWhen, scope);
    if (field.type === 'select' && !field.options?.length && !field.optionsFrom) report(path, 'a select field needs options or optionsFrom');
    if (field.type === 'digits' && !field.length) report(path, 'a digits field needs a length');
    for (const [attribute, types] of Object.entries(ATTRIBUTE_TYPES)) {
      if (field[attribute as keyof FormField] !== undefined && !types.includes(field.type))
        report([...path, attribute], `${attribute} applies to ${types.join(' and ')} fields, and "${field.name}" is a ${field.type} field`);
    }
  };

  // Identity and routing.
  const agencyKinds = AGENCY_KINDS.map((k) => k.kind);
  const needAgencyKind = (path: Path, kind: string | undefined) => {
    if (kind !== undefined && !agencyKinds.includes(kind)) report(path, `agency kind "${kind}" is not known ${known('agency kinds', agencyKinds)}`);
  };
  needAgencyKind(['agencyKind'], def.agencyKind);
  if (def.level === 'commune') {
    if (!form.communeField) report(['form', 'communeField'], 'a commune-level procedure needs the field that picks the commune');
    needField(['form', 'communeField'], form.communeField);
  } else if (def.level) {
    if (!form.provinceField) report(['form', 'provinceField'], 'a province-level procedure needs the field that picks the province');
    needField(['form', 'provinceField'], form.provinceField);
  }
  Object.entries(form.applicant).forEach(([k, v]) => needField(['form', 'applicant', k], v));
  if (def.workflow && !customWorkflows[def.workflow])
    report(['workflow'], `workflow "${def.workflow}" is not registered ${known('registered', Object.keys(customWorkflows))}`);
  rules.forEach((r, i) => needCondition(['processingRules', i, 'when'], r?.when));

  // Time limits: each said once, in one way (working days as a number, or a limit with its unit).
  if (input.processingDays === undefined && input.timeLimit === undefined)
    report(['processingDays'], 'a procedure needs its time limit: processingDays (working days) or timeLimit (with its unit)');
  if (input.processingDays !== undefined && input.timeLimit !== undefined)
    report(['timeLimit'], 'give the time limit once: processingDays or timeLimit, not both');
  rules.forEach((r, i) => {
    if (!r) return;
    if (r.days === undefined && r.timeLimit === undefined) report(['processingRules', i], 'a rule needs its time limit: days (working days) or timeLimit');
    if (r.days !== undefined && r.timeLimit !== undefined) report(['processingRules', i, 'timeLimit'], 'give the rule\'s time limit once: days or timeLimit, not both');
  });

  // The form and the documents.
  fields.forEach((f, i) => f && checkField(['form', 'fields', i], f, formScope));
  const fieldNames = names(listOf(rawForm.fields), 'name');
  fieldNames.forEach((name, i) => {
    if (fieldNames.indexOf(name) !== i) report(['form', 'fields'], `two fields are named "${name}"`);
  });
  documents.forEach((d, i) => needCondition(['documents', i, 'requiredWhen'], d?.requiredWhen));

  // Fees.
  fees.forEach((f, i) => {
    if (!f) return;
    const at = ['fees', i];
    f.cases?.forEach((c, j) => needCondition([...at, 'cases', j, 'when'], c.when));
    if (f.percent) {
      needField([...at, 'percent', 'ofField'], f.percent.ofField, 'number');
      f.percent.rates.forEach((r, j) => needCondition([...at, 'percent', 'rates', j, 'when'], r.when));
    }
    needField([...at, 'perUnitField'], f.perUnitField, 'number');
    f.exemptions.forEach((e, j) => needCondition([...at, 'exemptions', j, 'when'], e.when));
  });

  // Numbering schemes.
  Object.entries(def.numberingSchemes ?? {}).forEach(([name, scheme]) => {
    const problem = numberingPatternProblem(scheme.pattern);
    if (problem) report(['numberingSchemes', name, 'pattern'], problem);
  });
  const schemeNames = [...Object.keys(recordOf(input.numberingSchemes)), ...Object.keys(BUILT_IN_NUMBERING).map((n) => `${n} (built-in)`)];

  // The graph: exits of every step, and whether a shape error hides some of them.
  const brokenExits = new Set(
    issues.filter((i) => i.path[0] === 'steps' && typeof i.path[1] === 'number' && (i.path.length === 2 || EXIT_KEYS.has(String(i.path[2])))).map((i) => i.path[1] as number),
  );
  const nodes = new Map<string, Node>();
  rawSteps.forEach((s, i) => {
    const node = nodeOf(s, i, brokenExits.has(i));
    if (!node) return;
    if (nodes.has(node.id)) report(['steps', i, 'id'], `step id "${node.id}" is used twice`);
    else nodes.set(node.id, node);
  });
  // A step that a misspelt reference was meant to reach would be reported again as unreachable:
  // with a reference unresolved (or exits hidden by a shape error), reachability is not judged.
  let graphComplete = [...nodes.values()].every((n) => n.exitsKnown);
  const resolve = (exit: Exit): string | undefined => {
    if (nodes.has(exit.target)) return exit.target;
    report(exit.path, notFound('step', exit.target, 'steps', nodes.keys()));
    graphComplete = false;
    return undefined;
  };
  const targets = new Map<string, string[]>();
  const unresolved = new Set<string>();
  for (const node of nodes.values()) {
    const out: string[] = [];
    for (const exit of node.join ? [...node.exits, node.join] : node.exits) {
      const target = resolve(exit);
      if (target) out.push(target);
      else unresolved.add(node.id);
    }
    targets.set(node.id, out);
  }
  const startId = textOf(input.start);
  const start = startId === undefined ? undefined : resolve({ path: ['start'], target: startId });

  /** The steps of a parallel branch: reachable from its start without passing the join or an end. */
  const branchMembers = (from: string, join: string): Set<string> => {
    const members = new Set<string>();
    const queue = [from];
    while (queue.length) {
      const id = queue.shift()!;
      const node = nodes.get(id);
      if (id === join || members.has(id) || !node || node.kind === 'end') continue;
      members.add(id);
      queue.push(...node.exits.map((e) => e.target));
    }
    return members;
  };

  // Steps.
  steps.forEach((step, i) => {
    const at = ['steps', i];
    // Templates are read from the input: a step whose shape is wrong elsewhere still names them.
    const raw = recordOf(rawSteps[i]);
    needTemplate([...at, 'notify'], raw.notify);
    listOf(raw.actions).forEach((a, j) => needTemplate([...at, 'actions', j, 'notify'], recordOf(a).notify));
    if (!step) return;
    switch (step.kind) {
      case 'task': {
        needAgencyKind([...at, 'agencyKind'], step.agencyKind);
        if (step.workingDays !== undefined && step.timeLimit !== undefined)
          report([...at, 'timeLimit'], 'give the step\'s time limit once: workingDays or timeLimit, not both');
        if (step.remindBefore?.unit === 'calendar-days') report([...at, 'remindBefore', 'unit'], 'a reminder is set in working hours or working days');
        const actionIds = new Set<string>();
        step.actions.forEach((a, j) => {
          if (actionIds.has(a.id)) report([...at, 'actions', j, 'id'], `action "${a.id}" is used twice in step "${step.id}"`);
          actionIds.add(a.id);
          const inputs = a.inputs ?? [];
          const scope = scopeOf(`inputs of action "${a.id}"`, inputs, inputs);
          inputs.forEach((f, k) => {
            const path = [...at, 'actions', j, 'inputs', k];
            if (formScope.fields.has(f.name)) report([...path, 'name'], `"${f.name}" is already a form field`);
            checkField(path, f, scope);
          });
        });
        break;
      }
      case 'check':
        step.checks.forEach((c, j) => {
          const path = [...at, 'checks', j];
          const needs = CHECK_PARAMETERS[c.check];
          const allParams = [...(needs.params ?? []), ...(needs.optionalParams ?? [])];
          needs.input.forEach((p) => {
            if (c.input[p] === undefined) report([...path, 'input'], `check "${c.check}" needs the parameter "${p}" ${known('parameters', needs.input)}`);
          });
          Object.entries(c.input).forEach(([param, field]) => {
            if (!needs.input.includes(param)) report([...path, 'input', param], `check "${c.check}" has no parameter "${param}" ${known('parameters', needs.input)}`);
            else needField([...path, 'input', param], field);
          });
          needs.params?.forEach((p) => {
            if (c.params?.[p] === undefined) report([...path, 'params'], `check "${c.check}" needs the fixed parameter "${p}" ${known('fixed parameters', allParams)}`);
          });
          Object.keys(c.params ?? {}).forEach((param) => {
            if (!allParams.includes(param)) report([...path, 'params', param], `check "${c.check}" has no fixed parameter "${param}" ${known('fixed parameters', allParams)}`);
          });
        });
        break;
      case 'branch':
        step.cases.forEach((c, j) => needCondition([...at, 'cases', j, 'when'], c.when));
        break;
      case 'parallel':
        step.branches.forEach((b, j) => {
          if (!nodes.has(step.next)) return;
          const members = branchMembers(b.start, step.next);
          const path = [...at, 'branches', j];
          const judged = [...members].every((id) => nodes.get(id)!.exitsKnown && !unresolved.has(id));
          if (judged && ![...members].some((id) => targets.get(id)!.includes(step.next)))
            report(path, `branch "${b.id}" never reaches the join step "${step.next}"`);
          if (members.has(step.id)) report(path, `branch "${b.id}" leads back into its own parallel step`);
          for (const id of members) {
            const kind = nodes.get(id)!.kind;
            if (kind === 'payment' || kind === 'supplement' || kind === 'issue' || kind === 'parallel')
              report(path, `a ${kind} step ("${id}") cannot run inside a parallel branch`);
          }
        });
        break;
      case 'payment':
        step.fees.forEach((f, j) => {
          if (!feeIds.has(f)) report([...at, 'fees', j], notFound('fee', f, 'fees', feeIds));
        });
        break;
      case 'supplement':
        step.editableFields?.forEach((f, j) => needField([...at, 'editableFields', j], f));
        break;
      case 'issue': {
        const numbering = step.document.numbering;
        if (!(numbering in recordOf(input.numberingSchemes)) && !BUILT_IN_NUMBERING[numbering])
          report([...at, 'document', 'numbering'], `numbering scheme "${numbering}" does not exist ${known('schemes', schemeNames)}`);
        needField([...at, 'document', 'validity', 'notAfterField'], step.document.validity?.notAfterField, 'date');
        step.document.fields?.forEach((f, j) => {
          for (const [, scope, name] of f.value.matchAll(/\{\{(form|inputs)\.(\w+)\}\}/g)) {
            const path = [...at, 'document', 'fields', j, 'value'];
            if (scope === 'form') needField(path, name);
            else if (!inputNames.has(name))
              report(path, `no action asks for the input "${name}" and no custom step records it ${known('inputs', inputNames)}`);
          }
        });
        break;
      }
      case 'custom': {
        const handlers = def.workflow ? customWorkflows[def.workflow] : undefined;
        if (!def.workflow) report([...at, 'handler'], 'a custom step needs the custom workflow that implements it (field "workflow")');
        else if (handlers && !handlers.includes(step.handler))
          report([...at, 'handler'], `workflow "${def.workflow}" has no step "${step.handler}" ${known('steps', handlers)}`);
        break;
      }
      case 'end':
        break;
    }
  });
  needTemplate(['submittedNotify'], input.submittedNotify);

  // Time shares: the tasks in sequence, and the slowest branch of each parallel step. A day count
  // with a shape error (a fraction) is reported alone: its sum would only repeat it.
  const dayCountBroken = issues.some((i) => i.path.at(-1) === 'workingDays' || i.path[0] === 'processingDays');
  const limitDays = def.processingDays ?? (def.timeLimit?.unit === 'working-days' ? def.timeLimit.amount : undefined);
  if (limitDays !== undefined && !dayCountBroken) {
    const inBranches = new Set<string>();
    let share = 0;
    for (const node of nodes.values()) {
      if (!node.join || !nodes.has(node.join.target)) continue;
      const sums = node.exits.map((b) => {
        const members = branchMembers(b.target, node.join!.target);
        members.forEach((id) => inBranches.add(id));
        return [...members].reduce((sum, id) => sum + (nodes.get(id)!.workingDays ?? 0), 0);
      });
      share += Math.max(0, ...sums);
    }
    for (const node of nodes.values()) if (!inBranches.has(node.id)) share += node.workingDays ?? 0;
    share = Math.round(share * 100) / 100;
    if (share > limitDays)
      report(['steps'], `step time shares add up to ${share} working days, more than the ${limitDays} allowed`);
  }

  // Every step must be reachable from the start, and some end step reachable from every step.
  if (start) {
    const reachable = new Set([start]);
    const queue = [start];
    while (queue.length) {
      for (const target of targets.get(queue.shift()!) ?? []) {
        if (!reachable.has(target)) {
          reachable.add(target);
          queue.push(target);
        }
      }
    }
    if (graphComplete) {
      for (const node of nodes.values()) if (!reachable.has(node.id)) report(['steps', node.index], `step "${node.id}" can never be reached`);
    }
    // Grow the set of steps that lead to an end: a reachable step outside it would trap a dossier
    // in a loop. A step whose exits are unknown or misspelt is given the benefit of the doubt.
    const finishing = new Set([...nodes.values()].filter((n) => n.kind === 'end' || !n.exitsKnown || unresolved.has(n.id)).map((n) => n.id));
    for (let grew = true; grew; ) {
      grew = false;
      for (const node of nodes.values()) {
        if (!finishing.has(node.id) && targets.get(node.id)!.some((t) => finishing.has(t))) {
          finishing.add(node.id);
          grew = true;
        }
      }
    }
    for (const node of nodes.values()) {
      if (reachable.has(node.id) && !finishing.has(node.id)) report(['steps', node.index], `step "${node.id}" can never reach an end step`);
    }
  }
  if (rawSteps.length && !rawSteps.some((s) => recordOf(s).kind === 'end')) report(['steps'], 'no end step');

  if (problems.length || !parsed.success) return { ok: false, problems };
  return { ok: true, definition: parsed.data };
}
