/**
 * Cấp Phiếu lý lịch tư pháp số 1, end to end: the Department of Justice searches its records
 * while the provincial police records office answers in parallel (liên thông); the dossier goes
 * on only when both have answered, the certificate prints the finding. Fees by category, the
 * printing surcharge from the third copy, exemptions, the 15-day limit for a person who lived
 * abroad, and a refusal that cancels the police's open task.
 */
import { DEMO_RECORDS } from '../../sandboxes/registry/data';
import { runScenario, submitTo } from '../../test/support/procedure-scenario';
import { actor, expectDone, openTask, pay, updateId, waitForDossier } from '../../test/support/scenario';
import { tasksOf, timelineEvent } from '../../test/support/read-model';
import { startStack, type Stack } from '../../test/support/stack';
import { STATUS } from '../../domain/portal-status';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

const PROCEDURE = '2.000488';

function formOf(citizen: { fullName: string; citizenId: string; dateOfBirth: string }, over: Record<string, string> = {}) {
  return {
    fullName: citizen.fullName,
    gender: 'nam',
    dateOfBirth: citizen.dateOfBirth,
    placeOfBirth: 'Hà Nội',
    citizenId: citizen.citizenId,
    address: 'Số 18 phố Hàng Bài, phường Hoàn Kiếm, thành phố Hà Nội',
    residence: 'mot-noi',
    purpose: 'Bổ sung hồ sơ xin việc',
    banInfo: 'khong',
    category: 'thuong',
    copies: '1',
    province: '01',
    phone: '0912345678',
    email: `${citizen.citizenId}@example.vn`,
    ...over,
  };
}

async function tasksOfDossier(code: string) {
  return tasksOf(stack, await stack.dossier(code));
}

async function appointmentDays(code: string) {
  const d = await stack.dossier(code);
  const event = await timelineEvent(stack, d, 'appointment');
  return event.data?.workingDays;
}

const NO_RECORD = { criminalRecord: 'Không có án tích', banStatus: 'Không yêu cầu xác nhận' };

test('issues the certificate with the finding, after the police and the Department have both searched', async () => {
  const { citizen } = DEMO_RECORDS.carHolderHanoi;
  const dossier = await runScenario(stack, {
    procedure: PROCEDURE,
    form: formOf(citizen),
    steps: [
      { task: 'intake', as: 'hn.stp.tiepnhan', action: 'accept' },
      { pay: true },
      { task: 'police-check', as: 'hn.pv06.chuyenvien', action: 'answer', inputs: { policeFinding: 'Không có thông tin án tích' } },
      { task: 'judicial-search', as: 'hn.stp.chuyenvien', action: 'done' },
      { task: 'draft', as: 'hn.stp.chuyenvien', action: 'propose', inputs: NO_RECORD },
      { task: 'approval', as: 'hn.stp.lanhdao', action: 'approve' },
    ],
    expect: {
      status: STATUS.RESULT_RETURNED,
      outcome: 'completed',
      fee: 200_000,
      resultNumber: /^\d{6}\/\d{4}\/LLTP-01$/,
      checks: { identity: 'match' },
    },
  });
  expect(dossier.result?.title).toBe('Phiếu lý lịch tư pháp số 1');
  expect(dossier.agency.code).toBe('STP-01');
  expect(dossier.inputs).toEqual({ policeFinding: 'Không có thông tin án tích', ...NO_RECORD });
  const agencies = Object.fromEntries((await tasksOfDossier(dossier.code)).map((t) => [t.stepId, t.agency.code]));
  expect(agencies).toEqual({
    intake: 'STP-01',
    'police-check': 'PV06-01',
    'judicial-search': 'STP-01',
    draft: 'STP-01',
    approval: 'STP-01',
  });
  expect(await appointmentDays(dossier.code)).toBe(10);
});

