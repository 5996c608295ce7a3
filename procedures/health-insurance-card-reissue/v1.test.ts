/**
 * Cấp lại thẻ bảo hiểm y tế, end to end: a lost card reissued the same day with the old card's
 * validity; a card code that belongs to someone else stopped at intake; an expired card with a
 * change of information, reissued within 3 working days.
 */
import { DEMO_INSURANCE_CARDS } from '../../sandboxes/registry/data';
import { runScenario, submitTo } from '../../test/support/procedure-scenario';
import { actor, openTask, updateId, waitForDossier } from '../../test/support/scenario';
import { resultText } from '../../test/support/pdf-text';
import { timelineEvent } from '../../test/support/read-model';
import { startStack, type Stack } from '../../test/support/stack';
import { STATUS } from '../../domain/portal-status';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());


const CODE = 'B-BXH-216813-TT';

function formFor(who: keyof typeof DEMO_INSURANCE_CARDS, over: Record<string, string> = {}): Record<string, string> {
  const record = DEMO_INSURANCE_CARDS[who];
  return {
    fullName: record.citizen.fullName,
    citizenId: record.citizen.citizenId,
    dateOfBirth: record.citizen.dateOfBirth,
    insuranceCode: 'card' in record ? record.card.insuranceCode : '0199999999',
    reason: 'mat',
    infoChange: 'khong',
    province: '01',
    phone: '0912345678',
    email: `${record.citizen.citizenId}@example.vn`,
    ...over,
  };
}

async function appointmentDays(dossierId: number): Promise<unknown> {
  const event = await timelineEvent(stack, { id: dossierId }, 'appointment');
  return event.data?.workingDays;
}

test('reissues a lost card the same day, free, keeping the validity of the old card', async () => {
  const { card } = DEMO_INSURANCE_CARDS.validCard;
  const dossier = await runScenario(stack, {
    procedure: CODE,
    form: formFor('validCard'),
    steps: [
      { task: 'intake', as: 'hn.bhxh.tiepnhan', action: 'accept' },
      {
        task: 'review',
        as: 'hn.bhxh.chuyenvien',
        action: 'propose-reissue',
        inputs: { hospital: card.hospital, cardValidFrom: card.validFrom, cardValidTo: card.validTo },
      },
      { task: 'approval', as: 'hn.bhxh.lanhdao', action: 'approve' },
    ],
    expect: {
      status: STATUS.RESULT_RETURNED,
      outcome: 'completed',
      fee: undefined,
      resultNumber: /^TBH01\d{2}\d{7}$/,
      checks: { identity: 'match', card: 'match' },
    },
  });
  expect(dossier.agency.code).toBe('BHXH-01');
  expect(dossier.payment).toBeNull();
  expect(dossier.result?.title).toBe('Thẻ bảo hiểm y tế');
  expect(dossier.inputs).toEqual({ hospital: 'Bệnh viện Đa khoa Xanh Pôn', cardValidFrom: '2026-01-01', cardValidTo: '2027-12-31' });
  // Nothing changes on the card: due the day it is accepted.
  expect(await appointmentDays(dossier.id)).toBe(0);
  const text = await resultText(stack, dossier.code);
  expect(text).toContain('Mã số bảo hiểm xã hội: 0108521473');
  expect(text).toContain('Giá trị sử dụng: Từ 01/01/2026 đến 31/12/2027');
  expect(text).toContain('Lý do cấp lại: Thẻ bị mất');
  expect(text).toContain(`Số phôi thẻ: ${dossier.result!.number}`);
});

test('stops at intake a card code that belongs to another person, and cannot be accepted', async () => {
  const code = await submitTo(stack, CODE, formFor('cardOfAnotherPerson'));
  const taskId = await openTask(stack, code, 'intake-mismatch');
  const d = await stack.dossier(code);
  expect(Object.fromEntries(d.checks.map((c) => [c.id, c.outcome]))).toEqual({ identity: 'match', card: 'mismatch' });
  expect(d.checks.find((c) => c.id === 'card')?.summary).toBe('Mã số bảo hiểm xã hội không thuộc người có số căn cước đã kê khai');

  const receiver = await actor(stack, 'hn.bhxh.tiepnhan');
  const accepted = await stack.services.actions.complete(code, { taskId, action: 'accept', actor: receiver }, updateId());
  expect(accepted.kind).toBe('refused');

  const refused = await stack.services.actions.complete(
    code,
    { taskId, action: 'refuse', reason: 'Mã số bảo hiểm xã hội không thuộc người đề nghị cấp lại thẻ', actor: receiver },
    updateId(),
  );
  expect(refused.kind).toBe('done');
  const done = await waitForDossier(stack, code, (x) => x.completedAt !== null);
  expect([done.status, done.outcome, done.result]).toEqual([3, 'refused', null]);
});

test('reissues an expired card with a change of information within 3 working days', async () => {
  const dossier = await runScenario(stack, {
    procedure: CODE,
    form: formFor('expiredCard', {
      reason: 'hong',
      infoChange: 'co',
      changeDetails: 'Đổi nơi đăng ký khám chữa bệnh ban đầu sang Bệnh viện Thanh Nhàn',
    }),
    steps: [
      { task: 'intake', as: 'hn.bhxh.tiepnhan', action: 'accept' },
      {
        task: 'review',
        as: 'hn.bhxh.chuyenvien',
        action: 'propose-reissue',
        inputs: { hospital: 'Bệnh viện Thanh Nhàn', cardValidFrom: '2025-01-01', cardValidTo: '2025-12-31' },
      },
      { task: 'approval', as: 'hn.bhxh.lanhdao', action: 'approve' },
    ],
    expect: { status: STATUS.RESULT_RETURNED, outcome: 'completed', fee: undefined, resultNumber: /^TBH01\d{9}$/, checks: { card: 'match' } },
  });
  expect(dossier.checks.find((c) => c.id === 'card')?.summary).toContain('đã hết hạn');
  expect(await appointmentDays(dossier.id)).toBe(3);
});

test('refuses a change of information without saying what changes', async () => {
  const result = await stack.services.intake.submit({ procedureCode: CODE, form: formFor('validCard', { infoChange: 'co' }), channel: 'api' });
  expect(result).toMatchObject({ kind: 'invalid', errors: { changeDetails: 'Vui lòng nhập nội dung đề nghị thay đổi' } });
});
