/**
 * How the interpreter moves a dossier through its definition: registry checks that send it back,
 * parallel consultations, supplement rounds, the escape hatch of a custom step, and a read model
 * that ends equal to the workflow's own state.
 */
import { submitSupplementUpdate } from '../../workflows/messages';
import { engineSample } from '../fixtures/engine-sample';
import { eventually } from '../support/eventually';
import { narrowSupplement, sampleForm } from './definitions';
import { definitionOf, type Interpreter, official, refusal, shipped, startInterpreter } from './harness';

let interpreter: Interpreter;
beforeAll(async () => {
  interpreter = await startInterpreter();
});
afterAll(() => interpreter?.stop());

const sample = definitionOf(engineSample);

/** A driving-licence renewal (GPLX-DOI) as an applicant fills it in. */
const renewal = (over: Record<string, string> = {}) => ({
  fullName: 'Nguyễn Văn An',
  citizenId: '001085012345',
  dateOfBirth: '1985-03-12',
  licenceNumber: '010123456789',
  licenceClass: 'B',
  renewalReason: 'het-han',
  healthCertificateNumber: '1520/GKSK-BVĐK',
  healthCertificateDate: '2026-11-02',
  province: '01',
  deliveryMethod: 'tai-quay',
  phone: '0912345678',
  email: 'an@example.vn',
  ...over,
});