test('a student who lived abroad: 100.000 đ plus 5.000 đ for the third copy, 15 days, and the dossier waits for the police', async () => {
  const citizen = DEMO_RECORDS.withoutLicence.citizen;
  const code = await submitTo(
    stack,
    PROCEDURE,
    formOf(citizen, {
      gender: 'nu',
      category: 'sinh-vien',
      copies: '3',
      residence: 'nuoc-ngoai',
      residenceHistory: '09/2019 – 06/2023: du học tại Melbourne, Úc',
    }),
  );
  const as = (username: string) => actor(stack, username);
  expectDone(await stack.services.actions.complete(code, { taskId: await openTask(stack, code, 'intake'), action: 'accept', actor: await as('hn.stp.tiepnhan') }, updateId()));
  const withPayment = await waitForDossier(stack, code, (d) => d.payment?.status === 'pending');
  expect(withPayment.payment!.amount).toBe(105_000);
  expect(await appointmentDays(code)).toBe(15);
  await pay(stack, code);

  const policeTask = await openTask(stack, code, 'police-check');
  // Only the police answer for the police, and they must state their finding.
  expect(
    await stack.services.actions.complete(code, { taskId: policeTask, action: 'answer', inputs: { policeFinding: 'Không có thông tin án tích' }, actor: await as('hn.stp.chuyenvien') }, updateId()),
  ).toEqual({ kind: 'refused', message: 'Nhiệm vụ không thuộc cơ quan của bạn.' });
  expect(await stack.services.actions.complete(code, { taskId: policeTask, action: 'answer', actor: await as('hn.pv06.chuyenvien') }, updateId())).toMatchObject({
    kind: 'refused',
    message: 'Vui lòng nhập kết quả tra cứu án tích.',
  });

  expectDone(await stack.services.actions.complete(code, { taskId: await openTask(stack, code, 'judicial-search'), action: 'done', actor: await as('hn.stp.chuyenvien') }, updateId()));
  const waiting = await stack.dossier(code);
  expect(waiting.stepId).toBe('search');
  expect((await tasksOfDossier(code)).some((t) => t.stepId === 'draft')).toBe(false);

  expectDone(
    await stack.services.actions.complete(
      code,
      { taskId: policeTask, action: 'answer', inputs: { policeFinding: 'Không có thông tin án tích' }, actor: await as('hn.pv06.chuyenvien') },
      updateId(),
    ),
  );
  expectDone(await stack.services.actions.complete(code, { taskId: await openTask(stack, code, 'draft'), action: 'propose', inputs: NO_RECORD, actor: await as('hn.stp.chuyenvien') }, updateId()));
  expectDone(await stack.services.actions.complete(code, { taskId: await openTask(stack, code, 'approval'), action: 'approve', actor: await as('hn.stp.lanhdao') }, updateId()));
  const done = await waitForDossier(stack, code, (d) => d.completedAt !== null);
  expect([done.status, done.outcome]).toEqual([10, 'completed']);
  expect(done.result?.number).toMatch(/^\d{6}\/\d{4}\/LLTP-01$/);
});

test('asks nothing of a member of a poor household', async () => {
  await runScenario(stack, {
    procedure: PROCEDURE,
    form: formOf(DEMO_RECORDS.motorbikeHolderHoChiMinh.citizen, { gender: 'nu', category: 'ho-ngheo', copies: '4', province: '79' }),
    steps: [
      { task: 'intake', as: 'hcm.stp.tiepnhan', action: 'accept' },
      { task: 'judicial-search', as: 'hcm.stp.chuyenvien', action: 'done' },
      { task: 'police-check', as: 'hcm.pv06.chuyenvien', action: 'answer', inputs: { policeFinding: 'Không có thông tin án tích' } },
      { task: 'draft', as: 'hcm.stp.chuyenvien', action: 'propose', inputs: NO_RECORD },
      { task: 'approval', as: 'hcm.stp.lanhdao', action: 'approve' },
    ],
    expect: { status: STATUS.RESULT_RETURNED, outcome: 'completed', fee: undefined, resultNumber: /^\d{6}\/\d{4}\/LLTP-79$/ },
  });
});

test('a refusal by the Department cancels the police consultation and needs the director', async () => {
  const dossier = await runScenario(stack, {
    procedure: PROCEDURE,
    form: formOf(DEMO_RECORDS.revokedLicence.citizen, { placeOfBirth: 'Đà Nẵng' }),
    steps: [
      { task: 'intake', as: 'hn.stp.tiepnhan', action: 'accept' },
      { pay: true },
      {
        task: 'judicial-search',
        as: 'hn.stp.chuyenvien',
        action: 'reject',
        reason: 'Người yêu cầu không cư trú tại Hà Nội; đề nghị nộp tại Trung tâm Lý lịch tư pháp quốc gia',
      },
      { task: 'approval-refusal', as: 'hn.stp.lanhdao', action: 'approve-refusal', reason: 'Không thuộc thẩm quyền cấp của Sở Tư pháp Hà Nội' },
    ],
    expect: { status: STATUS.RESULT_RETURNED, outcome: 'rejected', fee: 200_000 },
  });
  expect(dossier.result).toBeNull();
  const statuses = Object.fromEntries((await tasksOfDossier(dossier.code)).map((t) => [t.stepId, t.status]));
  expect(statuses).toMatchObject({ 'police-check': 'cancelled', 'judicial-search': 'done', 'approval-refusal': 'done' });
});
