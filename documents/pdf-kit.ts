/**
 * The pieces every printed document shares: A4 page with the margins of Decree 30/2020/NĐ-CP,
 * embedded DejaVu fonts (full Vietnamese coverage, so the PDF never falls back to a standard
 * font without Vietnamese glyphs), the national-motto header, the dated place line, signature
 * blocks and a footer with codes and a QR code.
 */
import PDFDocument from 'pdfkit';
import { create as createQrCode } from 'qrcode';
import { formatVietnameseDate, formatVietnameseDateTime, localDateParts, localIsoDate } from '../domain/vietnam-time';

export type Pdf = PDFKit.PDFDocument;

/** Resolved through the package, so the fonts work wherever node_modules is installed. */
function dejavu(file: string): string {
  return require.resolve(`dejavu-fonts-ttf/ttf/${file}`);
}

/** The condensed serif sets about as wide as the Times New Roman official documents use. */
export const FONTS = {
  regular: dejavu('DejaVuSerifCondensed.ttf'),
  bold: dejavu('DejaVuSerifCondensed-Bold.ttf'),
  italic: dejavu('DejaVuSerifCondensed-Italic.ttf'),
} as const;

/**
 * Text as drawn: some keyboards send decomposed Vietnamese (NFD), which would place combining
 * marks as separate glyphs; the composed form uses the font's precomposed letters.
 */
function vi(text: string): string {
  return text.normalize('NFC');
}

const A4 = { width: 595.28, height: 841.89 };
/** Decree 30/2020 page margins: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. */
const MARGINS = { top: 57, bottom: 57, left: 85, right: 57 };
const CONTENT_WIDTH = A4.width - MARGINS.left - MARGINS.right;
/** Header columns: issuing agency on the left, national motto on the right. */
const LEFT_COLUMN = { x: MARGINS.left - 30, width: 190 };
const RIGHT_COLUMN = { x: A4.width - MARGINS.right - 285, width: 285 };
const FOOTER_HEIGHT = 80;
const QR_SIZE = 64;

export interface DocumentMeta {
  title: string;
  author: string;
  subject?: string;
  /** Fixed creation date: the same data renders the same bytes, which keeps retried activities idempotent. */
  createdAt: Date;
  /** Landscape for wide tables (form 07, the tracking ledger); portrait by default. */
  layout?: 'portrait' | 'landscape';
}

export function createDocument(meta: DocumentMeta): Pdf {
  const doc = new PDFDocument({
    size: 'A4',
    layout: meta.layout ?? 'portrait',
    margins: MARGINS,
    font: FONTS.regular,
    lang: 'vi-VN',
    displayTitle: true,
    info: {
      Title: vi(meta.title),
      Author: vi(meta.author),
      // pdfkit reads every entry's value: an absent subject is left out, not undefined.
      ...(meta.subject ? { Subject: vi(meta.subject) } : {}),
      Creator: 'motcua',
      Producer: 'motcua',
      CreationDate: meta.createdAt,
      ModDate: meta.createdAt,
    },
  });
  for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, file);
  return doc.font('regular').fontSize(13);
}

/** Ends the document and collects its bytes. */
export function toBuffer(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/**
 * "Hà Nội, ngày 24 tháng 11 năm 2026". Decree 30/2020 writes days below 10 and the months
 * January and February with a leading zero ("ngày 05 tháng 02"), so the figures cannot be
 * extended by hand afterwards.
 */
export function vietnameseDateLine(place: string, at: Date | string): string {
  const iso = typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at) ? at : localIsoDate(new Date(at));
  const [year, month, day] = iso.split('-').map(Number);
  const dd = String(day).padStart(2, '0');
  const mm = month <= 2 ? String(month).padStart(2, '0') : String(month);
  return `${place}, ngày ${dd} tháng ${mm} năm ${year}`;
}

/** "15 giờ 30 phút, ngày 13/02/2026", as the receipt form writes instants, in Vietnam time. */
export function vietnameseTimeAndDate(at: Date | string): string {
  const instant = new Date(at);
  const { hour, minute } = localDateParts(instant);
  return `${String(hour).padStart(2, '0')} giờ ${String(minute).padStart(2, '0')} phút, ngày ${formatVietnameseDate(instant)}`;
}

/** What the printed forms about one dossier (01 receipt, 04 apology) all name: who received what, from whom, when. */
export interface DossierFormHeading {
  agencyName: string;
  /** Where the receiving unit sits, for the dated place line ("Hà Nội"). */
  provinceName: string;
  dossierCode: string;
  procedureName: string;
  applicantName: string;
  /** When the dossier was received (accepted), ISO. */
  receivedAt: string;
}

export interface HeaderContent {
  /** Issuing agency, printed upper-case on the left. */
  agencyName: string;
  /** Line under the agency, e.g. "Số: 012345678901". */
  reference?: string;
  /** Line under the motto, e.g. "Hà Nội, ngày 24 tháng 11 năm 2026". */
  dateLine: string;
}

