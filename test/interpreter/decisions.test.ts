/**
 * Decisions as officials, the applicant and the payment gateway send them (Updates): what each
 * may do, what is refused with which words, and what a decision leaves behind.
 */
import { completeTaskUpdate, confirmPaymentUpdate } from '../../workflows/messages';
import { engineSample } from '../fixtures/engine-sample';
import { sampleForm } from './definitions';
import { definitionOf, type Interpreter, official, refusal, startInterpreter } from './harness';

let interpreter: Interpreter;
beforeAll(async () => {
  interpreter = await startInterpreter();
});
afterAll(() => interpreter?.stop());

const sample = definitionOf(engineSample);
const receiver = official('receiver', 'SO-01', 'Nguyễn Thị Lan');
const otherReceiver = official('receiver', 'SO-01', 'Trần Văn Hùng');
const supervisor = official('supervisor', 'SO-01', 'Vũ Thị Mai');

test('refuses an action the step does not offer', async () => {
  const dossier = await interpreter.start(sample, sampleForm());
  expect(await refusal(dossier.complete('intake', 'approve', receiver))).toBe('Thao tác "approve" không có ở bước Tiếp nhận.');
  expect((await dossier.state()).openTasks.map((t) => [t.stepId, t.status])).toEqual([['intake', 'open']]);
});

test('refuses a decision without the reason its action requires', async () => {
  const dossier = await interpreter.start(sample, sampleForm());
  expect(await refusal(dossier.complete('intake', 'refuse', receiver))).toBe('Vui lòng nhập lý do để "Từ chối".');
  expect(await refusal(dossier.complete('intake', 'refuse', receiver, { reason: '   ' }))).toBe('Vui lòng nhập lý do để "Từ chối".');

  await dossier.complete('intake', 'refuse', receiver, { reason: 'Hồ sơ không thuộc thẩm quyền' });
  const end = await dossier.outcome();
  expect([end.outcome, end.status]).toEqual(['refused', 3]);
});

test('refuses officials of another agency or another role', async () => {
  const dossier = await interpreter.start(sample, sampleForm());
  expect(await refusal(dossier.complete('intake', 'accept', official('receiver', 'SO-79')))).toBe('Nhiệm vụ không thuộc cơ quan của bạn.');
  expect(await refusal(dossier.complete('intake', 'accept', official('specialist')))).toBe('Nhiệm vụ này dành cho cán bộ tiếp nhận.');
});

test('a claimed task is closed to others until a supervisor reassigns it', async () => {
  const dossier = await interpreter.start(sample, sampleForm());
  await dossier.claim('intake', receiver);
  expect((await dossier.task('intake')).assignee).toEqual({ id: receiver.id, name: 'Nguyễn Thị Lan' });
  expect(await refusal(dossier.complete('intake', 'accept', otherReceiver))).toBe('Nhiệm vụ đang do Nguyễn Thị Lan xử lý.');

  expect(await refusal(dossier.reassign('intake', otherReceiver, receiver))).toBe('Chỉ cán bộ giám sát được phân công lại nhiệm vụ.');
  expect(await refusal(dossier.reassign('intake', official('specialist'), supervisor))).toBe('Nhiệm vụ này chỉ giao được cho cán bộ tiếp nhận.');
  await dossier.reassign('intake', otherReceiver, supervisor);

  expect(await refusal(dossier.complete('intake', 'accept', receiver))).toBe('Nhiệm vụ đang do Trần Văn Hùng xử lý.');
  await dossier.complete('intake', 'accept', otherReceiver);
  expect((await dossier.task('review')).handoverNote).toBe('Trần Văn Hùng: Tiếp nhận');
});

test('a decision sent twice (a double click) is applied once', async () => {
  const dossier = await interpreter.start(sample, sampleForm());
  const { id } = await dossier.task('intake');
  const send = () =>
    dossier.handle.executeUpdate(completeTaskUpdate, { args: [{ taskId: id, action: 'accept', actor: receiver }], updateId: `double-click-${dossier.code}` });

  const [first, second] = await Promise.all([send(), send()]);

  expect(second).toEqual(first);
  await dossier.projected((d) => d.stepId === 'review');
  const actions = interpreter.stubs.readModel.timeline(dossier.code).filter((e) => e.type === 'action');
  expect(actions.map((e) => e.data?.action)).toEqual(['accept']);
});

test('refuses a decision on a task that has moved on', async () => {
  const dossier = await interpreter.start(sample, sampleForm());
  const { id } = await dossier.task('intake');
  await dossier.complete('intake', 'accept', receiver);

  expect(await refusal(dossier.update(completeTaskUpdate, { taskId: id, action: 'accept', actor: receiver }))).toBe(
    'Nhiệm vụ này không còn chờ xử lý (đã được xử lý hoặc hồ sơ đã chuyển bước).',
  );
});

test('accepting sets the appointment by the processing time that applies to the dossier', async () => {
  const abroad = await interpreter.start(sample, sampleForm({ livedAbroad: 'co' }));
  await abroad.complete('intake', 'accept', receiver);
  await abroad.task('police-check');
  // The sample's rule: fifteen working days for an applicant who lived abroad, ten otherwise.
  const state = await abroad.state();
  expect(state.clock?.limit).toEqual({ amount: 15, unit: 'working-days' });
  expect([state.status, state.acceptedAt !== undefined, state.appointmentAt !== undefined]).toEqual([4, true, true]);
  const home = await interpreter.start(sample, sampleForm({ livedAbroad: 'khong' }));
  await home.complete('intake', 'accept', receiver);
  expect((await home.state()).clock?.limit).toEqual({ amount: 10, unit: 'working-days' });
});

test('refuses a payment callback that does not match the request', async () => {
  const dossier = await interpreter.start(sample, sampleForm());
  await dossier.complete('intake', 'accept', receiver);
  await dossier.complete('review', 'propose', official('specialist'));
  const { reference, amount } = await dossier.paymentRequested();
  const callback = (over: Partial<{ reference: string; amount: number }>) =>
    dossier.update(confirmPaymentUpdate, { reference, transactionId: 'GD-1', amount, paidAt: new Date().toISOString(), ...over });

  expect(await refusal(callback({ amount: 1 }))).toBe(`Số tiền 1 không khớp với số phải nộp ${amount}.`);
  expect(await refusal(callback({ reference: 'KHAC' }))).toBe('Không có yêu cầu thanh toán này cho hồ sơ.');
  await dossier.pay();
  expect(await refusal(callback({}))).toBe('Hồ sơ đã được thanh toán bằng một giao dịch khác.');
});
