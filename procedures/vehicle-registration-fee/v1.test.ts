/**
 * Khai, nộp lệ phí trước bạ ô tô, xe máy, end to end: a petrol car in Hà Nội (12%), a motorbike
 * in Hồ Chí Minh City (5%), a battery electric car (0%: nothing to pay), a vehicle whose quality
 * certificate was revoked (back to the receiver, refused); and the rate table on its own.
 */
import { feeLines } from '../../engine/fees';
import { validateDefinition } from '../../engine/validate';
import { DEMO_RECORDS, DEMO_VEHICLES } from '../../sandboxes/registry/data';
import { runScenario } from '../../test/support/procedure-scenario';
import { startStack, type Stack } from '../../test/support/stack';
import { vehicleRegistrationFeeV1 } from './v1';
import { STATUS } from '../../domain/portal-status';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

type Vehicle = (typeof DEMO_VEHICLES)[keyof typeof DEMO_VEHICLES];
type Citizen = { fullName: string; citizenId: string; dateOfBirth: string };

function formOf(owner: Citizen, vehicle: Vehicle, over: Record<string, string>): Record<string, string> {
  return {
    fullName: owner.fullName,
    citizenId: owner.citizenId,
    dateOfBirth: owner.dateOfBirth,
    address: 'Số 12 phố Hàng Bài, phường Hoàn Kiếm, thành phố Hà Nội',
    province: '01',
    vehicleType: vehicle.vehicleType === 'car' ? 'o-to-con' : 'xe-may',
    fuel: 'xang-dau',
    brand: vehicle.brand,
    model: vehicle.model,
    frameNumber: vehicle.frameNumber,
    engineNumber: vehicle.engineNumber,
    invoiceNumber: '00001234',
    invoiceDate: '2026-01-05',
    phone: '0912345678',
    email: `${owner.citizenId}@example.vn`,
    ...over,
  };
}

const hanoiOwner = DEMO_RECORDS.carHolderHanoi.citizen;
const hcmOwner = DEMO_RECORDS.motorbikeHolderHoChiMinh.citizen;

test('a petrol car in Hà Nội pays 12% of its value after the signed notice, numbered per year and province', async () => {
  const dossier = await runScenario(stack, {
    procedure: 'LPTB-XE',
    form: formOf(hanoiOwner, DEMO_VEHICLES.importedCar, { declaredValue: '560.000.000' }),
    steps: [
      { task: 'intake', as: 'hn.thue.tiepnhan', action: 'accept' },
      { task: 'assess', as: 'hn.thue.chuyenvien', action: 'propose', inputs: { amountDue: '67200000' } },
      { task: 'approval', as: 'hn.thue.lanhdao', action: 'approve' },
      { pay: true },
    ],
    expect: {
      status: STATUS.RESULT_RETURNED,
      outcome: 'completed',
      fee: 67_200_000,
      resultNumber: /^\d{6}\/\d{4}\/TB-LPTB-01$/,
      checks: { identity: 'match', vehicle: 'match' },
    },
  });
  expect(dossier.agency.code).toBe('THUE-01');
  expect(dossier.result?.title).toBe('Thông báo nộp lệ phí trước bạ');
  expect(dossier.payment?.status).toBe('paid');
  expect(dossier.checks.find((c) => c.id === 'vehicle')?.facts['Số giấy chứng nhận chất lượng']).toBe(DEMO_VEHICLES.importedCar.certificateNumber);
});

test('a motorbike in Hồ Chí Minh City pays the 5% first-registration rate of a centrally-run city', async () => {
  await runScenario(stack, {
    procedure: 'LPTB-XE',
    form: formOf(hcmOwner, DEMO_VEHICLES.newMotorbike, {
      province: '79',
      address: 'Số 15 đường Lê Lợi, phường Bến Thành, Thành phố Hồ Chí Minh',
      declaredValue: '31000000',
    }),
    steps: [
      { task: 'intake', as: 'hcm.thue.tiepnhan', action: 'accept' },
      { task: 'assess', as: 'hcm.thue.chuyenvien', action: 'propose', inputs: { amountDue: '1550000' } },
      { task: 'approval', as: 'hcm.thue.lanhdao', action: 'approve' },
      { pay: true },
    ],
    expect: { status: STATUS.RESULT_RETURNED, outcome: 'completed', fee: 1_550_000, resultNumber: /^\d{6}\/\d{4}\/TB-LPTB-79$/ },
  });
});

