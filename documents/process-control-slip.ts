/**
 * Phiếu kiểm soát quá trình giải quyết hồ sơ — form 06 of Circular 03/2025/TT-VPCP, Annex I:
 * the dossier's path through the agency, one row per hand-over (who handed over, who received,
 * when received, when finished, the step's due time) and whether each was early, on time or late.
 */
import {
  createDocument,
  drawFields,
  drawFooter,
  drawNationalHeader,
  drawParagraph,
  drawTitle,
  type DossierFormHeading,
  startTable,
  tableDateTime,
  toBuffer,
  vietnameseDateLine,
  vietnameseTimeAndDate,
} from './pdf-kit';

export interface ProcessControlStep {
  /** The step ("Tiếp nhận hồ sơ", "Thẩm định"). */
  name: string;
  handedOverBy: string;
  receivedBy: string;
  receivedAt: string;
  finishedAt?: string;
  dueAt?: string;
  /** "Trước hạn", "Đúng hạn", "Quá hạn", "Đang xử lý". */
  standing: string;
  /** The decision made ("Chuyển thẩm định") and its reason, if any. */
  note?: string;
}

export interface ProcessControlData extends DossierFormHeading {
  appointmentAt?: string;
  printedAt: string;
  steps: readonly ProcessControlStep[];
}


export function renderProcessControlSlipPdf(data: ProcessControlData): Promise<Buffer> {
  const doc = createDocument({
    title: `Phiếu kiểm soát quá trình giải quyết hồ sơ ${data.dossierCode}`,
    author: data.agencyName,
    subject: data.procedureName,
    createdAt: new Date(data.printedAt),
  });
  drawNationalHeader(doc, { agencyName: data.agencyName, dateLine: vietnameseDateLine(data.provinceName, data.printedAt) });
  drawTitle(doc, 'PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ', `Mã hồ sơ: ${data.dossierCode}`);
  drawFields(doc, [
    ['Người nộp hồ sơ', data.applicantName],
    ['Thủ tục', data.procedureName],
    ['Tiếp nhận lúc', vietnameseTimeAndDate(data.receivedAt)],
    ['Hẹn trả kết quả', data.appointmentAt ? vietnameseTimeAndDate(data.appointmentAt) : 'Chưa có'],
  ]);
  drawParagraph(doc, 'Quá trình giao, nhận hồ sơ:', { bold: true });
  const table = startTable(
    doc,
    [
      { header: 'Bước xử lý', width: 16 },
      { header: 'Bên giao', width: 13 },
      { header: 'Bên nhận', width: 13 },
      { header: 'Nhận lúc', width: 12 },
      { header: 'Hoàn thành', width: 12 },
      { header: 'Hạn', width: 12 },
      { header: 'Kết quả', width: 10 },
      { header: 'Ghi chú', width: 14 },
    ],
    { fontSize: 8, bottom: doc.page.height - doc.page.margins.bottom - 90 },
  );
  for (const step of data.steps) {
    table.row([step.name, step.handedOverBy, step.receivedBy, tableDateTime(step.receivedAt), tableDateTime(step.finishedAt), tableDateTime(step.dueAt), step.standing, step.note ?? '']);
  }
  if (!data.steps.length) drawParagraph(doc, 'Chưa có bước xử lý nào.');
  doc.moveDown(1);
  drawFooter(doc, [`Mã hồ sơ: ${data.dossierCode}`, 'Phiếu đi kèm hồ sơ từ khi tiếp nhận đến khi trả kết quả.', 'Tra cứu bằng mã hồ sơ hoặc quét mã QR.'], data.dossierCode);
  return toBuffer(doc);
}
