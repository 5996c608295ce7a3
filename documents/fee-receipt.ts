/**
 * Biên lai thu phí, lệ phí: the receipt given for a fee paid in cash at the counter (issue 9).
 * Printed from what was recorded (counter_payment), so printing it again gives the same paper.
 */
import { formatVnd } from '../domain/money';
import {
  createDocument,
  drawFields,
  drawFooter,
  drawNationalHeader,
  drawParagraph,
  drawSignatures,
  drawTitle,
  toBuffer,
  vietnameseDateLine,
  vietnameseTimeAndDate,
} from './pdf-kit';

export interface FeeReceiptData {
  agencyName: string;
  provinceName: string;
  dossierCode: string;
  procedureName: string;
  applicantName: string;
  receiptNumber: string;
  /** The payment request it settles (`<code>-TT<round>`). */
  reference: string;
  amount: number;
  /** ISO instant of the payment. */
  paidAt: string;
  receivedBy: string;
  /** The fees of the procedure, as listed ("Lệ phí cấp đổi giấy phép lái xe"). */
  feeLabels: readonly string[];
}

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
const GROUPS = ['', 'nghìn', 'triệu'];

/** Three digits as read inside a number (`full`: not the leading group, so "không trăm", "linh" are said). */
function readGroup(n: number, full: boolean): string {
  const [h, t, u] = [Math.floor(n / 100), Math.floor(n / 10) % 10, n % 10];
  const words: string[] = [];
  if (h || full) words.push(DIGITS[h], 'trăm');
  if (t === 0) {
    if (u && (h || full)) words.push('linh');
  } else if (t === 1) words.push('mười');
  else words.push(DIGITS[t], 'mươi');
  if (u) words.push(u === 1 && t >= 2 ? 'mốt' : u === 5 && t >= 1 ? 'lăm' : DIGITS[u]);
  return words.join(' ');
}

/** An amount in Vietnamese words, as receipts print it ("Một trăm ba mươi lăm nghìn đồng"). */
export function amountInWords(amount: number): string {
  if (!Number.isSafeInteger(amount) || amount < 0) throw new Error(`not an amount: ${amount}`);
  if (amount === 0) return 'Không đồng';
  const groups: number[] = [];
  for (let rest = amount; rest > 0; rest = Math.floor(rest / 1000)) groups.push(rest % 1000);
  const parts: string[] = [];
  for (let i = groups.length - 1; i >= 0; i--) {
    if (!groups[i]) continue;
    // Past "tỷ" the names repeat: nghìn tỷ, triệu tỷ.
    const name = [GROUPS[i % 3], ...Array<string>(Math.floor(i / 3)).fill('tỷ')].filter(Boolean).join(' ');
    parts.push([readGroup(groups[i], i < groups.length - 1), name].filter(Boolean).join(' '));
  }
  const text = `${parts.join(' ')} đồng`;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function renderFeeReceiptPdf(data: FeeReceiptData): Promise<Buffer> {
  const paidAt = new Date(data.paidAt);
  const doc = createDocument({
    title: `Biên lai thu phí, lệ phí ${data.receiptNumber}`,
    author: data.agencyName,
    subject: data.procedureName,
    createdAt: paidAt,
  });
  drawNationalHeader(doc, { agencyName: data.agencyName, dateLine: vietnameseDateLine(data.provinceName, paidAt) });
  drawTitle(doc, 'BIÊN LAI THU PHÍ, LỆ PHÍ', `Số: ${data.receiptNumber}`);
  drawFields(doc, [
    ['Họ và tên người nộp', data.applicantName],
    ['Mã hồ sơ', data.dossierCode],
    ['Thủ tục', data.procedureName],
    ['Nội dung thu', data.feeLabels.length ? data.feeLabels.join('; ') : 'Phí, lệ phí giải quyết thủ tục hành chính'],
    ['Số tiền', formatVnd(data.amount)],
    ['Bằng chữ', amountInWords(data.amount)],
    ['Hình thức thanh toán', 'Tiền mặt tại Bộ phận Một cửa'],
    ['Mã yêu cầu thanh toán', data.reference],
    ['Thời gian nộp', vietnameseTimeAndDate(paidAt)],
  ]);
  drawParagraph(doc, 'Biên lai này xác nhận người nộp đã nộp đủ số tiền nêu trên cho hồ sơ.');
  drawSignatures(doc, [
    { title: 'NGƯỜI NỘP TIỀN', note: '(Ký và ghi rõ họ tên)', name: data.applicantName },
    { title: 'NGƯỜI THU TIỀN', note: '(Ký và ghi rõ họ tên)', name: data.receivedBy },
  ]);
  drawFooter(doc, [`Mã hồ sơ: ${data.dossierCode}`, `Biên lai số: ${data.receiptNumber}`], data.dossierCode);
  return toBuffer(doc);
}
