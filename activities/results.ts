/**
 * Issues a dossier's result: takes its number, renders the signed electronic document and
 * stores it under the code `<dossier code>-KQ1` (Decree 45/2020). Idempotent end to end: a retry
 * finds the number and the stored document it made before.
 */
import crypto from 'node:crypto';
import { findProvince } from '../domain/provinces';
import { localIsoDate } from '../domain/vietnam-time';
import { Dossier, DossierDocument } from '../db/entities';
import type { Orm } from '../db/orm';
import type { ResultRecord } from '../workflows/messages';
import type { IssueResultInput } from './contract';
import { renderDrivingLicencePdf } from './documents/driving-licence';
import { licenceValidUntil } from './documents/licence-validity';
import { allocateNumber } from './numbering';

export function resultDocumentCode(dossierCode: string, n = 1): string {
  return `${dossierCode}-KQ${n}`;
}

export function createResultIssuer(orm: Orm) {
  return async function issueResult(input: IssueResultInput): Promise<ResultRecord> {
    const documentCode = resultDocumentCode(input.dossierCode);
    // Driving licence numbers: province code, two-digit year, eight-digit sequence.
    const year = localIsoDate(new Date()).slice(2, 4);
    const { number, issuedAt } = await allocateNumber(orm, {
      scheme: input.document.numbering,
      prefix: `${input.agency.provinceCode}${year}`,
      digits: 8,
      dossierCode: input.dossierCode,
    });

    const em = orm.em.fork();
    const stored = await em.findOne(DossierDocument, { code: documentCode });
    if (!stored) {
      const form = input.form;
      const pdf = await renderDrivingLicencePdf({
        number,
        documentCode,
        dossierCode: input.dossierCode,
        holder: { fullName: form.fullName, dateOfBirth: form.dateOfBirth, citizenId: form.citizenId },
        licenceClass: form.licenceClass,
        issuedAt: issuedAt.toISOString(),
        validUntil: licenceValidUntil(form.licenceClass, localIsoDate(issuedAt), form.dateOfBirth),
        agencyName: input.agency.name,
        provinceName: findProvince(input.agency.provinceCode)?.name ?? '',
        signedBy: input.signedBy,
      });
      const dossier = await em.findOneOrFail(Dossier, { code: input.dossierCode });
      await em
        .createQueryBuilder(DossierDocument)
        .insert({
          dossier: dossier.id,
          code: documentCode,
          kind: 'result',
          title: input.document.title,
          fileName: `${documentCode}.pdf`,
          mimeType: 'application/pdf',
          content: pdf,
          sha256: crypto.createHash('sha256').update(pdf).digest('hex'),
          createdAt: new Date(),
        })
        .onConflict('code')
        .ignore()
        .execute('run');
    }
    return { number, documentCode, issuedAt: issuedAt.toISOString(), title: input.document.title };
  };
}
