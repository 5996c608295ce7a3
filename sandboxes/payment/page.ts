/** The payer's page of the payment sandbox: self-contained HTML in Vietnamese, no external assets. */
import { formatVietnameseDateTime } from '../../domain/vietnam-time';

export const PAYMENT_METHODS = [
  ['vietcombank', 'Vietcombank'],
  ['vietinbank', 'VietinBank'],
  ['bidv', 'BIDV'],
  ['agribank', 'Agribank'],
  ['vi-dien-tu', 'Ví điện tử'],
] as const;

export type PaymentMethod = (typeof PAYMENT_METHODS)[number][0];

export interface PagePayment {
  id: string;
  merchantId: string;
  merchantRef: string;
  description: string;
  amount: number;
  expiresAt: string;
  returnUrl: string;
  status: 'pending' | 'paid' | 'cancelled' | 'expired';
  transactionId?: string;
  paidAt?: string;
}

/** 135000 -> "135.000 ₫", the way Vietnamese banks print amounts. */
function formatVnd(amount: number): string {
  return `${String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '.')} ₫`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
body{font-family:system-ui,"Segoe UI",Roboto,Arial,sans-serif;background:#f3f5f8;color:#1d2733;margin:0}
main{max-width:32rem;margin:2rem auto;background:#fff;border-radius:8px;padding:1.5rem 2rem;box-shadow:0 1px 4px #0002}
.sandbox{background:#fff4d6;border:1px solid #e8c662;border-radius:4px;padding:.4rem .7rem;font-size:.9rem}
h1{font-size:1.3rem;color:#a3161b}
dl{display:grid;grid-template-columns:auto 1fr;gap:.4rem 1rem}dt{color:#5b6776}dd{margin:0}
.amount{font-size:1.2rem;font-weight:700;white-space:nowrap}
fieldset{border:1px solid #d5dbe3;border-radius:4px;margin:1rem 0}label{display:block;padding:.25rem 0}
.actions{display:flex;gap:.75rem}
button,.button{font:inherit;padding:.55rem 1.4rem;border-radius:4px;border:1px solid #a3161b;background:#a3161b;color:#fff;cursor:pointer;text-decoration:none}
.secondary{background:#fff;color:#a3161b}`;

function layout(title: string, content: string): string {
  return `<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Cổng thanh toán thử nghiệm</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p class="sandbox">Môi trường thử nghiệm: không có giao dịch thật.</p>
<h1>${escapeHtml(title)}</h1>
${content}
</main>
</body>
</html>`;
}

export function renderMessagePage(title: string, message: string, returnUrl?: string): string {
  const back = returnUrl ? `<p><a class="button secondary" href="${escapeHtml(returnUrl)}">Quay lại trang dịch vụ công</a></p>` : '';
  return layout(title, `<p>${escapeHtml(message)}</p>${back}`);
}

export function renderPaymentPage(payment: PagePayment): string {
  const amount = formatVnd(payment.amount);
  switch (payment.status) {
    case 'paid':
      return renderMessagePage(
        'Đã thanh toán',
        `Khoản tiền ${amount} đã được thanh toán lúc ${formatVietnameseDateTime(payment.paidAt!)}, mã giao dịch ${payment.transactionId}.`,
        payment.returnUrl,
      );
    case 'cancelled':
      return renderMessagePage(
        'Yêu cầu thanh toán đã bị hủy',
        'Đơn vị thụ hưởng đã hủy yêu cầu thanh toán này. Không có khoản tiền nào bị trừ.',
        payment.returnUrl,
      );
    case 'expired':
      return renderMessagePage(
        'Yêu cầu thanh toán đã hết hạn',
        `Yêu cầu thanh toán đã hết hạn lúc ${formatVietnameseDateTime(payment.expiresAt)}. Không có khoản tiền nào bị trừ.`,
        payment.returnUrl,
      );
    // "Hủy" only takes the payer back: as at real gateways the request stays open until the
    // merchant cancels it or it expires. The form's relative action keeps a proxy's path prefix.
    case 'pending': {
      const methods = PAYMENT_METHODS.map(
        ([value, label], i) => `<label><input type="radio" name="method" value="${value}"${i === 0 ? ' checked' : ''}> ${label}</label>`,
      ).join('\n');
      return layout(
        'Thanh toán trực tuyến',
        `<dl>
<dt>Đơn vị thụ hưởng</dt><dd>${escapeHtml(payment.merchantId)}</dd>
<dt>Nội dung</dt><dd>${escapeHtml(payment.description)}</dd>
<dt>Mã tham chiếu</dt><dd>${escapeHtml(payment.merchantRef)}</dd>
<dt>Số tiền</dt><dd class="amount">${amount}</dd>
<dt>Hạn thanh toán</dt><dd>${formatVietnameseDateTime(payment.expiresAt)}</dd>
</dl>
<form method="post" action="${encodeURIComponent(payment.id)}/confirm">
<fieldset><legend>Chọn ngân hàng hoặc ví điện tử</legend>
${methods}
</fieldset>
<div class="actions">
<button type="submit">Thanh toán</button>
<a class="button secondary" href="${escapeHtml(payment.returnUrl)}">Hủy</a>
</div>
</form>`,
      );
    }
  }
}
