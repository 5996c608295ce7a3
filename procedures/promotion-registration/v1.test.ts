/**
 * Đăng ký thực hiện khuyến mại mang tính may rủi (one province), end to end: the normal path
 * to the confirmation with the programme's name, dates and total prize value; a supplement the
 * specialist asks for, after which the dossier is received again and confirmed; a dissolved
 * enterprise stopped before intake.
 */
import { DEMO_ENTERPRISES } from '../../sandboxes/registry/data';
import { runScenario } from '../../test/support/procedure-scenario';
import { timelineEvent } from '../../test/support/read-model';
import { startStack, type Stack } from '../../test/support/stack';
import { STATUS } from '../../domain/portal-status';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

function daysFromToday(n: number): string {
  return new Date(Date.now() + 7 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);
}

const retailer = DEMO_ENTERPRISES.activeRetailer;
const form = (over: Record<string, string> = {}) => ({
  enterpriseName: retailer.name,
  taxCode: retailer.taxCode,
  enterpriseAddress: retailer.address,
  representativeName: 'Ngô Thanh Tùng',
  representativeCitizenId: '079082003387',
  phone: '0283829 1234',
  email: 'marketing@phuongnam.example.vn',
  province: '79',
  programmeName: 'Cào thẻ trúng thưởng – Mừng xuân Phương Nam',
  startDate: daysFromToday(20),
  endDate: daysFromToday(60),
  promotedGoods: 'Mọi hàng hóa bán tại các siêu thị Phương Nam trên địa bàn Thành phố Hồ Chí Minh',
  prizes: 'Giải nhất; 01 xe máy Honda Vision; 31.000.000 đồng; 2 giải\nGiải nhì; 01 tủ lạnh; 8.000.000 đồng; 10 giải',
  totalPrizeValue: '142.000.000',
  winningEvidence: 'Thẻ cào in mã số dự thưởng, phát cho mỗi hóa đơn từ 500.000 đồng',
  ...over,
});

const NUMBER = /^\d{5}\/\d{4}\/XNKM-79$/;

test('confirms the registration within 5 working days, with the programme, its dates and the total prize value', async () => {
  const dossier = await runScenario(stack, {
    procedure: 'SCT-KM-DK',
    form: form(),
    steps: [
      { task: 'intake', as: 'hcm.sct.tiepnhan', action: 'accept' },
      { task: 'review', as: 'hcm.sct.chuyenvien', action: 'propose-confirmation' },
      { task: 'approval', as: 'hcm.sct.lanhdao', action: 'approve' },
    ],
    expect: { status: STATUS.RESULT_RETURNED, outcome: 'completed', fee: undefined, resultNumber: NUMBER, checks: { enterprise: 'match' } },
  });
  expect(dossier.agency.code).toBe('SCT-79');
  expect(dossier.result?.title).toBe('Văn bản xác nhận đăng ký thực hiện khuyến mại');
  expect(dossier.form.totalPrizeValue).toBe('142000000');
  const appointment = await timelineEvent(stack, dossier, 'appointment');
  expect(appointment.data?.workingDays).toBe(5);
});

test('asks for a supplement at appraisal, receives the completed dossier again and confirms it', async () => {
  const dossier = await runScenario(stack, {
    procedure: 'SCT-KM-DK',
    form: form({ winningEvidence: 'Thẻ cào' }),
    steps: [
      { task: 'intake', as: 'hcm.sct.tiepnhan', action: 'accept' },
      {
        task: 'review',
        as: 'hcm.sct.chuyenvien',
        action: 'request-supplement',
        reason: 'Bổ sung mô tả chi tiết bằng chứng xác định trúng thưởng (kích thước, cách in mã, cách đối chiếu).',
      },
      { supplement: { winningEvidence: 'Thẻ cào 5 × 8 cm, mã dự thưởng 10 chữ số in dưới lớp phủ bạc, đối chiếu với danh sách mã trúng thưởng đã niêm phong' } },
      { task: 'intake', as: 'hcm.sct.tiepnhan', action: 'accept' },
      { task: 'review', as: 'hcm.sct.chuyenvien', action: 'propose-confirmation' },
      { task: 'approval', as: 'hcm.sct.lanhdao', action: 'approve' },
    ],
    expect: { status: STATUS.RESULT_RETURNED, outcome: 'completed', fee: undefined, resultNumber: NUMBER },
  });
  expect(dossier.supplement).toMatchObject({ round: 1 });
  expect(dossier.form.winningEvidence).toMatch(/^Thẻ cào 5 × 8 cm/);
});

test('stops a dissolved enterprise before intake: the receiver can only ask again or refuse', async () => {
  const dissolved = DEMO_ENTERPRISES.dissolved;
  await runScenario(stack, {
    procedure: 'SCT-KM-DK',
    form: form({ province: '01', enterpriseName: dissolved.name, taxCode: dissolved.taxCode, enterpriseAddress: dissolved.address }),
    steps: [{ task: 'enterprise-not-active', as: 'hn.sct.tiepnhan', action: 'refuse', reason: 'Doanh nghiệp đã giải thể.' }],
    expect: { status: STATUS.NOT_ACCEPTED, outcome: 'refused', fee: undefined, checks: { enterprise: 'mismatch' } },
  });
});

test('ends without a confirmation when the leader declines, with the reason', async () => {
  const dossier = await runScenario(stack, {
    procedure: 'SCT-KM-DK',
    form: form(),
    steps: [
      { task: 'intake', as: 'hcm.sct.tiepnhan', action: 'accept' },
      { task: 'review', as: 'hcm.sct.chuyenvien', action: 'propose-refusal', reason: 'Giải thưởng là hàng hóa cấm dùng để khuyến mại.' },
      { task: 'approval', as: 'hcm.sct.lanhdao', action: 'reject', reason: 'Giải thưởng là hàng hóa cấm dùng để khuyến mại.' },
    ],
    expect: { status: STATUS.RESULT_RETURNED, outcome: 'rejected', fee: undefined },
  });
  expect(dossier.result).toBeNull();
});