test('a battery electric car owes nothing: the notice is issued and the dossier ends without a payment', async () => {
  const dossier = await runScenario(stack, {
    procedure: 'LPTB-XE',
    form: formOf(hanoiOwner, DEMO_VEHICLES.newCar, { fuel: 'dien', declaredValue: '529000000' }),
    steps: [
      { task: 'intake', as: 'hn.thue.tiepnhan', action: 'accept' },
      { task: 'assess', as: 'hn.thue.chuyenvien', action: 'propose', inputs: { amountDue: '0' } },
      { task: 'approval', as: 'hn.thue.lanhdao', action: 'approve' },
    ],
    expect: { status: STATUS.RESULT_RETURNED, outcome: 'completed', fee: undefined, resultNumber: /^\d{6}\/\d{4}\/TB-LPTB-01$/ },
  });
  expect(dossier.payment).toBeNull();
});

test('a revoked quality certificate sends the declaration back to the receiver, who refuses it', async () => {
  const dossier = await runScenario(stack, {
    procedure: 'LPTB-XE',
    form: formOf(hanoiOwner, DEMO_VEHICLES.revokedCertificate, { declaredValue: '42000000' }),
    steps: [
      { task: 'intake', as: 'hn.thue.tiepnhan', action: 'accept' },
      { task: 'intake', as: 'hn.thue.tiepnhan', action: 'refuse', reason: 'Giấy chứng nhận chất lượng của xe đã bị thu hồi' },
    ],
    expect: { status: STATUS.NOT_ACCEPTED, outcome: 'refused', fee: undefined, checks: { identity: 'match', vehicle: 'mismatch' } },
  });
  expect(dossier.result).toBeNull();
  expect(dossier.checks.find((c) => c.id === 'vehicle')?.summary).toBe('Giấy chứng nhận chất lượng của xe đã bị thu hồi');
});

describe('the rate table', () => {
  const checked = validateDefinition(vehicleRegistrationFeeV1);
  if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
  const due = (form: Record<string, string>) => feeLines(checked.definition.fees, undefined, { declaredValue: '100000000', ...form })[0].amount;

  test.each([
    ['passenger car, Hà Nội', { vehicleType: 'o-to-con', fuel: 'xang-dau', province: '01' }, 12_000_000],
    ['passenger car, Hồ Chí Minh', { vehicleType: 'o-to-con', fuel: 'xang-dau', province: '79' }, 10_000_000],
    ['passenger car, Nghệ An', { vehicleType: 'o-to-con', fuel: 'xang-dau', province: '40' }, 10_000_000],
    ['battery electric car, Hà Nội', { vehicleType: 'o-to-con', fuel: 'dien', province: '01' }, 0],
    ['pick-up, Hà Nội (60% of 12%)', { vehicleType: 'o-to-pick-up', fuel: 'xang-dau', province: '01' }, 7_200_000],
    ['pick-up, Đà Nẵng (60% of 10%)', { vehicleType: 'o-to-pick-up', fuel: 'xang-dau', province: '48' }, 6_000_000],
    ['truck', { vehicleType: 'o-to-khac', fuel: 'xang-dau', province: '01' }, 2_000_000],
    ['motorbike, Đà Nẵng', { vehicleType: 'xe-may', fuel: 'xang-dau', province: '48' }, 5_000_000],
    ['motorbike, provincial seat of Nghệ An', { vehicleType: 'xe-may', fuel: 'xang-dau', province: '40', motorbikeArea: 'tinh-ly' }, 5_000_000],
    ['motorbike, elsewhere in Nghệ An', { vehicleType: 'xe-may', fuel: 'xang-dau', province: '40', motorbikeArea: 'khac' }, 2_000_000],
    ['electric motorbike, elsewhere in Nghệ An', { vehicleType: 'xe-may', fuel: 'dien', province: '40', motorbikeArea: 'khac' }, 2_000_000],
  ])('%s', (_case, form, amount) => {
    expect(due(form)).toBe(amount);
  });
});
