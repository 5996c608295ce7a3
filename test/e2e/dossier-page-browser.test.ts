/**
 * The dossier page in Chromium: refusing asks first (a dialog with the script, a checkbox the
 * server requires without it), the timeline's system steps fold and hide with a checkbox, and a
 * form downloads from its link. Screenshots of each step are kept as test artifacts.
 */
import { type Browser, type Page } from 'playwright-core';
import { keepScreenshot, launchChromium } from '../support/browser';
import { decide, expectDone, openTask, submit, waitForDossier } from '../support/scenario';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let browser: Browser;
beforeAll(async () => {
  stack = await startStack();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

const journey = 'dossier-page';

async function signedIn(username: string, javaScriptEnabled = true): Promise<Page> {
  const context = await browser.newContext({ locale: 'vi-VN', javaScriptEnabled });
  const page = await context.newPage();
  await page.goto(`${stack.baseUrl}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('motcua-demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/(cong-viec|giam-sat)$/);
  return page;
}

test('refusing asks in a dialog; dismissed, nothing happens; accepted, the dossier is refused', async () => {
  const code = await submit(stack);
  await openTask(stack, code, 'intake');
  const page = await signedIn('hn.tiepnhan');
  await page.goto(`${stack.baseUrl}/ho-so/${encodeURIComponent(code)}`);
  await page.getByLabel(/Ý kiến \/ lý do/).fill('Giấy khám sức khỏe đã quá hạn.');

  const asked: string[] = [];
  page.once('dialog', (dialog) => {
    asked.push(dialog.message());
    void dialog.dismiss();
  });
  await page.getByRole('button', { name: 'Từ chối tiếp nhận' }).click();
  await page.waitForTimeout(300);
  expect(asked).toHaveLength(1);
  expect(page.url()).toMatch(/\/ho-so\/[^/]+$/);
  expect(await page.getByLabel(/Tôi xác nhận muốn/).isChecked()).toBe(false);
  expect((await stack.dossier(code)).outcome).toBeNull();
  await keepScreenshot(page, journey, 'refusal-dismissed');

  page.once('dialog', (dialog) => {
    expect(dialog.message()).toContain('Từ chối tiếp nhận');
    void dialog.accept();
  });
  await page.getByRole('button', { name: 'Từ chối tiếp nhận' }).click();
  await page.waitForURL(/\/cong-viec$/);
  await waitForDossier(stack, code, (d) => d.outcome === 'refused');
  await keepScreenshot(page, journey, 'refused');
});

test('without a script, refusing without the box ticked is refused with the reason kept; ticked, it goes through', async () => {
  const code = await submit(stack);
  await openTask(stack, code, 'intake');
  const page = await signedIn('hn.tiepnhan', false);
  await page.goto(`${stack.baseUrl}/ho-so/${encodeURIComponent(code)}`);
  await page.getByLabel(/Ý kiến \/ lý do/).fill('Ảnh chụp không rõ.');
  await page.getByRole('button', { name: 'Từ chối tiếp nhận' }).click();
  await page.getByText('Vui lòng đánh dấu ô xác nhận trước khi "Từ chối tiếp nhận"').waitFor();
  expect(await page.getByLabel(/Ý kiến \/ lý do/).inputValue()).toBe('Ảnh chụp không rõ.');
  await keepScreenshot(page, journey, 'no-script-confirmation-asked');

  await page.getByLabel(/Tôi xác nhận muốn/).check();
  await page.getByRole('button', { name: 'Từ chối tiếp nhận' }).click();
  await page.waitForURL(/\/cong-viec$/);
  await waitForDossier(stack, code, (d) => d.outcome === 'refused');
});

test('the timeline folds system steps and hides them on request; decisions stay', async () => {
  const code = await submit(stack);
  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'accept'));
  await waitForDossier(stack, code, (d) => d.payment?.status === 'pending');
  const page = await signedIn('hn.tiepnhan');
  await page.goto(`${stack.baseUrl}/ho-so/${encodeURIComponent(code)}`);
  const timeline = page.getByTestId('timeline');
  const system = timeline.locator('[data-kind="system"]').first();
  const decision = timeline.locator('[data-kind="decision"]').first();
  await decision.waitFor();
  expect(await decision.innerText()).toContain('Tiếp nhận hồ sơ');
  // Folded: the summary shows, the steps inside do not until opened.
  expect(await system.locator('details').getAttribute('open')).toBeNull();
  await keepScreenshot(page, journey, 'timeline-folded');
  await page.getByLabel('Chỉ xem quyết định của cán bộ').check();
  expect(await system.isVisible()).toBe(false);
  expect(await decision.isVisible()).toBe(true);
  await keepScreenshot(page, journey, 'timeline-decisions-only');

  // Form 06 from its link.
  const href = await page.locator('a[data-form="06"]').getAttribute('href');
  const response = await page.context().request.get(`${stack.baseUrl}${href}`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
});
