/** The counter's pages (routes/back-office/counter.ts, handover.ts): procedure list, walk-in form, cash payment, handover. */
import type { IDossier } from '../../db/entities';
import { formatVnd } from '../../domain/money';
import type { ProcedureDefinition } from '../../engine/definition';
import { processingTimeLabel } from '../labels';
import type { Requirement } from '../services/attachments';
import { formatSize } from '../services/attachments';
import type { StagedFile } from '../services/counter';
import type { FieldErrors } from '../validation';
import { requirementView } from './dossier-documents';
import { fieldView } from './form-fields';

export function counterProceduresPage(agencyName: string, procedures: readonly ProcedureDefinition[]) {
  return {
    title: 'Tiếp nhận hồ sơ tại quầy',
    agencyName,
    procedures: procedures.map((p) => ({ code: p.code, name: p.name, days: processingTimeLabel(p), href: `/quay/tiep-nhan/${encodeURIComponent(p.code)}` })),
  };
}

export interface CounterFormInput {
  definition: ProcedureDefinition;
  requirements: readonly Requirement[];
  values: Record<string, string>;
  errors: FieldErrors;
  documentErrors: Record<string, string>;
  staged: readonly StagedFile[];
  requestId: string;
  uploadToken: string;
  limitsText: string;
  problem?: string;
  refusal?: string;
  /** How the paper arrived, as typed: `receivedVia` counter|post, `postTrackingNumber`, `postArrivedOn`. */
  arrival?: Record<string, string>;
}

/** The arrival fields' anchors in the error summary. */
const ARRIVAL_ANCHORS: Record<string, string> = { receivedVia: '#f-receivedVia-counter', postTrackingNumber: '#f-postTrackingNumber', postArrivedOn: '#f-postArrivedOn' };

export function counterFormPage(i: CounterFormInput) {
  const fieldNames = new Set(i.definition.form.fields.map((f) => f.name));
  const requirementNames = new Map(i.requirements.map((r) => [r.id, r]));
  return {
    title: `Tiếp nhận tại quầy: ${i.definition.name}`,
    procedure: { code: i.definition.code, name: i.definition.name, action: `/quay/tiep-nhan/${encodeURIComponent(i.definition.code)}` },
    fields: i.definition.form.fields.map(fieldView),
    values: i.values,
    errors: i.errors,
    requirements: i.requirements.map((r) => {
      const staged = i.staged.find((s) => s.requirementId === r.id);
      return { ...requirementView(r, i.documentErrors[r.id]), staged: staged ? { fileName: staged.fileName, size: formatSize(staged.size) } : undefined };
    }),
    errorList: [
      ...Object.entries(i.errors).map(([name, message]) => ({ message, anchor: fieldNames.has(name) ? `#f-${name}` : ARRIVAL_ANCHORS[name] })),
      ...Object.entries(i.documentErrors).map(([id, message]) => ({ message, anchor: requirementNames.has(id) ? `#up-${id}` : undefined })),
    ],
    problem: i.problem,
    refusal: i.refusal,
    arrival: {
      byPost: i.arrival?.receivedVia === 'post',
      trackingNumber: i.arrival?.postTrackingNumber ?? '',
      arrivedOn: i.arrival?.postArrivedOn ?? '',
      errors: { receivedVia: i.errors.receivedVia, postTrackingNumber: i.errors.postTrackingNumber, postArrivedOn: i.errors.postArrivedOn },
    },
    requestId: i.requestId,
    uploadToken: i.uploadToken,
    limitsText: i.limitsText,
  };
}

export function counterPaymentPage(dossier: IDossier, values: Record<string, string>, errors: FieldErrors, requestId: string, refusal?: string) {
  return {
    title: `Thu phí, lệ phí hồ sơ ${dossier.code}`,
    code: dossier.code,
    applicantName: dossier.applicantName,
    procedureName: dossier.procedureName,
    due: dossier.status === 6 && dossier.payment?.status === 'pending',
    amount: dossier.payment ? formatVnd(dossier.payment.amount) : '',
    amountValue: dossier.payment ? String(dossier.payment.amount) : '',
    reference: dossier.payment?.reference ?? '',
    action: `/ho-so/${encodeURIComponent(dossier.code)}/thu-phi`,
    backHref: `/ho-so/${encodeURIComponent(dossier.code)}`,
    values,
    errors,
    requestId,
    refusal,
  };
}

export function handoverPage(dossier: IDossier, values: Record<string, string>, errors: FieldErrors, requestId: string, relations: readonly string[], refusal?: string) {
  return {
    title: `Trả kết quả hồ sơ ${dossier.code}`,
    code: dossier.code,
    applicantName: dossier.applicantName,
    procedureName: dossier.procedureName,
    action: `/ho-so/${encodeURIComponent(dossier.code)}/tra-ket-qua`,
    backHref: `/ho-so/${encodeURIComponent(dossier.code)}`,
    values: { method: 'counter', ...values },
    errors,
    requestId,
    relations,
    refusal,
  };
}
