/**
 * The procedure definition format owned by policy teams. A definition is plain data (no
 * functions), so a published version can travel inside the workflow's input: a dossier keeps
 * the exact version it started with, whatever is published later. Running dossiers carry
 * definitions written against older releases of this schema: new fields are optional, and the
 * interpreter treats a missing one as its default.
 *
 * The flow is a graph of steps keyed by id; each step names the step that follows, so loops
 * ("return to intake"), branches and parallel consultations are data, interpreted by one
 * generic workflow. docs/procedures.md explains every part with a worked example.
 *
 * Every object of the format is strict: a key it does not know (a misspelt `requiredwhen`) is
 * refused rather than dropped, since a dropped key changes what the procedure does in silence.
 */
import { z } from 'zod';
import { TIME_LIMIT_UNITS } from '../domain/legal-clock';
import { PORTAL_STATUS_CODES, STATUS } from '../domain/portal-status';
import { CHECK_KINDS } from './check-kinds';
import { OUTCOMES } from '../domain/outcomes';
import { TASK_ROLES } from '../domain/roles';

export type { CheckKind } from './check-kinds';

/**
 * Day counts are whole working days: the interpreter plans deadlines on the working calendar in
 * days. A fraction used to be rounded up silently; it is refused until working hours come.
 */
const wholeDays = () =>
  z
    .number()
    .int('a whole number of working days (working hours come with the next release)')
    .nonnegative('a number of working days, 0 or more');

/**
 * A time limit in working days, working hours or calendar days (domain/legal-clock.ts counts
 * it). Whole numbers: 8 working hours, not 1 working day, where the law says hours.
 */
export const timeLimitSchema = z
  .strictObject({
    amount: z.number().int('a whole number').nonnegative('0 or more'),
    unit: z.enum(TIME_LIMIT_UNITS).describe('working-days, working-hours or calendar-days'),
  })
  .describe('a time limit, e.g. { amount: 8, unit: "working-hours" }');

/** `HH:MM`, local time. */
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time of day as HH:MM, e.g. "15:00"');

const id = z.string().regex(/^[a-z][a-z0-9-]*$/, {
  error: (issue) => `${JSON.stringify(issue.input)} is not an id: lowercase letters, digits and dashes, starting with a letter`,
});
/** Definitions write `STATUS.ACCEPTED`; the number it stands for is what travels and what older definitions hold. */
const portalStatus = z.literal(PORTAL_STATUS_CODES, {
  error: `a national-portal status: STATUS.<name> from domain/portal-status.ts (${Object.entries(STATUS)
    .map(([name, code]) => `${name} ${code}`)
    .join(', ')})`,
});

const fieldCondition = z
  .strictObject({
    field: z.string().describe('name of a form field'),
    in: z.array(z.string()).optional().describe('holds when the value is one of these'),
    notIn: z.array(z.string()).optional().describe('holds when the value is none of these'),
    min: z.number().optional().describe('holds when the number is at least this'),
    max: z.number().optional().describe('holds when the number is at most this'),
  })
  .describe('a test on the value of one form field');

const checkCondition = z
  .strictObject({
    check: z.string().describe('id of a registry check run earlier'),
    outcome: z.enum(['match', 'mismatch', 'error']),
  })
  .describe('a test on the outcome of a registry check');

export type Condition =
  | z.infer<typeof fieldCondition>
  | z.infer<typeof checkCondition>
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    fieldCondition,
    checkCondition,
    z.strictObject({ all: z.array(conditionSchema).min(1) }),
    z.strictObject({ any: z.array(conditionSchema).min(1) }),
    z.strictObject({ not: conditionSchema }),
  ]),
);

