/**
 * The electronic driving licence returned as the result of a renewal dossier (Decree
 * 45/2020/NĐ-CP: an electronic result coded `<dossier code>-KQ<n>`). The physical card is
 * printed by the licence registry; this A4 document is what the applicant downloads.
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

export interface DrivingLicenceData {
  /** 12-digit licence number. */
  number: string;
  /** Result code, e.g. `000.00.31.H01-261124-0001-KQ1`. */
  documentCode: string;
  dossierCode: string;
  holder: { fullName: string; dateOfBirth: string; citizenId: string };
  licenceClass: string;
  /** Issue instant (ISO); the date printed is the Vietnam-time day. */
  issuedAt: string;
  /** YYYY-MM-DD, or null for a licence without expiry. */
  validUntil: string | null;
  agencyName: string;
  /** Where the agency sits, for the dated place line ("Hà Nội"). */
  provinceName: string;
  /** The leader who approved the renewal. */
  signedBy?: string;
}

export function renderDrivingLicencePdf(data: DrivingLicenceData): Promise<Buffer> {
  const issuedAt = new Date(data.issuedAt);
  const doc = createDocument({
    title: `Giấy phép lái xe ${data.number}`,
    author: data.agencyName,
    subject: `Kết quả giải quyết hồ sơ ${data.dossierCode}`,
    createdAt: issuedAt,
  });

  drawNationalHeader(doc, {
    agencyName: data.agencyName,
    reference: `Số: ${data.number}`,
    dateLine: vietnameseDateLine(data.provinceName, issuedAt),
  });
  drawTitle(doc, 'GIẤY PHÉP LÁI XE', '(Bản điện tử)');
  drawFields(doc, [
    ['Số', data.number],
    ['Họ và tên', data.holder.fullName],
    ['Ngày sinh', formatVietnameseDate(data.holder.dateOfBirth)],
    ['Số định danh cá nhân', data.holder.citizenId],
    ['Hạng', data.licenceClass],
    ['Ngày cấp', formatVietnameseDate(issuedAt)],
    ['Có giá trị đến', data.validUntil ? formatVietnameseDate(data.validUntil) : 'Không thời hạn'],
    ['Nơi cấp', data.agencyName],
  ]);
  drawResultEnding(doc, { kind: 'Giấy phép lái xe', ...data });
  return toBuffer(doc);
}
