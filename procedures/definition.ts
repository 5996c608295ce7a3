/**
 * The procedure definition format owned by policy teams. A definition is plain data (no
 * functions), so a published version can travel inside the workflow's input: a dossier keeps
 * the exact version it started with, whatever is published later.
 *
 * The flow is a graph of steps keyed by id; each step names the step that follows, so loops
 * ("return to intake") and branches are data, interpreted by one generic workflow.
 */
import { z } from 'zod';
import { PORTAL_STATUS_CODES } from '../domain/portal-status';
import { TASK_ROLES } from './roles';

export { OFFICIAL_ROLES, ROLE_LABELS, TASK_ROLES, type OfficialRole, type TaskRole } from './roles';

const id = z.string().regex(/^[a-z][a-z0-9-]*$/, 'lowercase letters, digits and dashes, starting with a letter');
const portalStatus = z.literal(PORTAL_STATUS_CODES, { error: 'a national-portal status code from 1 to 10' });

const condition = z
  .object({
    field: z.string().describe('name of a form field'),
    in: z.array(z.string()).optional().describe('the condition holds when the value is one of these'),
    notIn: z.array(z.string()).optional().describe('the condition holds when the value is none of these'),
  })
  .describe('a test on the value of one form field');

export const formFieldSchema = z.object({
  name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'camelCase letters and digits'),
  label: z.string().min(1).describe('Vietnamese label shown on the form'),
  type: z.enum(['text', 'textarea', 'date', 'select', 'email', 'phone', 'citizen-id', 'digits']),
  required: z.boolean().default(true),
  requiredWhen: condition.optional().describe('required only when this condition holds'),
  options: z
    .array(z.object({ value: z.string(), label: z.string() }))
    .optional()
    .describe('choices of a select field'),
  optionsFrom: z.enum(['provinces']).optional().describe('take the choices from reference data'),
  length: z.number().int().positive().optional().describe('exact number of digits (digits fields)'),
  maxLength: z.number().int().positive().optional(),
  /** A date field may be bounded relative to the submission day. */
  dateRange: z.enum(['past', 'future']).optional(),
  hint: z.string().optional().describe('help text shown under the field'),
  /** Masked in lists and logs (personal data). */
  personal: z.boolean().default(false),
});

export const documentSchema = z.object({
  id,
  name: z.string(),
  copies: z.number().int().positive().default(1),
  required: z.boolean().default(true),
  requiredWhen: condition.optional(),
  note: z.string().optional(),
});

export const feeSchema = z.object({
  id,
  label: z.string(),
  amount: z.number().int().nonnegative().describe('VND'),
  legalBasis: z.string().optional(),
});

const actionSchema = z.object({
  id,
  label: z.string().describe('button label'),
  next: id.describe('step that follows this action'),
  requires: z.array(z.enum(['reason'])).default([]).describe('what the official must enter'),
  style: z.enum(['primary', 'default', 'danger']).default('default'),
  /** A status the dossier passes through when this action is taken (e.g. 2 accepted). */
  emitsStatus: portalStatus.optional(),
  /** Taking this action fixes the appointment date from the processing time. */
  setsAppointment: z.boolean().default(false),
  notify: z.string().optional().describe('notification template sent to the applicant'),
});

const stepBase = {
  id,
  name: z.string().describe('Vietnamese step name shown in the timeline'),
  status: portalStatus.optional().describe('national-portal status while the dossier is in this step'),
  notify: z.string().optional().describe('notification template sent on entering the step'),
};

export const taskStepSchema = z.object({
  ...stepBase,
  kind: z.literal('task'),
  role: z.enum(TASK_ROLES),
  workingDays: z.number().nonnegative().optional().describe('share of the processing time for this step'),
  instructions: z.string().optional(),
  actions: z.array(actionSchema).min(1),
});