export const formFieldSchema = z.strictObject({
  name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'camelCase letters and digits'),
  label: z.string().min(1).describe('Vietnamese label shown on the form'),
  type: z.enum(['text', 'textarea', 'date', 'select', 'email', 'phone', 'citizen-id', 'digits', 'number']),
  required: z.boolean().default(true),
  requiredWhen: conditionSchema.optional().describe('required only when this condition holds'),
  options: z
    .array(z.strictObject({ value: z.string(), label: z.string() }))
    .optional()
    .describe('choices of a select field'),
  optionsFrom: z.enum(['provinces', 'communes']).optional().describe('take the choices from reference data'),
  length: z.number().int().positive().optional().describe('exact number of digits (digits fields)'),
  maxLength: z.number().int().positive().optional(),
  min: z.number().optional().describe('smallest value of a number field'),
  max: z.number().optional().describe('largest value of a number field'),
  /** A date field may be bounded relative to the submission day. */
  dateRange: z.enum(['past', 'future']).optional(),
  hint: z.string().optional().describe('help text shown under the field'),
  personal: z
    .boolean()
    .default(false)
    .describe(
      'personal data: lists of dossiers and logs show the value masked (domain/personal-data.ts: a name as ' +
        '"Nguyễn T. H.", an identity number as "********4521", an e-mail as "n***@example.vn", a phone as ' +
        '"091****678", a date as "**/**/****"); the dossier page and the result show it in full',
    ),
});

export const documentSchema = z.strictObject({
  id,
  name: z.string(),
  copies: z.number().int().positive().default(1),
  required: z.boolean().default(true),
  requiredWhen: conditionSchema.optional(),
  note: z.string().optional(),
  template: z.string().optional().describe('the official form to use, e.g. "Mẫu TK1-TS"'),
});

export const feeSchema = z
  .strictObject({
    id,
    label: z.string(),
    legalBasis: z.string().optional(),
    amount: z.number().int().nonnegative().optional().describe('a fixed amount in VND'),
    cases: z
      .array(z.strictObject({ when: conditionSchema, amount: z.number().int().nonnegative() }))
      .optional()
      .describe('amounts by case, the first that holds applies; none holding means 0'),
    percent: z
      .strictObject({
        ofField: z.string().describe('number field holding the base, e.g. the vehicle value'),
        rates: z.array(z.strictObject({ when: conditionSchema.optional(), rate: z.number().min(0).max(100) })).min(1),
      })
      .optional()
      .describe('a percentage of a value on the form; the first rate whose condition holds applies'),
    perUnitField: z.string().optional().describe('number field multiplying the fee (e.g. sets of documents)'),
    exemptions: z
      .array(z.strictObject({ when: conditionSchema, label: z.string() }))
      .default([])
      .describe('cases in which nothing is due'),
  })
  .refine((f) => [f.amount, f.cases, f.percent].filter((x) => x !== undefined).length === 1, {
    message: 'a fee has exactly one of amount, cases or percent',
  });

const inputFieldsSchema = z.array(formFieldSchema).optional();

const actionSchema = z.strictObject({
  id,
  label: z.string().describe('button label'),
  next: id.describe('step that follows this action'),
  requires: z.array(z.enum(['reason'])).default([]).describe('what the official must enter'),
  inputs: inputFieldsSchema.describe('values the official enters with this action, kept with the dossier'),
  style: z.enum(['primary', 'default', 'danger']).default('default'),
  emitsStatus: portalStatus
    .optional()
    .describe('a status the dossier passes through when this action is taken, e.g. STATUS.ACCEPTED'),
  /** Taking this action fixes the appointment date from the processing time. */
  setsAppointment: z.boolean().default(false),
  notify: z.string().optional().describe('notification template sent to the applicant'),
});

const stepBase = {
  id,
  name: z.string().describe('Vietnamese step name shown in the timeline'),
  status: portalStatus.optional().describe('national-portal status while the dossier is in this step, e.g. STATUS.IN_PROGRESS'),
  notify: z.string().optional().describe('notification template sent on entering the step'),
};

export const taskStepSchema = z.strictObject({
  ...stepBase,
  kind: z.literal('task'),
  role: z.enum(TASK_ROLES),
  agencyKind: z
    .string()
    .optional()
    .describe('another agency of the same province works this task (liên thông); default the handling agency'),
  workingDays: wholeDays().optional().describe('share of the processing time for this step, in working days'),
  timeLimit: timeLimitSchema
    .optional()
    .describe('the step\'s time limit when not in working days (instead of workingDays), e.g. 8 working hours to acknowledge an online dossier'),
  remindBefore: timeLimitSchema
    .optional()
    .describe('remind the official this long before the step\'s deadline (default: the installation\'s, 1 working day)'),
  instructions: z
    .string()
    .optional()
    .describe('guidance for the official working this task, in Vietnamese: shown with the task and its actions in the back office'),
  actions: z.array(actionSchema).min(1),
});

