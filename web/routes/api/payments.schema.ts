/** The gateway's callback body, read only after its signature is verified on the raw bytes. */
import { z } from 'zod';

const text = (what: string) =>
  z.string({ error: `${what} phải là chuỗi ký tự` }).min(1, `Thiếu ${what.toLowerCase()}`).max(80, `${what} không được dài quá 80 ký tự`);

export const paymentCallbackBody = z.object(
  {
    merchantRef: text('Mã thanh toán'),
    transactionId: text('Mã giao dịch'),
    amount: z.number({ error: 'Số tiền phải là số' }).int('Số tiền phải là số nguyên').positive('Số tiền phải lớn hơn 0'),
    status: z.literal('paid', { error: 'Trạng thái phải là "paid"' }),
    paidAt: z.string({ error: 'Thời điểm thanh toán phải là chuỗi ký tự' }).datetime({ offset: true, error: 'Thời điểm thanh toán phải theo ISO 8601' }),
  },
  { error: 'Nội dung phải là một đối tượng JSON' },
);

/** The raw body as JSON, or undefined when it is not JSON at all. */
export function jsonOf(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    return undefined;
  }
}
