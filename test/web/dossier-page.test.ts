/**
 * What the dossier page must get right (issue 9): the status never appears to go back; a dossier
 * that ended without a decision shows no running appointment and is never "on time"; the
 * timeline sets officials' decisions apart from system steps; the registry's spelling of the
 * name beside the applicant's; a confirmation before refusing or rejecting (without a script); a
 * stale page keeps what was typed; and the page the payment gateway returns the payer to.
 */
import { Dossier } from '../../db/entities';
import { paymentReturnUrl } from '../../domain/applicant-links';
import { IN_PROCESS_SECRETS } from '../../scripts/lib/in-process-stack';
import { decide, expectDone, openTask, renewalForm, submit, waitForDossier } from '../support/scenario';
import { startStack, type Stack } from '../support/stack';
import { visibleText, WebClient } from '../support/web-client';

let stack: Stack;
let receiver: WebClient;
beforeAll(async () => {
  stack = await startStack();
  receiver = new WebClient(stack.baseUrl);
  await receiver.signIn('hn.tiepnhan');
});
afterAll(() => stack?.stop());

const dossierPath = (code: string) => `/ho-so/${encodeURIComponent(code)}`;
const statusOnPage = (html: string) => /data-testid="status">([^<]*)</.exec(html)?.[1];

test('an accepted dossier sent back to intake by a failed check reads "Đang xử lý", never "Mới đăng ký"', async () => {
  const code = await submit(stack, renewalForm('revokedLicence'));
  const first = await openTask(stack, code, 'intake');
  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'accept'));
  await waitForDossier(stack, code, (d) => d.checks.length > 0 && d.stepId === 'intake');
  const again = await openTask(stack, code, 'intake');
  expect(again).not.toBe(first);

  expect((await stack.dossier(code)).status).toBe(4);
  const page = await receiver.get(dossierPath(code));
  expect(statusOnPage(page.text)).toBe('Đang xử lý');
  // Nor does the timeline say the dossier became new again after it was accepted.
  const timeline = visibleText(page.text.slice(page.text.indexOf('data-testid="timeline"')));
  const afterAcceptance = timeline.slice(timeline.indexOf('Tiếp nhận hồ sơ'));
  expect(afterAcceptance).not.toContain('Mới đăng ký');
});

test('a row projected before the fix (accepted, status 1) still reads "Đang xử lý"', async () => {
  const code = await submit(stack);
  await openTask(stack, code, 'intake');
  await stack.db.orm.em.fork().nativeUpdate(Dossier, { code }, { status: 1, acceptedAt: new Date(), version: 1_000_000 });
  const page = await receiver.get(dossierPath(code));
  expect(statusOnPage(page.text)).toBe('Đang xử lý');
});

test('a refused dossier shows no appointment, receipt or "on time"', async () => {
  const code = await submit(stack);
  await openTask(stack, code, 'intake');
  await receiver.get(dossierPath(code));
  const taskId = await openTask(stack, code, 'intake');
  const refused = await receiver.post(`${dossierPath(code)}/thao-tac`, { taskId, action: 'refuse', reason: 'Ảnh chụp không rõ.', confirm: 'yes' });
  expect(refused.status).toBe(303);
  await waitForDossier(stack, code, (d) => d.outcome === 'refused');
  const text = visibleText((await receiver.get(dossierPath(code))).text);
  expect(text).toContain('Không được tiếp nhận');
  expect(text).not.toContain('Hẹn trả kết quả');
  expect(text).not.toContain('In giấy tiếp nhận');
  expect(text).not.toContain('Đúng hạn');
});

test('refusing asks for a ticked confirmation first (422, the reason kept); ticked, it goes through', async () => {
  const code = await submit(stack);
  const taskId = await openTask(stack, code, 'intake');
  const page = await receiver.get(dossierPath(code));
  expect(page.text).toContain('name="confirm" value="yes"');
  expect(page.text).toContain('data-confirm="Bạn chắc chắn');

  const unticked = await receiver.post(`${dossierPath(code)}/thao-tac`, { taskId, action: 'refuse', reason: 'Thiếu giấy khám sức khỏe.' });
  expect(unticked.status).toBe(422);
  const text = visibleText(unticked.text);
  expect(text).toContain('Vui lòng đánh dấu ô xác nhận trước khi "Từ chối tiếp nhận"');
  expect(unticked.text).toContain('Thiếu giấy khám sức khỏe.</textarea>');
  expect((await stack.dossier(code)).outcome).toBeNull();

  // Accepting is not a danger action: no confirmation needed.
  const code2 = await submit(stack);
  const task2 = await openTask(stack, code2, 'intake');
  await receiver.get(dossierPath(code2));
  expect((await receiver.post(`${dossierPath(code2)}/thao-tac`, { taskId: task2, action: 'accept' })).status).toBe(303);

  await receiver.get(dossierPath(code));
  const ticked = await receiver.post(`${dossierPath(code)}/thao-tac`, { taskId, action: 'refuse', reason: 'Thiếu giấy khám sức khỏe.', confirm: 'yes' });
  expect(ticked.status).toBe(303);
  await waitForDossier(stack, code, (d) => d.outcome === 'refused');
});

