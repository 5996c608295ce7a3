/**
 * Personal data in lists: a form field marked `personal` in the definition is shown masked
 * wherever dossiers are listed (queues, supervision); the dossier page itself shows it whole,
 * since the official working the dossier needs it.
 */
import { maskFieldValue, maskName } from '../../domain/personal-data';
import type { ProcedureDefinition } from '../../engine/definition';

/** The applicant's name as a list shows it; masked too when the definition is unknown. */
export function listedApplicantName(applicantName: string, definition: ProcedureDefinition | undefined): string {
  if (!definition) return maskName(applicantName);
  const field = definition.form.fields.find((f) => f.name === definition.form.applicant.nameField);
  return field?.personal ? maskFieldValue(field.type, applicantName) : applicantName;
}
