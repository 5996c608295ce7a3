/**
 * Giấy tiếp nhận hồ sơ và hẹn trả kết quả — form 01 of Circular 03/2025/TT-VPCP, Annex I,
 * printed (or sent) when a dossier is accepted. The wording follows the form's numbered items.
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

export interface ReceiptSlipData extends DossierFormHeading {
  /** Names of the documents received, in the order of the procedure's list. */
  documents: readonly string[];
  /** The time limit as people read it ("5 ngày làm việc", "8 giờ làm việc"). */
  processingTime: string;
  /** Appointment instant (ISO): the one in force now. */
  appointmentAt: string;
  /** Why the appointment moved since the dossier was received (a pause, an apology), one line each. */
  appointmentChanges?: readonly string[];
  /** The official who received the dossier. */
  receivedBy: string;
  /** Page where the applicant looks the dossier up (`…/tra-cuu`); the QR code opens it with both codes filled in. */
  lookupUrl: string;
  /** The lookup secret (domain/lookup-secret.ts), as printed: only the applicant holds this paper. */
  lookupSecret: string;
}

export function renderReceiptSlipPdf(data: ReceiptSlipData): Promise<Buffer> {
  const receivedAt = new Date(data.receivedAt);
  const doc = createDocument({
    title: `Giấy tiếp nhận hồ sơ và hẹn trả kết quả ${data.dossierCode}`,
    author: data.agencyName,
    subject: data.procedureName,
    createdAt: receivedAt,
  });

  drawNationalHeader(doc, {
    agencyName: data.agencyName,
    dateLine: vietnameseDateLine(data.provinceName, receivedAt),
  });
  drawTitle(doc, 'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ', `Mã hồ sơ: ${data.dossierCode}`);

  drawParagraph(doc, `${data.agencyName} tiếp nhận hồ sơ của: ${data.applicantName}`);
  drawParagraph(doc, `Nội dung yêu cầu giải quyết: ${data.procedureName}`);
  drawParagraph(doc, '1. Thành phần hồ sơ nộp gồm:');
  data.documents.forEach((name, i) => drawParagraph(doc, `(${i + 1}) ${name}`, { indent: 18 }));
  drawParagraph(doc, '2. Số lượng hồ sơ: 01 (bộ)');
  drawParagraph(doc, `3. Thời gian giải quyết hồ sơ theo quy định: ${data.processingTime}`);
  drawParagraph(doc, `4. Thời gian nhận hồ sơ: ${vietnameseTimeAndDate(receivedAt)}`);
  drawParagraph(doc, `5. Thời gian trả kết quả giải quyết hồ sơ: ${vietnameseTimeAndDate(data.appointmentAt)}`);
  for (const change of data.appointmentChanges ?? []) drawParagraph(doc, change, { indent: 18 });
  drawParagraph(
    doc,
    `6. Tra cứu tình trạng hồ sơ: tại ${data.lookupUrl} bằng mã hồ sơ ${data.dossierCode} ` +
      `và mã bảo mật ${data.lookupSecret}, hoặc quét mã QR trên giấy này.`,
  );

  drawSignatures(doc, [
    { title: 'NGƯỜI NỘP HỒ SƠ', note: '(Ký và ghi rõ họ tên)', name: data.applicantName },
    { title: 'NGƯỜI TIẾP NHẬN HỒ SƠ', note: '(Ký và ghi rõ họ tên)', name: data.receivedBy },
  ]);
  drawFooter(
    doc,
    [
      `Mã hồ sơ: ${data.dossierCode}`,
      'Thời gian chờ công dân bổ sung hồ sơ (nếu có) không tính vào thời hạn giải quyết.',
      'Khi đến nhận kết quả, vui lòng mang theo giấy này và giấy tờ tùy thân.',
      'Giữ kín mã bảo mật: ai có mã hồ sơ và mã bảo mật đều tra cứu được hồ sơ.',
    ],
    `${data.lookupUrl}?ma=${encodeURIComponent(data.dossierCode)}&bm=${encodeURIComponent(data.lookupSecret.replace(/-/g, ''))}`,
  );
  return toBuffer(doc);
}
