import { ApplicationFailure } from '@temporalio/common';
import type { RunCheckInput } from '../../activities/contract';
import { createCheckRunner } from '../../activities/registries/checks';
import { createRegistryClient } from '../../activities/registries/registry-client';
import type { RunningSandbox } from '../../sandboxes/http';
import { DEMO_RECORDS } from '../../sandboxes/registry/data';
import { REGISTRY_KEY, json, startRegistry } from '../sandboxes/helpers';

const { carHolderHanoi, motorbikeHolderHoChiMinh, revokedLicence, suspendedLicence, expiredLicence, licenceOfAnotherPerson, withoutLicence } =
  DEMO_RECORDS;

let sandbox: RunningSandbox;
let runCheck: ReturnType<typeof createCheckRunner>;
const today = new Date('2026-11-24T03:00:00Z');

beforeAll(async () => {
  sandbox = await startRegistry({ slowMs: 1000 });
  runCheck = createCheckRunner(createRegistryClient({ url: sandbox.url, apiKey: REGISTRY_KEY, timeoutMs: 300 }), () => today);
});
afterAll(() => sandbox.close());

const identity = (params: Record<string, string>): RunCheckInput => ({ dossierCode: 'G22.99-261124-0001', check: 'population.identity', params });
const licence = (params: Record<string, string>): RunCheckInput => ({ dossierCode: 'G22.99-261124-0001', check: 'driving-licence.record', params });

const declaredIdentity = (c: { citizenId: string; fullName: string; dateOfBirth: string }) => ({
  citizenId: c.citizenId,
  fullName: c.fullName,
  dateOfBirth: c.dateOfBirth,
});
const declaredLicence = (record: { citizen: { citizenId: string }; licence: { number: string; class: string } }) => ({
  licenceNumber: record.licence.number,
  licenceClass: record.licence.class,
  citizenId: record.citizen.citizenId,
});

async function failureOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected the check to throw');
}

describe('population.identity', () => {
  test('matches a citizen whose declared data agree with the population database', async () => {
    expect(await runCheck(identity(declaredIdentity(carHolderHanoi.citizen)))).toEqual({
      outcome: 'match',
      summary: 'Số căn cước, họ tên và ngày sinh khớp với Cơ sở dữ liệu quốc gia về dân cư',
      facts: { 'Số căn cước': '001085004521', 'Họ và tên': 'Khớp', 'Ngày sinh': 'Khớp' },
    });
  });

  test('a name declared without diacritics is a mismatch', async () => {
    const result = await runCheck(identity({ ...declaredIdentity(carHolderHanoi.citizen), fullName: 'Nguyen Van An' }));
    expect(result).toMatchObject({
      outcome: 'mismatch',
      summary: 'Họ tên không khớp với Cơ sở dữ liệu quốc gia về dân cư',
      facts: { 'Họ và tên': 'Không khớp', 'Ngày sinh': 'Khớp' },
    });
  });

  test('a wrong date of birth is a mismatch naming the date', async () => {
    const result = await runCheck(identity({ ...declaredIdentity(withoutLicence.citizen), dateOfBirth: '2001-04-15' }));
    expect(result).toMatchObject({ outcome: 'mismatch', summary: 'Ngày sinh không khớp với Cơ sở dữ liệu quốc gia về dân cư' });
  });

  test('an unknown citizen id is a mismatch, not a failure', async () => {
    const result = await runCheck(identity({ ...declaredIdentity(carHolderHanoi.citizen), citizenId: '001085999999' }));
    expect(result).toEqual({
      outcome: 'mismatch',
      summary: 'Không tìm thấy số căn cước 001085999999 trong Cơ sở dữ liệu quốc gia về dân cư',
      facts: { 'Số căn cước': '001085999999' },
    });
  });
});

