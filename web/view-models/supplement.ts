/**
 * The applicant's supplement page: the officials' request, and a form with exactly the fields the
 * supplement step the dossier waits in lets them correct. Errors about fields it does not let
 * them correct (sent by a stale page or another client) are listed above the form, since those
 * fields have no place on it.
 */
import type { IDossier } from '../../db/entities';
import { lookupPath } from '../../domain/applicant-links';
import type { SupplementForm } from '../services/tasks';
import type { FieldErrors } from '../validation';
import { fieldView } from './form-fields';

export interface SupplementPageInput {
  dossier: IDossier;
  /** The step the dossier waits in, or undefined when it waits for no supplement. */
  form: SupplementForm | undefined;
  round: number;
  token: string;
  values: Record<string, string>;
  errors: FieldErrors;
  requestId: string;
  /** Why the last try did not go through (refused, or not confirmed in time). */
  error?: string;
  note?: string;
}

export function supplementPage(input: SupplementPageInput) {
  const { dossier, form, round } = input;
  const open = !!form && dossier.status === 5 && dossier.supplement?.round === round && !dossier.supplement.answeredAt;
  const shown = new Set(form?.fields.map((f) => f.name));
  const elsewhere = Object.entries(input.errors).filter(([name]) => !shown.has(name));
  return {
    title: `Bổ sung hồ sơ ${dossier.code}`,
    code: dossier.code,
    open,
    lookupHref: lookupPath(dossier.code, dossier.lookupSecret),
    action: `/bo-sung/${encodeURIComponent(dossier.code)}`,
    reason: dossier.supplement?.reason,
    round,
    token: input.token,
    fields: (form?.fields ?? []).map(fieldView),
    values: input.values,
    errors: input.errors,
    hasErrors: Object.keys(input.errors).length > 0,
    otherErrors: elsewhere.map(([, message]) => message),
    error: input.error,
    note: input.note ?? '',
    requestId: input.requestId,
  };
}
