/**
 * One dossier through every step in a real browser (Debian's Chromium driven by playwright-core):
 * the applicant submits and pays, the receiver, the specialist and the leader work it in the
 * back office, and the result comes back as a PDF and a message in the mailbox (read by the supervisor).
 */
import { type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { renewalForm } from '../support/scenario';
import { launchChromium } from '../support/browser';
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

async function signedIn(username: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'vi-VN' });
  const page = await context.newPage();
  await page.goto(`${stack.baseUrl}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('motcua-demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/(cong-viec|giam-sat)$/).catch(async (error: Error) => {
    throw new Error(`${username} did not reach the queue: at ${page.url()}: ${(await page.locator('main').innerText()).slice(0, 300)}\n${error.message}`);
  });
  return { context, page };
}

/** Claims the dossier's task from the queue and decides with the given button. */
async function workFromQueue(username: string, code: string, button: string): Promise<void> {
  const { context, page } = await signedIn(username);
  const row = page.locator('tr', { hasText: code });
  await reloadUntilVisible(page, row);
  await row.getByRole('button', { name: 'Nhận xử lý' }).click();
  await page.waitForURL(/\/ho-so\//);
  await page.getByRole('button', { name: button }).click();
  await page.waitForURL(/\/cong-viec$/);
  await page.getByText(`Đã thực hiện "${button}" cho hồ sơ ${code}.`).waitFor();
  await context.close();
}

/** Reloads until the locator shows: the workflow moves on in the background. */
async function reloadUntilVisible(page: Page, locator: Locator, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await locator.isVisible())) {
    if (Date.now() > deadline) throw new Error(`not visible within ${timeoutMs} ms: ${locator}`);
    await page.waitForTimeout(300);
    await page.reload();
  }
}

test('a driving-licence renewal goes from the public form to the result in the browser', async () => {
  // The applicant fills the public form.
  const applicant = await browser.newContext({ locale: 'vi-VN' });
  const page = await applicant.newPage();
  await page.goto(`${stack.baseUrl}/nop-ho-so`);
  await page.getByRole('row', { name: /Đổi giấy phép lái xe/ }).getByRole('link', { name: 'Nộp hồ sơ' }).click();
  const form = renewalForm('carHolderHanoi', { email: 'nguyen.van.an@example.vn' });
  for (const [name, value] of Object.entries(form)) {
    const field = page.locator(`[name="${name}"]`);
    if ((await field.evaluate((el) => el.tagName)) === 'SELECT') await field.selectOption(value);
    else await field.fill(value);
  }
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  const code = (await page.getByTestId('dossier-code').textContent())!.trim();
  expect(code).toMatch(/^000\.00\.31\.H01-\d{6}-\d{4}$/);
  // The second factor of the public lookup, shown once here (and printed on the receipt).
  const secret = (await page.getByTestId('lookup-secret').textContent())!.trim();
  expect(secret).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  const statusPage = `${stack.baseUrl}/tra-cuu?ma=${encodeURIComponent(code)}&bm=${secret}`;

  // The receiver accepts it; the registries are checked in the background.
  await workFromQueue('hn.tiepnhan', code, 'Tiếp nhận hồ sơ');

  // The applicant pays from the status page, on the gateway's page, and comes back.
  await page.goto(statusPage);
  await reloadUntilVisible(page, page.getByTestId('pay-link'));
  await page.getByTestId('pay-link').click();
  await page.getByText('135.000').first().waitFor();
  await page.getByRole('button', { name: 'Thanh toán' }).click();
  // Back on the page the gateway returns to: received or being confirmed, never a second request to pay.
  await page.waitForURL(/\/thanh-toan\//);
  await reloadUntilVisible(page, page.getByRole('heading', { name: 'Đã nhận thanh toán' }));

  // The specialist proposes, the leader approves.
  await workFromQueue('hn.chuyenvien', code, 'Đề xuất cấp đổi');
  await workFromQueue('hn.lanhdao', code, 'Phê duyệt cấp đổi');

  // The leader sees the result on the dossier page and opens the PDF.
  const { context, page: leader } = await signedIn('hn.lanhdao');
  await leader.goto(`${stack.baseUrl}/ho-so/${encodeURIComponent(code)}`);
  await reloadUntilVisible(leader, leader.getByText('Đã trả kết quả', { exact: true }));
  const number = (await leader.getByTestId('result').locator('strong').textContent())!.trim();
  expect(number).toMatch(/^01\d{10}$/);
  const timeline = await leader.getByTestId('timeline').textContent();
  for (const who of ['Nguyễn Thị Lan', 'Trần Văn Minh', 'Phạm Quốc Hùng', 'Cổng thanh toán']) expect(timeline).toContain(who);
  const pdf = await context.request.get(`${stack.baseUrl}/ho-so/${encodeURIComponent(code)}/ket-qua.pdf`);
  expect(pdf.headers()['content-type']).toBe('application/pdf');
  expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await context.close();

  // The result message is in the development mailbox, which only officials such as the
  // agency's supervisor may read; its link opens the electronic licence for the applicant.
  const { context: supervisor, page: mailbox } = await signedIn('hn.giamsat');
  await mailbox.goto(`${stack.baseUrl}/hop-thu?den=nguyen.van.an%40example.vn`);
  const mail = mailbox.getByTestId('mail').filter({ hasText: `Đã có kết quả hồ sơ ${code}` });
  await mail.waitFor();
  expect(await mail.textContent()).toContain(number);
  const resultLink = (await mail.locator('a', { hasText: '/ket-qua/' }).getAttribute('href'))!;
  await supervisor.close();
  const download = await applicant.request.get(resultLink);
  expect(download.status()).toBe(200);
  expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');
  await page.goto(statusPage);
  expect(await page.getByTestId('public-status').textContent()).toBe('Đã trả kết quả');
  await applicant.close();
});
