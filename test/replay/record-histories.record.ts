/**
 * Records the histories that replay.test.ts replays, one per path through the interpreter, named
 * after the interpreter's generation (test/support/histories.ts). Run `npm run histories:record`
 * after a deliberate, versioned change of the workflow code; files that exist are kept.
 */
import { DEMO_ENTERPRISES, DEMO_INSURANCE_CARDS } from '../../sandboxes/registry/data';
import { engineSample } from '../fixtures/engine-sample';
import { GENERATION, saveHistory } from '../support/histories';
import { runScenario } from '../support/procedure-scenario';
import { actor, decide, expectDone, openTask, pay, renewalForm, submit, updateId, waitForDossier } from '../support/scenario';
import { startStack, type Stack } from '../support/stack';
import { catalogueWith } from '../support/catalogue';

let stack: Stack;
beforeAll(async () => {
  const catalog = catalogueWith({ definition: engineSample, file: 'test/fixtures/engine-sample.ts' });
  stack = await startStack({ env: { PAYMENT_DEADLINE: '3s' }, catalog });
});
afterAll(() => stack?.stop());

const save = (name: string, code: string) => saveHistory(stack, `${GENERATION}-${name}`, code);

test('completed renewal, with a reassignment', async () => {
  const code = await submit(stack);
  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'accept'));
  await pay(stack, code);
  const taskId = await openTask(stack, code, 'review');
  const ha = await actor(stack, 'hn.chuyenvien2');
  expectDone(await stack.services.actions.claim(code, { taskId, actor: await actor(stack, 'hn.chuyenvien') }, updateId()));
  expectDone(await stack.services.actions.reassign(code, { taskId, to: { id: ha.id, name: ha.name, role: ha.role, agencyCode: ha.agencyCode }, actor: await actor(stack, 'hn.giamsat') }, updateId()));
  expectDone(await decide(stack, code, 'review', 'hn.chuyenvien2', 'propose-approval'));
  expectDone(await decide(stack, code, 'approval', 'hn.lanhdao', 'return-to-review', 'Bổ sung nhận xét về giấy khám sức khỏe'));
  expectDone(await decide(stack, code, 'review', 'hn.chuyenvien2', 'propose-approval'));
  expectDone(await decide(stack, code, 'approval', 'hn.lanhdao', 'approve'));
  await save('completed-with-reassignment', code);
});

test('revoked licence, refused at intake', async () => {
  const code = await submit(stack, renewalForm('revokedLicence'));
  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'accept'));
  await openTask(stack, code, 'intake');
  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'refuse', 'Giấy phép đã bị thu hồi'));
  await save('refused-after-mismatch', code);
});

test('supplement requested and answered, rejected by the leader', async () => {
  const code = await submit(stack, renewalForm('carHolderHanoi', { fullName: 'Nguyen Van An' }));
  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'request-supplement', 'Ghi họ tên có dấu'));
  const d = await waitForDossier(stack, code, (x) => x.status === 5);
  expectDone(await stack.services.actions.submitSupplement(code, { round: 1, form: { ...d.form, fullName: 'Nguyễn Văn An' } }, updateId()));
  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'accept'));
  await pay(stack, code);
  expectDone(await decide(stack, code, 'review', 'hn.chuyenvien', 'propose-rejection', 'Giấy khám sức khỏe quá hạn'));
  expectDone(await decide(stack, code, 'approval', 'hn.lanhdao', 'reject', 'Giấy khám sức khỏe quá hạn'));
  await save('supplement-then-rejected', code);
});

test('fee not paid in time', async () => {
  const code = await submit(stack);
  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'accept'));
  await waitForDossier(stack, code, (x) => x.status === 8, 20_000);
  await save('cancelled-unpaid', code);
});

test('engine: parallel consultation of the police, action inputs, certificate', async () => {
  const d = await runScenario(stack, {
    procedure: 'TEST-ENGINE',
    form: { fullName: 'Phạm Thị Thu Hà', citizenId: '031188007310', dateOfBirth: '1988-05-30', province: '01', email: 'ha@example.vn', category: 'thuong', livedAbroad: 'co', copies: '2' },
    steps: [
      { task: 'intake', as: 'hn.stp.tiepnhan', action: 'accept' },
      { task: 'police-check', as: 'hn.pv06.chuyenvien', action: 'answer', inputs: { recordNote: 'Không có án tích' } },
      { task: 'local-check', as: 'hn.stp.chuyenvien', action: 'done' },
      { pay: true },
      { task: 'approval', as: 'hn.stp.lanhdao', action: 'approve' },
    ],
    expect: { status: 10, outcome: 'completed', fee: 400_000 },
  });
  await save('engine-parallel-consultation', d.code);
});

test('engine: a branch of the parallel step ends the dossier', async () => {
  const d = await runScenario(stack, {
    procedure: 'TEST-ENGINE',
    form: { fullName: 'Phạm Thị Thu Hà', citizenId: '031188007310', dateOfBirth: '1988-05-30', province: '01', email: 'ha@example.vn', category: 'sinh-vien', livedAbroad: 'co', copies: '1' },
    steps: [
      { task: 'intake', as: 'hn.stp.tiepnhan', action: 'accept' },
      { task: 'local-check', as: 'hn.stp.chuyenvien', action: 'reject', reason: 'Không đủ điều kiện' },
    ],
    expect: { status: 10, outcome: 'rejected' },
  });
  await save('engine-parallel-cancelled', d.code);
});

test('driving-licence v2: result sent by post', async () => {
  const d = await runScenario(stack, {
    procedure: 'GPLX-DOI',
    form: renewalForm('carHolderHanoi', { deliveryMethod: 'buu-chinh', address: 'Số 12 phố Hàng Bài, Hà Nội' }),
    steps: [
      { task: 'intake', as: 'hn.tiepnhan', action: 'accept' },
      { pay: true },
      { task: 'review', as: 'hn.chuyenvien', action: 'propose-approval' },
      { task: 'approval', as: 'hn.lanhdao', action: 'approve' },
      { task: 'dispatch', as: 'hn.tiepnhan', action: 'dispatched', inputs: { trackingNumber: 'EB123456789VN' } },
    ],
    expect: { status: 10, outcome: 'completed', fee: 160_000 },
  });
  await save('driving-licence-v2-by-post', d.code);
});

test('custom workflow: COVID-19 support, every worker checked', async () => {
  const card = DEMO_INSURANCE_CARDS.validCard;
  const d = await runScenario(stack, {
    procedure: 'HT-COVID-NLD',
    form: {
      taxCode: DEMO_ENTERPRISES.activeTrader.taxCode,
      companyName: DEMO_ENTERPRISES.activeTrader.name,
      representativeName: 'Nguyễn Văn An',
      representativeCitizenId: '001085004521',
      province: '01',
      leaveFrom: '2021-07-01',
      leaveTo: '2021-08-15',
      workers: `${card.citizen.citizenId}; ${card.citizen.fullName}; ${card.card.insuranceCode}; 45`,
      bankAccount: '0011004123456',
      phone: '0912345678',
      email: 'ketoan@example.vn',
    },
    steps: [
      { task: 'intake', as: 'hn.snv.tiepnhan', action: 'accept' },
      { task: 'appraisal', as: 'hn.snv.chuyenvien', action: 'submit' },
      { task: 'decision', as: 'hn.ubnd.lanhdao', action: 'approve' },
    ],
    expect: { status: 10, outcome: 'completed' },
  });
  await save('covid-support-custom-workflow', d.code);
});
