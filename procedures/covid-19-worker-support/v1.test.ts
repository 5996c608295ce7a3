/**
 * COVID-19 support for workers on unpaid leave, end to end through its custom workflow: every
 * worker of the list checked against social insurance, support worked out per worker, the
 * decision taken by the provincial People's Committee.
 */
import { DEMO_ENTERPRISES, DEMO_INSURANCE_CARDS } from '../../sandboxes/registry/data';
import { runScenario } from '../../test/support/procedure-scenario';
import { startStack, type Stack } from '../../test/support/stack';
import { STATUS } from '../../domain/portal-status';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

const line = (c: { citizen: { citizenId: string; fullName: string }; card: { insuranceCode: string } }, days: number) =>
  `${c.citizen.citizenId}; ${c.citizen.fullName}; ${c.card.insuranceCode}; ${days}`;

const employer = DEMO_ENTERPRISES.activeTrader;
const form = (workers: string[]) => ({
  taxCode: employer.taxCode,
  companyName: employer.name,
  representativeName: 'Nguyễn Văn An',
  representativeCitizenId: '001085004521',
  province: '01',
  leaveFrom: '2021-07-01',
  leaveTo: '2021-08-15',
  workers: workers.join('\n'),
  bankAccount: '0011004123456 – Vietcombank',
  phone: '0243826xxxx'.replace('xxxx', '1234'),
  email: 'ketoan@hoanglong.example.vn',
});

test('pays each eligible worker by the length of the leave and leaves out the others', async () => {
  const d = await runScenario(stack, {
    procedure: 'HT-COVID-NLD',
    form: form([
      line(DEMO_INSURANCE_CARDS.validCard, 45),
      line(DEMO_INSURANCE_CARDS.expiredCard, 20),
      line(DEMO_INSURANCE_CARDS.cardOfAnotherPerson, 40),
      'dòng viết sai mẫu',
    ]),
    steps: [
      { task: 'intake', as: 'hn.snv.tiepnhan', action: 'accept' },
      { task: 'appraisal', as: 'hn.snv.chuyenvien', action: 'submit' },
      { task: 'decision', as: 'hn.ubnd.lanhdao', action: 'approve' },
    ],
    expect: { status: STATUS.RESULT_RETURNED, outcome: 'completed', fee: undefined, resultNumber: /^\d{4}\/QĐ-UBND-\d{4}$/, checks: { employer: 'match', 'worker-1': 'match', 'worker-2': 'match', 'worker-3': 'mismatch' } },
  });
  expect(d.inputs).toEqual({ workersListed: '4', workersEligible: '2', supportTotal: '5.565.000 đồng' });
  expect(d.workflowStartedAt).not.toBeNull();
});

test('sends the dossier back to the receiver when the employer is not active', async () => {
  await runScenario(stack, {
    procedure: 'HT-COVID-NLD',
    form: { ...form([line(DEMO_INSURANCE_CARDS.validCard, 30)]), taxCode: DEMO_ENTERPRISES.suspended.taxCode },
    steps: [
      { task: 'intake', as: 'hn.snv.tiepnhan', action: 'accept' },
      { task: 'intake', as: 'hn.snv.tiepnhan', action: 'refuse', reason: 'Doanh nghiệp đang tạm ngừng kinh doanh' },
    ],
    expect: { status: STATUS.NOT_ACCEPTED, outcome: 'refused', checks: { employer: 'mismatch' } },
  });
});
