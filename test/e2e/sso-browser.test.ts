/**
 * Single sign-on in a real browser (Chromium): the sign-in page's button, the identity-provider
 * sandbox's own sign-in page (a separate process), back in the back office where the official
 * wanted to go, signed in as them.
 */
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { freePort, startIdentityProcess, type IdentityProcess } from '../support/identity-sandbox';
import { startStack, type Stack } from '../support/stack';

const CLIENT_SECRET = 'test-oidc-client-secret-0123456789';
let stack: Stack;
let idp: IdentityProcess;
let browser: Browser;

beforeAll(async () => {
  const port = await freePort();
  stack = await startStack({ env: { OIDC_ISSUER: `http://127.0.0.1:${port}`, OIDC_CLIENT_SECRET: CLIENT_SECRET } });
  idp = await startIdentityProcess({ port, publicUrl: stack.baseUrl, clientSecret: CLIENT_SECRET, accounts: [{ username: 'hn.giamsat', name: 'Đỗ Thị Mai' }] });
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await idp?.stop();
  await stack?.stop();
});

test('an official signs in through the identity provider and lands on the page they asked for', async () => {
  const context = await browser.newContext({ locale: 'vi-VN' });
  const page = await context.newPage();
  await page.goto(`${stack.baseUrl}/giam-sat`);
  await page.waitForURL(/\/dang-nhap\?tiep=/);
  await page.getByRole('link', { name: 'Đăng nhập bằng tài khoản định danh (SSO)' }).click();
  await page.waitForURL((url) => url.toString().startsWith(idp.issuer));
  await page.getByLabel('Tên đăng nhập').fill('hn.giamsat');
  await page.getByLabel('Mật khẩu').fill('motcua-demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(`${stack.baseUrl}/giam-sat`);
  await expect(page.locator('body').innerText()).resolves.toContain('Đỗ Thị Mai');
  await context.close();
});
