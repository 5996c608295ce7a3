/**
 * Validates an applicant's form against a procedure's field list, field by field, with
 * Vietnamese messages. Used by the web form, the JSON intake API and the supplement page,
 * so all three accept and refuse exactly the same data.
 */
import { COMMUNES } from '../domain/communes';
import { lowerFirst as lower } from '../domain/text';
import { PROVINCES } from '../domain/provinces';
import { holds } from './conditions';
import type { FormField, ProcedureDefinition } from './definition';

export type FormValues = Record<string, string>;
export type FieldErrors = Record<string, string>;

export type FormResult = { ok: true; values: FormValues } | { ok: false; errors: FieldErrors; values: FormValues };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
const PHONE = /^(0|\+84)\d{9,10}$/;

export function fieldOptions(field: FormField): { value: string; label: string }[] {
  if (field.optionsFrom === 'provinces') return PROVINCES.map((p) => ({ value: p.code, label: p.name }));
  if (field.optionsFrom === 'communes') {
    return COMMUNES.map((c) => ({ value: c.code, label: `${c.name}, ${PROVINCES.find((p) => p.code === c.provinceCode)?.name}` }));
  }
  return field.options ?? [];
}

export function isFieldRequired(field: FormField, values: FormValues): boolean {
  if (field.requiredWhen) return holds(field.requiredWhen, { form: values });
  return field.required;
}

/** Accepts YYYY-MM-DD (date inputs, JSON) and dd/mm/yyyy (typed by hand); returns YYYY-MM-DD. */
export function parseDate(text: string): string | undefined {
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (vn) [y, m, d] = [Number(vn[3]), Number(vn[2]), Number(vn[1])];
  else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d || y < 1900) return undefined;
  return date.toISOString().slice(0, 10);
}

function normalize(raw: unknown, multiline: boolean): string {
  if (raw === undefined || raw === null) return '';
  // Some keyboards send decomposed Vietnamese (NFD); store the composed form so search and PDFs agree.
  const text = String(raw).normalize('NFC');
  if (!multiline) return text.trim().replace(/\s+/g, ' ');
  // A text area keeps its lines (lists, addresses); spaces are tidied within each line.
  return text
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .join('\n')
    .trim();
}

function checkField(field: FormField, value: string, today: string): { value: string; error?: string } {
  const label = field.label;
  switch (field.type) {
    case 'citizen-id':
      return /^\d{12}$/.test(value) ? { value } : { value, error: `${label} phải gồm đúng 12 chữ số` };
    case 'digits':
      return new RegExp(`^\\d{${field.length}}$`).test(value)
        ? { value }
        : { value, error: `${label} phải gồm đúng ${field.length} chữ số` };
    case 'date': {
      const iso = parseDate(value);
      if (!iso) return { value, error: `${label} không hợp lệ (ngày/tháng/năm)` };
      if (field.dateRange === 'past' && iso > today) return { value: iso, error: `${label} không được sau ngày hôm nay` };
      if (field.dateRange === 'future' && iso < today) return { value: iso, error: `${label} không được trước ngày hôm nay` };
      return { value: iso };
    }
    case 'email':
      return EMAIL.test(value) ? { value: value.toLowerCase() } : { value, error: `${label} không hợp lệ` };
    case 'phone': {
      const compact = value.replace(/[\s.-]/g, '');
      return PHONE.test(compact) ? { value: compact } : { value, error: `${label} không hợp lệ (ví dụ 0912345678)` };
    }
    case 'select':
      return fieldOptions(field).some((o) => o.value === value)
        ? { value }
        : { value, error: `${label}: lựa chọn không hợp lệ` };
    case 'number': {
      const number = Number(value.replace(/[.\s]/g, ''));
      if (!/^\d+$/.test(value.replace(/[.\s]/g, ''))) return { value, error: `${label} phải là số nguyên` };
      if (field.min !== undefined && number < field.min) return { value: String(number), error: `${label} không được nhỏ hơn ${field.min}` };
      if (field.max !== undefined && number > field.max) return { value: String(number), error: `${label} không được lớn hơn ${field.max}` };
      return { value: String(number) };
    }
    case 'text':
    case 'textarea':
      return field.maxLength && value.length > field.maxLength
        ? { value, error: `${label} không được dài quá ${field.maxLength} ký tự` }
        : { value };
  }
}

/**
 * Validates `input` (strings from a form, or JSON values) against the definition's fields.
 * Unknown keys are dropped; submitted values come back either way so a form can be shown again.
 */
export function validateForm(
  definition: Pick<ProcedureDefinition, 'form'>,
  input: Record<string, unknown>,
  today: string,
  onlyFields?: readonly string[],
): FormResult {
  return validateFields(definition.form.fields, input, today, onlyFields);
}

/** The same checks for any list of fields, e.g. the inputs an action asks of an official. */
export function validateFields(
  all: readonly FormField[],
  input: Record<string, unknown>,
  today: string,
  onlyFields?: readonly string[],
): FormResult {
  const fields = onlyFields ? all.filter((f) => onlyFields.includes(f.name)) : all;
  const values: FormValues = {};
  for (const field of all) values[field.name] = normalize(input[field.name], field.type === 'textarea');
  const errors: FieldErrors = {};
  for (const field of fields) {
    const value = values[field.name];
    if (value === '') {
      if (isFieldRequired(field, values))
        errors[field.name] = field.type === 'select' ? `Vui lòng chọn ${lower(field.label)}` : `Vui lòng nhập ${lower(field.label)}`;
      continue;
    }
    const checked = checkField(field, value, today);
    values[field.name] = checked.value;
    if (checked.error) errors[field.name] = checked.error;
  }
  return Object.keys(errors).length ? { ok: false, errors, values } : { ok: true, values };
}


