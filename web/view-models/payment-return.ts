/**
 * The page the payment gateway sends the payer back to. It says where the payment stands in the
 * read model: received (amount, transaction, when), being confirmed (the gateway's callback has
 * not arrived yet: the page reloads itself), or past its deadline. It never offers to pay again:
 * a payer who reloads or comes back must not pay twice.
 */
import type { IDossier } from '../../db/entities';
import { formatVnd } from '../../domain/money';
import { portalStatusLabel } from '../../domain/portal-status';
import { dateTimeText } from './format';

export type PaymentReturnState = 'received' | 'confirming' | 'expired' | 'none';

export function paymentReturnPage(dossier: Pick<IDossier, 'code' | 'payment' | 'status'>) {
  const p = dossier.payment;
  const state: PaymentReturnState = !p ? 'none' : p.status === 'paid' ? 'received' : p.status === 'pending' ? 'confirming' : 'expired';
  const headings: Record<PaymentReturnState, string> = {
    received: 'Đã nhận thanh toán',
    confirming: 'Đang xác nhận thanh toán',
    expired: 'Khoản thanh toán đã quá hạn',
    none: 'Hồ sơ không có khoản cần thanh toán',
  };
  const messages: Record<PaymentReturnState, string> = {
    received: 'Cơ quan đã nhận khoản thanh toán của bạn; hồ sơ tiếp tục được giải quyết. Bạn không cần làm gì thêm.',
    confirming:
      'Cổng thanh toán chưa báo kết quả về hệ thống. Nếu bạn đã thanh toán, kết quả sẽ được cập nhật trong ít phút: ' +
      'vui lòng không thanh toán lại. Trang này tự cập nhật.',
    expired: 'Khoản thanh toán đã quá hạn; hồ sơ dừng xử lý theo quy định. Nếu bạn đã bị trừ tiền, vui lòng liên hệ cơ quan giải quyết.',
    none: 'Hồ sơ này không có khoản phí, lệ phí nào đang chờ thanh toán.',
  };
  return {
    title: `${headings[state]} — hồ sơ ${dossier.code}`,
    heading: headings[state],
    message: messages[state],
    state,
    code: dossier.code,
    statusLabel: portalStatusLabel(dossier.status),
    /** Seconds before the page reloads itself while the confirmation is awaited. */
    refreshSeconds: state === 'confirming' ? 5 : undefined,
    payment: p && {
      amount: formatVnd(p.amount),
      reference: p.reference,
      transactionId: p.transactionId,
      paidAt: p.paidAt ? dateTimeText(p.paidAt) : undefined,
    },
    lookupHref: `/tra-cuu?ma=${encodeURIComponent(dossier.code)}`,
  };
}
