/** The pages of the identity-provider sandbox: self-contained HTML in Vietnamese, no external assets. */

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
body{font-family:system-ui,"Segoe UI",Roboto,Arial,sans-serif;background:#eef2f7;color:#1d2733;margin:0}
main{max-width:26rem;margin:3rem auto;background:#fff;border-radius:8px;padding:1.5rem 2rem;box-shadow:0 1px 4px #0002}
.sandbox{background:#fff4d6;border:1px solid #e8c662;border-radius:4px;padding:.4rem .7rem;font-size:.9rem}
h1{font-size:1.3rem;color:#0b4f8a}
label{display:block;margin:.8rem 0 .2rem;font-weight:600}
input{width:100%;box-sizing:border-box;padding:.5rem;border:1px solid #9aa7b5;border-radius:4px;font-size:1rem}
button{margin-top:1.2rem;padding:.6rem 1.2rem;border:0;border-radius:4px;background:#0b4f8a;color:#fff;font-size:1rem;cursor:pointer}
button.secondary{background:#e3e8ee;color:#1d2733;margin-left:.5rem}
.error{color:#a3161b;font-weight:600}
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main>
<p class="sandbox">Môi trường thử nghiệm: cổng định danh giả lập, không phải hệ thống thật.</p>
${body}
</main></body></html>`;
}

export function loginPage(input: { action: string; cancel: string; client: string; username?: string; error?: string }): string {
  return layout(
    'Đăng nhập tài khoản định danh',
    `<h1>Đăng nhập tài khoản định danh</h1>
<p>Ứng dụng <strong>${escapeHtml(input.client)}</strong> yêu cầu xác thực danh tính của Ông/Bà.</p>
${input.error ? `<p class="error" role="alert">${escapeHtml(input.error)}</p>` : ''}
<form method="post" action="${escapeHtml(input.action)}">
<label for="username">Tên đăng nhập</label>
<input id="username" name="username" autocomplete="username" value="${escapeHtml(input.username ?? '')}" autofocus>
<label for="password">Mật khẩu</label>
<input id="password" name="password" type="password" autocomplete="current-password">
<button type="submit">Đăng nhập</button>
</form>
<form method="post" action="${escapeHtml(input.cancel)}"><button type="submit" class="secondary">Hủy</button></form>`,
  );
}

/** The confirmation of RP-initiated logout; `form` is oidc-provider's (its action and anti-forgery token). */
export function logoutPage(form: string): string {
  return layout(
    'Đăng xuất tài khoản định danh',
    `<h1>Đăng xuất tài khoản định danh</h1>
${form}
<p>Ông/Bà có muốn đăng xuất khỏi cổng định danh không?</p>
<button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>Đăng xuất</button>
<button type="submit" form="op.logoutForm" class="secondary">Không</button>`,
  );
}

export function messagePage(title: string, text: string): string {
  return layout(title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>`);
}
