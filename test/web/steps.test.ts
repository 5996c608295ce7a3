/**
 * The back office and the applicant's pages on a procedure whose steps are awkward on purpose
 * (test/fixtures/web-sample.ts): two task steps offer an action with the same id, and two
 * supplement steps let the applicant correct different fields. Also what a task panel and a
 * list show: the step's instructions, personal data masked in lists and whole on the page.
 */
import { applicantLinks } from '../../domain/applicant-links';
import { IN_PROCESS_SECRETS } from '../../scripts/lib/in-process-stack';
import { webSample, webSampleForm } from '../fixtures/web-sample';
import { actor, expectDone, openTask, submitTo, updateId, waitForDossier } from '../support/scenario';
import { startStack, type Stack } from '../support/stack';
import { visibleText, WebClient } from '../support/web-client';
import { catalogueWith } from '../support/catalogue';

let stack: Stack;
beforeAll(async () => {
  const catalog = catalogueWith({ definition: webSample, file: 'test/fixtures/web-sample.ts' });
  stack = await startStack({ catalog });
});
afterAll(() => stack?.stop());

const dossierPath = (code: string) => `/ho-so/${encodeURIComponent(code)}`;

async function decide(code: string, stepId: string, username: string, action: string, reason?: string, inputs?: Record<string, string>) {
  const taskId = await openTask(stack, code, stepId);
  return stack.services.actions.complete(code, { taskId, action, reason, inputs, actor: await actor(stack, username) }, updateId());
}

/** A dossier whose specialist has proposed approval: the leader's `approve` is next. */
async function waitingForApproval(): Promise<{ code: string; taskId: string }> {
  const code = await submitTo(stack, 'TEST-WEB', webSampleForm());
  expectDone(await decide(code, 'intake', 'hn.tiepnhan', 'accept'));
  expectDone(await decide(code, 'review', 'hn.chuyenvien', 'approve', 'Hồ sơ đầy đủ', { opinion: 'Đủ điều kiện' }));
  return { code, taskId: await openTask(stack, code, 'approval') };
}

async function signedIn(username: string): Promise<WebClient> {
  const web = new WebClient(stack.baseUrl);
  expect((await web.signIn(username)).status).toBe(303);
  return web;
}

describe('an action id that two steps offer', () => {
  test("is checked against the task's own step: the leader approves without the specialist's reason and inputs", async () => {
    const { code, taskId } = await waitingForApproval();
    const leader = await signedIn('hn.lanhdao');
    await leader.get(dossierPath(code));
    const page = await leader.post(`${dossierPath(code)}/thao-tac`, { taskId, action: 'approve', reason: '' });
    expect(visibleText(page.text)).not.toContain('Đề xuất phê duyệt');
    expect(page.status).toBe(303);
    expect((await waitForDossier(stack, code, (d) => d.completedAt !== null)).outcome).toBe('completed');
  });

  test("is named by the task's own step in the success message", async () => {
    const { code, taskId } = await waitingForApproval();
    const leader = await signedIn('hn.lanhdao');
    await leader.get(dossierPath(code));
    const page = await leader.post(`${dossierPath(code)}/thao-tac`, { taskId, action: 'approve', reason: 'Đồng ý', in_opinion: 'Không dùng ở bước này' });
    expect(page.status).toBe(303);
    const queue = visibleText((await leader.get(page.location!)).text);
    expect(queue).toContain(`Đã thực hiện "Phê duyệt" cho hồ sơ ${code}.`);
    expect(queue).not.toContain('Đề xuất phê duyệt');
  });

  test('asks at the review step for the reason and the inputs of its own action, keeping what was typed (422)', async () => {
    const code = await submitTo(stack, 'TEST-WEB', webSampleForm());
    expectDone(await decide(code, 'intake', 'hn.tiepnhan', 'accept'));
    const taskId = await openTask(stack, code, 'review');
    const specialist = await signedIn('hn.chuyenvien');
    await specialist.get(dossierPath(code));

    const noReason = await specialist.post(`${dossierPath(code)}/thao-tac`, { taskId, action: 'approve', reason: '', in_opinion: 'Đủ điều kiện' });
    expect(noReason.status).toBe(422);
    expect(visibleText(noReason.text)).toContain('Vui lòng nhập lý do để "Đề xuất phê duyệt".');
    expect(noReason.text).toContain('value="Đủ điều kiện"');

    const noInput = await specialist.post(`${dossierPath(code)}/thao-tac`, { taskId, action: 'approve', reason: 'Hồ sơ đầy đủ' });
    expect(noInput.status).toBe(422);
    expect(visibleText(noInput.text)).toMatch(/Vui lòng nhập ý kiến thẩm định/i);
    expect(noInput.text).toContain('>Hồ sơ đầy đủ</textarea>');
    expect((await stack.dossier(code)).stepId).toBe('review');
  });
});

