/**
 * Phiếu xin lỗi và hẹn lại ngày trả kết quả — form 04 of Circular 03/2025/TT-VPCP, Annex I:
 * the agency apologises to the applicant for a dossier it will not decide by the appointment,
 * gives the reason and a new appointment (given once per dossier).
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

export interface ApologyLetterData extends DossierFormHeading {
  /** The appointment the dossier will miss, and the new one. */
  previousAppointmentAt: string;
  newAppointmentAt: string;
  reason: string;
  /** When the apology was given, and by whom. */
  at: string;
  signedBy: string;
  lookupUrl: string;
}

export function renderApologyLetterPdf(data: ApologyLetterData): Promise<Buffer> {
  const doc = createDocument({
    title: `Phiếu xin lỗi và hẹn lại ngày trả kết quả ${data.dossierCode}`,
    author: data.agencyName,
    subject: data.procedureName,
    createdAt: new Date(data.at),
  });
  drawNationalHeader(doc, { agencyName: data.agencyName, dateLine: vietnameseDateLine(data.provinceName, data.at) });
  drawTitle(doc, 'PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ', `Mã hồ sơ: ${data.dossierCode}`);

  drawParagraph(doc, `Kính gửi: ${data.applicantName}`, { bold: true });
  drawParagraph(
    doc,
    `Ngày ${vietnameseTimeAndDate(data.receivedAt)}, ${data.agencyName} tiếp nhận giải quyết hồ sơ ` +
      `"${data.procedureName}" (mã hồ sơ ${data.dossierCode}), hẹn trả kết quả vào ${vietnameseTimeAndDate(data.previousAppointmentAt)}.`,
  );
  drawParagraph(doc, `Tuy nhiên đến nay, hồ sơ chưa giải quyết được đúng hạn. Lý do: ${data.reason}`);
  drawParagraph(
    doc,
    `Sự chậm trễ này đã gây phiền hà cho Ông/Bà. ${data.agencyName} xin lỗi Ông/Bà và hẹn trả kết quả ` +
      `vào ${vietnameseTimeAndDate(data.newAppointmentAt)}.`,
  );
  drawParagraph(doc, `Tra cứu tình trạng hồ sơ tại ${data.lookupUrl} bằng mã hồ sơ ${data.dossierCode}.`);
  drawParagraph(doc, 'Mong nhận được sự thông cảm của Ông/Bà.');

  drawSignatures(doc, [{ title: 'THỦ TRƯỞNG CƠ QUAN', note: '(Ký, ghi rõ họ tên và đóng dấu)', name: data.signedBy }]);
  drawFooter(doc, [`Mã hồ sơ: ${data.dossierCode}`, 'Hồ sơ chỉ được hẹn lại ngày trả kết quả một lần.'], data.dossierCode);
  return toBuffer(doc);
}
