/**
 * Bulk reassignment in a real browser (Debian's Chromium driven by playwright-core): a
 * supervisor ticks every task on the page, leaves one out, gives the others to a colleague with
 * a reason, and watches the batch's page until each task has moved; the dossier pages then show
 * the new holder.
 */
import type { Browser } from 'playwright-core';
import { openTask, submit } from '../support/scenario';
import { launchChromium } from '../support/browser';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
let browser: Browser;
beforeAll(async () => {
  stack = await startStack();
  browser = await launchChromium();
  // A second receiver to give the tasks to.
  await stack.db.orm.em
    .fork()
    .getConnection()
    .execute(
      `insert into official (username, password_hash, full_name, role, agency_id, active, department, created_at)
       select 'hn.tiepnhan2', password_hash, 'Bùi Thị Hồng', 'receiver', agency_id, true, 'Bộ phận một cửa', now() from official where username = 'hn.tiepnhan'`,
    );
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

test('a supervisor selects tasks on the task list and moves them to a colleague', async () => {
  const codes = [await submit(stack), await submit(stack), await submit(stack)];
  for (const code of codes) await openTask(stack, code, 'intake');
  const [kept, ...moved] = codes;

  const context = await browser.newContext({ locale: 'vi-VN' });
  const page = await context.newPage();
  await page.goto(`${stack.baseUrl}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill('hn.giamsat');
  await page.getByLabel('Mật khẩu').fill('motcua-demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/giam-sat$/, { waitUntil: 'domcontentloaded' }).catch(async (error: Error) => {
    throw new Error(`the supervisor did not reach /giam-sat: at ${page.url()}: ${(await page.locator('main').innerText()).slice(0, 300)}\n${error.message}`);
  });

  await page.getByRole('link', { name: 'Nhiệm vụ', exact: true }).click();
  await page.waitForURL(/\/giam-sat\/nhiem-vu$/);
  await page.getByLabel('Chọn tất cả nhiệm vụ trên trang này').check();
  for (const code of codes) expect(await page.getByLabel(`Chọn ${code} · Tiếp nhận hồ sơ`).isChecked()).toBe(true);
  await page.getByLabel(`Chọn ${kept} · Tiếp nhận hồ sơ`).uncheck();
  await page.getByLabel('Giao cho').selectOption({ label: 'Bùi Thị Hồng · Cán bộ tiếp nhận · Bộ phận một cửa' });
  await page.getByLabel('Lý do').fill('Nguyễn Thị Lan đi tập huấn');
  await page.getByRole('button', { name: 'Phân công lại' }).click();

  await page.waitForURL(/\/giam-sat\/phan-cong\/[0-9a-f-]{36}$/);
  await page.getByText('Đã gửi yêu cầu phân công lại 2 nhiệm vụ.').waitFor();
  // The page reloads itself until every task has an outcome.
  await page.getByTestId('batch-finished').waitFor({ timeout: 30_000 });
  const rows = page.getByTestId('batch-items').locator('tbody tr');
  expect(await rows.count()).toBe(2);
  for (const code of moved) expect(await rows.filter({ hasText: code }).getByText('Đã chuyển').isVisible()).toBe(true);
  expect(await page.getByTestId('batch-items').textContent()).not.toContain(kept);

  await page.getByRole('link', { name: moved[0] }).click();
  await page.waitForURL(/\/ho-so\//);
  // The read model follows the workflow a moment later.
  const holder = page.getByText('Người xử lý: Bùi Thị Hồng').first();
  for (let tries = 0; !(await holder.isVisible()) && tries < 50; tries++) {
    await page.waitForTimeout(200);
    await page.reload();
  }
  expect(await holder.isVisible()).toBe(true);
  expect(await page.getByTestId('timeline').textContent()).toContain('Nguyễn Thị Lan đi tập huấn');
  await context.close();
});