describe('the supplement page', () => {
  function linkOf(code: string, round: number): { path: string; lan: string; t: string } {
    const url = new URL(applicantLinks(stack.baseUrl, IN_PROCESS_SECRETS.linkSecret).supplement(code, round));
    return { path: url.pathname + url.search, lan: url.searchParams.get('lan')!, t: url.searchParams.get('t')! };
  }

  test('of the second supplement step offers exactly its fields, and says which others cannot be changed (422)', async () => {
    const code = await submitTo(stack, 'TEST-WEB', webSampleForm());
    expectDone(await decide(code, 'intake', 'hn.tiepnhan', 'accept'));
    expectDone(await decide(code, 'review', 'hn.chuyenvien', 'request-contact', 'Thư điện tử không nhận được thư'));
    const waiting = await waitForDossier(stack, code, (d) => d.status === 5);
    expect(waiting.stepId).toBe('fix-contact');
    const link = linkOf(code, waiting.supplement!.round);

    const web = new WebClient(stack.baseUrl);
    const page = await web.get(link.path);
    expect(page.status).toBe(200);
    for (const offered of ['email', 'phone']) expect(page.text).toContain(`name="${offered}"`);
    for (const withheld of ['fullName', 'dateOfBirth', 'citizenId', 'province']) expect(page.text).not.toContain(`name="${withheld}"`);

    const action = `/bo-sung/${encodeURIComponent(code)}`;
    const refused = await web.post(action, { lan: link.lan, t: link.t, email: 'ha.moi@example.vn', phone: '0987654321', fullName: 'Phạm Thị Hà', dateOfBirth: '1990-01-01' });
    expect(refused.status).toBe(422);
    const said = visibleText(refused.text);
    expect(said).toContain('Họ và tên: không được sửa ở lần bổ sung này');
    expect(said).toContain('Ngày sinh: không được sửa ở lần bổ sung này');
    expect(refused.text).toContain('value="ha.moi@example.vn"');
    expect((await stack.dossier(code)).status).toBe(5);

    // The value already on file is no change: a client that sends the whole form back is fine.
    await web.get(link.path);
    const sent = await web.post(action, { lan: link.lan, t: link.t, email: 'ha.moi@example.vn', phone: '0987654321', fullName: 'Phạm Thị Thu Hà' });
    expect(sent.status).toBe(303);
    const answered = await waitForDossier(stack, code, (d) => d.form.email === 'ha.moi@example.vn');
    expect(answered.form).toMatchObject({ fullName: 'Phạm Thị Thu Hà', phone: '0987654321', dateOfBirth: '1988-05-30' });
  });

  test('of the first supplement step offers the identity fields only', async () => {
    const code = await submitTo(stack, 'TEST-WEB', webSampleForm({ fullName: 'Pham Thi Thu Ha' }));
    expectDone(await decide(code, 'intake', 'hn.tiepnhan', 'request-supplement', 'Ghi họ tên có dấu'));
    const waiting = await waitForDossier(stack, code, (d) => d.status === 5);
    const page = await new WebClient(stack.baseUrl).get(linkOf(code, waiting.supplement!.round).path);
    expect(page.status).toBe(200);
    for (const offered of ['fullName', 'dateOfBirth']) expect(page.text).toContain(`name="${offered}"`);
    for (const withheld of ['email', 'phone', 'citizenId']) expect(page.text).not.toContain(`name="${withheld}"`);
  });
});

test("shows the step's instructions in the task panel and on the procedure's page", async () => {
  const code = await submitTo(stack, 'TEST-WEB', webSampleForm());
  expectDone(await decide(code, 'intake', 'hn.tiepnhan', 'accept'));
  await openTask(stack, code, 'review');
  const specialist = await signedIn('hn.chuyenvien');
  const instructions = 'Đối chiếu tờ khai với hồ sơ gốc; ghi ý kiến thẩm định trước khi đề xuất.';
  expect(visibleText((await specialist.get(dossierPath(code))).text)).toContain(`Hướng dẫn: ${instructions}`);
  expect(visibleText((await new WebClient(stack.baseUrl).get('/thu-tuc/TEST-WEB')).text)).toContain(instructions);
});

test('masks personal fields in lists and shows them whole on the dossier page', async () => {
  const code = await submitTo(stack, 'TEST-WEB', webSampleForm({ fullName: 'Hoàng Minh Khôi' }));
  expectDone(await decide(code, 'intake', 'hn.tiepnhan', 'accept'));
  await openTask(stack, code, 'review');

  const specialist = await signedIn('hn.chuyenvien');
  const queue = visibleText((await specialist.get('/cong-viec')).text);
  expect(queue).toContain(code);
  expect(queue).toContain('Hoàng M. K.');
  expect(queue).not.toContain('Hoàng Minh Khôi');
  expect(visibleText((await specialist.get(dossierPath(code))).text)).toContain('Hoàng Minh Khôi');

  const supervisor = await signedIn('hn.giamsat');
  const watched = visibleText((await supervisor.get('/giam-sat')).text);
  expect(watched).toContain('Hoàng M. K.');
  expect(watched).not.toContain('Hoàng Minh Khôi');
});
