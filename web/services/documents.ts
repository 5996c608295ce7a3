/**
 * The documents of a dossier as pages hand them out: its results (one per issue step,
 * `<dossier>-KQ1`, `-KQ2`, …, stored by the workflow in `dossier_document`) and the receipt slip,
 * printed on demand from the read model.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { renderReceiptSlipPdf } from '../../documents/receipt-slip';
import { DossierDocument, type IDossier, type IDossierDocument, TimelineEvent } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { lookupPath } from '../../domain/applicant-links';
import { formatLookupSecret } from '../../domain/lookup-secret';
import { findProvince } from '../../domain/provinces';
import type { ProcedureDefinition } from '../../engine/definition';
import { timeLimitLabel } from '../../domain/legal-clock';
import { formatVietnameseDate, formatVietnameseDateTime } from '../../domain/vietnam-time';
import { defaultProcessingLimit } from '../../engine/time-limits';
import { renderApologyLetterPdf } from '../../documents/apology-letter';
import type { DossierFormHeading } from '../../documents/pdf-kit';

export type ResultListing = Pick<IDossierDocument, 'code' | 'title' | 'fileName'>;

export interface DownloadableDocument {
  fileName: string;
  mimeType: string;
  content: Buffer;
}

/** Why a dossier's appointment moved since it was received, one line each for the receipt. */
export function appointmentChanges(dossier: Pick<IDossier, 'pauses' | 'apology'>): string[] {
  const lines = dossier.pauses.map(
    (p) =>
      `Tạm dừng từ ${formatVietnameseDateTime(p.from)}${p.to ? ` đến ${formatVietnameseDateTime(p.to)}` : ''} (${p.reason}): ` +
      'thời gian này không tính vào thời hạn giải quyết.',
  );
  const apology = dossier.apology;
  if (apology) lines.push(`Hẹn lại ngày ${formatVietnameseDate(apology.newAppointmentAt)} theo thư xin lỗi ngày ${formatVietnameseDate(apology.at)}: ${apology.reason}`);
  return lines;
}

/** What every printed form (01–07) opens with: the agency, the dossier, the applicant, when it was received. */
export function formHeading(dossier: IDossier, receivedAt: Date): DossierFormHeading {
  return {
    agencyName: dossier.agency.name,
    provinceName: findProvince(dossier.agency.provinceCode)?.name ?? '',
    dossierCode: dossier.code,
    procedureName: dossier.procedureName,
    applicantName: dossier.applicantName,
    receivedAt: receivedAt.toISOString(),
  };
}

export class DossierDocuments {
  constructor(
    private readonly orm: Orm,
    private readonly publicUrl: string,
  ) {}

  private em(): EntityManager {
    return this.orm.em.fork();
  }

  /** The result documents of a dossier, in the order they were issued. */
  results(dossierCode: string): Promise<ResultListing[]> {
    return this.em().find(
      DossierDocument,
      { dossier: { code: dossierCode }, kind: 'result' },
      { fields: ['code', 'title', 'fileName'], orderBy: { id: 'asc' } },
    );
  }

  /** One result of a dossier by its document code, or its first result when none is named. */
  async result(dossierCode: string, documentCode?: string): Promise<DownloadableDocument | undefined> {
    const doc = await this.em().findOne(
      DossierDocument,
      { dossier: { code: dossierCode }, kind: 'result', ...(documentCode ? { code: documentCode } : {}) },
      { populate: ['content'], orderBy: { id: 'asc' } },
    );
    return doc ? { fileName: doc.fileName, mimeType: doc.mimeType, content: Buffer.from(doc.content) } : undefined;
  }

  /** The apology and new appointment (form 04) of a dossier, once one was given. */
  async apologyLetter(dossier: IDossier): Promise<DownloadableDocument | undefined> {
    const apology = dossier.apology;
    if (!apology || !dossier.acceptedAt) return undefined;
    const content = await renderApologyLetterPdf({
      ...formHeading(dossier, dossier.acceptedAt),
      previousAppointmentAt: apology.previousAppointmentAt,
      newAppointmentAt: apology.newAppointmentAt,
      reason: apology.reason,
      at: apology.at,
      signedBy: apology.by.name,
      lookupUrl: `${this.publicUrl}${lookupPath(dossier.code, dossier.lookupSecret)}`,
    });
    return { fileName: `${dossier.code}-phieu-xin-loi.pdf`, mimeType: 'application/pdf', content };
  }

  /** The receipt and appointment slip of an accepted dossier; undefined before acceptance. */
  async receiptSlip(dossier: IDossier, definition: ProcedureDefinition): Promise<DownloadableDocument | undefined> {
    if (!dossier.acceptedAt || !dossier.appointmentAt) return undefined;
    const accepted = await this.em().findOne(TimelineEvent, { dossier: dossier.id, type: 'appointment' }, { orderBy: { seq: 'asc' } });
    const content = await renderReceiptSlipPdf({
      ...formHeading(dossier, dossier.acceptedAt),
      documents: definition.documents.map((d) => d.name),
      processingTime: timeLimitLabel(dossier.timeLimit ?? defaultProcessingLimit(definition)),
      appointmentAt: dossier.appointmentAt.toISOString(),
      appointmentChanges: appointmentChanges(dossier),
      receivedBy: accepted?.actorName ?? '',
      lookupUrl: `${this.publicUrl}/tra-cuu`,
      lookupSecret: formatLookupSecret(dossier.lookupSecret),
    });
    return { fileName: `${dossier.code}-giay-tiep-nhan.pdf`, mimeType: 'application/pdf', content };
  }
}
