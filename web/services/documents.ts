/**
 * The documents of a dossier as pages hand them out: its results (one per issue step,
 * `<dossier>-KQ1`, `-KQ2`, …, stored by the workflow in `dossier_document`) and the receipt slip,
 * printed on demand from the read model.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { renderReceiptSlipPdf } from '../../documents/receipt-slip';
import { DossierDocument, type IDossier, type IDossierDocument, TimelineEvent } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { findProvince } from '../../domain/provinces';
import type { ProcedureDefinition } from '../../engine/definition';

export type ResultListing = Pick<IDossierDocument, 'code' | 'title' | 'fileName'>;

export interface DownloadableDocument {
  fileName: string;
  mimeType: string;
  content: Buffer;
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

  /** The receipt and appointment slip of an accepted dossier; undefined before acceptance. */
  async receiptSlip(dossier: IDossier, definition: ProcedureDefinition): Promise<DownloadableDocument | undefined> {
    if (!dossier.acceptedAt || !dossier.appointmentAt) return undefined;
    const accepted = await this.em().findOne(TimelineEvent, { dossier: dossier.id, type: 'appointment' }, { orderBy: { seq: 'asc' } });
    const content = await renderReceiptSlipPdf({
      agencyName: dossier.agency.name,
      provinceName: findProvince(dossier.agency.provinceCode)?.name ?? '',
      dossierCode: dossier.code,
      procedureName: dossier.procedureName,
      applicantName: dossier.applicantName,
      receivedAt: dossier.acceptedAt.toISOString(),
      documents: definition.documents.map((d) => d.name),
      processingDays: definition.processingDays,
      appointmentAt: dossier.appointmentAt.toISOString(),
      receivedBy: accepted?.actorName ?? '',
      lookupUrl: `${this.publicUrl}/tra-cuu?ma=${encodeURIComponent(dossier.code)}`,
    });
    return { fileName: `${dossier.code}-giay-tiep-nhan.pdf`, mimeType: 'application/pdf', content };
  }
}