export const checkStepSchema = z.strictObject({
  ...stepBase,
  kind: z.literal('check'),
  checks: z
    .array(
      z.strictObject({
        id,
        check: z.enum(CHECK_KINDS).describe('a registry check known to the engine'),
        label: z.string(),
        /** Check parameter -> form field that supplies it. */
        input: z.record(z.string(), z.string()),
        /** Fixed parameters, e.g. the notice period of a calendar check. */
        params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      }),
    )
    .min(1),
  next: id,
  onMismatch: id.describe('step that receives the dossier when a registry contradicts the form'),
});

export const branchStepSchema = z.strictObject({
  ...stepBase,
  kind: z.literal('branch'),
  cases: z.array(z.strictObject({ when: conditionSchema, next: id })).min(1).describe('the first case that holds is taken'),
  otherwise: id,
});

export const parallelStepSchema = z.strictObject({
  ...stepBase,
  kind: z.literal('parallel'),
  branches: z
    .array(z.strictObject({ id, name: z.string(), start: id }))
    .min(2)
    .describe('flows run at the same time; each ends when it reaches `next`'),
  next: id.describe('where the branches meet; the dossier goes on when every branch has arrived'),
});

export const paymentStepSchema = z.strictObject({
  ...stepBase,
  kind: z.literal('payment'),
  fees: z.array(id).min(1).describe('ids of the fees collected here'),
  next: id,
  onTimeout: id.describe('step taken when the applicant has not paid in time'),
  pausesClock: z.boolean().optional().describe('the processing time stands still while the applicant has not paid (default: it runs)'),
});

export const supplementStepSchema = z.strictObject({
  ...stepBase,
  kind: z.literal('supplement'),
  next: id,
  editableFields: z.array(z.string()).optional().describe('form fields the applicant may correct; default all'),
  pausesClock: z
    .boolean()
    .optional()
    .describe('the processing time stands still while the applicant supplements (default: it does, once the dossier is accepted)'),
});

export const issueStepSchema = z.strictObject({
  ...stepBase,
  kind: z.literal('issue'),
  document: z.strictObject({
    template: z.enum(['driving-licence', 'certificate']).describe('layout of the result document'),
    title: z.string(),
    numbering: z.string().describe('a numbering scheme of this definition, or the built-in "driving-licence"'),
    subtitle: z.string().optional(),
    /**
     * Lines of a certificate: label and a text with {{form.x}}, {{inputs.x}}, {{number}},
     * {{validUntil}} and {{fee}} (the amount charged). A choice prints its label, a number its
     * digits grouped, a date dd/mm/yyyy; a line whose values are all empty is left out.
     */
    fields: z.array(z.strictObject({ label: z.string(), value: z.string() })).optional(),
    validity: z
      .strictObject({
        years: z.number().int().positive().optional(),
        months: z.number().int().positive().optional(),
        rule: z.enum(['driving-licence']).optional().describe('a validity worked out by the engine'),
        notAfterField: z.string().optional().describe('a date field the validity may not pass (e.g. the licence it depends on)'),
      })
      .optional()
      .describe('how long the result is valid'),
  }),
  next: id,
});

export const customStepSchema = z.strictObject({
  ...stepBase,
  kind: z.literal('custom'),
  handler: z.string().describe('a step written in TypeScript by the custom workflow the definition names'),
  outputs: z.array(z.string()).default([]).describe('values it records, usable in results as {{inputs.x}}'),
  next: id,
});

export const endStepSchema = z.strictObject({
  ...stepBase,
  kind: z.literal('end'),
  outcome: z.enum(OUTCOMES),
  status: portalStatus,
});

export const stepSchema = z.discriminatedUnion('kind', [
  taskStepSchema,
  checkStepSchema,
  branchStepSchema,
  parallelStepSchema,
  paymentStepSchema,
  supplementStepSchema,
  issueStepSchema,
  customStepSchema,
  endStepSchema,
]);

export const notificationTemplateSchema = z.strictObject({
  subject: z.string(),
  body: z
    .string()
    .describe('text with {{placeholders}}: code, name, procedure, reason, appointment, amount, number and the links'),
});

export const processingRuleSchema = z.strictObject({
  when: conditionSchema,
  days: wholeDays().optional().describe('the time limit in working days when the condition holds'),
  timeLimit: timeLimitSchema.optional().describe('the time limit when it is not in working days (instead of days)'),
  note: z.string().optional(),
});