describe('driving-licence.record', () => {
  test('matches a valid licence of the applicant, with its facts in Vietnamese', async () => {
    expect(await runCheck(licence(declaredLicence(carHolderHanoi)))).toEqual({
      outcome: 'match',
      summary: 'Giấy phép lái xe đúng người, đúng hạng B2, còn hiệu lực',
      facts: {
        'Số giấy phép': '010170052318',
        'Hạng': 'B2',
        'Ngày cấp': '10/01/2017',
        'Có giá trị đến': '10/01/2027',
        'Nơi cấp': 'Hà Nội',
        'Tình trạng': 'Còn hiệu lực',
      },
    });
    const motorbike = await runCheck(licence(declaredLicence(motorbikeHolderHoChiMinh)));
    expect(motorbike).toMatchObject({ outcome: 'match', facts: { 'Có giá trị đến': 'Không thời hạn' } });
  });

  test('an expired licence still matches: renewing it is the point', async () => {
    expect(await runCheck(licence(declaredLicence(expiredLicence)))).toMatchObject({
      outcome: 'match',
      summary: 'Giấy phép lái xe đúng người, đúng hạng B2, đã hết hạn ngày 02/10/2025',
      facts: { 'Tình trạng': 'Đã hết hạn' },
    });
  });

  test('refuses a revoked licence', async () => {
    expect(await runCheck(licence(declaredLicence(revokedLicence)))).toMatchObject({
      outcome: 'mismatch',
      summary: 'Giấy phép lái xe đã bị thu hồi',
      facts: { 'Tình trạng': 'Đã bị thu hồi' },
    });
  });

  test('refuses a suspended licence', async () => {
    expect(await runCheck(licence(declaredLicence(suspendedLicence)))).toMatchObject({
      outcome: 'mismatch',
      summary: 'Giấy phép lái xe đang bị tước quyền sử dụng',
    });
  });

  test('a class other than the registered one is a mismatch naming both', async () => {
    const result = await runCheck(licence({ ...declaredLicence(carHolderHanoi), licenceClass: 'B' }));
    expect(result).toMatchObject({
      outcome: 'mismatch',
      summary: 'Hạng giấy phép không khớp: cơ sở dữ liệu ghi B2, hồ sơ kê khai B',
      facts: { 'Hạng': 'B2' },
    });
  });

  test('a licence of another person is a mismatch that shows nothing of its holder', async () => {
    const result = await runCheck(licence(declaredLicence(licenceOfAnotherPerson)));
    expect(result).toEqual({
      outcome: 'mismatch',
      summary: 'Giấy phép không thuộc người có số căn cước đã kê khai',
      facts: { 'Số giấy phép': '362304001963' },
    });
  });

  test('an unknown licence number is a mismatch', async () => {
    const result = await runCheck(licence({ ...declaredLicence(carHolderHanoi), licenceNumber: '010000000001' }));
    expect(result).toMatchObject({ outcome: 'mismatch', summary: 'Không tìm thấy giấy phép lái xe số 010000000001' });
  });
});

describe('failures', () => {
  test('an unavailable registry throws a retryable error, not a result', async () => {
    await json(`${sandbox.url}/__sandbox/fail-next`, { method: 'POST', json: { count: 1, kind: 'unavailable' } });
    const error = await failureOf(runCheck(identity(declaredIdentity(carHolderHanoi.citizen))));
    expect(error).not.toBeInstanceOf(ApplicationFailure);
    expect(error.message).toBe('registry: verify identity: answered 503 (unavailable)');
    // The next attempt, as Temporal would make it, gets through.
    expect(await runCheck(identity(declaredIdentity(carHolderHanoi.citizen)))).toMatchObject({ outcome: 'match' });
  });

  test('an internal error and a timeout are retryable too', async () => {
    await json(`${sandbox.url}/__sandbox/fail-next`, { method: 'POST', json: { count: 1, kind: 'error' } });
    expect(await failureOf(runCheck(licence(declaredLicence(carHolderHanoi))))).not.toBeInstanceOf(ApplicationFailure);
    await json(`${sandbox.url}/__sandbox/fail-next`, { method: 'POST', json: { count: 1, kind: 'slow' } });
    const timeout = await failureOf(runCheck(licence(declaredLicence(carHolderHanoi))));
    expect(timeout).not.toBeInstanceOf(ApplicationFailure);
    expect(timeout.message).toBe('registry: find licence: no answer within 300 ms');
  });

  test('an unreachable registry is retryable', async () => {
    const down = await startRegistry();
    const url = down.url;
    await down.close();
    const unreachable = createCheckRunner(createRegistryClient({ url, apiKey: REGISTRY_KEY, timeoutMs: 300 }));
    const error = await failureOf(unreachable(identity(declaredIdentity(carHolderHanoi.citizen))));
    expect(error).not.toBeInstanceOf(ApplicationFailure);
    expect(error.message).toContain('ECONNREFUSED');
  });

  test('a wrong API key is a non-retryable failure', async () => {
    const wrongKey = createCheckRunner(createRegistryClient({ url: sandbox.url, apiKey: 'wrong', timeoutMs: 300 }));
    const error = await failureOf(wrongKey(identity(declaredIdentity(carHolderHanoi.citizen))));
    expect(error).toBeInstanceOf(ApplicationFailure);
    expect(error).toMatchObject({ nonRetryable: true, type: 'HttpUnauthorized' });
  });

  test('a wrong registry URL is not mistaken for an unknown citizen', async () => {
    const wrongPath = createCheckRunner(createRegistryClient({ url: `${sandbox.url}/v9`, apiKey: REGISTRY_KEY, timeoutMs: 300 }));
    const error = await failureOf(wrongPath(identity(declaredIdentity(carHolderHanoi.citizen))));
    expect(error).toMatchObject({ nonRetryable: true, type: 'UnexpectedAnswer' });
  });

  test('missing parameters are a non-retryable failure', async () => {
    const error = await failureOf(runCheck(licence({ licenceNumber: carHolderHanoi.licence.number, citizenId: '' })));
    expect(error).toMatchObject({ nonRetryable: true, type: 'InvalidCheckInput' });
    expect(error.message).toContain('licenceClass, citizenId');
  });
});
