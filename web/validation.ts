/**
 * Input at the edges: every route parses its params, query and body with a zod schema kept next
 * to it (routes/<area>/<page>.schema.ts). The builders here give each kind of value one
 * Vietnamese message per way it can be wrong, so a missing field, an array where one value is
 * expected or a word where a number is expected all read clearly, field by field.
 */
import { z } from 'zod';
import { newRequestId } from './request-id';

export type FieldErrors = Record<string, string>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/**
 * `{field: message}`, the first message of each field. A problem with the input as a whole (not
 * an object, a lone value) is filed under `whole`.
 */
export function fieldErrors(error: z.ZodError, whole = 'form'): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || whole;
    errors[key] ??= issue.message;
  }
  return errors;
}

export function parse<S extends z.ZodType>(schema: S, input: unknown, whole = 'form'): Parsed<z.output<S>> {
  const result = schema.safeParse(input);
  return result.success ? { ok: true, value: result.data } : { ok: false, errors: fieldErrors(result.error, whole) };
}

const capitalised = (label: string) => label.charAt(0).toUpperCase() + label.slice(1);

/** Why a value that should be one piece of text is not. */
function notText(label: string, input: unknown): string {
  if (input === undefined || input === null) return `Vui lòng nhập ${label}.`;
  if (Array.isArray(input)) return `${capitalised(label)} chỉ nhận một giá trị.`;
  return `${capitalised(label)} phải là văn bản.`;
}

/**
 * Characters no field takes: NUL (PostgreSQL refuses it in text and in JSON, so it would end as
 * a server error) and the other control characters but tab and line breaks.
 */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** Whether `text` has no character that no field takes. */
export const printable = (text: string) => !CONTROL_CHARACTERS.test(text);

const unprintable = (label: string) => `${capitalised(label)} chứa ký tự không hợp lệ.`;

/** Text the user must give; trimmed, at most `max` characters. */
export function requiredText(label: string, max: number) {
  return z
    .string({ error: (issue) => notText(label, issue.input) })
    .trim()
    .min(1, `Vui lòng nhập ${label}.`)
    .max(max, `${capitalised(label)} không được dài quá ${max} ký tự.`)
    .refine(printable, unprintable(label));
}

/** Text the user may leave out; absent reads as empty. */
export function optionalText(label: string, max: number) {
  return z
    .string({ error: (issue) => notText(label, issue.input) })
    .trim()
    .max(max, `${capitalised(label)} không được dài quá ${max} ký tự.`)
    .refine(printable, unprintable(label))
    .optional()
    .transform((text) => text ?? '');
}

/** A positive whole number sent as text (form, query, path) or as a JSON number. */
export function positiveInteger(label: string, message = `${capitalised(label)} phải là số nguyên dương.`) {
  return z.union([z.string().trim().regex(/^\d{1,9}$/, message).transform(Number), z.number().int()], { error: message }).pipe(z.number().int().positive(message));
}

/** An identifier the page itself put in the form (task id, action id): one short token. */
export function token(label: string, max = 80) {
  return requiredText(label, max).regex(/^[A-Za-z0-9._:-]+$/, `${capitalised(label)} không hợp lệ.`);
}

/**
 * The id a form carries from render to submit (see web/request-id.ts). A missing or malformed one
 * gets a fresh id, as before: it only makes a resent form act twice, never acts wrongly.
 */
export const requestIdField = z
  .string()
  .regex(/^[0-9a-f-]{36}$/i)
  .optional()
  .catch(undefined)
  .transform((id) => id ?? newRequestId());

const ONE_VALUE = 'Mỗi mục chỉ nhận một giá trị.';

/**
 * A form body: the named fields, and every other key one text value (a field of the procedure's
 * form, an action's input). The CSRF token was checked before; it is only let through here.
 */
export function formWith<T extends z.ZodRawShape>(shape: T) {
  return z.object({ ...shape, _csrf: z.string().optional() }).catchall(z.string({ error: ONE_VALUE }).refine(printable, 'Mục này chứa ký tự không hợp lệ.'));
}

/** The keys of a parsed form body that are not among `known`: the values of the form's own fields. */
export function otherValues(body: Record<string, unknown>, known: readonly string[]): Record<string, string> {
  const skip = new Set([...known, '_csrf']);
  return Object.fromEntries(Object.entries(body).filter(([k, v]) => !skip.has(k) && typeof v === 'string')) as Record<string, string>;
}

/** A form body that was not sent as a form reads as an empty one: its fields are then missing. */
export function formBody(body: unknown): Record<string, unknown> {
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}