export const numberingSchemeSchema = z.strictObject({
  pattern: z.string().describe('e.g. "{province}{yy}{seq:8}" or "{seq:5}/{yyyy}/GCN"'),
});

export const procedureSchema = z.strictObject({
  code: z.string().min(1).describe('procedure code: the national code (1.001193) or a local one'),
  nationalCode: z.string().regex(/^\d\.\d{6}$/).optional(),
  version: z.number().int().positive(),
  status: z.enum(['draft', 'published']).default('published').describe('only published versions take new dossiers'),
  name: z.string(),
  field: z.string().describe('lĩnh vực'),
  level: z.enum(['ministry', 'province', 'commune']),
  agencyKind: z.string().describe('kind of agency that handles it; the dossier goes to that agency of the chosen place'),
  handlingAgency: z.string().optional().describe('the competent agency as citizens know it'),
  legalBasis: z.array(z.string()),
  onlineLevel: z.enum(['full', 'partial']),
  processingDays: wholeDays().optional().describe('time limit in working days, counted from acceptance'),
  timeLimit: timeLimitSchema
    .optional()
    .describe('the time limit when it is not in working days (instead of processingDays), e.g. { amount: 8, unit: "working-hours" }'),
  cutoff: z
    .union([clockTime, z.literal('none')])
    .optional()
    .describe('where the law sets it: received at or after this hour, the dossier counts from the next working day ("none": the receipt day always counts); default the office\'s'),
  processingRules: z
    .array(processingRuleSchema)
    .optional()
    .describe('another time limit when a condition holds (first that holds)'),
  fees: z.array(feeSchema),
  documents: z.array(documentSchema),
  form: z.strictObject({
    fields: z.array(formFieldSchema).min(1),
    /** The field whose value picks the handling province (province-level procedures). */
    provinceField: z.string().optional(),
    /** The field whose value picks the handling commune (commune-level procedures). */
    communeField: z.string().optional(),
    /** Fields that identify and reach the applicant. */
    applicant: z.strictObject({
      nameField: z.string(),
      citizenIdField: z.string(),
      emailField: z.string().optional(),
      phoneField: z.string().optional(),
    }),
  }),
  numberingSchemes: z.record(z.string(), numberingSchemeSchema).default({}),
  /** Escape hatch: a TypeScript workflow registered in workflows/ runs this procedure instead. */
  workflow: z.string().optional(),
  start: id.describe('first step'),
  submittedNotify: z.string().optional().describe('notification template sent when the dossier is registered'),
  steps: z.array(stepSchema).min(1),
  notifications: z.record(z.string(), notificationTemplateSchema),
});

export type ProcedureDefinition = z.infer<typeof procedureSchema>;
export type ProcedureInput = z.input<typeof procedureSchema>;
/** Parts of a definition as policy teams write them (procedures/shared/ types its blocks with these). */
export type StepInput = ProcedureInput['steps'][number];
export type TaskActionInput = Extract<StepInput, { kind: 'task' }>['actions'][number];
export type CheckInput = Extract<StepInput, { kind: 'check' }>['checks'][number];
export type FormFieldInput = ProcedureInput['form']['fields'][number];
export type NotificationInput = ProcedureInput['notifications'][string];
export type Document = z.infer<typeof documentSchema>;
export type ProcessingRule = z.infer<typeof processingRuleSchema>;
export type FormField = z.infer<typeof formFieldSchema>;
export type Fee = z.infer<typeof feeSchema>;
export type Step = z.infer<typeof stepSchema>;
export type TaskStep = z.infer<typeof taskStepSchema>;
export type TaskAction = TaskStep['actions'][number];
export type CheckStep = z.infer<typeof checkStepSchema>;
export type BranchStep = z.infer<typeof branchStepSchema>;
export type ParallelStep = z.infer<typeof parallelStepSchema>;
export type PaymentStep = z.infer<typeof paymentStepSchema>;
export type SupplementStep = z.infer<typeof supplementStepSchema>;
export type IssueStep = z.infer<typeof issueStepSchema>;
export type EndStep = z.infer<typeof endStepSchema>;
export type CustomStep = z.infer<typeof customStepSchema>;
