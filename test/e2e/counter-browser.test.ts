/**
 * The counter in Chromium (issue 9), a screenshot kept at each step
 * (test-artifacts/screenshots/<journey>/): a receiver registers a walk-in dossier with scanned
 * documents (a missing field first: values and the file received are kept); the applicant answers a
 * supplement request online with a replaced document (both versions listed); the result is handed
 * over at the counter.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { Dossier, Notification } from '../../db/entities';
import { keepScreenshot, launchChromium } from '../support/browser';
import { decide, expectDone, openTask, renewalForm, waitForDossier } from '../support/scenario';
import { startStack, type Stack } from '../support/stack';
import { jpeg, pdf, png, signedIn, walkIn } from '../support/uploads';

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

async function signIn(username: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'vi-VN' });
  const page = await context.newPage();
  await page.goto(`${stack.baseUrl}/dang-nhap`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill('motcua-demo');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/dang-nhap'));
  return page;
}

/** Fills the form's fields by their ids (`f-<name>`), as the official types them. */
async function fillForm(page: Page, values: Record<string, string>, skip: readonly string[] = []): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    if (skip.includes(name)) continue;
    const input = page.locator(`#f-${name}`);
    if (!(await input.count())) continue;
    const tag = await input.evaluate((el) => el.tagName.toLowerCase());
    if (tag === 'select') await input.selectOption(value);
    else await input.fill(value);
  }
}

const file = (name: string, mimeType: string, buffer: Buffer) => ({ name, mimeType, buffer });

