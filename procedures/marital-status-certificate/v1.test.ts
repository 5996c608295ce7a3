/**
 * Cấp Giấy xác nhận tình trạng hôn nhân, end to end at a ward's People's Committee: the worked
 * example of docs/procedures.md.
 */
import { DEMO_RECORDS } from '../../sandboxes/registry/data';
import { runScenario } from '../../test/support/procedure-scenario';
import { storedDocument } from '../../test/support/read-model';
import { startStack, type Stack } from '../../test/support/stack';
import { STATUS } from '../../domain/portal-status';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

const { citizen } = DEMO_RECORDS.carHolderHanoi;
const form = {
  fullName: citizen.fullName,
  citizenId: citizen.citizenId,
  dateOfBirth: citizen.dateOfBirth,
  commune: '00070',
  maritalStatus: 'chua-ket-hon',
  purpose: 'ket-hon',
  livedElsewhere: 'khong',
  applicantGroup: 'thuong',
  phone: '0912345678',
  email: 'an@example.vn',
};

test('a ward issues the certificate, numbered for the ward, valid for six months', async () => {
  const dossier = await runScenario(stack, {
    procedure: 'HT-XNHN',
    form,
    steps: [
      { task: 'intake', as: 'hoankiem.tiepnhan', action: 'accept' },
      { pay: true },
      { task: 'review', as: 'hoankiem.chuyenvien', action: 'propose', inputs: { findings: 'Chưa đăng ký kết hôn với ai' } },
      { task: 'approval', as: 'hoankiem.lanhdao', action: 'approve' },
    ],
    expect: { status: STATUS.RESULT_RETURNED, outcome: 'completed', fee: 15_000, resultNumber: /^\d{4}\/\d{4}\/XNTTHN-00070$/, checks: { identity: 'match' } },
  });
  expect(dossier.agency.code).toBe('UBNDX-00070');
  const doc = await storedDocument(stack, `${dossier.code}-KQ1`);
  expect(doc.content.subarray(0, 5).toString()).toBe('%PDF-');
});

test('charges nothing to a member of a poor household, and refuses when the identity does not match', async () => {
  await runScenario(stack, {
    procedure: 'HT-XNHN',
    form: { ...form, applicantGroup: 'ho-ngheo' },
    steps: [
      { task: 'intake', as: 'hoankiem.tiepnhan', action: 'accept' },
      { task: 'review', as: 'hoankiem.chuyenvien', action: 'propose', inputs: { findings: 'Chưa đăng ký kết hôn với ai' } },
      { task: 'approval', as: 'hoankiem.lanhdao', action: 'approve' },
    ],
    expect: { status: STATUS.RESULT_RETURNED, outcome: 'completed', fee: undefined },
  });
  await runScenario(stack, {
    procedure: 'HT-XNHN',
    form: { ...form, dateOfBirth: '1986-03-12' },
    steps: [
      { task: 'intake', as: 'hoankiem.tiepnhan', action: 'accept' },
      { task: 'intake', as: 'hoankiem.tiepnhan', action: 'refuse', reason: 'Ngày sinh không khớp với Cơ sở dữ liệu quốc gia về dân cư' },
    ],
    expect: { status: STATUS.NOT_ACCEPTED, outcome: 'refused', checks: { identity: 'mismatch' } },
  });
});
