/**
 * The back office over HTTP, as officials use it: sign-in, agency scoping, CSRF, field errors
 * (422) and refusals (409) with their Vietnamese reasons.
 */
import { AuditEvent, Notification } from '../../db/entities';
import { eventually } from '../support/eventually';
import { decide, expectDone, openTask, renewalForm, submit, waitForDossier } from '../support/scenario';
import { startStack, type Stack } from '../support/stack';
import { visibleText, WebClient } from '../support/web-client';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

const dossierPath = (code: string) => `/ho-so/${encodeURIComponent(code)}`;

test('refuses a wrong password and signs in with the right one', async () => {
  const web = new WebClient(stack.baseUrl);
  const wrong = await web.signIn('hn.tiepnhan', 'sai-mat-khau');
  expect(wrong.status).toBe(401);
  expect(visibleText(wrong.text)).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');

  const right = await web.signIn('hn.tiepnhan');
  expect(right.status).toBe(303);
  expect(right.location).toBe('/');
  const queue = await web.get('/cong-viec');
  expect(queue.status).toBe(200);
  expect(visibleText(queue.text)).toContain('Nguyễn Thị Lan');

  const audit = await stack.db.orm.em.fork().find(AuditEvent, { actor: 'hn.tiepnhan' }, { orderBy: { id: 'asc' } });
  expect(audit.map((a) => a.action)).toEqual(['sign-in-failed', 'sign-in']);
});

test('sends visitors who are not signed in to the sign-in page', async () => {
  const page = await new WebClient(stack.baseUrl).get('/cong-viec');
  expect(page.status).toBe(303);
  expect(page.location).toBe('/dang-nhap?tiep=%2Fcong-viec');
});

test("shows a dossier only to officials of its agency", async () => {
  const code = await submit(stack);
  await openTask(stack, code, 'intake');

  const hanoi = new WebClient(stack.baseUrl);
  await hanoi.signIn('hn.tiepnhan');
  expect(visibleText((await hanoi.get('/cong-viec')).text)).toContain(code);
  const page = await hanoi.get(dossierPath(code));
  expect(page.status).toBe(200);
  expect(visibleText(page.text)).toContain('Nguyễn Văn An');

  const saigon = new WebClient(stack.baseUrl);
  await saigon.signIn('hcm.tiepnhan');
  expect(visibleText((await saigon.get('/cong-viec')).text)).not.toContain(code);
  expect((await saigon.get(dossierPath(code))).status).toBe(404);
  const taskId = await openTask(stack, code, 'intake');
  const forged = await saigon.post(`${dossierPath(code)}/thao-tac`, { taskId, action: 'accept' });
  expect(forged.status).toBe(404);
  expect((await stack.dossier(code)).status).toBe(1);
});

test('refuses a form posted without its CSRF token', async () => {
  const code = await submit(stack);
  const taskId = await openTask(stack, code, 'intake');
  const web = new WebClient(stack.baseUrl);
  await web.signIn('hn.tiepnhan');
  const page = await web.post(`${dossierPath(code)}/thao-tac`, { taskId, action: 'accept' }, false);
  expect(page.status).toBe(403);
  expect((await stack.dossier(code)).status).toBe(1);
});

test('asks for a reason before refusing a dossier, keeping what was typed (422)', async () => {
  const code = await submit(stack);
  const taskId = await openTask(stack, code, 'intake');
  const web = new WebClient(stack.baseUrl);
  await web.signIn('hn.tiepnhan');
  await web.get(dossierPath(code));
  const page = await web.post(`${dossierPath(code)}/thao-tac`, { taskId, action: 'refuse', reason: '' });
  expect(page.status).toBe(422);
  expect(visibleText(page.text)).toContain('Vui lòng nhập lý do để "Từ chối tiếp nhận".');
  expect((await stack.dossier(code)).status).toBe(1);
});

test('refuses an action the dossier has moved past with the reason (409)', async () => {
  const code = await submit(stack);
  const taskId = await openTask(stack, code, 'intake');
  const web = new WebClient(stack.baseUrl);
  await web.signIn('hn.tiepnhan');
  await web.get(dossierPath(code));
  const first = await web.post(`${dossierPath(code)}/thao-tac`, { taskId, action: 'accept' });
  expect(first.status).toBe(303);
  expect(first.location).toBe('/cong-viec');

  await web.get(dossierPath(code));
  const again = await web.post(`${dossierPath(code)}/thao-tac`, { taskId, action: 'refuse', reason: 'Nhầm' });
  expect(again.status).toBe(409);
  expect(visibleText(again.text)).toContain('Nhiệm vụ này không còn chờ xử lý');
});

test('claims a task from the queue and refuses an official of another role (409)', async () => {
  const code = await submit(stack);
  const taskId = await openTask(stack, code, 'intake');
  const minh = new WebClient(stack.baseUrl);
  await minh.signIn('hn.chuyenvien');
  await minh.get('/cong-viec');
  const refused = await minh.post('/cong-viec/nhan', { code, taskId });
  expect(refused.status).toBe(409);
  expect(visibleText(refused.text)).toContain('Nhiệm vụ này dành cho cán bộ tiếp nhận.');

  const lan = new WebClient(stack.baseUrl);
  await lan.signIn('hn.tiepnhan');
  await lan.get('/cong-viec');
  const claimed = await lan.post('/cong-viec/nhan', { code, taskId });
  expect(claimed.status).toBe(303);
  const page = await lan.get(dossierPath(code));
  expect(visibleText(page.text)).toContain('Người xử lý: Nguyễn Thị Lan');
});

