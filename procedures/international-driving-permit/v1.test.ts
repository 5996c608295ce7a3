/**
 * Cấp giấy phép lái xe quốc tế, end to end: a holder of a valid licence gets a permit numbered
 * by the procedure's own scheme; a licence that is not the applicant's sends the dossier back to
 * the receiver, who refuses it; an expired domestic licence is stopped by the form.
 */
import { DEMO_RECORDS } from '../../sandboxes/registry/data';
import { runScenario } from '../../test/support/procedure-scenario';
import { tasksOf } from '../../test/support/read-model';
import { startStack, type Stack } from '../../test/support/stack';
import { STATUS } from '../../domain/portal-status';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

type Demo = (typeof DEMO_RECORDS)['carHolderHanoi' | 'licenceOfAnotherPerson' | 'expiredLicence'];

function formOf(record: Demo, over: Record<string, string> = {}): Record<string, string> {
  return {
    fullName: record.citizen.fullName,
    citizenId: record.citizen.citizenId,
    dateOfBirth: record.citizen.dateOfBirth,
    licenceNumber: record.licence.number,
    licenceClass: record.licence.class,
    licenceExpiry: record.licence.expiresAt ?? '',
    province: '01',
    phone: '0912345678',
    email: `${record.citizen.citizenId}@example.vn`,
    ...over,
  };
}

test('issues a permit valid three years, numbered QT + province + year + sequence, after the fee', async () => {
  const dossier = await runScenario(stack, {
    procedure: 'GPLX-QT',
    form: formOf(DEMO_RECORDS.carHolderHanoi),
    steps: [
      { task: 'intake', as: 'hn.tiepnhan', action: 'accept' },
      { pay: true },
      { task: 'review', as: 'hn.chuyenvien', action: 'propose-approval' },
      { task: 'approval', as: 'hn.lanhdao', action: 'approve' },
    ],
    expect: {
      status: STATUS.RESULT_RETURNED,
      outcome: 'completed',
      fee: 135_000,
      resultNumber: /^QT01\d{2}\d{6}$/,
      checks: { identity: 'match', licence: 'match' },
    },
  });
  expect(dossier.result?.title).toBe('Giấy phép lái xe quốc tế');
  expect(dossier.result?.number.slice(4, 6)).toBe(dossier.result?.issuedAt.slice(2, 4));
  expect(dossier.agency.code).toBe('CSGT-01');
  const tasks = await tasksOf(stack, dossier);
  expect(new Set(tasks.map((t) => t.agency.code))).toEqual(new Set(['CSGT-01']));
});

test("sends a licence that is not the applicant's back to the receiver, who refuses the dossier", async () => {
  const dossier = await runScenario(stack, {
    procedure: 'GPLX-QT',
    form: formOf(DEMO_RECORDS.licenceOfAnotherPerson),
    steps: [
      { task: 'intake', as: 'hn.tiepnhan', action: 'accept' },
      // The check finds the licence is someone else's: the dossier is back at intake.
      { task: 'intake', as: 'hn.tiepnhan', action: 'refuse', reason: 'Giấy phép lái xe không thuộc người đề nghị cấp' },
    ],
    expect: { status: STATUS.NOT_ACCEPTED, outcome: 'refused', fee: undefined, checks: { identity: 'match', licence: 'mismatch' } },
  });
  expect(dossier.result).toBeNull();
  expect(dossier.checks.find((c) => c.id === 'licence')?.summary).toBe('Giấy phép không thuộc người có số căn cước đã kê khai');
});

test('refuses at submission a car licence whose declared expiry has passed, and needs none for a motorbike licence', async () => {
  const expired = await stack.services.intake.submit({ procedureCode: 'GPLX-QT', form: formOf(DEMO_RECORDS.expiredLicence), channel: 'api' });
  expect(expired).toMatchObject({ kind: 'invalid', errors: { licenceExpiry: expect.stringContaining('không được trước ngày hôm nay') } });

  const missing = await stack.services.intake.submit({
    procedureCode: 'GPLX-QT',
    form: formOf(DEMO_RECORDS.carHolderHanoi, { licenceExpiry: '' }),
    channel: 'api',
  });
  expect(missing).toMatchObject({ kind: 'invalid', errors: { licenceExpiry: expect.any(String) } });

  const { citizen, licence } = DEMO_RECORDS.motorbikeHolderHoChiMinh;
  const motorbike = await stack.services.intake.submit({
    procedureCode: 'GPLX-QT',
    form: {
      fullName: citizen.fullName,
      citizenId: citizen.citizenId,
      dateOfBirth: citizen.dateOfBirth,
      licenceNumber: licence.number,
      licenceClass: licence.class,
      province: '79',
      phone: '0912345678',
      email: 'motorbike@example.vn',
    },
    channel: 'api',
  });
  expect(motorbike).toMatchObject({ kind: 'created' });
});
