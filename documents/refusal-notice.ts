/**
 * Phiếu từ chối tiếp nhận giải quyết hồ sơ — form 03 of Circular 03/2025/TT-VPCP, Annex I
 * (form 03 of Circular 01/2018 before it): the dossier is not accepted, with the reason, who
 * refused and when. The dossier was never received, so the heading's date is its submission.
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

export interface RefusalNoticeData extends DossierFormHeading {
  reason: string;
  refusedAt: string;
  refusedBy: string;
}

export function renderRefusalNoticePdf(data: RefusalNoticeData): Promise<Buffer> {
  const doc = createDocument({
    title: `Phiếu từ chối tiếp nhận giải quyết hồ sơ ${data.dossierCode}`,
    author: data.agencyName,
    subject: data.procedureName,
    createdAt: new Date(data.refusedAt),
  });
  drawNationalHeader(doc, { agencyName: data.agencyName, dateLine: vietnameseDateLine(data.provinceName, data.refusedAt) });
  drawTitle(doc, 'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ', `Mã hồ sơ: ${data.dossierCode}`);

  drawParagraph(doc, `Kính gửi: ${data.applicantName}`, { bold: true });
  drawParagraph(
    doc,
    `${data.agencyName} nhận được hồ sơ đề nghị giải quyết thủ tục "${data.procedureName}" ` +
      `(mã hồ sơ ${data.dossierCode}) nộp lúc ${vietnameseTimeAndDate(data.receivedAt)}.`,
  );
  drawParagraph(doc, 'Căn cứ quy định của thủ tục hành chính, cơ quan không tiếp nhận giải quyết hồ sơ này với lý do:');
  drawParagraph(doc, data.reason, { indent: 18, bold: true });
  drawParagraph(doc, `Thời điểm từ chối: ${vietnameseTimeAndDate(data.refusedAt)}. Cán bộ từ chối: ${data.refusedBy}.`);
  drawParagraph(doc, 'Xin thông báo để Ông/Bà biết và thực hiện.');

  drawSignatures(doc, [{ title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', note: '(Ký và ghi rõ họ tên)', name: data.refusedBy }]);
  drawFooter(doc, [`Mã hồ sơ: ${data.dossierCode}`, 'Hồ sơ không được tiếp nhận giải quyết.', 'Tra cứu bằng mã hồ sơ hoặc quét mã QR.'], data.dossierCode);
  return toBuffer(doc);
}
