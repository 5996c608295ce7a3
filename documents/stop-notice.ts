/**
 * Thông báo dừng xử lý hồ sơ — form 05 of Circular 03/2025/TT-VPCP, Annex I: handling stops
 * before a decision (the fee was not paid in time, the applicant withdrew, the agency stopped
 * it), with the reason.
 */
import {
  createDocument,
  drawFooter,
  drawNationalHeader,
  drawParagraph,
  drawSignatures,
  drawTitle,
  type DossierFormHeading,
  toBuffer,
  vietnameseDateLine,
  vietnameseTimeAndDate,
} from './pdf-kit';

export interface StopNoticeData extends DossierFormHeading {
  reason: string;
  stoppedAt: string;
  /** Who stopped it; absent when the system did (a payment deadline passed). */
  stoppedBy?: string;
}

export function renderStopNoticePdf(data: StopNoticeData): Promise<Buffer> {
  const doc = createDocument({
    title: `Thông báo dừng xử lý hồ sơ ${data.dossierCode}`,
    author: data.agencyName,
    subject: data.procedureName,
    createdAt: new Date(data.stoppedAt),
  });
  drawNationalHeader(doc, { agencyName: data.agencyName, dateLine: vietnameseDateLine(data.provinceName, data.stoppedAt) });
  drawTitle(doc, 'THÔNG BÁO DỪNG XỬ LÝ HỒ SƠ', `Mã hồ sơ: ${data.dossierCode}`);

  drawParagraph(doc, `Kính gửi: ${data.applicantName}`, { bold: true });
  drawParagraph(
    doc,
    `Ngày ${vietnameseTimeAndDate(data.receivedAt)}, ${data.agencyName} nhận hồ sơ đề nghị giải quyết thủ tục ` +
      `"${data.procedureName}" (mã hồ sơ ${data.dossierCode}).`,
  );
  drawParagraph(doc, `${data.agencyName} thông báo dừng xử lý hồ sơ này từ ${vietnameseTimeAndDate(data.stoppedAt)}. Lý do:`);
  drawParagraph(doc, data.reason, { indent: 18, bold: true });
  drawParagraph(doc, 'Ông/Bà có thể nộp hồ sơ mới khi đáp ứng đủ điều kiện theo quy định.');

  drawSignatures(doc, [{ title: 'THỦ TRƯỞNG CƠ QUAN', note: '(Ký, ghi rõ họ tên và đóng dấu)', name: data.stoppedBy }]);
  drawFooter(doc, [`Mã hồ sơ: ${data.dossierCode}`, 'Hồ sơ đã dừng xử lý.', 'Tra cứu bằng mã hồ sơ hoặc quét mã QR.'], data.dossierCode);
  return toBuffer(doc);
}
