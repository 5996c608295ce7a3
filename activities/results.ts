/**
 * Issues a dossier's result: takes its number from the procedure's numbering scheme, renders
 * the electronic document and stores it under the code `<dossier code>-KQ1` (Decree 45/2020).
 * Idempotent end to end: a retry finds the number and the stored document it made before.
 */
import crypto from 'node:crypto';
import { findCommune } from '../domain/communes';
import { findProvince } from '../domain/provinces';
import { formatVietnameseDate, localIsoDate } from '../domain/vietnam-time';
import { Dossier, DossierDocument } from '../db/entities';
import type { Orm } from '../db/orm';
import { BUILT_IN_NUMBERING, formatNumber, type NumberingContext, sequencePrefix } from '../procedures/numbering';
import type { ResultRecord } from '../workflows/messages';
import type { IssueResultInput } from './contract';
import { renderCertificatePdf } from './documents/certificate';
import { renderDrivingLicencePdf } from './documents/driving-licence';
import { licenceValidUntil } from './documents/licence-validity';
import { allocateNumber } from './numbering';

export function resultDocumentCode(dossierCode: string, n = 1): string {
  return `${dossierCode}-KQ${n}`;
}

function addYears(day: string, years: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y + years, m - 1, d));
  return date.toISOString().slice(0, 10);
}

/** `{{form.x}}`, `{{inputs.x}}`, `{{number}}`, `{{validUntil}}` filled in; dates printed dd/mm/yyyy. */
function fillLine(text: string, values: { form: Record<string, string>; inputs: Record<string, string>; number: string; validUntil?: string | null }) {
  return text.replace(/\{\{(form|inputs)\.(\w+)\}\}|\{\{(number|validUntil)\}\}/g, (_w, scope: string, name: string, own: string) => {
    const raw = own ? (own === 'number' ? values.number : values.validUntil ?? '') : (scope === 'form' ? values.form : values.inputs)[name] ?? '';
    return /^\d{4}-\d{2}-\d{2}$/.test(raw) ? formatVietnameseDate(raw) : raw;
  });
}

function renderResult(input: IssueResultInput, number: string, documentCode: string, issuedAt: Date): Promise<Buffer> {
  const { document, form, agency } = input;
  const issuedDay = localIsoDate(issuedAt);
  const validUntil =
    document.validity?.rule === 'driving-licence' || document.template === 'driving-licence'
      ? licenceValidUntil(form.licenceClass, issuedDay, form.dateOfBirth)
      : document.validity?.years
        ? addYears(issuedDay, document.validity.years)
        : undefined;
  const placeName = (agency.communeCode && findCommune(agency.communeCode)?.name) || findProvince(agency.provinceCode)?.name || '';
  if (document.template === 'driving-licence') {
    return renderDrivingLicencePdf({
      number,
      documentCode,
      dossierCode: input.dossierCode,
      holder: { fullName: form.fullName, dateOfBirth: form.dateOfBirth, citizenId: form.citizenId },
      licenceClass: form.licenceClass,
      issuedAt: issuedAt.toISOString(),
      validUntil: validUntil ?? null,
      agencyName: agency.name,
      provinceName: findProvince(agency.provinceCode)?.name ?? '',
      signedBy: input.signedBy,
    });
  }
  const values = { form, inputs: input.inputs ?? {}, number, validUntil };
  return renderCertificatePdf({
    title: document.title,
    subtitle: document.subtitle,
    number,
    documentCode,
    dossierCode: input.dossierCode,
    fields: (document.fields ?? []).map((f) => ({ label: f.label, value: fillLine(f.value, values) })),
    issuedAt: issuedAt.toISOString(),
    validUntil,
    agencyName: agency.name,
    placeName,
    signedBy: input.signedBy,
  });
}

export function createResultIssuer(orm: Orm) {
  return async function issueResult(input: IssueResultInput): Promise<ResultRecord> {
    const documentCode = resultDocumentCode(input.dossierCode);
    const scheme = input.document.numbering;
    const pattern = input.numberingPattern ?? BUILT_IN_NUMBERING[scheme].pattern;
    const context: NumberingContext = {
      provinceCode: input.agency.provinceCode,
      communeCode: input.agency.communeCode,
      agencyCode: input.agency.code,
      day: localIsoDate(new Date()),
    };
    const { number, issuedAt } = await allocateNumber(orm, {
      // Schemes a definition declares are its own; built-in ones are shared by name.
      scheme: BUILT_IN_NUMBERING[scheme]?.pattern === pattern ? scheme : `${input.procedureCode}/${scheme}`,
      prefix: sequencePrefix(pattern, context),
      format: (value) => formatNumber(pattern, context, value),
      dossierCode: input.dossierCode,
    });

    const em = orm.em.fork();
    const stored = await em.findOne(DossierDocument, { code: documentCode });
    if (!stored) {
      const pdf = await renderResult(input, number, documentCode, issuedAt);
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