describe('registry checks', () => {
  test('returns to the receiver when a registry contradicts the form', async () => {
    const dossier = await interpreter.start(shipped('GPLX-DOI', 2), renewal(), { registry: { 'driving-licence.record': 'mismatch' } });
    const first = await dossier.task('intake');
    await dossier.complete('intake', 'accept', official('receiver'));

    const state = await dossier.reaches((s) => s.openTasks.some((t) => t.stepId === 'intake' && t.id !== first.id), 'intake again');
    expect(state.checks.map((c) => [c.id, c.outcome])).toEqual([
      ['identity', 'match'],
      ['licence', 'mismatch'],
    ]);
    const again = state.openTasks.find((t) => t.stepId === 'intake')!;
    expect(again.handoverNote).toMatch(/^Kết quả đối chiếu: Không khớp dữ liệu \(010123456789/);
    expect(state.payment).toBeUndefined();

    // The registry has been corrected: accepted again, the checks pass and the fee is asked for.
    interpreter.stubs.registry.answer(dossier.code, { 'driving-licence.record': 'match' });
    await dossier.complete('intake', 'accept', official('receiver'));
    expect((await dossier.paymentRequested()).amount).toBe(135_000);
    expect((await dossier.state()).checks.map((c) => c.outcome)).toEqual(['match', 'match']);
  });

  test('a registry that refuses to answer sends the dossier back, saying it could not check', async () => {
    const dossier = await interpreter.start(shipped('GPLX-DOI', 2), renewal(), { registry: { 'population.identity': 'error' } });
    const first = await dossier.task('intake');
    await dossier.complete('intake', 'accept', official('receiver'));

    const state = await dossier.reaches((s) => s.openTasks.some((t) => t.stepId === 'intake' && t.id !== first.id), 'intake again');
    const identity = state.checks.find((c) => c.id === 'identity')!;
    expect(identity.outcome).toBe('error');
    expect(identity.summary).toContain('Không đối chiếu được với Cơ sở dữ liệu quốc gia về dân cư');
    expect(identity.summary).toContain('Cơ sở dữ liệu từ chối yêu cầu');
  });
});

describe('parallel consultation', () => {
  const police = official('specialist', 'POLICE-RECORDS-01');

  test('waits for every branch before going on, with the consulted agency working its own task', async () => {
    const dossier = await interpreter.start(sample, sampleForm({ livedAbroad: 'co', copies: '2' }));
    await dossier.complete('intake', 'accept', official('receiver'));
    expect((await dossier.task('police-check')).agencyCode).toBe('POLICE-RECORDS-01');
    expect((await dossier.task('local-check')).agencyCode).toBe('SO-01');

    await dossier.complete('local-check', 'done', official('specialist'));
    let state = await dossier.state();
    expect([state.stepId, state.payment]).toEqual(['consult', undefined]);

    await dossier.complete('police-check', 'answer', police, { inputs: { recordNote: 'Không có án tích' } });
    expect((await dossier.paymentRequested()).amount).toBe(400_000);
    state = await dossier.state();
    expect(state.inputs).toEqual({ recordNote: 'Không có án tích' });
  });

  test("a branch that ends the dossier cancels its sibling's open task", async () => {
    const dossier = await interpreter.start(sample, sampleForm({ livedAbroad: 'co' }));
    await dossier.complete('intake', 'accept', official('receiver'));
    const policeTask = await dossier.task('police-check');

    await dossier.complete('local-check', 'reject', official('specialist'), { reason: 'Hồ sơ không đủ điều kiện' });

    const end = await dossier.outcome();
    expect([end.outcome, end.status, end.openTasks]).toEqual(['rejected', 10, []]);
    await dossier.projected((d) => d.outcome === 'rejected');
    const tasks = interpreter.stubs.readModel.tasks(dossier.code);
    expect(Object.fromEntries(tasks.map((t) => [t.stepId, t.status]))).toEqual({ intake: 'done', 'police-check': 'cancelled', 'local-check': 'done' });
    expect(tasks.find((t) => t.id === policeTask.id)?.completedAt).toBeDefined();
  });
});

describe('supplements', () => {
  test('asks for a supplement as often as needed, and an answer to an earlier round is refused', async () => {
    const dossier = await interpreter.start(shipped('GPLX-DOI', 2), renewal());
    await dossier.complete('intake', 'request-supplement', official('receiver'), { reason: 'Ảnh chân dung bị mờ' });
    let state = await dossier.reaches((s) => s.supplement?.round === 1, 'supplement round 1');
    expect([state.stepId, state.status, state.supplement?.reason]).toEqual(['supplement', 5, 'Ảnh chân dung bị mờ']);

    await dossier.supplement({ phone: '0987654321' }, 'Đã chụp lại ảnh');
    const second = await dossier.task('intake');
    expect(second.handoverNote).toBe('Công dân đã bổ sung hồ sơ (lần 1)');
    expect((await dossier.state()).form.phone).toBe('0987654321');

    await dossier.complete('intake', 'request-supplement', official('receiver'), { reason: 'Thiếu giấy khám sức khỏe' });
    state = await dossier.reaches((s) => s.supplement?.round === 2, 'supplement round 2');
    expect(state.supplement?.reason).toBe('Thiếu giấy khám sức khỏe');
    expect(await refusal(dossier.update(submitSupplementUpdate, { round: 1, form: {} }))).toBe('Yêu cầu bổ sung này đã hết hiệu lực.');

    await dossier.supplement({ healthCertificateNumber: '2001/GKSK-BVĐK' });
    expect((await dossier.task('intake')).handoverNote).toBe('Công dân đã bổ sung hồ sơ (lần 2)');
  });

  test('asks the applicant for the supplement once, quoting the reason', async () => {
    const dossier = await interpreter.start(shipped('GPLX-DOI', 2), renewal());
    await dossier.complete('intake', 'request-supplement', official('receiver'), { reason: 'Ảnh chân dung bị mờ' });
    await dossier.reaches((s) => s.supplement?.round === 1, 'supplement round 1');

    const asked = await eventually(
      () => interpreter.stubs.messagesTo(dossier.code).filter((m) => m.supplementRound !== undefined),
      (messages) => messages.length > 0,
      10_000,
    );
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatchObject({ supplementRound: 1, values: { code: dossier.code, reason: 'Ảnh chân dung bị mờ' } });
    expect(asked[0].template.body).toContain('{{reason}}');
  });

  test('a supplement may change only the fields its step allows', async () => {
    const dossier = await interpreter.start(definitionOf(narrowSupplement), sampleForm());
    await dossier.complete('intake', 'request-supplement', official('receiver'), { reason: 'Sai số bản' });

    expect(await refusal(dossier.supplement({ fullName: 'Phạm Thị Hà', copies: '3' }))).toBe('Lần bổ sung này không cho sửa: Họ và tên.');
    await dossier.supplement({ copies: '3', email: 'ha.pham@example.vn' });

    await dossier.task('intake');
    expect((await dossier.state()).form).toMatchObject({ fullName: 'Phạm Thị Thu Hà', copies: '3', email: 'ha.pham@example.vn' });
  });
});

test('a custom step (the escape hatch) checks every worker on the list and works out the support', async () => {
  const workers = [
    '001090000001; Lê Văn Bình; 0190000001; 45',
    '001090000002; Trần Thị Cúc; 0190000002; 20',
    '001090000003; Đỗ Văn Dũng; 0190000003; 60',
    'dòng viết sai',
  ].join('\n');
  const dossier = await interpreter.start(
    shipped('HT-COVID-NLD', 1),
    {
      taxCode: '0101234567',
      companyName: 'Công ty TNHH May Thăng Long',
      representativeName: 'Hoàng Văn Minh',
      representativeCitizenId: '001075000111',
      province: '01',
      leaveFrom: '2021-07-01',
      leaveTo: '2021-08-15',
      workers,
      bankAccount: '0011000123456 Vietcombank',
      phone: '0241234567',
      email: 'nhansu@maythanglong.vn',
    },
    // The social-insurance database knows only two of the three.
    { registry: { 'social-insurance.card': 'match' } },
  );
  interpreter.stubs.registry.answer(dossier.code, {
    'social-insurance.card': (input) => (input.params.insuranceCode === '0190000003' ? 'mismatch' : 'match'),
  });
  await dossier.complete('intake', 'accept', official('receiver'));

  const appraisal = await dossier.task('appraisal');
  expect(appraisal.handoverNote).toBe(
    'Đối chiếu bảo hiểm xã hội: 2/4 người lao động đủ điều kiện, tổng hỗ trợ 5.565.000 đồng; dòng không đúng mẫu: 4',
  );
  const state = await dossier.state();
  expect(state.inputs).toMatchObject({ workersListed: '4', workersEligible: '2', supportTotal: '5.565.000 đồng' });
  expect(state.checks.map((c) => [c.id, c.outcome])).toEqual([
    ['employer', 'match'],
    ['worker-1', 'match'],
    ['worker-2', 'match'],
    ['worker-3', 'mismatch'],
  ]);

  await dossier.complete('appraisal', 'submit', official('specialist'));
  // The decision belongs to the provincial People's Committee, found for the dossier's province.
  expect((await dossier.task('decision')).agencyCode).toBe('PROVINCE-COMMITTEE-01');
});

test("the read model ends equal to the workflow's own state, every change projected in order", async () => {
  const dossier = await interpreter.start(sample, sampleForm());
  await dossier.complete('intake', 'accept', official('receiver'));
  await dossier.claim('review', official('specialist'));
  await dossier.complete('review', 'propose', official('specialist'));
  await dossier.pay();
  await dossier.complete('approval', 'approve', official('leader', 'SO-01', 'Lãnh đạo Sở'));

  const end = await dossier.outcome();
  expect([end.outcome, end.status]).toEqual(['completed', 10]);
  expect(end.result).toMatchObject({ documentCode: `${dossier.code}-KQ1`, title: 'Giấy xác nhận' });
  const issued = interpreter.stubs.results.issued.filter((i) => i.dossierCode === dossier.code);
  expect(issued.map((i) => [i.numberingPattern, i.fee, i.signedBy])).toEqual([['{seq:5}/{yyyy}/XN-{province}', 200_000, 'Lãnh đạo Sở']]);

  const { version: _version, ...projected } = await dossier.projected((d) => d.outcome === 'completed');
  expect(projected).toEqual(end);
  const readModel = interpreter.stubs.readModel;
  const versions = readModel.batches(dossier.code).map((b) => b.version);
  expect(versions).toEqual([...new Set(versions)].sort((a, b) => a - b));
  const timeline = readModel.timeline(dossier.code);
  expect(timeline.map((e) => e.seq)).toEqual(timeline.map((_, i) => i + 1));
  expect(timeline.at(-1)).toMatchObject({ type: 'finished', data: { outcome: 'completed' } });
  expect(readModel.tasks(dossier.code).map((t) => [t.stepId, t.status])).toEqual([
    ['intake', 'done'],
    ['review', 'done'],
    ['approval', 'done'],
  ]);
});
