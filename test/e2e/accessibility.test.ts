/**
 * Accessibility in Chromium (issue 9, quality): axe-core checks every main page, public and back
 * office, each as an official of the right role, and fails on any serious or critical violation
 * (WCAG 2.1 A and AA rules and axe's best practices). Also: the pages work without JavaScript (a
 * form submitted with JavaScript off keeps what was typed and shows its errors), the keyboard
 * reaches the content through the skip link, and a page switched to English says so in
 * `<html lang>`. Each page is kept as a screenshot (test-artifacts/screenshots/accessibility).
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { keepScreenshot, launchChromium } from '../support/browser';
import { openTask, submit } from '../support/scenario';
import { startStack, type Stack } from '../support/stack';

const JOURNEY = 'accessibility';
let stack: Stack;
let browser: Browser;
let dossierCode: string;
beforeAll(async () => {
  // This run's screenshots only (the folder is the journey's, numbered by step).
  for (const journey of [JOURNEY, `${JOURNEY}-no-script`]) await rm(path.join(__dirname, '..', '..', 'test-artifacts', 'screenshots', journey), { recursive: true, force: true });
  stack = await startStack();
  browser = await launchChromium();
  dossierCode = await submit(stack);
  await openTask(stack, dossierCode, 'intake');
}, 120_000);
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});


/** The serious and critical violations axe finds on the page, one readable line each. */
async function violations(page: Page, name: string): Promise<string[]> {
  await keepScreenshot(page, JOURNEY, name);
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${name} ${page.url()}: [${v.impact}] ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

async function signedIn(username: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'vi-VN', ...options });
  const page = await context.newPage();
  await page.goto(`${stack.baseUrl}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('motcua-demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'), { waitUntil: 'domcontentloaded' });
  return { context, page };
}

async function visit(page: Page, path: string, name: string, found: string[], status = 200): Promise<void> {
  const answer = await page.goto(`${stack.baseUrl}${path}`);
  expect({ path, status: answer?.status() }).toEqual({ path, status });
  found.push(...(await violations(page, name)));
}

test('the public pages have no serious accessibility violation', async () => {
  const context = await browser.newContext({ locale: 'vi-VN' });
  const page = await context.newPage();
  const found: string[] = [];
  await visit(page, '/', 'home', found);
  await visit(page, '/thu-tuc', 'catalogue', found);
  await visit(page, '/thu-tuc/GPLX-DOI', 'procedure', found);
  await visit(page, '/nop-ho-so', 'procedures', found);
  await visit(page, '/nop-ho-so/GPLX-DOI', 'submit-form', found);
  // The form sent empty: every error shown next to its field.
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await page.getByTestId('form-errors').waitFor();
  // Better with JavaScript (web/public/enhance.js): the error summary takes the focus.
  await page.waitForFunction("document.activeElement?.getAttribute('data-testid') === 'form-errors'");
  found.push(...(await violations(page, 'submit-errors')));
  await visit(page, '/tra-cuu', 'lookup', found);
  await visit(page, '/tra-cuu?ma=KHONG-CO&bm=SAI', 'lookup-refused', found, 404);
  await visit(page, '/dang-nhap', 'login', found);
  expect(found).toEqual([]);
  await context.close();
});

test('the back office has no serious accessibility violation, for each role on its pages', async () => {
  const found: string[] = [];
  const pages: [string, [string, string][]][] = [
    ['hn.tiepnhan', [['/cong-viec', 'queue'], ['/ho-so?q=nguyen', 'archive-search'], [`/ho-so/${dossierCode}`, 'dossier'], ['/quay/tiep-nhan', 'counter-procedures'], ['/quay/tiep-nhan/GPLX-DOI', 'counter-intake'], ['/thong-bao', 'inbox']]],
    ['hn.giamsat', [['/giam-sat', 'supervision'], ['/giam-sat/nhiem-vu', 'supervision-tasks'], ['/giam-sat/can-bo', 'supervision-workload'], ['/giam-sat/vang-mat', 'absences'], ['/giam-sat/tin-nhan-loi', 'delivery-failures'], ['/bao-cao', 'reports'], ['/nhat-ky', 'audit']]],
    ['hn.quantri', [['/quan-tri/lich', 'admin-calendar'], ['/quan-tri/gio-lam-viec', 'admin-office-hours']]],
  ];
  for (const [username, paths] of pages) {
    const { context, page } = await signedIn(username);
    for (const [path, name] of paths) await visit(page, path, name, found);
    await context.close();
  }
  expect(found).toEqual([]);
});

test('the keyboard reaches the content first through the skip link, with the focus visible', async () => {
  const context = await browser.newContext({ locale: 'vi-VN' });
  const page = await context.newPage();
  await page.goto(`${stack.baseUrl}/thu-tuc`);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Bỏ qua thanh điều hướng' });
  expect(await skip.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
  // Shown when focused (off-screen otherwise), with an outline.
  const box = await skip.boundingBox();
  expect(box && box.x >= 0 && box.y >= 0).toBe(true);
  expect(await skip.evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).outlineStyle)).not.toBe('none');
  await keepScreenshot(page, JOURNEY, 'skip-link-focused');
  await page.keyboard.press('Enter');
  expect(new URL(page.url()).hash).toBe('#noi-dung');
  await context.close();
});

test('works without JavaScript: a form sent with errors keeps what was typed, and an official signs in', async () => {
  const context = await browser.newContext({ locale: 'vi-VN', javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${stack.baseUrl}/nop-ho-so/GPLX-DOI`);
  await page.getByLabel(/Họ và tên/).fill('Nguyễn Văn An');
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await page.getByTestId('form-errors').waitFor();
  expect(await page.getByLabel(/Họ và tên/).inputValue()).toBe('Nguyễn Văn An');
  await keepScreenshot(page, `${JOURNEY}-no-script`, 'submit-errors');

  await page.goto(`${stack.baseUrl}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill('hn.tiepnhan');
  await page.getByLabel('Mật khẩu').fill('motcua-demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/cong-viec$/);
  await keepScreenshot(page, `${JOURNEY}-no-script`, 'queue');
  await context.close();
});

test('switched to English, a page says so and stays accessible', async () => {
  const context = await browser.newContext({ locale: 'vi-VN' });
  const page = await context.newPage();
  await page.goto(`${stack.baseUrl}/tra-cuu`);
  expect(await page.locator('html').getAttribute('lang')).toBe('vi');
  await page.getByRole('button', { name: 'English' }).click();
  await page.waitForURL(/\/tra-cuu$/);
  expect(await page.locator('html').getAttribute('lang')).toBe('en');
  await page.getByRole('heading', { level: 1, name: 'Track a dossier' }).waitFor();
  await page.getByLabel('Security code').waitFor();
  expect(await violations(page, 'lookup-english')).toEqual([]);
  // Back to Vietnamese with the same switch.
  await page.getByRole('button', { name: 'Tiếng Việt' }).click();
  await page.waitForURL(/\/tra-cuu$/);
  expect(await page.locator('html').getAttribute('lang')).toBe('vi');
  await context.close();
});
