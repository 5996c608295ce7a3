/**
 * The generic electronic result: a certificate, notice or decision whose lines the procedure
 * definition lists (label and value). Any procedure without a layout of its own uses it.
 */
import { formatVietnameseDate } from '../domain/vietnam-time';
import {
  createDocument,
  drawFields,
  drawNationalHeader,
  drawResultEnding,
  drawTitle,
  toBuffer,
  vietnameseDateLine,
} from './pdf-kit';

export interface CertificateData {
  title: string;
  subtitle?: string;
  number: string;
  documentCode: string;
  dossierCode: string;
  /** Lines already filled in with the dossier's values. */
  fields: { label: string; value: string }[];
  issuedAt: string;
  validUntil?: string | null;
  agencyName: string;
  placeName: string;
  signedBy?: string;
}

export function renderCertificatePdf(data: CertificateData): Promise<Buffer> {
  const issuedAt = new Date(data.issuedAt);
  const doc = createDocument({
    title: `${data.title} ${data.number}`,
    author: data.agencyName,
    subject: `Kết quả giải quyết hồ sơ ${data.dossierCode}`,
    createdAt: issuedAt,
  });
  drawNationalHeader(doc, {
    agencyName: data.agencyName,
    reference: `Số: ${data.number}`,
    dateLine: vietnameseDateLine(data.placeName, issuedAt),
  });
  drawTitle(doc, data.title.toUpperCase(), data.subtitle ?? '(Bản điện tử)');
  const rows: [string, string][] = data.fields.map((f) => [f.label, f.value]);
  rows.push(['Ngày cấp', formatVietnameseDate(issuedAt)]);
  if (data.validUntil !== undefined) rows.push(['Có giá trị đến', data.validUntil ? formatVietnameseDate(data.validUntil) : 'Không thời hạn']);
  drawFields(doc, rows);
  drawResultEnding(doc, { kind: 'Kết quả', ...data });
  return toBuffer(doc);
}
