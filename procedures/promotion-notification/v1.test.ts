/**
 * Thông báo hoạt động khuyến mại, end to end: a timely notice from an active trader is
 * acknowledged by the system with no official involved; a late notice goes to a receiver who
 * asks for a later start date, and the corrected notice is then acknowledged; a suspended
 * enterprise's notice is refused.
 */
import { DEMO_ENTERPRISES } from '../../sandboxes/registry/data';
import { runScenario } from '../../test/support/procedure-scenario';
import { tasksOf } from '../../test/support/read-model';
import { startStack, type Stack } from '../../test/support/stack';
import { STATUS } from '../../domain/portal-status';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

/** A calendar day `n` days from today in Vietnam, YYYY-MM-DD. */
function daysFromToday(n: number): string {
  return new Date(Date.now() + 7 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);
}

const trader = DEMO_ENTERPRISES.activeTrader;
const form = (over: Record<string, string> = {}) => ({
  enterpriseName: trader.name,
  taxCode: trader.taxCode,
  enterpriseAddress: trader.address,
  representativeName: 'Nguyễn Văn An',
  representativeCitizenId: '001085004521',
  phone: '0912345678',
  email: 'khuyenmai@hoanglong.example.vn',
  province: '01',
  programmeName: 'Mừng sinh nhật Hoàng Long – giảm giá 20%',
  promotionForm: 'giam-gia',
  // A month ahead: at least 3 working days whatever the holidays.
  startDate: daysFromToday(30),
  endDate: daysFromToday(45),
  promotedGoods: 'Đồ gia dụng bán tại cửa hàng số 18 phố Hàng Bài',
  promotionalGoods: 'Giảm 20% giá bán',
  totalValue: '150.000.000',
  ...over,
});

test('acknowledges a timely notice from an active trader automatically, with no official task', async () => {
  const dossier = await runScenario(stack, {
    procedure: 'SCT-KM-TB',
    form: form(),
    steps: [],
    expect: {
      status: STATUS.RESULT_RETURNED,
      outcome: 'completed',
      fee: undefined,
      resultNumber: /^\d{5}\/\d{4}\/TBKM-01$/,
      checks: { enterprise: 'match', 'notice-period': 'match' },
    },
  });
  expect(dossier.result?.title).toBe('Xác nhận đã tiếp nhận thông báo');
  expect(dossier.agency.code).toBe('SCT-01');
  expect(dossier.form.totalValue).toBe('150000000');
  expect(await tasksOf(stack, dossier)).toEqual([]);
});

test('sends a late notice to a receiver, who asks for a later start date; the corrected notice is acknowledged', async () => {
  const dossier = await runScenario(stack, {
    procedure: 'SCT-KM-TB',
    form: form({ startDate: daysFromToday(1), endDate: daysFromToday(10) }),
    steps: [
      {
        task: 'review',
        as: 'hn.sct.tiepnhan',
        action: 'request-correction',
        reason: 'Thông báo chưa đủ 3 ngày làm việc trước ngày bắt đầu khuyến mại; đề nghị lùi ngày bắt đầu.',
      },
      { supplement: { startDate: daysFromToday(30), endDate: daysFromToday(40) } },
    ],
    expect: { status: STATUS.RESULT_RETURNED, outcome: 'completed', fee: undefined, resultNumber: /^\d{5}\/\d{4}\/TBKM-01$/, checks: { 'notice-period': 'match' } },
  });
  expect(dossier.supplement?.round).toBe(1);
  expect(dossier.form.startDate).toBe(daysFromToday(30));
});

test('refuses the notice of a suspended enterprise', async () => {
  const suspended = DEMO_ENTERPRISES.suspended;
  const dossier = await runScenario(stack, {
    procedure: 'SCT-KM-TB',
    form: form({ enterpriseName: suspended.name, taxCode: suspended.taxCode, enterpriseAddress: suspended.address }),
    steps: [{ task: 'review', as: 'hn.sct.tiepnhan', action: 'refuse', reason: 'Doanh nghiệp đang tạm ngừng kinh doanh.' }],
    expect: { status: STATUS.NOT_ACCEPTED, outcome: 'refused', fee: undefined, checks: { enterprise: 'mismatch', 'notice-period': 'match' } },
  });
  expect(dossier.result ?? null).toBeNull();
});
