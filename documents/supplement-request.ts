/**
 * Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ — form 02 of Circular 03/2025/TT-VPCP, Annex I
 * (form 02 of Circular 01/2018 before it): what the applicant must add, why, by whom it was
 * asked and when. One slip per round of supplement.
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

export interface SupplementRequestData extends DossierFormHeading {
  /** 1 for the first request on this dossier, 2 for the second, … */
  round: number;
  /** What is missing or must be corrected, as the official wrote it. */
  reason: string;
  requestedAt: string;
  requestedBy: string;
  /** Where the applicant answers online (the dossier's lookup page). */
  lookupUrl: string;
}

export function renderSupplementRequestPdf(data: SupplementRequestData): Promise<Buffer> {
  const doc = createDocument({
    title: `Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ ${data.dossierCode}`,
    author: data.agencyName,
    subject: data.procedureName,
    createdAt: new Date(data.requestedAt),
  });
  drawNationalHeader(doc, { agencyName: data.agencyName, dateLine: vietnameseDateLine(data.provinceName, data.requestedAt) });
  drawTitle(doc, 'PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ', `Mã hồ sơ: ${data.dossierCode} · Lần ${data.round}`);

  drawParagraph(doc, `Kính gửi: ${data.applicantName}`, { bold: true });
  drawParagraph(
    doc,
    `Ngày ${vietnameseTimeAndDate(data.receivedAt)}, ${data.agencyName} tiếp nhận hồ sơ đề nghị giải quyết thủ tục ` +
      `"${data.procedureName}" (mã hồ sơ ${data.dossierCode}).`,
  );
  drawParagraph(doc, 'Sau khi xem xét, hồ sơ cần được bổ sung, hoàn thiện các nội dung sau:');
  drawParagraph(doc, data.reason, { indent: 18, bold: true });
  drawParagraph(doc, `Lý do: hồ sơ chưa đầy đủ hoặc chưa hợp lệ theo quy định của thủ tục hành chính.`);
  drawParagraph(
    doc,
    'Thời gian chờ Ông/Bà bổ sung hồ sơ không tính vào thời hạn giải quyết. Ông/Bà bổ sung trực tuyến tại ' +
      `${data.lookupUrl} hoặc nộp tại nơi đã tiếp nhận hồ sơ.`,
  );
  drawParagraph(doc, `Thời điểm yêu cầu: ${vietnameseTimeAndDate(data.requestedAt)}. Cán bộ yêu cầu: ${data.requestedBy}.`);
  drawParagraph(doc, 'Trong quá trình hoàn thiện hồ sơ, nếu có vướng mắc, Ông/Bà liên hệ nơi tiếp nhận hồ sơ để được hướng dẫn.');

  drawSignatures(doc, [{ title: 'NGƯỜI HƯỚNG DẪN', note: '(Ký và ghi rõ họ tên)', name: data.requestedBy }]);
  drawFooter(doc, [`Mã hồ sơ: ${data.dossierCode}`, `Yêu cầu bổ sung lần ${data.round}.`, 'Tra cứu bằng mã hồ sơ hoặc quét mã QR.'], data.dossierCode);
  return toBuffer(doc);
}
