/**
 * Search and archive in a real browser (Debian's Chromium driven by playwright-core): a receiver
 * searches the agency's archive by a name typed without diacritics, pages through a long result
 * with the search kept, then claims a task from the queue and gives it back to the group, seeing
 * each move in the list at once. Each step keeps a screenshot (test-artifacts/screenshots/search-archive).
 */
import type { Browser, Page } from 'playwright-core';
import { openTask, submit } from '../support/scenario';
import { keepScreenshot, launchChromium } from '../support/browser';
import { startStack, type Stack } from '../support/stack';

const JOURNEY = 'search-archive';
let stack: Stack;
let browser: Browser;

function sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
  return stack.db.orm.em.fork().getConnection().execute<T[]>(query, params);
}

/** Read-model rows of the Hà Nội traffic police, as the projection writes them (what the lists read). */
async function archived(prefix: string, names: string[]): Promise<string[]> {
  const rows = await sql<{ code: string }>(
    `insert into dossier (code, procedure_code, procedure_version, procedure_name, agency_id, channel, status, step_id, step_name, form,
        applicant_name, applicant_citizen_id, submitted_at, appointment_at, completed_at, submission_hash, updated_at)
     select ? || lpad(n::text, 3, '0'), 'GPLX-DOI', 1, 'Đổi giấy phép lái xe', (select id from agency where code = 'CSGT-01'), 'counter', 10, 'done', 'Kết thúc', '{}',
        (?::text[])[n], '0010850' || lpad(n::text, 5, '0'), now() - make_interval(days => 40 + n), now() - make_interval(days => 30 + n), now() - make_interval(days => 31 + n), 'x', now()
     from generate_series(1, ?::int) n returning code`,
    [prefix, `{${names.map((n) => `"${n}"`).join(',')}}`, names.length],
  );
  return rows.map((r) => r.code);
}

const rowCodes = (page: Page) => page.locator('tr[data-code]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-code') ?? ''));

beforeAll(async () => {
  stack = await startStack();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await stack?.stop();
});

test('a receiver searches the archive, pages through it, claims a task and gives it back', async () => {
  const [withMarks, withoutMarks, other] = await archived('LT.AN-', ['Nguyễn Văn An', 'Nguyen Van An', 'Nguyễn Thị Bình']);
  const paged = await archived('LT.PT-', Array.from({ length: 30 }, () => 'Phân Trang Lưu Trữ'));
  const code = await submit(stack);
  const taskId = await openTask(stack, code, 'intake');
  expect(taskId).toMatch(/^intake-/);

  const context = await browser.newContext({ locale: 'vi-VN' });
  const page = await context.newPage();
  await page.goto(`${stack.baseUrl}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill('hn.tiepnhan');
  await page.getByLabel('Mật khẩu').fill('motcua-demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL(/\/cong-viec$/, { waitUntil: 'domcontentloaded' });
  await keepScreenshot(page, JOURNEY, 'queue');

  // The archive, searched by a name typed without diacritics.
  await page.getByRole('link', { name: 'Tra cứu hồ sơ' }).first().click();
  await page.waitForURL(/\/ho-so$/);
  await page.getByLabel('Mã hồ sơ, số định danh hoặc họ tên người nộp').fill('nguyen van an');
  await page.getByRole('button', { name: 'Tìm kiếm' }).click();
  await page.waitForURL(/\/ho-so\?/);
  const found = await rowCodes(page);
  expect(found).toEqual(expect.arrayContaining([withMarks, withoutMarks]));
  expect(found).not.toContain(other);
  expect(await page.getByLabel('Mã hồ sơ, số định danh hoặc họ tên người nộp').inputValue()).toBe('nguyen van an');
  await keepScreenshot(page, JOURNEY, 'archive-search-by-name');

  // A long result, page by page, the search and filters kept.
  await page.getByLabel('Mã hồ sơ, số định danh hoặc họ tên người nộp').fill('phan trang luu tru');
  // The filters fold away until one is used.
  expect(await page.getByTestId('queue-filters').getAttribute('open')).toBeNull();
  await page.getByText('Bộ lọc và sắp xếp').click();
  await page.getByLabel('Kênh nộp').selectOption('counter');
  await page.getByRole('button', { name: 'Tìm kiếm' }).click();
  await page.waitForURL(/kenh=counter/);
  const first = await rowCodes(page);
  expect(first).toHaveLength(25);
  await page.getByRole('link', { name: 'Trang sau' }).click();
  await page.waitForURL(/sau=/);
  const second = await rowCodes(page);
  expect(second).toHaveLength(5);
  expect(new Set([...first, ...second])).toEqual(new Set(paged));
  expect(await page.getByLabel('Kênh nộp').inputValue()).toBe('counter');
  await keepScreenshot(page, JOURNEY, 'archive-second-page');

  // A search string nobody should type: a clear message, the filters kept.
  await page.getByLabel('Mã hồ sơ, số định danh hoặc họ tên người nộp').fill('x'.repeat(300));
  await page.getByRole('button', { name: 'Tìm kiếm' }).click();
  await page.getByTestId('search-errors').waitFor();
  expect(await page.getByTestId('search-errors').innerText()).toContain('quá giới hạn 200 ký tự');
  expect(await page.getByLabel('Kênh nộp').inputValue()).toBe('counter');
  await keepScreenshot(page, JOURNEY, 'search-too-long');

  // Claim from the group's queue; the dossier page opens; my queue shows it at once.
  await page.goto(`${stack.baseUrl}/cong-viec?danh-sach=cho-nhan`);
  await page.locator(`tr[data-code="${code}"]`).getByRole('button', { name: 'Nhận xử lý' }).click();
  await page.waitForURL(new RegExp(`/ho-so/${code.replace(/\./g, '\\.')}`));
  await keepScreenshot(page, JOURNEY, 'claimed');
  await page.goto(`${stack.baseUrl}/cong-viec?danh-sach=cua-toi`);
  expect(await rowCodes(page)).toContain(code);
  await keepScreenshot(page, JOURNEY, 'my-queue');

  // Release: back to the group, visible there at once.
  await page.locator(`tr[data-code="${code}"]`).getByRole('button', { name: 'Trả lại nhóm' }).click();
  await page.waitForURL(/danh-sach=cho-nhan/);
  expect(await rowCodes(page)).toContain(code);
  expect(await page.locator(`tr[data-code="${code}"]`).innerText()).toContain('Nhóm: Bộ phận một cửa');
  await keepScreenshot(page, JOURNEY, 'released');
  await context.close();
});
