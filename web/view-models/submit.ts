/**
 * The public submission pages: the procedures open online, the form of one (drawn from its
 * definition, with every value kept and a message under each wrong field after a failed try),
 * and the confirmation with the dossier's code.
 */
import type { IDossier } from '../../db/entities';
import { lookupPath } from '../../domain/applicant-links';
import { formatLookupSecret } from '../../domain/lookup-secret';
import type { ProcedureDefinition } from '../../engine/definition';
import { processingTimeLabel } from '../labels';
import type { FieldErrors } from '../validation';
import { describeFee, feeSummary } from './fees';
import { fieldView } from './form-fields';

export function proceduresPage(procedures: readonly ProcedureDefinition[]) {
  return {
    title: 'Nộp hồ sơ trực tuyến',
    procedures: procedures.map((p) => ({
      name: p.name,
      field: p.field,
      days: processingTimeLabel(p),
      fee: feeSummary(p.fees),
      href: `/nop-ho-so/${encodeURIComponent(p.code)}`,
    })),
  };
}

export function submitPage(definition: ProcedureDefinition, values: Record<string, string>, errors: FieldErrors, requestId: string) {
  const fieldNames = new Set(definition.form.fields.map((f) => f.name));
  return {
    title: definition.name,
    procedure: {
      name: definition.name,
      action: `/nop-ho-so/${encodeURIComponent(definition.code)}`,
      days: `${processingTimeLabel(definition)} kể từ ngày tiếp nhận`,
      fees: definition.fees.map(describeFee),
      documents: definition.documents,
      legalBasis: definition.legalBasis,
    },
    fields: definition.form.fields.map(fieldView),
    values,
    errors,
    /** Errors of the form itself (not of one of its fields) have no place below a field. */
    errorList: Object.entries(errors).map(([name, message]) => ({ message, anchor: fieldNames.has(name) ? `#f-${name}` : undefined })),
    requestId,
  };
}

export function submittedPage(dossier: IDossier) {
  return {
    title: 'Đã nộp hồ sơ',
    code: dossier.code,
    procedureName: dossier.procedureName,
    agencyName: dossier.agency.name,
    lookupSecret: formatLookupSecret(dossier.lookupSecret),
    lookupHref: lookupPath(dossier.code, dossier.lookupSecret),
  };
}
