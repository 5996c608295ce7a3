/**
 * Issues a dossier's result: takes its number from the procedure's numbering scheme, renders
 * the electronic document and stores it under the code `<dossier code>-KQ1` (Decree 45/2020).
 * Idempotent end to end: a retry finds the number and the stored document it made before.
 */
import crypto from 'node:crypto';
import { findCommune } from '../domain/communes';
import { findProvince } from '../domain/provinces';
import { formatVnd } from '../domain/money';
import { formatVietnameseDate, localIsoDate } from '../domain/vietnam-time';
import { Dossier, DossierDocument } from '../db/entities';
import type { Orm } from '../db/orm';
import { BUILT_IN_NUMBERING, formatNumber, type NumberingContext, sequencePrefix } from '../engine/numbering';
import type { FormField } from '../engine/definition';
import { fieldOptions } from '../engine/form';
import type { ResultRecord } from '../workflows/messages';
import type { IssueResultInput } from './contract';
import { renderCertificatePdf } from '../documents/certificate';
import { renderDrivingLicencePdf } from '../documents/driving-licence';
import { licenceValidUntil } from '../domain/licence-validity';
import { allocateNumber } from './numbering';

export function resultDocumentCode(dossierCode: string, n = 1): string {
  return `${dossierCode}-KQ${n}`;
}

/** A day moved by whole months (and years); the 31st of a short month falls back to its last day. */
function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}

function validityOf(input: IssueResultInput, issuedDay: string): string | null | undefined {
  const { document, form } = input;
  const rule = document.validity?.rule ?? (document.template === 'driving-licence' ? 'driving-licence' : undefined);
  let until: string | null | undefined;
  if (rule === 'driving-licence') until = licenceValidUntil(form.licenceClass, issuedDay, form.dateOfBirth);
  else if (document.validity?.years || document.validity?.months)
    until = addMonths(issuedDay, (document.validity.years ?? 0) * 12 + (document.validity.months ?? 0));
  const cap = document.validity?.notAfterField ? form[document.validity.notAfterField] : undefined;
  return cap && (until === null || (until && cap < until)) ? cap : until;
}

interface LineValues {
  form: Record<string, string>;
  inputs: Record<string, string>;
  fields: Map<string, FormField>;
  number: string;
  validUntil?: string | null;
  fee?: number;
}

/** How one value prints: a choice by its label, a number with grouped digits, a date dd/mm/yyyy. */
function printable(raw: string, field: FormField | undefined): string {
  if (!raw) return '';
  if (field?.type === 'select') return fieldOptions(field).find((o) => o.value === raw)?.label ?? raw;
  if (field?.type === 'number') return raw.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return /^\d{4}-\d{2}-\d{2}$/.test(raw) ? formatVietnameseDate(raw) : raw;
}

/** Fills `{{form.x}}`, `{{inputs.x}}`, `{{number}}`, `{{validUntil}}`, `{{fee}}`; undefined when every value is empty. */
function fillLine(text: string, v: LineValues): string | undefined {
  let filled = 0;
  let empty = 0;
  const line = text.replace(/\{\{(form|inputs)\.(\w+)\}\}|\{\{(number|validUntil|fee)\}\}/g, (_w, scope: string, name: string, own: string) => {
    let value: string;
    if (own === 'number') value = v.number;
    else if (own === 'validUntil') value = v.validUntil === null ? 'Không thời hạn' : printable(v.validUntil ?? '', undefined);
    else if (own === 'fee') value = v.fee ? formatVnd(v.fee) : 'Không thu';
    else value = scope === 'form' ? printable(v.form[name] ?? '', v.fields.get(name)) : printable(v.inputs[name] ?? '', undefined);
    if (value) filled++;
    else empty++;
    return value;
  });
  return filled === 0 && empty > 0 ? undefined : line;
}

function renderResult(input: IssueResultInput, number: string, documentCode: string, issuedAt: Date): Promise<Buffer> {
  const { document, form, agency } = input;
  const validUntil = validityOf(input, localIsoDate(issuedAt));
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
  const values: LineValues = {
    form,
    inputs: input.inputs ?? {},
    fields: new Map((input.formFields ?? []).map((f) => [f.name, f])),
    number,
    validUntil,
    fee: input.fee,
  };
  return renderCertificatePdf({
    title: document.title,
    subtitle: document.subtitle,
    number,
    documentCode,
    dossierCode: input.dossierCode,
    fields: (document.fields ?? []).flatMap((f) => {
      const value = fillLine(f.value, values);
      return value === undefined ? [] : [{ label: f.label, value }];
    }),
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
