/**
 * Single sign-on of officials through OpenID Connect, end to end: the identity-provider sandbox
 * runs as its own process (oidc-provider is an ES module), the stack is configured with it, and
 * an official signs in with plain HTTP as a browser would: the sign-in page's button, the
 * provider's sign-in page, back to the callback, landing where they wanted to go. Refused: a
 * tampered state, a replayed callback or code, a provider account with no official, an inactive
 * official; LOCAL_PASSWORDS=off refuses the password form; without OIDC_ISSUER there is no SSO.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuditEvent, Official } from '../../db/entities';
import { subjectOf } from '../../sandboxes/identity/accounts';
import { createApp } from '../../web/app';
import type { WebServices } from '../../web/services';
import { CrossSiteBrowser, freePort, startIdentityProcess, type IdentityProcess, type Visit } from '../support/identity-sandbox';
import { startStack, type Stack } from '../support/stack';
import { visibleText, WebClient } from '../support/web-client';

const CLIENT_SECRET = 'test-oidc-client-secret-0123456789';
let stack: Stack;
let idp: IdentityProcess;

beforeAll(async () => {
  const port = await freePort();
  stack = await startStack({ env: { OIDC_ISSUER: `http://127.0.0.1:${port}`, OIDC_CLIENT_SECRET: CLIENT_SECRET } });
  idp = await startIdentityProcess({
    port,
    publicUrl: stack.baseUrl,
    clientSecret: CLIENT_SECRET,
    accounts: [
      { username: 'hn.tiepnhan', name: 'Nguyễn Thị Lan' },
      { username: 'hcm.giamsat', name: 'Nguyễn Hoàng Phúc' },
      { username: 'hn.chuyenvien2', name: 'Lê Thu Hà' },
      { username: 'nguoi.la', name: 'Người Lạ' },
      { username: 'hn.lanhdao', name: 'Phạm Quốc Hùng' },
    ],
  });
});
afterAll(async () => {
  await idp?.stop();
  await stack?.stop();
});

const callbackOf = (stack: Stack) => `${stack.baseUrl}/dang-nhap/sso/callback`;

/** From the sign-in page's button to the provider's sign-in form. */
async function toProviderForm(browser: CrossSiteBrowser, start: string): Promise<Visit> {
  const form = await browser.follow(start);
  expect(form.url.startsWith(idp.issuer)).toBe(true);
  expect(visibleText(form.text)).toContain('Đăng nhập tài khoản định danh');
  return form;
}

/** Signs in at the provider and stops at the redirect to the web's callback (not followed). */
async function toCallback(browser: CrossSiteBrowser, start: string, username: string): Promise<string> {
  const form = await toProviderForm(browser, start);
  const back = await browser.submit(form, { username, password: 'motcua-demo' }, (target) => target.startsWith(callbackOf(stack)));
  expect(back.location?.startsWith(callbackOf(stack))).toBe(true);
  return back.location!;
}

/** The audit entries of an actor, each with its detail read. */
async function auditOf(actor: string) {
  const entries = await stack.db.orm.em.fork().find(AuditEvent, { actor }, { orderBy: { id: 'asc' } });
  return entries.map((e) => ({ action: e.action, detail: (e.detail ? JSON.parse(e.detail) : null) as Record<string, string> | null }));
}