test('a stale page acting on a dossier that has moved on gets the reason and keeps what was typed', async () => {
  const code = await submit(stack);
  const taskId = await openTask(stack, code, 'intake');
  const stale = new WebClient(stack.baseUrl);
  await stale.signIn('hn.tiepnhan');
  await stale.get(dossierPath(code)); // the page is open here…
  await receiver.get(dossierPath(code));
  expect((await receiver.post(`${dossierPath(code)}/thao-tac`, { taskId, action: 'accept' })).status).toBe(303); // …and a colleague accepts

  const late = await stale.post(`${dossierPath(code)}/thao-tac`, { taskId, action: 'refuse', reason: 'Lý do đã gõ rất dài.', confirm: 'yes' });
  expect(late.status).toBe(409);
  expect(visibleText(late.text)).toContain('Nhiệm vụ này không còn chờ xử lý');
  expect(late.text).toContain('data-testid="stale-input"');
  expect(late.text).toContain('Lý do đã gõ rất dài.</textarea>');
});

test('the timeline sets officials\' decisions apart and folds system steps', async () => {
  const code = await submit(stack);
  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'accept'));
  await waitForDossier(stack, code, (d) => d.payment?.status === 'pending');
  const html = (await receiver.get(dossierPath(code))).text;
  const decision = /<li class="timeline__item[^"]*timeline__item--decision"[^>]*>([\s\S]*?)<\/li>/.exec(html)?.[1] ?? '';
  expect(visibleText(decision)).toContain('Tiếp nhận hồ sơ');
  expect(visibleText(decision)).toContain('Nguyễn Thị Lan');
  expect(html).toMatch(/<li class="timeline__group timeline__group--system[^"]*" data-kind="system">\s*<details>\s*<summary>\d+ bước hệ thống/);
  expect(html).toContain('id="timeline-decisions-only"');
  expect(visibleText(html)).toMatch(/1 quyết định của cán bộ, \d+ bước hệ thống/);
});

test('the registry spelling of the name is shown beside the applicant\'s when they differ only in convention', async () => {
  const code = await submit(stack);
  await openTask(stack, code, 'intake');
  const em = stack.db.orm.em.fork();
  const d = await em.findOneOrFail(Dossier, { code });
  const check = { id: 'licence', check: 'driving-licence.record', label: 'Giấy phép lái xe', at: new Date().toISOString(), outcome: 'match' as const, summary: 'Khớp', facts: { 'Họ và tên theo cơ sở dữ liệu': 'Nguyễn Thị Hòa' } };
  await em.nativeUpdate(Dossier, { id: d.id }, { applicantName: 'Nguyễn Thị Hoà', checks: [check], version: 1_000_000 });
  const text = visibleText((await receiver.get(dossierPath(code))).text);
  expect(text).toContain('Tên in trên kết quả theo cơ sở dữ liệu: Nguyễn Thị Hòa ; tờ khai ghi: Nguyễn Thị Hoà');
});

test('after paying, the gateway returns the payer to a page that shows the payment, never a second request to pay', async () => {
  const code = await submit(stack);
  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'accept'));
  const pending = await waitForDossier(stack, code, (x) => x.payment?.status === 'pending');
  const landing = paymentReturnUrl(stack.endpoints.publicUrl, IN_PROCESS_SECRETS.linkSecret, code);
  const path = landing.slice(stack.endpoints.publicUrl.replace(/\/$/, '').length);
  const visitor = new WebClient(stack.baseUrl);

  const before = await visitor.get(path);
  expect(before.status).toBe(200);
  expect(before.text).toContain('data-state="confirming"');
  expect(visibleText(before.text)).toContain('vui lòng không thanh toán lại');
  expect(before.text).not.toContain(pending.payment!.payUrl);

  // The gateway's own page: paying redirects to our landing page.
  const confirm = await fetch(`${pending.payment!.payUrl}/confirm`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'method=vietcombank',
    redirect: 'manual',
  });
  expect(confirm.status).toBe(303);
  expect(confirm.headers.get('location')).toBe(landing);

  const paid = await waitForDossier(stack, code, (x) => x.payment?.status === 'paid');
  const after = await visitor.get(path);
  expect(after.text).toContain('data-state="received"');
  expect(visibleText(after.text)).toContain('Đã nhận thanh toán');
  expect(visibleText(after.text)).toContain(paid.payment!.transactionId!);
  expect(after.text).not.toContain(pending.payment!.payUrl);

  const forged = await visitor.get(`/thanh-toan/${encodeURIComponent(code)}?t=abc`);
  expect(forged.status).toBe(400);
  expect(visibleText(forged.text)).toContain('Liên kết không hợp lệ');
});