test('shows the supervisor the agency dossiers with their deadlines', async () => {
  const code = await submit(stack);
  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'accept'));
  await waitForDossier(stack, code, (d) => d.appointmentAt !== null);
  const web = new WebClient(stack.baseUrl);
  await web.signIn('hn.giamsat');
  const page = await web.get('/giam-sat');
  expect(page.status).toBe(200);
  const text = visibleText(page.text);
  expect(text).toContain(code);
  expect(text).toMatch(/Còn \d+ ngày làm việc/);
  expect((await web.get('/cong-viec')).status).toBe(403);
});

test('rejects a public submission field by field and keeps the values (422)', async () => {
  const web = new WebClient(stack.baseUrl);
  await web.get('/nop-ho-so/GPLX-DOI');
  const form = renewalForm('carHolderHanoi', { citizenId: '12345', email: 'khong-phai-email', healthCertificateNumber: '' });
  const page = await web.post('/nop-ho-so/GPLX-DOI', { ...form, requestId: '0b7f7ad2-5f57-4cb0-9d1b-6f43c1f0e001' });
  expect(page.status).toBe(422);
  const text = visibleText(page.text);
  expect(text).toContain('Số căn cước / CCCD phải gồm đúng 12 chữ số');
  expect(text).toContain('Thư điện tử không hợp lệ');
  expect(text).toContain('Vui lòng nhập số giấy khám sức khỏe');
  expect(page.text).toContain('value="Nguyễn Văn An"');
});

test('registers a public submission once, even when the form is sent twice', async () => {
  const web = new WebClient(stack.baseUrl);
  await web.get('/nop-ho-so/GPLX-DOI');
  const fields = { ...renewalForm('motorbikeHolderHoChiMinh', { province: '79' }), requestId: '4c1e8a3e-7a1b-4e36-a0c2-2f7b1b9a0c42' };
  const first = await web.post('/nop-ho-so/GPLX-DOI', fields);
  const second = await web.post('/nop-ho-so/GPLX-DOI', fields);
  expect(first.status).toBe(303);
  expect(second.location).toBe(first.location);
  const confirmationUrl = new URL(first.location!, stack.baseUrl);
  const code = decodeURIComponent(confirmationUrl.pathname.split('/').pop()!);
  expect(code).toMatch(/^000\.00\.31\.H79-/);
  const { lookupSecret } = await stack.dossier(code);
  expect(confirmationUrl.searchParams.get('bm')).toBe(lookupSecret);
  const confirmation = await web.get(first.location!);
  expect(visibleText(confirmation.text)).toContain(code);
  expect(visibleText(confirmation.text)).toContain(`${lookupSecret.slice(0, 4)}-${lookupSecret.slice(4)}`);
  // The confirmation page shows the secret: without it, nobody else opens the page by code.
  expect((await new WebClient(stack.baseUrl).get(`/nop-ho-so/da-nop/${encodeURIComponent(code)}`)).status).toBe(404);
});

test('looks up a dossier by code and lookup secret without showing personal data', async () => {
  const code = await submit(stack);
  await openTask(stack, code, 'intake');
  const { lookupSecret } = await stack.dossier(code);
  expect(lookupSecret).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
  const web = new WebClient(stack.baseUrl);
  // Typed loosely: lower case, in two groups.
  const typed = `${lookupSecret.slice(0, 4)}-${lookupSecret.slice(4)}`.toLowerCase();
  const found = await web.get(`/tra-cuu?ma=${encodeURIComponent(code.toLowerCase())}&bm=${typed}`);
  expect(found.status).toBe(200);
  const text = visibleText(found.text);
  expect(text).toContain('Mới đăng ký');
  expect(text).toContain('Nguyễn V. A.');
  expect(text).not.toContain('001085004521');
  // The applicant's message links to the lookup with both codes.
  const sent = await eventually(
    () => stack.db.orm.em.fork().find(Notification, { dossierCode: code }),
    (rows) => rows.length > 0,
    10_000,
  );
  expect(sent[0].body).toContain(`/tra-cuu?ma=${encodeURIComponent(code)}&bm=${lookupSecret}`);
});

test('tells nothing about a dossier without its lookup secret, whether the code exists or not', async () => {
  const code = await submit(stack);
  const { lookupSecret, procedureName } = await stack.dossier(code);
  const web = new WebClient(stack.baseUrl);
  // A code alone only fills the form in and asks for the secret.
  const codeOnly = await web.get(`/tra-cuu?ma=${encodeURIComponent(code)}`);
  expect(codeOnly.status).toBe(200);
  expect(visibleText(codeOnly.text)).toContain('Mã bảo mật');
  expect(visibleText(codeOnly.text)).not.toContain(procedureName);
  const wrongSecret = lookupSecret.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'));
  const wrong = await web.get(`/tra-cuu?ma=${encodeURIComponent(code)}&bm=${wrongSecret}`);
  const unknown = await web.get(`/tra-cuu?ma=000.00.31.H01-200101-9999&bm=${lookupSecret}`);
  for (const page of [wrong, unknown]) {
    expect(page.status).toBe(404);
    expect(visibleText(page.text)).toContain('Không tìm thấy hồ sơ với mã hồ sơ và mã bảo mật đã nhập');
    expect(visibleText(page.text)).not.toContain(procedureName);
    expect(page.text).not.toContain(lookupSecret);
  }
  expect(visibleText(wrong.text)).toBe(visibleText(unknown.text));
});