test('the sign-in page offers single sign-on, and an official signs in through the identity provider', async () => {
  const browser = new CrossSiteBrowser();
  const login = await browser.request(`${stack.baseUrl}/dang-nhap?tiep=%2Fcong-viec`);
  expect(visibleText(login.text)).toContain('Đăng nhập bằng tài khoản định danh (SSO)');
  expect(login.text).toContain('href="/dang-nhap/sso?tiep=%2Fcong-viec"');

  const callback = await toCallback(browser, `${stack.baseUrl}/dang-nhap/sso?tiep=%2Fcong-viec`, 'hn.tiepnhan');
  // The request carried PKCE and a nonce; the callback carries the code, our state and the issuer.
  const authorize = browser.visited.find((v) => v.startsWith(`GET ${idp.issuer}/auth?`))!;
  expect(authorize).toMatch(/code_challenge_method=S256/);
  expect(authorize).toMatch(/nonce=/);
  expect(new URL(callback).searchParams.get('iss')).toBe(idp.issuer);

  const before = browser.cookie(stack.baseUrl, 'motcua.sid');
  const landed = await browser.follow(callback);
  expect(landed.url).toBe(`${stack.baseUrl}/cong-viec`);
  expect(landed.status).toBe(200);
  expect(visibleText(landed.text)).toContain('Nguyễn Thị Lan');
  // A new session at sign-in, as with passwords.
  expect(browser.cookie(stack.baseUrl, 'motcua.sid')).not.toBe(before);

  const official = await stack.db.orm.em.fork().findOneOrFail(Official, { username: 'hn.tiepnhan' });
  expect({ issuer: official.ssoIssuer, subject: official.ssoSubject }).toEqual({ issuer: idp.issuer, subject: subjectOf('hn.tiepnhan') });
  const audit = await auditOf('hn.tiepnhan');
  expect(audit.map((a) => [a.action, a.detail?.method])).toEqual([
    ['sso-linked', 'sso'],
    ['sign-in', 'sso'],
  ]);

  // Signing out ends the local session, then the provider's (RP-initiated logout, confirmed on its page).
  const out = await signOut(browser);
  expect(out.status).toBe(303);
  expect(out.location?.startsWith(`${idp.issuer}/session/end?`)).toBe(true);
  expect((await browser.request(`${stack.baseUrl}/cong-viec`)).location).toBe(`${stack.baseUrl}/dang-nhap?tiep=%2Fcong-viec`);
  const confirm = await browser.follow(out.location!);
  expect(visibleText(confirm.text)).toContain('Ông/Bà có muốn đăng xuất khỏi cổng định danh không?');
  const back = await browser.submit(confirm, { logout: 'yes' });
  expect(back.url).toBe(`${stack.baseUrl}/dang-nhap`);
  // The next single sign-on asks for the password again.
  await toProviderForm(browser, `${stack.baseUrl}/dang-nhap/sso`);
});

/** Signs out as the header's button does, with the CSRF token of a back-office page. */
async function signOut(browser: CrossSiteBrowser): Promise<Visit> {
  const page = await browser.request(`${stack.baseUrl}/thong-bao`);
  const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
  return browser.request(`${stack.baseUrl}/dang-xuat`, { method: 'POST', form: { _csrf: token } });
}

test('a tampered state is refused, and so is the callback replayed after it', async () => {
  const browser = new CrossSiteBrowser();
  const callback = new URL(await toCallback(browser, `${stack.baseUrl}/dang-nhap/sso`, 'hcm.giamsat'));
  const tampered = new URL(callback);
  tampered.searchParams.set('state', `${callback.searchParams.get('state')}x`);
  const refused = await browser.follow(tampered.toString());
  expect(refused.status).toBe(400);
  expect(visibleText(refused.text)).toContain('không hợp lệ hoặc đã hết hạn');
  // The sign-in under way is spent: the genuine answer does not count any more.
  const replayed = await browser.follow(callback.toString());
  expect(replayed.status).toBe(400);
  expect((await browser.request(`${stack.baseUrl}/giam-sat`)).status).toBe(303);
  const failures = (await auditOf('sso:-')).filter((a) => a.action === 'sign-in-failed');
  expect(failures.some((a) => /state mismatch/.test(String(a.detail?.reason)))).toBe(true);
});

test('a callback replayed by another browser finds no sign-in under way, and the provider refuses a code used twice', async () => {
  const browser = new CrossSiteBrowser();
  const callback = await toCallback(browser, `${stack.baseUrl}/dang-nhap/sso`, 'hcm.giamsat');
  expect((await browser.follow(callback)).status).toBe(200);
  const attacker = new CrossSiteBrowser();
  const replay = await attacker.follow(callback);
  expect(replay.status).toBe(400);

  // The same code and verifier, exchanged twice (the service as the route calls it): the second is refused by the provider.
  const sso = stack.services.sso!;
  const begun = await sso.begin('/');
  if ('kind' in begun) throw new Error(begun.message);
  const answer = new URL(await toCallback(new CrossSiteBrowser(), begun.url, 'hcm.giamsat'));
  const params = Object.fromEntries(answer.searchParams);
  expect((await sso.complete(params, begun.pending, '127.0.0.1')).kind).toBe('signed-in');
  expect(await sso.complete(params, begun.pending, '127.0.0.1')).toEqual({ kind: 'refused', status: 401, message: expect.stringContaining('không xác thực được') });
});

