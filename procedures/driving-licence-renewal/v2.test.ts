/**
 * Đổi giấy phép lái xe, version 2, end to end: the result sent by post (postage added to the
 * fee, the receiver records the parcel number) and collected at the counter.
 */
import { DEMO_RECORDS } from '../../sandboxes/registry/data';
import { runScenario } from '../../test/support/procedure-scenario';
import { startStack, type Stack } from '../../test/support/stack';
import { STATUS } from '../../domain/portal-status';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

const { citizen, licence } = DEMO_RECORDS.carHolderHanoi;
const form = {
  fullName: citizen.fullName,
  citizenId: citizen.citizenId,
  dateOfBirth: citizen.dateOfBirth,
  licenceNumber: licence.number,
  licenceClass: licence.class,
  renewalReason: 'het-han',
  healthCertificateNumber: '1520/GKSK-BVĐK',
  healthCertificateDate: '2026-11-02',
  province: '01',
  phone: '0912345678',
  email: 'nguyen.van.an@example.vn',
};

test('sends the new licence by post, with the postage in the fee and the parcel number kept', async () => {
  const dossier = await runScenario(stack, {
    procedure: 'GPLX-DOI',
    form: { ...form, deliveryMethod: 'buu-chinh', address: 'Số 12 phố Hàng Bài, phường Hoàn Kiếm, Hà Nội' },
    steps: [
      { task: 'intake', as: 'hn.tiepnhan', action: 'accept' },
      { pay: true },
      { task: 'review', as: 'hn.chuyenvien', action: 'propose-approval' },
      { task: 'approval', as: 'hn.lanhdao', action: 'approve' },
      { task: 'dispatch', as: 'hn.tiepnhan', action: 'dispatched', inputs: { trackingNumber: 'EB123456789VN' } },
    ],
    expect: { status: STATUS.RESULT_RETURNED, outcome: 'completed', fee: 160_000, resultNumber: /^01\d{10}$/, checks: { identity: 'match', licence: 'match' } },
  });
  expect(dossier.procedureVersion).toBe(2);
  expect(dossier.inputs).toEqual({ trackingNumber: 'EB123456789VN' });
});

test('asks for the address only when the result goes by post, and charges no postage at the counter', async () => {
  const refused = await stack.services.intake.submit({ procedureCode: 'GPLX-DOI', form: { ...form, deliveryMethod: 'buu-chinh' }, channel: 'api' });
  expect(refused).toMatchObject({ kind: 'invalid', errors: { address: 'Vui lòng nhập địa chỉ nhận kết quả' } });

  await runScenario(stack, {
    procedure: 'GPLX-DOI',
    form: { ...form, deliveryMethod: 'tai-quay' },
    steps: [
      { task: 'intake', as: 'hn.tiepnhan', action: 'accept' },
      { pay: true },
      { task: 'review', as: 'hn.chuyenvien', action: 'propose-approval' },
      { task: 'approval', as: 'hn.lanhdao', action: 'approve' },
    ],
    expect: { status: STATUS.RESULT_RETURNED, outcome: 'completed', fee: 135_000 },
  });
});
