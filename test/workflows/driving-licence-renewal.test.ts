/**
 * The driving-licence renewal as a durable workflow against the real Temporal server, real
 * PostgreSQL and the sandboxes: every branch of the procedure, driven through the same services
 * the back office uses.
 */
import { DossierDocument, IssuedNumber, Notification, Task, TimelineEvent } from '../../db/entities';
import { startStack, type Stack } from '../support/stack';
import { actor, decide, expectDone, openTask, pay, renewalForm, submit, updateId, waitForDossier } from '../support/scenario';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { PAYMENT_DEADLINE: '4s' } });
});
afterAll(() => stack?.stop());

async function events(code: string) {
  const d = await stack.dossier(code);
  return stack.db.orm.em.fork().find(TimelineEvent, { dossier: d.id }, { orderBy: { seq: 'asc' } });
}

test('renews a licence from submission to result returned', async () => {
  const code = await submit(stack);
  expect(code).toMatch(/^000\.00\.31\.H01-\d{6}-\d{4}$/);

  const accepted = expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'accept'));
  expect(accepted.stepId).not.toBe('intake');
  let d = await stack.dossier(code);
  expect(d.acceptedAt).toBeTruthy();
  expect(d.appointmentAt!.getTime()).toBeGreaterThan(d.acceptedAt!.getTime());

  d = await waitForDossier(stack, code, (x) => x.status === 6 && x.payment !== null);
  expect(d.checks.map((c) => [c.id, c.outcome])).toEqual([
    ['identity', 'match'],
    ['licence', 'match'],
  ]);
  expect(d.payment).toMatchObject({ amount: 135_000, status: 'pending' });

  const transactionId = await pay(stack, code);
  await waitForDossier(stack, code, (x) => x.payment?.status === 'paid' && x.stepId === 'review');
  expectDone(await decide(stack, code, 'review', 'hn.chuyenvien', 'propose-approval'));
  expectDone(await decide(stack, code, 'approval', 'hn.lanhdao', 'approve'));

  d = await waitForDossier(stack, code, (x) => x.status === 10);
  expect(d.outcome).toBe('completed');
  expect(d.payment?.transactionId).toBe(transactionId);
  expect(d.result?.number).toMatch(/^01\d{10}$/);
  expect(d.result?.documentCode).toBe(`${code}-KQ1`);

  const em = stack.db.orm.em.fork();
  const doc = await em.findOneOrFail(DossierDocument, { code: `${code}-KQ1` }, { populate: ['content'] });
  expect(doc.content.subarray(0, 5).toString()).toBe('%PDF-');
  expect(await em.count(IssuedNumber, { dossierCode: code })).toBe(1);

  const trail = await events(code);
  const statuses = trail.filter((e) => e.type === 'status').map((e) => e.status);
  expect(statuses).toEqual([2, 4, 6, 4, 9, 10]);
  const actions = trail.filter((e) => e.type === 'action').map((e) => [e.actorName, e.data?.action]);
  expect(actions).toEqual([
    ['Nguyễn Thị Lan', 'accept'],
    ['Trần Văn Minh', 'propose-approval'],
    ['Phạm Quốc Hùng', 'approve'],
  ]);
  expect(trail.map((e) => e.seq)).toEqual(trail.map((_, i) => i + 1));

  const mail = await em.find(Notification, { dossierCode: code }, { orderBy: { id: 'asc' } });
  expect(mail.map((m) => m.subject)).toEqual([
    `Đã nhận hồ sơ ${code}`,
    `Hồ sơ ${code} đã được tiếp nhận`,
    `Đề nghị nộp lệ phí hồ sơ ${code}`,
    `Đã có kết quả hồ sơ ${code}`,
  ]);
  expect(mail[3].body).toContain(d.result!.number);
});

test('sends a dossier whose licence is revoked back to the receiver, who refuses it', async () => {
  const code = await submit(stack, renewalForm('revokedLicence'));
  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'accept'));

  const taskId = await openTask(stack, code, 'intake');
  expect(taskId).toBe('intake-2');
  const d = await stack.dossier(code);
  expect(d.checks.find((c) => c.id === 'licence')).toMatchObject({ outcome: 'mismatch' });
  const task = await stack.db.orm.em.fork().findOneOrFail(Task, { dossier: d.id, taskKey: 'intake-2' });
  expect(task.handoverNote).toContain('thu hồi');

  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'refuse', 'Giấy phép lái xe đã bị thu hồi'));
  const done = await waitForDossier(stack, code, (x) => x.completedAt !== null);
  expect(done.status).toBe(3);
  expect(done.outcome).toBe('refused');
  expect(done.payment).toBeNull();
});

test('waits for the applicant to supplement the dossier, then resumes at intake', async () => {
  const code = await submit(stack, renewalForm('carHolderHanoi', { fullName: 'Nguyen Van An' }));
  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'request-supplement', 'Họ tên phải ghi đúng như trên căn cước (có dấu)'));
  let d = await waitForDossier(stack, code, (x) => x.status === 5);
  expect(d.supplement).toMatchObject({ round: 1, reason: 'Họ tên phải ghi đúng như trên căn cước (có dấu)' });

  const fixed = { ...d.form, fullName: 'Nguyễn Văn An' };
  expectDone(await stack.services.actions.submitSupplement(code, { round: 1, form: fixed }, updateId()));
  await openTask(stack, code, 'intake');
  d = await stack.dossier(code);
  expect(d.form.fullName).toBe('Nguyễn Văn An');
  expect(d.status).toBe(1);

  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'accept'));
  d = await waitForDossier(stack, code, (x) => x.status === 6);
  expect(d.checks.every((c) => c.outcome === 'match')).toBe(true);
});

