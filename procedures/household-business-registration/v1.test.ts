/**
 * Đăng ký thành lập hộ kinh doanh, end to end at Phường Bến Thành: the fee, the tax authority
 * of Hồ Chí Minh City consulted in parallel with the ward's own review, the certificate with the
 * tax code; the dossier waiting for the tax code; and a tax refusal the ward leader turns into
 * a rejection, which cancels the review still open.
 */
import { CITIZENS } from '../../sandboxes/registry/data';
import { runScenario, submitTo } from '../../test/support/procedure-scenario';
import { actor, expectDone, openTask, pay, updateId, waitForDossier } from '../../test/support/scenario';
import { resultText } from '../../test/support/pdf-text';
import { tasksOf } from '../../test/support/read-model';
import { startStack, type Stack } from '../../test/support/stack';
import { STATUS } from '../../domain/portal-status';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());


const CODE = 'HKD-THANH-LAP';
/** A well-formed household tax code (leading 8, valid check digit). */
const TAX_CODE = '8032541768';

const owner = CITIZENS.find((c) => c.citizenId === '079203006241')!; // Bùi Quang Huy
const form = (over: Record<string, string> = {}): Record<string, string> => ({
  commune: '26743',
  fullName: owner.fullName,
  citizenId: owner.citizenId,
  dateOfBirth: owner.dateOfBirth,
  ownerResidence: 'Số 21 đường Lê Thánh Tôn, Phường Bến Thành, Thành phố Hồ Chí Minh',
  founderKind: 'ca-nhan',
  businessName: 'Hộ kinh doanh Cà phê Quang Huy',
  businessAddress: 'Số 21 đường Lê Thánh Tôn, Phường Bến Thành, Thành phố Hồ Chí Minh',
  businessLines: 'Dịch vụ phục vụ đồ uống (5630)',
  capital: '150000000',
  employees: '3',
  phone: '0903123456',
  email: 'quanghuy.cafe@example.vn',
  ...over,
});

async function tasksOfDossier(code: string) {
  return tasksOf(stack, await stack.dossier(code));
}

test('registers the household business with the fee and the tax code the tax authority issued', async () => {
  const dossier = await runScenario(stack, {
    procedure: CODE,
    form: form(),
    steps: [
      { task: 'intake', as: 'benthanh.tiepnhan', action: 'accept' },
      { pay: true },
      { task: 'tax-registration', as: 'hcm.thue.chuyenvien', action: 'register', inputs: { taxCode: TAX_CODE } },
      { task: 'review', as: 'benthanh.chuyenvien', action: 'propose-approval' },
      { task: 'approval', as: 'benthanh.lanhdao', action: 'approve' },
    ],
    expect: { status: STATUS.RESULT_RETURNED, outcome: 'completed', fee: 100_000, resultNumber: /^26743A8\d{6}$/, checks: { identity: 'match' } },
  });
  expect(dossier.agency.code).toBe('UBNDX-26743');
  expect(dossier.inputs).toEqual({ taxCode: TAX_CODE });
  expect(dossier.result?.title).toBe('Giấy chứng nhận đăng ký hộ kinh doanh');
  const agencies = Object.fromEntries((await tasksOfDossier(dossier.code)).map((t) => [t.stepId, t.agency.code]));
  expect(agencies).toEqual({ intake: 'UBNDX-26743', 'tax-registration': 'THUE-79', review: 'UBNDX-26743', approval: 'UBNDX-26743' });
  const text = await resultText(stack, dossier.code);
  expect(text).toContain('GIẤY CHỨNG NHẬN ĐĂNG KÝ HỘ KINH DOANH');
  expect(text).toContain(`Mã số thuế: ${TAX_CODE}`);
  expect(text).toContain(`Số giấy chứng nhận: ${dossier.result!.number}`);
  expect(text).toContain('Tên hộ kinh doanh: Hộ kinh doanh Cà phê Quang Huy');
  expect(text).toContain('Vốn kinh doanh (đồng): 150.000.000');
});

test('waits for the tax code: the ward cannot answer for the tax authority, nor approve before it has answered', async () => {
  const code = await submitTo(stack, CODE, form({ businessName: 'Hộ kinh doanh Tạp hóa Bến Thành' }));
  expectDone(await stack.services.actions.complete(code, { taskId: await openTask(stack, code, 'intake'), action: 'accept', actor: await actor(stack, 'benthanh.tiepnhan') }, updateId()));
  await pay(stack, code);

  const taxTask = await openTask(stack, code, 'tax-registration');
  expectDone(
    await stack.services.actions.complete(
      code,
      { taskId: await openTask(stack, code, 'review'), action: 'propose-approval', actor: await actor(stack, 'benthanh.chuyenvien') },
      updateId(),
    ),
  );
  // The ward's specialist is done; the dossier rests at the consultation until the tax code arrives.
  const ward = await stack.services.actions.complete(code, { taskId: taxTask, action: 'register', inputs: { taxCode: TAX_CODE }, actor: await actor(stack, 'benthanh.chuyenvien') }, updateId());
  expect(ward).toEqual({ kind: 'refused', message: 'Nhiệm vụ không thuộc cơ quan của bạn.' });
  const withoutCode = await stack.services.actions.complete(code, { taskId: taxTask, action: 'register', actor: await actor(stack, 'hcm.thue.chuyenvien') }, updateId());
  expect(withoutCode).toEqual({ kind: 'refused', message: 'Vui lòng nhập mã số thuế của hộ kinh doanh.' });
  let d = await stack.dossier(code);
  expect([d.stepId, d.status]).toEqual(['consult', 4]);
  expect((await tasksOfDossier(code)).some((t) => t.stepId === 'approval')).toBe(false);

  expectDone(await stack.services.actions.complete(code, { taskId: taxTask, action: 'register', inputs: { taxCode: TAX_CODE }, actor: await actor(stack, 'hcm.thue.chuyenvien') }, updateId()));
  await openTask(stack, code, 'approval');
  d = await stack.dossier(code);
  expect(d.inputs).toEqual({ taxCode: TAX_CODE });
});

test('a tax refusal goes to the ward leader, whose rejection ends the dossier and cancels the open review', async () => {
  const dossier = await runScenario(stack, {
    procedure: CODE,
    form: form({ businessName: 'Hộ kinh doanh Quán ăn Quang Huy' }),
    steps: [
      { task: 'intake', as: 'benthanh.tiepnhan', action: 'accept' },
      { pay: true },
      { task: 'tax-registration', as: 'hcm.thue.chuyenvien', action: 'decline', reason: 'Chủ hộ đang là chủ một hộ kinh doanh khác còn hoạt động' },
      { task: 'tax-declined', as: 'benthanh.lanhdao', action: 'reject', reason: 'Mỗi cá nhân chỉ được đăng ký một hộ kinh doanh' },
    ],
    expect: { status: STATUS.RESULT_RETURNED, outcome: 'rejected', fee: 100_000 },
  });
  expect(dossier.result).toBeNull();
  expect(dossier.payment?.status).toBe('paid');
  const statuses = Object.fromEntries((await tasksOfDossier(dossier.code)).map((t) => [t.stepId, t.status]));
  expect(statuses).toEqual({ intake: 'done', 'tax-registration': 'done', 'tax-declined': 'done', review: 'cancelled' });
  const done = await waitForDossier(stack, dossier.code, (x) => x.completedAt !== null);
  expect(done.stepId).toBe('rejected');
});
