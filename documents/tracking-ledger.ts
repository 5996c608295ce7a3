/**
 * Sổ theo dõi hồ sơ — form 07 of Circular 03/2025/TT-VPCP, Annex I: one row per dossier an
 * agency received in a period (code, applicant, procedure, received, appointment, finished,
 * handed over). Landscape; rows arrive from an async source and pages are written to the
 * stream as they fill, so a long period is never held in memory whole.
 */
import type { Writable } from 'node:stream';
import { createDocument, drawQrCode, startTable, tableDateTime, vietnameseDateLine } from './pdf-kit';
import { formatVietnameseDate } from '../domain/vietnam-time';

export interface LedgerRow {
  code: string;
  applicantName: string;
  procedureName: string;
  receivedAt: string;
  appointmentAt?: string;
  finishedAt?: string;
  /** How the result left: "Đã trả kết quả", "Không được tiếp nhận", "Dừng xử lý", "Đang giải quyết". */
  handedOver: string;
}

export interface LedgerData {
  agencyName: string;
  agencyCode: string;
  provinceName: string;
  /** The period, local days YYYY-MM-DD, both included. */
  from: string;
  to: string;
  printedAt: string;
  rows: AsyncIterable<LedgerRow>;
  /** Set when rows stopped at the limit: printed under the table. */
  truncatedNote?: () => string | undefined;
}


/** Writes the ledger into `out` and resolves once the PDF has ended. */
export async function streamTrackingLedgerPdf(data: LedgerData, out: Writable): Promise<number> {
  const doc = createDocument({
    title: `Sổ theo dõi hồ sơ ${data.agencyName} ${data.from} – ${data.to}`,
    author: data.agencyName,
    createdAt: new Date(data.printedAt),
    layout: 'landscape',
  });
  const ended = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    // A client that goes away mid-download: nothing more to write.
    out.on('close', resolve);
    out.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(out);
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  doc.font('bold').fontSize(12).text(data.agencyName.toLocaleUpperCase('vi'), left, doc.page.margins.top, { width: width - 70 });
  doc.font('italic').fontSize(11).text(vietnameseDateLine(data.provinceName, data.printedAt), { width: width - 70 });
  drawQrCode(doc, `${data.agencyCode} ${data.from} ${data.to}`, left + width - 56, doc.page.margins.top, 56);
  doc.moveDown(0.8);
  doc.font('bold').fontSize(15).text('SỔ THEO DÕI HỒ SƠ', left, doc.y, { width, align: 'center' });
  doc.font('italic').fontSize(12).text(`Từ ngày ${formatVietnameseDate(data.from)} đến ngày ${formatVietnameseDate(data.to)}`, { width, align: 'center' });
  doc.moveDown(0.8);
  const table = startTable(
    doc,
    [
      { header: 'STT', width: 4, align: 'center' },
      { header: 'Mã hồ sơ', width: 16 },
      { header: 'Người nộp', width: 13 },
      { header: 'Thủ tục', width: 22 },
      { header: 'Nhận hồ sơ', width: 10 },
      { header: 'Hẹn trả', width: 10 },
      { header: 'Hoàn thành', width: 10 },
      { header: 'Trả kết quả', width: 15 },
    ],
    { x: left, width, fontSize: 8 },
  );
  let n = 0;
  for await (const row of data.rows) {
    n += 1;
    table.row([String(n), row.code, row.applicantName, row.procedureName, tableDateTime(row.receivedAt), tableDateTime(row.appointmentAt), tableDateTime(row.finishedAt), row.handedOver]);
  }
  doc.moveDown(0.6);
  doc.font('regular').fontSize(10);
  doc.text(n ? `Tổng số: ${n} hồ sơ.` : 'Không có hồ sơ nào được tiếp nhận trong kỳ này.', left, doc.y, { width });
  const note = data.truncatedNote?.();
  if (note) doc.font('bold').text(note, left, doc.y, { width });
  doc.end();
  await ended;
  return n;
}
