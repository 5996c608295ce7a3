/**
 * The documents part of the dossier page (partials/dossier-documents.ejs, issue 9): the documents
 * handed in with their versions, newest first, and the upload form for officials who may; every
 * result document with its code; the counter payment form when the fee is due; the handover.
 */
import type { ICounterPayment, IDossier, IResultHandover } from '../../db/entities';
import type { OfficialRole } from '../../domain/roles';
import { formatVnd } from '../../domain/money';
import type { ResultRecord } from '../../domain/dossier-records';
import { formatVietnameseDate } from '../../domain/vietnam-time';
import type { Requirement, RequirementDocuments } from '../services/attachments';
import { formatSize, uploadField } from '../services/attachments';
import { newRequestId } from '../request-id';
import { dateTimeText } from './format';

/** Who may add documents to a dossier (routes/back-office/attachments.ts). */
export const UPLOADERS: readonly OfficialRole[] = ['receiver', 'specialist'];
/** Who takes fees and hands results over at the counter. */
export const COUNTER_STAFF: readonly OfficialRole[] = ['receiver'];

const HANDOVER_METHODS = { counter: 'Trả trực tiếp tại Bộ phận Một cửa', post: 'Gửi qua dịch vụ bưu chính' } as const;

export interface DossierDocumentsInput {
  dossier: IDossier;
  role: OfficialRole;
  documents: RequirementDocuments[];
  results: ResultRecord[];
  payments: ICounterPayment[];
  handover: IResultHandover | null;
  handoverRefusal?: string;
  counterIntake: { officialName: string; receivedAt: Date; post?: { trackingNumber: string; arrivedOn: string } } | null;
  limits: { maxFileBytes: number; maxDossierBytes: number; types: string };
  /** Upload refusals to show, by requirement id. */
  uploadErrors?: Record<string, string>;
  /** A problem with the upload as a whole. */
  uploadProblem?: string;
}

export function requirementView(r: Requirement, error?: string) {
  return {
    id: r.id,
    name: r.name,
    field: uploadField(r.id),
    inputId: `up-${r.id}`,
    required: r.required,
    conditional: r.conditional,
    note: r.note,
    error,
  };
}

export function dossierDocumentsView(i: DossierDocumentsInput) {
  const base = `/ho-so/${encodeURIComponent(i.dossier.code)}`;
  const due = i.dossier.status === 6 && i.dossier.payment?.status === 'pending';
  return {
    code: i.dossier.code,
    counterIntake: i.counterIntake
      ? {
          officialName: i.counterIntake.officialName,
          at: dateTimeText(i.counterIntake.receivedAt),
          post: i.counterIntake.post ? { trackingNumber: i.counterIntake.post.trackingNumber, arrivedOn: formatVietnameseDate(i.counterIntake.post.arrivedOn) } : undefined,
        }
      : null,
    canUpload: UPLOADERS.includes(i.role),
    uploadAction: `${base}/tai-lieu`,
    limitsText: `Nhận tệp ${i.limits.types}; tối đa ${formatSize(i.limits.maxFileBytes)} mỗi tệp và ${formatSize(i.limits.maxDossierBytes)} mỗi hồ sơ. Tệp mới của cùng thành phần thay thế bản trước, bản cũ vẫn được giữ.`,
    uploadProblem: i.uploadProblem,
    documents: i.documents.map((d) => ({
      ...requirementView(d.requirement, i.uploadErrors?.[d.requirement.id]),
      versions: d.versions.map((v, n) => ({
        href: `${base}/tai-lieu/${v.id}`,
        label: `Bản ${v.version}`,
        current: n === 0,
        fileName: v.fileName,
        size: formatSize(v.size),
        type: v.mimeType,
        hash: v.contentHash.slice(0, 12),
        by: `${v.uploadedByName}${v.uploadedByKind === 'applicant' ? ' (người nộp)' : ''}`,
        at: dateTimeText(v.uploadedAt),
      })),
    })),
    results: i.results.map((r) => ({
      code: r.documentCode,
      title: r.title,
      number: r.number,
      issuedAt: dateTimeText(r.issuedAt),
      href: `${base}/ket-qua/${encodeURIComponent(r.documentCode)}.pdf`,
    })),
    payment: {
      due,
      canTake: due && COUNTER_STAFF.includes(i.role),
      amount: i.dossier.payment ? formatVnd(i.dossier.payment.amount) : '',
      amountValue: i.dossier.payment ? String(i.dossier.payment.amount) : '',
      requestId: newRequestId(),
      formHref: `${base}/thu-phi`,
      receipts: i.payments
        .filter((p) => p.outcome === 'applied')
        .map((p) => ({ number: p.receiptNumber, amount: formatVnd(p.amount), by: p.receivedByName, at: dateTimeText(p.receivedAt), href: `${base}/bien-lai.pdf?so=${encodeURIComponent(p.receiptNumber)}` })),
    },
    handover: i.handover
      ? {
          method: HANDOVER_METHODS[i.handover.method],
          collectorName: i.handover.collectorName,
          idNumber: i.handover.collectorIdNumber ? `********${i.handover.collectorIdNumber.slice(-4)}` : null,
          relation: i.handover.relation,
          trackingNumber: i.handover.trackingNumber,
          by: i.handover.officialName,
          at: dateTimeText(i.handover.handedOverAt),
        }
      : null,
    canHandOver: !i.handover && !i.handoverRefusal && COUNTER_STAFF.includes(i.role),
    handoverRefusal: i.handover ? undefined : i.handoverRefusal,
    handoverHref: `${base}/tra-ket-qua`,
  };
}

export type DossierDocumentsView = ReturnType<typeof dossierDocumentsView>;