test('an identity-provider account with no official, or an inactive official, is refused in Vietnamese and audited', async () => {
  const stranger = new CrossSiteBrowser();
  const refused = await stranger.follow(await toCallback(stranger, `${stack.baseUrl}/dang-nhap/sso`, 'nguoi.la'));
  expect(refused.status).toBe(403);
  expect(visibleText(refused.text)).toContain('chưa được gắn với cán bộ nào');
  expect((await stranger.request(`${stack.baseUrl}/cong-viec`)).status).toBe(303);
  const [failure] = await auditOf('nguoi.la');
  expect(failure.action).toBe('sign-in-failed');
  expect(failure.detail).toEqual({ method: 'sso', subject: subjectOf('nguoi.la'), reason: 'unknown-subject' });

  await stack.db.orm.em.fork().nativeUpdate(Official, { username: 'hn.chuyenvien2' }, { active: false });
  const inactive = new CrossSiteBrowser();
  const page = await inactive.follow(await toCallback(inactive, `${stack.baseUrl}/dang-nhap/sso`, 'hn.chuyenvien2'));
  expect(page.status).toBe(403);
  expect(visibleText(page.text)).toContain('đã ngừng hoạt động');
  expect((await auditOf('hn.chuyenvien2')).map((a) => a.action)).toEqual(['sign-in-failed']);
});

test('an official linked to one subject is not taken over by another subject claiming their user name', async () => {
  await stack.db.orm.em.fork().nativeUpdate(Official, { username: 'hn.lanhdao' }, { ssoIssuer: idp.issuer, ssoSubject: 'an-earlier-subject' });
  const browser = new CrossSiteBrowser();
  const page = await browser.follow(await toCallback(browser, `${stack.baseUrl}/dang-nhap/sso`, 'hn.lanhdao'));
  expect(page.status).toBe(403);
  expect(visibleText(page.text)).toContain('chưa được gắn với cán bộ nào');
  const official = await stack.db.orm.em.fork().findOneOrFail(Official, { username: 'hn.lanhdao' });
  expect(official.ssoSubject).toBe('an-earlier-subject');
  expect((await auditOf('hn.lanhdao')).map((a) => [a.action, a.detail?.reason])).toEqual([['sign-in-failed', 'linked-to-another-subject']]);
});

test('garbage at the callback is a 400 page, never a server error', async () => {
  const browser = new CrossSiteBrowser();
  for (const query of ['', '?code=x&state=y', '?state=a&state=b', '?error=access_denied', `?code=${'x'.repeat(5000)}`]) {
    const page = await browser.request(`${stack.baseUrl}/dang-nhap/sso/callback${query}`);
    expect({ query, status: page.status }).toEqual({ query, status: 400 });
  }
});

/** The same services in another app (another server): one setting changed. */
async function appWith(change: Partial<WebServices>): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(createApp({ ...stack.services, ...change }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

test('with LOCAL_PASSWORDS=off the password form is gone and refused', async () => {
  const app = await appWith({ localPasswords: false });
  try {
    const web = new WebClient(app.url);
    const login = await web.get('/dang-nhap');
    expect(visibleText(login.text)).toContain('Đăng nhập bằng tài khoản định danh (SSO)');
    expect(login.text).not.toContain('name="password"');
    // A password form still open from before (the same session store: the browser's cookie counts on both servers).
    const browser = new CrossSiteBrowser();
    const before = await browser.request(`${stack.baseUrl}/dang-nhap`);
    const token = /name="_csrf" value="([^"]+)"/.exec(before.text)![1];
    const refused = await browser.request(`${app.url}/dang-nhap`, { method: 'POST', form: { _csrf: token, username: 'hcm.lanhdao', password: 'motcua-demo' } });
    expect(refused.status).toBe(403);
    expect(visibleText(refused.text)).toContain('Đăng nhập bằng mật khẩu đã bị tắt');
    expect((await browser.request(`${app.url}/cong-viec`)).status).toBe(303);
    expect(await auditOf('hcm.lanhdao')).toEqual([]);
  } finally {
    await app.close();
  }
});

test('without OIDC_ISSUER the sign-in page has only the password form and /dang-nhap/sso answers 404', async () => {
  const app = await appWith({ sso: undefined });
  try {
    const web = new WebClient(app.url);
    const login = await web.get('/dang-nhap');
    expect(login.text).not.toContain('/dang-nhap/sso');
    expect(login.text).toContain('name="password"');
    expect((await web.get('/dang-nhap/sso')).status).toBe(404);
    expect((await web.get('/dang-nhap/sso/callback?code=x&state=y')).status).toBe(404);
  } finally {
    await app.close();
  }
});
