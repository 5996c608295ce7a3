/**
 * Cấp điện mới từ lưới điện hạ áp, end to end: the normal path (5 working days, no fee, the
 * contract carrying the connection point and the meter the officials recorded); a connection
 * that needs a new pole (7 working days) from an applicant whose date of birth did not match
 * the population database until corrected; a site where supply is not feasible.
 */
import { DEMO_RECORDS } from '../../sandboxes/registry/data';
import { runScenario } from '../../test/support/procedure-scenario';
import { timelineEvent } from '../../test/support/read-model';
import { startStack, type Stack } from '../../test/support/stack';
import { STATUS } from '../../domain/portal-status';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

const { citizen } = DEMO_RECORDS.carHolderHanoi;
const form = (over: Record<string, string> = {}) => ({
  fullName: citizen.fullName,
  citizenId: citizen.citizenId,
  dateOfBirth: citizen.dateOfBirth,
  phone: '0912345678',
  email: 'nguyen.van.an@example.vn',
  province: '01',
  supplyAddress: 'Số 5 ngõ 12 phố Hàng Bài, Phường Hoàn Kiếm, Thành phố Hà Nội',
  purpose: 'sinh-hoat',
  phases: '1-pha',
  siteDocument: 'so-huu',
  extraWorks: 'khong',
  ...over,
});

const survey = { supplyPoint: 'Cột hạ áp số 12, lộ 1, trạm biến áp Hàng Bài 3', meterLocation: 'Hộp công tơ trên tường mặt tiền' };
const installation = { meterSerial: 'HHM-11-2600417', initialReading: '0' };
const CONTRACT = /^EVN-01\/\d{2}\/HDMBD\/\d{6}$/;

async function appointmentDays(dossierId: number): Promise<unknown> {
  const event = await timelineEvent(stack, { id: dossierId }, 'appointment');
  return event.data?.workingDays;
}

test('connects within 5 working days at no fee; the contract carries the meter and connection point recorded', async () => {
  const dossier = await runScenario(stack, {
    procedure: 'EVN-CAP-DIEN-HA-AP',
    form: form(),
    steps: [
      { task: 'intake', as: 'hn.dienluc.tiepnhan', action: 'accept' },
      { task: 'survey', as: 'hn.dienluc.chuyenvien', action: 'surveyed', inputs: survey },
      { task: 'installation', as: 'hn.dienluc.chuyenvien', action: 'installed', inputs: installation },
      { task: 'signing', as: 'hn.dienluc.lanhdao', action: 'sign' },
    ],
    expect: { status: STATUS.RESULT_RETURNED, outcome: 'completed', fee: undefined, resultNumber: CONTRACT, checks: { identity: 'match' } },
  });
  expect(dossier.agency.code).toBe('EVN-01');
  expect(dossier.result?.title).toBe('Hợp đồng mua bán điện');
  expect(dossier.inputs).toEqual({ ...survey, ...installation });
  expect(await appointmentDays(dossier.id)).toBe(5);
});

test('allows 7 working days when a pole or cable must be added, after the applicant corrects a date of birth', async () => {
  const dossier = await runScenario(stack, {
    procedure: 'EVN-CAP-DIEN-HA-AP',
    form: form({ dateOfBirth: '1985-12-03', extraWorks: 'co', supplyAddress: 'Thôn Đông, Xã Sóc Sơn, Thành phố Hà Nội' }),
    steps: [
      {
        task: 'identity-mismatch',
        as: 'hn.dienluc.tiepnhan',
        action: 'request-supplement',
        reason: 'Ngày sinh không khớp với Cơ sở dữ liệu quốc gia về dân cư; đề nghị kê khai lại.',
      },
      { supplement: { dateOfBirth: citizen.dateOfBirth } },
      { task: 'intake', as: 'hn.dienluc.tiepnhan', action: 'accept' },
      { task: 'survey', as: 'hn.dienluc.chuyenvien', action: 'surveyed', inputs: survey },
      { task: 'installation', as: 'hn.dienluc.chuyenvien', action: 'installed', inputs: installation },
      { task: 'signing', as: 'hn.dienluc.lanhdao', action: 'sign' },
    ],
    expect: { status: STATUS.RESULT_RETURNED, outcome: 'completed', fee: undefined, resultNumber: CONTRACT, checks: { identity: 'match' } },
  });
  expect(dossier.supplement).toMatchObject({ round: 1 });
  expect(await appointmentDays(dossier.id)).toBe(7);
});

test('ends without a contract when the survey finds supply not feasible', async () => {
  const dossier = await runScenario(stack, {
    procedure: 'EVN-CAP-DIEN-HA-AP',
    form: form(),
    steps: [
      { task: 'intake', as: 'hn.dienluc.tiepnhan', action: 'accept' },
      { task: 'survey', as: 'hn.dienluc.chuyenvien', action: 'not-feasible', reason: 'Công trình xây dựng trái phép, chưa đủ điều kiện cấp điện.' },
    ],
    expect: { status: STATUS.RESULT_RETURNED, outcome: 'rejected', fee: undefined },
  });
  expect(dossier.result).toBeNull();
});
