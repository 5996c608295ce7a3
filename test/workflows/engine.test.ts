/**
 * The generic interpreter on a definition that uses every rule of the format: a branch on form
 * data, a parallel consultation of another agency (liên thông) that waits for both, action
 * inputs, fees by case, per unit and with exemptions, a longer time limit by rule, and a
 * certificate numbered by the definition's own scheme.
 */
import { Task, TimelineEvent } from '../../db/entities';
import { engineSample } from '../fixtures/engine-sample';
import { runScenario, submitTo } from '../support/procedure-scenario';
import { actor, expectDone, openTask, updateId, waitForDossier } from '../support/scenario';
import { startStack, type Stack } from '../support/stack';
import { catalogueWith } from '../support/catalogue';

let stack: Stack;
beforeAll(async () => {
  const catalog = catalogueWith({ definition: engineSample, file: 'test/fixtures/engine-sample.ts' });
  stack = await startStack({ catalog });
});
afterAll(() => stack?.stop());

const form = (over: Record<string, string> = {}) => ({
  fullName: 'Phạm Thị Thu Hà',
  citizenId: '031188007310',
  dateOfBirth: '1988-05-30',
  province: '01',
  email: 'ha@example.vn',
  category: 'thuong',
  livedAbroad: 'co',
  copies: '2',
  ...over,
});

async function tasksOf(code: string) {
  const d = await stack.dossier(code);
  return stack.db.orm.em.fork().find(Task, { dossier: d.id }, { populate: ['agency'], orderBy: { id: 'asc' } });
}

test('consults the police in parallel and waits for both answers before going on', async () => {
  const code = await submitTo(stack, 'TEST-ENGINE', form());
  const who = (u: string) => actor(stack, u);
  expectDone(await stack.services.actions.complete(code, { taskId: await openTask(stack, code, 'intake'), action: 'accept', actor: await who('hn.stp.tiepnhan') }, updateId()));

  const policeTask = await openTask(stack, code, 'police-check');
  const localTask = await openTask(stack, code, 'local-check');
  const agencies = Object.fromEntries((await tasksOf(code)).map((t) => [t.stepId, t.agency.code]));
  expect(agencies).toMatchObject({ 'police-check': 'PV06-01', 'local-check': 'STP-01' });

  // A justice official cannot answer for the police, and the police must enter their finding.
  expect(
    await stack.services.actions.complete(code, { taskId: policeTask, action: 'answer', inputs: { recordNote: 'x' }, actor: await who('hn.stp.chuyenvien') }, updateId()),
  ).toEqual({ kind: 'refused', message: 'Nhiệm vụ không thuộc cơ quan của bạn.' });
  expect(await stack.services.actions.complete(code, { taskId: policeTask, action: 'answer', actor: await who('hn.pv06.chuyenvien') }, updateId())).toEqual({
    kind: 'refused',
    message: 'Vui lòng nhập kết quả tra cứu.',
  });

  expectDone(await stack.services.actions.complete(code, { taskId: localTask, action: 'done', actor: await who('hn.stp.chuyenvien') }, updateId()));
  let d = await stack.dossier(code);
  expect(d.stepId).toBe('consult');
  expect(d.payment).toBeNull();

  expectDone(
    await stack.services.actions.complete(
      code,
      { taskId: policeTask, action: 'answer', inputs: { recordNote: 'Không có án tích' }, actor: await who('hn.pv06.chuyenvien') },
      updateId(),
    ),
  );
  d = await waitForDossier(stack, code, (x) => x.payment?.status === 'pending');
  expect(d.payment!.amount).toBe(400_000);
  expect(d.inputs).toEqual({ recordNote: 'Không có án tích' });
  const appointment = await stack.db.orm.em.fork().findOneOrFail(TimelineEvent, { dossier: d.id, type: 'appointment' });
  expect(appointment.data?.workingDays).toBe(15);
});

test('issues the certificate numbered by the scheme of the definition', async () => {
  const d = await runScenario(stack, {
    procedure: 'TEST-ENGINE',
    form: form({ category: 'sinh-vien', copies: '1' }),
    steps: [
      { task: 'intake', as: 'hn.stp.tiepnhan', action: 'accept' },
      { task: 'police-check', as: 'hn.pv06.chuyenvien', action: 'answer', inputs: { recordNote: 'Không có án tích' } },
      { task: 'local-check', as: 'hn.stp.chuyenvien', action: 'done' },
      { pay: true },
      { task: 'approval', as: 'hn.stp.lanhdao', action: 'approve' },
    ],
    expect: { status: 10, outcome: 'completed', fee: 100_000, resultNumber: /^\d{5}\/\d{4}\/XN-01$/ },
  });
  expect(d.result?.title).toBe('Giấy xác nhận');
});

test('cancels the other branch when one branch ends the dossier', async () => {
  const code = await submitTo(stack, 'TEST-ENGINE', form());
  expectDone(await stack.services.actions.complete(code, { taskId: await openTask(stack, code, 'intake'), action: 'accept', actor: await actor(stack, 'hn.stp.tiepnhan') }, updateId()));
  await openTask(stack, code, 'police-check');
  expectDone(
    await stack.services.actions.complete(
      code,
      { taskId: await openTask(stack, code, 'local-check'), action: 'reject', reason: 'Hồ sơ không đủ điều kiện', actor: await actor(stack, 'hn.stp.chuyenvien') },
      updateId(),
    ),
  );
  const d = await waitForDossier(stack, code, (x) => x.completedAt !== null);
  expect([d.status, d.outcome]).toEqual([10, 'rejected']);
  const statuses = Object.fromEntries((await tasksOf(code)).map((t) => [t.stepId, t.status]));
  expect(statuses).toEqual({ intake: 'done', 'police-check': 'cancelled', 'local-check': 'done' });
});

test('takes the other path of a branch, and asks nothing of an exempt applicant', async () => {
  await runScenario(stack, {
    procedure: 'TEST-ENGINE',
    form: form({ livedAbroad: 'khong', category: 'nguoi-co-cong' }),
    steps: [
      { task: 'intake', as: 'hn.stp.tiepnhan', action: 'accept' },
      { task: 'review', as: 'hn.stp.chuyenvien', action: 'propose' },
      { task: 'approval', as: 'hn.stp.lanhdao', action: 'approve' },
    ],
    expect: { status: 10, outcome: 'completed', fee: undefined },
  });
});
