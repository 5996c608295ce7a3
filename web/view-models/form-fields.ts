/** A form field as the field partial draws it: label, marks, hint, choices. */
import type { FormField } from '../../engine/definition';
import { fieldOptions } from '../../engine/form';

export interface FieldView {
  name: string;
  label: string;
  type: FormField['type'];
  required: boolean;
  /** Required only in some cases (the definition's requiredWhen). */
  conditional: boolean;
  hint?: string;
  maxLength?: number;
  options: { value: string; label: string }[];
}

export function fieldView(field: FormField): FieldView {
  return {
    name: field.name,
    label: field.label,
    type: field.type,
    required: field.required && !field.requiredWhen,
    conditional: !!field.requiredWhen,
    hint: field.hint,
    maxLength: field.maxLength,
    options: fieldOptions(field),
  };
}
