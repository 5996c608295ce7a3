/**
 * Cấp C/O mẫu GSTP, end to end: the normal path with the fee per set and the C/O reference
 * number; an exporter whose tax code points to a suspended enterprise, corrected by supplement
 * and then issued; an exporter whose tax code was closed, refused.
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

const exporter = DEMO_ENTERPRISES.activeExporter;
const form = (over: Record<string, string> = {}) => ({
  exporterName: exporter.name,
  taxCode: exporter.taxCode,
  exporterAddress: exporter.address,
  representativeName: 'Trần Thị Bích Ngọc',
  representativeCitizenId: '079192013877',
  phone: '0903123456',
  email: 'xuatkhau@minhphat.example.vn',
  province: '79',
  firstApplication: 'khong',
  consigneeName: 'Al Noor Trading Co.',
  consigneeAddress: '12 Corniche Road, Alexandria, Egypt',
  importingCountry: 'Ai Cập (Egypt)',
  transport: 'Đường biển, từ cảng Cát Lái (Việt Nam) đến cảng Alexandria (Ai Cập), dự kiến khởi hành 15/12',
  goodsDescription: '1.200 thùng carton hạt điều nhân WW320, ký hiệu MP-EG-01 đến MP-EG-1200',
  hsCode: '080132',
  originCriterion: 'Hàng hóa có xuất xứ thuần túy',
  quantity: '27.600 kg cả bì',
  invoiceNumber: 'MP-2026-0418',
  invoiceDate: '2026-01-05',
  sets: '2',
  ...over,
});

const NUMBER = /^VN-GSTP \d{2}\/79\/\d{5}$/;

test('issues the C/O within one working day, charging the fee per set, with its reference number', async () => {
  const dossier = await runScenario(stack, {
    procedure: 'SCT-CO-GSTP',
    form: form(),
    steps: [
      { task: 'intake', as: 'hcm.sct.tiepnhan', action: 'accept' },
      { pay: true },
      { task: 'review', as: 'hcm.sct.chuyenvien', action: 'propose-issue' },
      { task: 'approval', as: 'hcm.sct.lanhdao', action: 'approve' },
    ],
    expect: { status: STATUS.RESULT_RETURNED, outcome: 'completed', fee: 60_000, resultNumber: NUMBER, checks: { exporter: 'match' } },
  });
  expect(dossier.agency.code).toBe('SCT-79');
  expect(dossier.result?.title).toBe('Giấy chứng nhận xuất xứ hàng hóa mẫu GSTP');
  const appointment = await timelineEvent(stack, dossier, 'appointment');
  expect(appointment.data?.workingDays).toBe(1);
});

test('stops a suspended enterprise before intake; the corrected tax code is checked again and the C/O issued', async () => {
  const suspended = DEMO_ENTERPRISES.suspended;
  const dossier = await runScenario(stack, {
    procedure: 'SCT-CO-GSTP',
    form: form({ taxCode: suspended.taxCode, sets: '1' }),
    steps: [
      {
        task: 'exporter-not-active',
        as: 'hcm.sct.tiepnhan',
        action: 'request-supplement',
        reason: 'Mã số thuế đã kê khai thuộc doanh nghiệp đang tạm ngừng kinh doanh; đề nghị kiểm tra lại.',
      },
      { supplement: { taxCode: exporter.taxCode } },
      { task: 'intake', as: 'hcm.sct.tiepnhan', action: 'accept' },
      { pay: true },
      { task: 'review', as: 'hcm.sct.chuyenvien', action: 'propose-issue' },
      { task: 'approval', as: 'hcm.sct.lanhdao', action: 'approve' },
    ],
    expect: { status: STATUS.RESULT_RETURNED, outcome: 'completed', fee: 30_000, resultNumber: NUMBER, checks: { exporter: 'match' } },
  });
  expect(dossier.supplement).toMatchObject({ round: 1 });
});

test('refuses an exporter whose tax code has been closed, asking nothing to pay', async () => {
  const closed = DEMO_ENTERPRISES.taxCodeClosed;
  await runScenario(stack, {
    procedure: 'SCT-CO-GSTP',
    form: form({ province: '01', exporterName: closed.name, taxCode: closed.taxCode, exporterAddress: closed.address }),
    steps: [{ task: 'exporter-not-active', as: 'hn.sct.tiepnhan', action: 'refuse', reason: 'Mã số thuế đã chấm dứt hiệu lực.' }],
    expect: { status: STATUS.NOT_ACCEPTED, outcome: 'refused', fee: undefined, checks: { exporter: 'mismatch' } },
  });
});