/** The two-column header of an administrative document; leaves the cursor below it. */
export function drawNationalHeader(doc: Pdf, header: HeaderContent): void {
  const top = MARGINS.top;
  doc.font('bold').fontSize(12);
  doc.text(vi(header.agencyName).toLocaleUpperCase('vi'), LEFT_COLUMN.x, top, { width: LEFT_COLUMN.width, align: 'center' });
  const leftBottom = doc.y;
  rule(doc, LEFT_COLUMN.x + LEFT_COLUMN.width / 2, leftBottom + 3, 60);

  doc.font('bold').fontSize(12);
  doc.text('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', RIGHT_COLUMN.x, top, { width: RIGHT_COLUMN.width, align: 'center' });
  doc.fontSize(13).text('Độc lập - Tự do - Hạnh phúc', { width: RIGHT_COLUMN.width, align: 'center' });
  const rightBottom = doc.y;
  rule(doc, RIGHT_COLUMN.x + RIGHT_COLUMN.width / 2, rightBottom + 3, doc.widthOfString('Độc lập - Tự do - Hạnh phúc'));

  const below = Math.max(leftBottom, rightBottom) + 12;
  let referenceBottom = below;
  if (header.reference) {
    doc.font('regular').fontSize(12);
    doc.text(vi(header.reference), LEFT_COLUMN.x, below, { width: LEFT_COLUMN.width, align: 'center' });
    referenceBottom = doc.y;
  }
  doc.font('italic').fontSize(13);
  doc.text(vi(header.dateLine), RIGHT_COLUMN.x, below, { width: RIGHT_COLUMN.width, align: 'center' });
  doc.x = MARGINS.left;
  doc.y = Math.max(referenceBottom, doc.y) + 24;
}

/** A short horizontal line centred on `centerX`, as under the header lines. */
function rule(doc: Pdf, centerX: number, y: number, width: number): void {
  doc.save().lineWidth(0.6).moveTo(centerX - width / 2, y).lineTo(centerX + width / 2, y).stroke().restore();
}

export function drawTitle(doc: Pdf, title: string, subtitle?: string): void {
  [title, subtitle] = [vi(title), subtitle && vi(subtitle)];
  doc.font('bold').fontSize(15).text(title, MARGINS.left, doc.y, { width: CONTENT_WIDTH, align: 'center' });
  if (subtitle) doc.font('italic').fontSize(13).text(subtitle, { width: CONTENT_WIDTH, align: 'center' });
  doc.moveDown(1.2);
}

/** Label–value rows with the values aligned in a second column. */
export function drawFields(doc: Pdf, rows: readonly (readonly [label: string, value: string])[], labelWidth = 170): void {
  const valueX = MARGINS.left + labelWidth;
  const valueWidth = CONTENT_WIDTH - labelWidth;
  for (const [label, value] of rows.map(([l, v]) => [vi(l), vi(v)])) {
    const y = doc.y;
    doc.font('regular').fontSize(13).text(`${label}:`, MARGINS.left, y, { width: labelWidth - 8 });
    const labelBottom = doc.y;
    doc.font('bold').fontSize(13).text(value, valueX, y, { width: valueWidth });
    doc.y = Math.max(labelBottom, doc.y) + 5;
  }
  doc.x = MARGINS.left;
  doc.font('regular');
}

/** A paragraph across the text width. */
export function drawParagraph(doc: Pdf, text: string, options: { indent?: number; bold?: boolean } = {}): void {
  const indent = options.indent ?? 0;
  doc
    .font(options.bold ? 'bold' : 'regular')
    .fontSize(13)
    .text(vi(text), MARGINS.left + indent, doc.y, { width: CONTENT_WIDTH - indent, align: 'justify' });
  doc.x = MARGINS.left;
  doc.moveDown(0.3);
}

export interface SignatureBlock {
  /** Upper-case role, e.g. "NGƯỜI TIẾP NHẬN HỒ SƠ". */
  title: string;
  /** Italic line under the role, e.g. "(Ký và ghi rõ họ tên)". */
  note?: string;
  name?: string;
}

/**
 * Signature blocks side by side: one block sits on the right (the signer of an administrative
 * document), two share the width (applicant left, official right).
 */
export function drawSignatures(doc: Pdf, blocks: readonly SignatureBlock[]): void {
  const height = 110;
  if (doc.y + height > footerTop()) doc.addPage();
  const top = doc.y + 8;
  const columns =
    blocks.length === 1
      ? [RIGHT_COLUMN]
      : blocks.map((_, i) => ({ x: MARGINS.left + (CONTENT_WIDTH / blocks.length) * i, width: CONTENT_WIDTH / blocks.length }));
  let bottom = top;
  blocks.forEach((block, i) => {
    const { x, width } = columns[i];
    block = { title: vi(block.title), note: block.note && vi(block.note), name: block.name && vi(block.name) };
    doc.font('bold').fontSize(13).text(block.title, x, top, { width, align: 'center' });
    if (block.note) doc.font('italic').fontSize(12).text(block.note, x, doc.y, { width, align: 'center' });
    if (block.name) doc.font('bold').fontSize(13).text(block.name, x, doc.y + 50, { width, align: 'center' });
    bottom = Math.max(bottom, doc.y);
  });
  doc.x = MARGINS.left;
  doc.y = bottom + 12;
}