export const checkStepSchema = z.object({
  ...stepBase,
  kind: z.literal('check'),
  checks: z
    .array(
      z.object({
        id,
        check: z.enum(['population.identity', 'driving-licence.record']).describe('a registry check known to the engine'),
        label: z.string(),
        /** Check parameter -> form field that supplies it. */
        input: z.record(z.string(), z.string()),
      }),
    )
    .min(1),
  next: id,
  onMismatch: id.describe('step that receives the dossier when a registry contradicts the form'),
});

export const paymentStepSchema = z.object({
  ...stepBase,
  kind: z.literal('payment'),
  fees: z.array(id).min(1).describe('ids of the fees collected here'),
  next: id,
  onTimeout: id.describe('step taken when the applicant has not paid in time'),
});

export const supplementStepSchema = z.object({
  ...stepBase,
  kind: z.literal('supplement'),
  next: id,
  editableFields: z.array(z.string()).optional().describe('form fields the applicant may correct; default all'),
});

export const issueStepSchema = z.object({
  ...stepBase,
  kind: z.literal('issue'),
  document: z.object({
    template: z.enum(['driving-licence']),
    title: z.string(),
    numbering: z.enum(['driving-licence']),
  }),
  next: id,
});

export const endStepSchema = z.object({
  ...stepBase,
  kind: z.literal('end'),
  outcome: z.enum(['completed', 'refused', 'rejected', 'cancelled']),
  status: portalStatus,
});

export const stepSchema = z.discriminatedUnion('kind', [
  taskStepSchema,
  checkStepSchema,
  paymentStepSchema,
  supplementStepSchema,
  issueStepSchema,
  endStepSchema,
]);

export const notificationTemplateSchema = z.object({
  subject: z.string(),
  body: z.string().describe('text with {{placeholders}}: code, name, procedure, reason, link, appointment, amount, number'),
});

export const procedureSchema = z.object({
  code: z.string().describe('procedure code: the national code (1.001193) or a local one'),
  nationalCode: z.string().regex(/^\d\.\d{6}$/).optional(),
  version: z.number().int().positive(),
  name: z.string(),
  field: z.string().describe('lĩnh vực'),
  level: z.enum(['ministry', 'province', 'commune']),
  agencyKind: z.string().describe('kind of agency that handles it; the dossier goes to that agency of the chosen province'),
  legalBasis: z.array(z.string()),
  onlineLevel: z.enum(['full', 'partial']),
  processingDays: z.number().positive().describe('time limit in working days, counted from acceptance'),
  fees: z.array(feeSchema),
  documents: z.array(documentSchema),
  form: z.object({
    fields: z.array(formFieldSchema).min(1),
    /** The field whose value picks the handling province. */
    provinceField: z.string(),
    /** Fields that identify and reach the applicant. */
    applicant: z.object({ nameField: z.string(), citizenIdField: z.string(), emailField: z.string().optional(), phoneField: z.string().optional() }),
  }),
  start: id.describe('first step'),
  submittedNotify: z.string().optional().describe('notification template sent when the dossier is registered'),
  steps: z.array(stepSchema).min(1),
  notifications: z.record(z.string(), notificationTemplateSchema),
});

export type ProcedureDefinition = z.infer<typeof procedureSchema>;
export type ProcedureInput = z.input<typeof procedureSchema>;
export type FormField = z.infer<typeof formFieldSchema>;
export type Step = z.infer<typeof stepSchema>;
export type TaskStep = z.infer<typeof taskStepSchema>;
export type TaskAction = TaskStep['actions'][number];
export type CheckStep = z.infer<typeof checkStepSchema>;
export type PaymentStep = z.infer<typeof paymentStepSchema>;
export type SupplementStep = z.infer<typeof supplementStepSchema>;
export type IssueStep = z.infer<typeof issueStepSchema>;
export type EndStep = z.infer<typeof endStepSchema>;
export type CheckKind = CheckStep['checks'][number]['check'];
