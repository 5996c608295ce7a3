/**
 * A message that did not reach the applicant, in a real browser (Debian's Chromium driven by
 * playwright-core): the supervisor sees it on the dossier page (masked recipient, status, the
 * reason), finds it in the list of failed deliveries, asks for "gửi lại" and reads the
 * development mailbox, which shows what the sandboxes received. Screenshots of each step are kept.
 */
import type { Browser } from 'playwright-core';
import { Notification } from '../../db/entities';
import { keepScreenshot, launchChromium } from '../support/browser';
import { eventually } from '../support/eventually';
import { submit } from '../support/scenario';
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

test('a supervisor sees a failed delivery, resends it, and reads the development mailbox', async () => {
  const code = await submit(stack);
  const key = `${code}:browser-failed`;
  const em = stack.db.orm.em.fork();
  em.create(Notification, { key, dossierCode: code, channel: 'email', recipient: 'khong.ton.tai@mien.invalid', recipientName: 'Nguyễn Văn An', subject: `Hẹn trả kết quả hồ sơ ${code}`, body: 'Nội dung', createdAt: new Date() });
  await em.flush();
  await eventually(() => stack.db.orm.em.fork().findOneOrFail(Notification, { key }), (n) => n.status === 'failed', 15_000);
  // The dossier's own messages have arrived by now.
  await eventually(() => stack.db.orm.em.fork().find(Notification, { dossierCode: code, status: 'delivered' }), (rows) => rows.length > 0, 15_000);

  const context = await browser.newContext({ locale: 'vi-VN' });
  const page = await context.newPage();
  await page.goto(`${stack.baseUrl}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill('hn.giamsat');
  await page.getByLabel('Mật khẩu').fill('motcua-demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/giam-sat$/, { waitUntil: 'domcontentloaded' });

  await page.getByRole('link', { name: 'Tin nhắn gửi lỗi' }).click();
  await page.waitForURL(/\/giam-sat\/tin-nhan-loi$/);
  const failure = page.getByTestId('failure').filter({ hasText: `Hẹn trả kết quả hồ sơ ${code}` });
  await failure.waitFor();
  expect(await failure.innerText()).toContain('Máy chủ thư từ chối thư (mã 550).');
  expect(await page.content()).not.toContain('khong.ton.tai@');
  await keepScreenshot(page, 'delivery', 'failed-list');

  await failure.getByRole('link', { name: code }).click();
  await page.waitForURL(new RegExp(`/ho-so/${code.replace(/\./g, '\\.')}$`));
  const section = page.getByTestId('dossier-messages');
  await section.waitFor();
  expect(await section.getByTestId('messages-warning').innerText()).toContain('1 tin nhắn chưa đến được người nộp');
  const row = section.getByTestId('message').filter({ hasText: `Hẹn trả kết quả hồ sơ ${code}` });
  expect(await row.getAttribute('data-status')).toBe('failed');
  await keepScreenshot(page, 'delivery', 'dossier-messages');

  await row.getByRole('button', { name: 'Gửi lại' }).click();
  await page.waitForURL(new RegExp(`/ho-so/${code.replace(/\./g, '\\.')}$`));
  await page.getByText(`Đã yêu cầu gửi lại tin nhắn của hồ sơ ${code}.`).waitFor();
  await keepScreenshot(page, 'delivery', 'resent');
  await eventually(() => stack.db.orm.em.fork().findOneOrFail(Notification, { key }), (n) => n.status === 'failed' && n.attempts === 2, 15_000);

  await page.goto(`${stack.baseUrl}/hop-thu`);
  const mails = page.getByTestId('mail');
  await mails.first().waitFor();
  expect(await mails.count()).toBeGreaterThan(0);
  expect(await page.getByTestId('mail-waiting').filter({ hasText: `Hẹn trả kết quả hồ sơ ${code}` }).count()).toBe(1);
  await keepScreenshot(page, 'delivery', 'mailbox');
  await context.close();
});
