/**
 * The electronic result document of a dossier (Decree 45/2020): a driving licence or a
 * certificate whose lines a definition writes with {{placeholders}}, with its validity worked
 * out from the definition's rule. Rendering only; numbering and storage are the issuing
 * activity's (activities/results.ts).
 */
import { findCommune } from '../domain/communes';
import { licenceValidUntil } from '../domain/licence-validity';
import { formatVnd } from '../domain/money';
import { findProvince } from '../domain/provinces';
import { formatVietnameseDate, localIsoDate } from '../domain/vietnam-time';
import type { FormField, IssueStep } from '../engine/definition';
import { fieldOptions } from '../engine/form';
import { renderCertificatePdf } from './certificate';
import { renderDrivingLicencePdf } from './driving-licence';

export interface ResultDocumentInput {
  dossierCode: string;
  document: IssueStep['document'];
  agency: { code: string; name: string; provinceCode: string; communeCode?: string };
  form: Record<string, string>;
  inputs?: Record<string, string>;
  /** The definition's form fields, so choices print their labels. */
  formFields?: FormField[];
  /** What the applicant was charged, for {{fee}}. */
  fee?: number;
  /** The leader who approved; printed on the document. */
  signedBy?: string;
}

/** A day moved by whole months (and years); the 31st of a short month falls back to its last day. */
function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}

function validityOf(input: ResultDocumentInput, issuedDay: string): string | null | undefined {
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

/** The result document of a dossier as a PDF: a driving licence, or a certificate with its lines filled in. */
export function renderResultDocument(input: ResultDocumentInput, number: string, documentCode: string, issuedAt: Date): Promise<Buffer> {
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