function footerTop(): number {
  return A4.height - MARGINS.bottom - FOOTER_HEIGHT;
}

/**
 * Small print at the foot of the last page, and a QR code carrying `qrText` (Circular
 * 01/2023/TT-VPCP: printed papers carry the dossier code as a QR code).
 */
export function drawFooter(doc: Pdf, lines: readonly string[], qrText: string): void {
  if (doc.y > footerTop()) doc.addPage();
  const top = footerTop();
  const bottomMargin = doc.page.margins.bottom;
  // Writing inside the bottom margin would otherwise start a new page.
  doc.page.margins.bottom = 0;
  doc.save().lineWidth(0.5).strokeColor('#888888').moveTo(MARGINS.left, top).lineTo(A4.width - MARGINS.right, top).stroke().restore();
  drawQrCode(doc, qrText, A4.width - MARGINS.right - QR_SIZE, top + 8, QR_SIZE);
  doc.font('regular').fontSize(9).fillColor('#333333');
  doc.text(vi(lines.join('\n')), MARGINS.left, top + 10, { width: CONTENT_WIDTH - QR_SIZE - 12, lineBreak: true, lineGap: 2 });
  doc.fillColor('black');
  doc.page.margins.bottom = bottomMargin;
}

/** Draws the QR symbol as vector squares: sharp at any zoom, no image decoding needed. */
export function drawQrCode(doc: Pdf, text: string, x: number, y: number, size: number): void {
  const { modules } = createQrCode(text, { errorCorrectionLevel: 'M' });
  const cell = size / modules.size;
  doc.save().fillColor('black');
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) doc.rect(x + col * cell, y + row * cell, cell, cell);
    }
  }
  doc.fill().restore();
}

/** The end of every electronic result: the head of the agency's approval, then the codes and QR. */
export function drawResultEnding(doc: Pdf, result: { kind: string; documentCode: string; dossierCode: string; signedBy?: string }): void {
  drawSignatures(doc, [{ title: 'THỦ TRƯỞNG CƠ QUAN', note: '(Đã phê duyệt điện tử)', name: result.signedBy }]);
  drawFooter(
    doc,
    [
      `Mã kết quả: ${result.documentCode}`,
      `Mã hồ sơ: ${result.dossierCode}`,
      `${result.kind} bản điện tử, cấp qua hệ thống giải quyết thủ tục hành chính.`,
      'Tra cứu bằng mã hồ sơ hoặc quét mã QR.',
    ],
    result.dossierCode,
  );
}

export interface TableColumn {
  header: string;
  /** Share of the table's width (the widths are scaled to fill it). */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface TableOptions {
  /** Left edge and width of the table (default: the text area of an A4 portrait page). */
  x?: number;
  width?: number;
  fontSize?: number;
  /** Lowest y a row may reach before the table goes on on a new page (default: above the footer). */
  bottom?: number;
}

/**
 * A ruled table with a bold header row, repeated at the top of each page it runs onto. Rows are
 * drawn one by one (`row()`), so a long ledger streams page by page without being held whole.
 */
export function startTable(doc: Pdf, columns: readonly TableColumn[], options: TableOptions = {}): { row(cells: readonly string[]): void } {
  const x = options.x ?? MARGINS.left;
  const width = options.width ?? CONTENT_WIDTH;
  const size = options.fontSize ?? 9;
  const pad = 3;
  const total = columns.reduce((sum, c) => sum + c.width, 0);
  const widths = columns.map((c) => (c.width / total) * width);
  const bottom = () => options.bottom ?? doc.page.height - doc.page.margins.bottom;

  const heightOf = (cells: readonly string[], font: 'regular' | 'bold') => {
    doc.font(font).fontSize(size);
    return Math.max(...cells.map((cell, i) => doc.heightOfString(vi(cell || ' '), { width: widths[i] - 2 * pad }))) + 2 * pad;
  };
  const draw = (cells: readonly string[], font: 'regular' | 'bold') => {
    const height = heightOf(cells, font);
    const top = doc.y;
    let cx = x;
    cells.forEach((cell, i) => {
      doc.save().lineWidth(0.5).rect(cx, top, widths[i], height).stroke().restore();
      doc.font(font).fontSize(size).text(vi(cell || ''), cx + pad, top + pad, { width: widths[i] - 2 * pad, align: columns[i].align ?? 'left' });
      cx += widths[i];
    });
    doc.x = MARGINS.left;
    doc.y = top + height;
  };
  const headers = columns.map((c) => c.header);
  draw(headers, 'bold');
  return {
    row(cells) {
      if (doc.y + heightOf(cells, 'regular') > bottom()) {
        doc.addPage();
        draw(headers, 'bold');
      }
      draw(cells, 'regular');
    },
  };
}

/** A table cell's moment ("08:30 ngày 02/12/2026"), empty when there is none. */
export function tableDateTime(iso: string | undefined): string {
  return iso ? formatVietnameseDateTime(iso) : '';
}