/** The serious and critical accessibility violations axe finds on the page, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('counter intake with uploads: a missing field keeps the values and the scan received', async () => {
  const journey = 'counter-intake';
  const page = await signIn('hn.tiepnhan');
  await page.getByRole('link', { name: 'Tiếp nhận tại quầy' }).click();
  await page.waitForURL(/\/quay\/tiep-nhan$/);
  await keepScreenshot(page, journey, 'procedures');
  await page.locator('a[href="/quay/tiep-nhan/GPLX-DOI"]').click();
  await page.waitForURL(/\/quay\/tiep-nhan\/GPLX-DOI$/);

  const values = renewalForm('carHolderHanoi');
  await fillForm(page, values, ['fullName']);
  await page.locator('#up-don-de-nghi').setInputFiles(file('don-de-nghi.pdf', 'application/pdf', pdf(2000, 'browser')));
  await keepScreenshot(page, journey, 'form-filled');
  await page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();

  await page.getByTestId('form-errors').waitFor();
  expect(await page.locator('#f-citizenId').inputValue()).toBe(values.citizenId);
  expect(await page.getByTestId('staged-file').first().innerText()).toContain('don-de-nghi.pdf');
  await keepScreenshot(page, journey, 'missing-name-kept-values');
  expect(await seriousViolations(page)).toEqual([]);

  await page.locator('#f-fullName').fill(values.fullName);
  await page.locator('#up-giay-kham-suc-khoe').setInputFiles(file('kham.jpg', 'image/jpeg', jpeg(3000)));
  await page.locator('#up-gplx-cccd').setInputFiles(file('gplx.png', 'image/png', png(3000)));
  await page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
  await page.waitForURL(/\/ho-so\/[^/]+$/);
  const documents = page.getByTestId('dossier-documents');
  await documents.waitFor();
  const text = await documents.innerText();
  expect(text).toContain('Bản 1: don-de-nghi.pdf');
  expect(text).toContain('Bản 1: kham.jpg');
  expect(text).toContain('Tiếp nhận tại quầy: Nguyễn Thị Lan');
  const code = decodeURIComponent(new URL(page.url()).pathname.replace('/ho-so/', ''));
  expect((await stack.dossier(code)).channel).toBe('counter');
  await keepScreenshot(page, journey, 'dossier-with-documents');
  expect(await seriousViolations(page)).toEqual([]);
});

test('a supplement with a replaced document: the applicant uploads online, both versions are listed', async () => {
  const journey = 'supplement-replaced-document';
  const code = await walkIn(await signedIn(stack, 'hn.tiepnhan'), 'carHolderHanoi');
  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'request-supplement', 'Giấy khám sức khỏe bị mờ, vui lòng gửi bản rõ nét'));
  await waitForDossier(stack, code, (d) => d.status === 5);
  const mail = await stack.db.orm.em.fork().findOneOrFail(Notification, { dossierCode: code, subject: `Yêu cầu bổ sung hồ sơ ${code}` });
  const link = /https?:\/\/\S*\/bo-sung\/\S*[^\s.,]/.exec(mail.body)![0];

  const applicant = await (await browser.newContext({ locale: 'vi-VN' })).newPage();
  await applicant.goto(link);
  await applicant.getByText('Giấy khám sức khỏe bị mờ').waitFor();
  await keepScreenshot(applicant, journey, 'request');
  await applicant.locator('#up-giay-kham-suc-khoe').setInputFiles(file('kham-ro-net.pdf', 'application/pdf', pdf(4000, 'ro-net')));
  await applicant.locator('#note').fill('Đã gửi bản quét rõ nét');
  await keepScreenshot(applicant, journey, 'file-chosen');
  await applicant.getByRole('button', { name: 'Gửi bổ sung' }).click();
  await applicant.waitForURL(/\/tra-cuu/);
  await keepScreenshot(applicant, journey, 'sent');

  await waitForDossier(stack, code, (d) => d.status !== 5);
  const official = await signIn('hn.tiepnhan');
  await official.goto(`${stack.baseUrl}/ho-so/${encodeURIComponent(code)}`);
  const versions = official.getByTestId('attachment-version');
  const texts = await versions.allInnerTexts();
  const newer = texts.findIndex((t) => t.includes('Bản 2: kham-ro-net.pdf'));
  const older = texts.findIndex((t) => t.includes('Bản 1: kham.jpg'));
  expect(newer).toBeGreaterThanOrEqual(0);
  expect(older).toBeGreaterThan(newer);
  expect(texts[newer]).toContain('(người nộp)');
  expect(texts[older]).toContain('Đã được thay thế');
  await official.getByTestId('dossier-documents').scrollIntoViewIfNeeded();
  await keepScreenshot(official, journey, 'versions-listed');
});

test('results handed over at the counter are recorded and shown', async () => {
  const journey = 'result-handover';
  const code = await walkIn(await signedIn(stack, 'hn.tiepnhan'), 'carHolderHanoi');
  // Once the workflow has projected the dossier (its intake task open), the result is written as issued.
  await openTask(stack, code, 'intake');
  const result = { number: '7/2026/GPLX', documentCode: `${code}-KQ1`, issuedAt: new Date().toISOString(), title: 'Giấy phép lái xe' };
  await stack.db.orm.em.fork().nativeUpdate(Dossier, { code }, { result, results: [result] });

  const page = await signIn('hn.tiepnhan');
  await page.goto(`${stack.baseUrl}/ho-so/${encodeURIComponent(code)}`);
  expect(await page.getByTestId('result-documents').innerText()).toContain(`${code}-KQ1`);
  await keepScreenshot(page, journey, 'dossier-with-result');
  await page.getByTestId('handover-link').click();
  await page.waitForURL(/\/tra-ket-qua$/);
  await page.getByLabel('Trả trực tiếp tại quầy').check();
  await page.locator('#h-collectorName').fill('Trần Thị Bình');
  await page.getByRole('button', { name: 'Ghi nhận đã trả kết quả' }).click();
  await page.getByTestId('form-errors').waitFor();
  expect(await page.locator('#h-collectorName').inputValue()).toBe('Trần Thị Bình');
  await keepScreenshot(page, journey, 'id-missing');
  expect(await seriousViolations(page)).toEqual([]);
  await page.locator('#h-collectorIdNumber').fill('001190054321');
  await page.locator('#h-relation').selectOption('Người được ủy quyền');
  await page.getByRole('button', { name: 'Ghi nhận đã trả kết quả' }).click();
  await page.waitForURL(/\/ho-so\/[^/]+$/);
  const handover = await page.getByTestId('handover').innerText();
  expect(handover).toContain('Trần Thị Bình (Người được ủy quyền)');
  expect(handover).toContain('********4321');
  await page.getByTestId('handover').scrollIntoViewIfNeeded();
  await keepScreenshot(page, journey, 'handed-over');
});

test('the fee taken in cash on the dossier page, with its receipt', async () => {
  const journey = 'counter-fee';
  const code = await walkIn(await signedIn(stack, 'hn.tiepnhan'), 'carHolderHanoi');
  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'accept'));
  await waitForDossier(stack, code, (d) => d.status === 6 && d.payment?.status === 'pending');

  const page = await signIn('hn.tiepnhan');
  await page.goto(`${stack.baseUrl}/ho-so/${encodeURIComponent(code)}`);
  const form = page.getByTestId('counter-payment-form');
  await form.scrollIntoViewIfNeeded();
  await page.getByLabel('Số biên lai').fill('0001234/BL');
  await keepScreenshot(page, journey, 'payment-form');
  expect(await seriousViolations(page)).toEqual([]);
  await form.getByRole('button', { name: 'Xác nhận đã thu tiền mặt' }).click();
  await page.getByText(`Đã thu phí, lệ phí hồ sơ ${code}, biên lai số 0001234/BL.`).waitFor();
  expect(await page.getByTestId('fee-receipt').innerText()).toContain('Biên lai số 0001234/BL');
  expect((await stack.dossier(code)).payment?.status).toBe('paid');
  await page.getByTestId('fee-receipt').scrollIntoViewIfNeeded();
  await keepScreenshot(page, journey, 'paid');
});