test('cancels a dossier whose fee is not paid in time and closes the payment request', async () => {
  const code = await submit(stack);
  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'accept'));
  const pending = await waitForDossier(stack, code, (x) => x.payment?.status === 'pending');
  const d = await waitForDossier(stack, code, (x) => x.completedAt !== null, 20_000);
  expect(d.status).toBe(8);
  expect(d.outcome).toBe('cancelled');
  expect(d.payment?.status).toBe('expired');
  const gateway = await fetch(`${stack.endpoints.paymentUrl}/api/v1/payment-requests/${encodeURIComponent(pending.payment!.reference)}`, {
    headers: { 'X-Merchant-Id': 'MOTCUA' },
  }).then((r) => r.json() as Promise<{ status: string }>);
  expect(gateway.status).toBe('cancelled');
  const mail = await stack.db.orm.em.fork().find(Notification, { dossierCode: code });
  expect(mail.map((m) => m.subject)).toContain(`Hồ sơ ${code} đã dừng xử lý`);
});

test('refuses actions the dossier state or the official does not allow, with a reason', async () => {
  const code = await submit(stack);
  const taskId = await openTask(stack, code, 'intake');
  const act = (username: string, action: string, reason?: string) =>
    actor(stack, username).then((who) => stack.services.actions.complete(code, { taskId, action, reason, actor: who }, updateId()));

  expect(await act('hn.chuyenvien', 'accept')).toEqual({ kind: 'refused', message: 'Nhiệm vụ này dành cho cán bộ tiếp nhận.' });
  expect(await act('hcm.tiepnhan', 'accept')).toEqual({ kind: 'refused', message: 'Nhiệm vụ không thuộc cơ quan của bạn.' });
  expect(await act('hn.tiepnhan', 'approve')).toMatchObject({ kind: 'refused', message: expect.stringContaining('không có ở bước') });
  expect(await act('hn.tiepnhan', 'refuse', '   ')).toMatchObject({ kind: 'refused', message: expect.stringContaining('lý do') });

  const lan = await actor(stack, 'hn.tiepnhan');
  expectDone(await stack.services.actions.claim(code, { taskId, actor: lan }, updateId()));
  const other = { ...lan, id: '999999', name: 'Cán bộ khác' };
  expect(await stack.services.actions.claim(code, { taskId, actor: other }, updateId())).toEqual({
    kind: 'refused',
    message: 'Nhiệm vụ đang do Nguyễn Thị Lan xử lý.',
  });

  // Nothing refused reached the history: the dossier is still at intake, claimed once.
  const trail = await events(code);
  expect(trail.filter((e) => e.type === 'action')).toHaveLength(0);
  expect(trail.filter((e) => e.type === 'claimed')).toHaveLength(1);
});

test('applies a double-clicked decision once', async () => {
  const code = await submit(stack);
  const taskId = await openTask(stack, code, 'intake');
  const who = await actor(stack, 'hn.tiepnhan');
  const id = updateId();
  const [first, second] = await Promise.all([
    stack.services.actions.complete(code, { taskId, action: 'accept', actor: who }, id),
    stack.services.actions.complete(code, { taskId, action: 'accept', actor: who }, id),
  ]);
  expect(first.kind).toBe('done');
  expect(second.kind).toBe('done');
  await waitForDossier(stack, code, (x) => x.status === 6);
  expect((await events(code)).filter((e) => e.type === 'action')).toHaveLength(1);
});

test('does not charge again a dossier that comes back to the payment step', async () => {
  const code = await submit(stack);
  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'accept'));
  await pay(stack, code);
  expectDone(await decide(stack, code, 'review', 'hn.chuyenvien', 'return-to-intake', 'Kiểm tra lại giấy khám sức khỏe'));
  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'accept'));
  await openTask(stack, code, 'review');
  const d = await stack.dossier(code);
  expect(d.payment).toMatchObject({ reference: `${code}-TT1`, status: 'paid' });
  expect((await events(code)).filter((e) => e.type === 'payment-requested')).toHaveLength(1);
});

test('lets a supervisor reassign a claimed task to another specialist', async () => {
  const code = await submit(stack);
  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'accept'));
  await pay(stack, code);
  const taskId = await openTask(stack, code, 'review');
  const minh = await actor(stack, 'hn.chuyenvien');
  const ha = await actor(stack, 'hn.chuyenvien2');
  const mai = await actor(stack, 'hn.giamsat');
  expectDone(await stack.services.actions.claim(code, { taskId, actor: minh }, updateId()));

  const to = { id: ha.id, name: ha.name, role: ha.role, agencyCode: ha.agencyCode };
  expect(await stack.services.actions.reassign(code, { taskId, to, actor: minh }, updateId())).toMatchObject({ kind: 'refused' });
  expectDone(await stack.services.actions.reassign(code, { taskId, to, actor: mai }, updateId()));

  const d = await stack.dossier(code);
  const task = await stack.db.orm.em.fork().findOneOrFail(Task, { dossier: d.id, taskKey: taskId });
  expect(task.assigneeName).toBe('Lê Thu Hà');
  expect((await stack.services.actions.complete(code, { taskId, action: 'propose-approval', actor: minh }, updateId())).kind).toBe('refused');
  expectDone(await stack.services.actions.complete(code, { taskId, action: 'propose-approval', actor: ha }, updateId()));
});
