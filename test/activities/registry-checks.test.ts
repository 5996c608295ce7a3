import { ApplicationFailure } from '@temporalio/common';
import type { RunCheckInput } from '../../activities/contract';
import { cachedWorkingCalendar } from '../../db/calendar';
import { CalendarYear } from '../../db/entities';
import { createCheckRunner } from '../../activities/registries/checks';
import { createRegistryClient } from '../../activities/registries/registry-client';
import type { Orm } from '../../db/orm';
import { EMPTY_CALENDAR, type WorkingCalendar } from '../../domain/working-days';
import type { RunningSandbox } from '../../sandboxes/http';
import { DEMO_ENTERPRISES, DEMO_INSURANCE_CARDS, DEMO_RECORDS, DEMO_VEHICLES, ENTERPRISES } from '../../sandboxes/registry/data';
import { REGISTRY_KEY, json, startRegistry } from '../sandboxes/helpers';

const { carHolderHanoi, motorbikeHolderHoChiMinh, revokedLicence, suspendedLicence, expiredLicence, licenceOfAnotherPerson, withoutLicence } =
  DEMO_RECORDS;

let sandbox: RunningSandbox;
let runCheck: ReturnType<typeof createCheckRunner>;
const today = new Date('2026-11-24T03:00:00Z');

beforeAll(async () => {
  sandbox = await startRegistry({ slowMs: 1000 });
  runCheck = createCheckRunner(createRegistryClient({ url: sandbox.url, apiKey: REGISTRY_KEY, timeoutMs: 300 }), { now: () => today });
});
afterAll(() => sandbox.close());

const client = () => createRegistryClient({ url: sandbox.url, apiKey: REGISTRY_KEY, timeoutMs: 300 });
const identity = (params: Record<string, string>): RunCheckInput => ({ dossierCode: 'G22.99-261124-0001', check: 'population.identity', params });
const licence = (params: Record<string, string>): RunCheckInput => ({ dossierCode: 'G22.99-261124-0001', check: 'driving-licence.record', params });
const business = (taxCode: string): RunCheckInput => ({ dossierCode: 'G22.99-261124-0001', check: 'business.registration', params: { taxCode } });
const insurance = (insuranceCode: string, citizenId: string): RunCheckInput => ({
  dossierCode: 'G22.99-261124-0001',
  check: 'social-insurance.card',
  params: { insuranceCode, citizenId },
});
const vehicle = (frameNumber: string): RunCheckInput => ({
  dossierCode: 'G22.99-261124-0001',
  check: 'vehicle.quality-certificate',
  params: { frameNumber },
});
const notice = (date: string, fixed: RunCheckInput['fixed'] = { workingDays: 3 }): RunCheckInput => ({
  dossierCode: 'G22.99-261124-0001',
  check: 'calendar.notice-period',
  params: { date },
  fixed,
});

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
        // The registry's spelling of the holder's name: results print it (domain/vietnamese-names.ts).
        'Họ và tên theo cơ sở dữ liệu': 'Nguyễn Văn An',
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

describe('business.registration', () => {
  test('matches an active enterprise, with its facts in Vietnamese', async () => {
    expect(await runCheck(business(DEMO_ENTERPRISES.activeTrader.taxCode))).toEqual({
      outcome: 'match',
      summary: 'Công ty TNHH Thương mại Hoàng Long (mã số thuế 0105128769) đang hoạt động',
      facts: {
        'Mã số thuế': '0105128769',
        'Tên doanh nghiệp': 'Công ty TNHH Thương mại Hoàng Long',
        'Tình trạng': 'Đang hoạt động',
        'Địa chỉ trụ sở': 'Số 18 phố Hàng Bài, Phường Hoàn Kiếm, Thành phố Hà Nội',
        'Người đại diện theo pháp luật': 'Nguyễn Văn An',
        'Ngày đăng ký lần đầu': '08/11/2011',
      },
    });
  });

  test('a tax code typed with spaces is still found', async () => {
    expect(await runCheck(business(' 0316 382 041 '))).toMatchObject({ outcome: 'match', facts: { 'Mã số thuế': '0316382041' } });
  });

  test('a household business matches with its owner and place of business', async () => {
    expect(await runCheck(business(DEMO_ENTERPRISES.household.taxCode))).toMatchObject({
      outcome: 'match',
      facts: {
        'Tên hộ kinh doanh': 'Hộ kinh doanh Tạp hóa Minh Châu',
        'Chủ hộ kinh doanh': 'Phạm Thị Thu Hà',
        'Địa chỉ kinh doanh': 'Số 7 phố Hàng Bông, Phường Hoàn Kiếm, Thành phố Hà Nội',
      },
    });
  });

  test('a suspended, dissolved or closed enterprise is a mismatch naming the reason', async () => {
    expect(await runCheck(business(DEMO_ENTERPRISES.suspended.taxCode))).toMatchObject({
      outcome: 'mismatch',
      summary: 'Doanh nghiệp đang tạm ngừng kinh doanh',
      facts: { 'Tình trạng': 'Tạm ngừng kinh doanh', 'Tên doanh nghiệp': 'Công ty Cổ phần Đầu tư Xây dựng Thành Đạt' },
    });
    expect(await runCheck(business(DEMO_ENTERPRISES.dissolved.taxCode))).toMatchObject({
      outcome: 'mismatch',
      summary: 'Doanh nghiệp đã giải thể',
      facts: { 'Tình trạng': 'Đã giải thể' },
    });
    expect(await runCheck(business(DEMO_ENTERPRISES.taxCodeClosed.taxCode))).toMatchObject({
      outcome: 'mismatch',
      summary: 'Mã số thuế 0106934271 đã chấm dứt hiệu lực',
      facts: { 'Tình trạng': 'Đã chấm dứt hiệu lực mã số thuế' },
    });
  });

  test('an unknown tax code is a mismatch, not a failure', async () => {
    expect(await runCheck(business('0101234567'))).toEqual({
      outcome: 'mismatch',
      summary: 'Không tìm thấy mã số thuế 0101234567 trong Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp',
      facts: { 'Mã số thuế': '0101234567' },
    });
  });

  test('a malformed tax code is refused by the registry: a non-retryable failure', async () => {
    const error = await failureOf(runCheck(business('01-ABC')));
    expect(error).toMatchObject({ nonRetryable: true, type: 'HttpBadRequest' });
    expect(error.message).toBe('registry: find enterprise: refused with 400 (invalid_request: {"taxCode":"10 digits, 10-3 digits or 12 digits"})');
  });

  test('every seeded active enterprise matches and every other status does not', async () => {
    for (const e of ENTERPRISES) {
      expect((await runCheck(business(e.taxCode))).outcome).toBe(e.status === 'active' ? 'match' : 'mismatch');
    }
  });
});

describe('social-insurance.card', () => {
  const { validCard, expiredCard, revokedCard, cardOfAnotherPerson, withoutCard } = DEMO_INSURANCE_CARDS;
  const declaredCard = (record: { citizen: { citizenId: string }; card: { insuranceCode: string } }) =>
    insurance(record.card.insuranceCode, record.citizen.citizenId);

  test('matches an active card of the applicant, with its facts in Vietnamese', async () => {
    expect(await runCheck(declaredCard(validCard))).toEqual({
      outcome: 'match',
      summary: 'Thẻ bảo hiểm y tế đúng người, còn hạn đến 31/12/2027',
      facts: {
        'Mã số BHXH': '0108521473',
        'Họ và tên': 'Nguyễn Văn An',
        'Ngày sinh': '12/03/1985',
        'Giá trị sử dụng': 'Từ 01/01/2026 đến 31/12/2027',
        'Nơi đăng ký KCB ban đầu': 'Bệnh viện Đa khoa Xanh Pôn',
        'Mức hưởng': 'Mức 4 (80%)',
        'Tình trạng': 'Còn hạn sử dụng',
      },
    });
  });

  test('an expired card still matches, and the summary says it can be reissued', async () => {
    expect(await runCheck(declaredCard(expiredCard))).toMatchObject({
      outcome: 'match',
      summary: 'Thẻ bảo hiểm y tế đúng người, đã hết hạn ngày 31/12/2025, vẫn được cấp lại',
      facts: { 'Tình trạng': 'Đã hết hạn' },
    });
  });

  test('an active card past its end date counts as expired', async () => {
    const later = createCheckRunner(client(), { now: () => new Date('2028-01-02T03:00:00Z') });
    expect(await later(declaredCard(validCard))).toMatchObject({
      outcome: 'match',
      summary: 'Thẻ bảo hiểm y tế đúng người, đã hết hạn ngày 31/12/2027, vẫn được cấp lại',
      facts: { 'Tình trạng': 'Đã hết hạn' },
    });
  });

  test('refuses a revoked card', async () => {
    expect(await runCheck(declaredCard(revokedCard))).toMatchObject({
      outcome: 'mismatch',
      summary: 'Thẻ bảo hiểm y tế đã bị thu hồi',
      facts: { 'Tình trạng': 'Đã bị thu hồi' },
    });
  });

  test('a card of another person is a mismatch that shows nothing of its holder', async () => {
    expect(await runCheck(declaredCard(cardOfAnotherPerson))).toEqual({
      outcome: 'mismatch',
      summary: 'Mã số bảo hiểm xã hội không thuộc người có số căn cước đã kê khai',
      facts: { 'Mã số BHXH': '4809215367' },
    });
  });

  test('an unknown code is a mismatch', async () => {
    expect(await runCheck(insurance('0199999999', withoutCard.citizen.citizenId))).toEqual({
      outcome: 'mismatch',
      summary: 'Không tìm thấy mã số bảo hiểm xã hội 0199999999 trong Cơ sở dữ liệu quốc gia về bảo hiểm',
      facts: { 'Mã số BHXH': '0199999999' },
    });
  });

  test('missing the citizen id is a non-retryable failure', async () => {
    const error = await failureOf(runCheck(insurance(validCard.card.insuranceCode, ' ')));
    expect(error).toMatchObject({ nonRetryable: true, type: 'InvalidCheckInput' });
    expect(error.message).toBe('check social-insurance.card of dossier G22.99-261124-0001: missing citizenId');
  });
});

describe('vehicle.quality-certificate', () => {
  test('matches a vehicle with a valid certificate, with its facts in Vietnamese', async () => {
    expect(await runCheck(vehicle(DEMO_VEHICLES.newCar.frameNumber))).toEqual({
      outcome: 'match',
      summary: 'Xe VinFast VF 5 Plus số khung RLLVF5AB2SV004217 có giấy chứng nhận chất lượng số PXX-2025-041873 còn hiệu lực',
      facts: {
        'Số khung': 'RLLVF5AB2SV004217',
        'Số máy': 'VFM5P25041873',
        'Nhãn hiệu': 'VinFast',
        'Số loại': 'VF 5 Plus',
        'Loại phương tiện': 'Ô tô',
        'Số chỗ ngồi': '5',
        'Năm sản xuất': '2025',
        'Nguồn gốc': 'Sản xuất, lắp ráp trong nước',
        'Số giấy chứng nhận chất lượng': 'PXX-2025-041873',
        'Tình trạng': 'Còn hiệu lực',
      },
    });
  });

  test('a frame number typed in lower case with spaces is still found', async () => {
    expect(await runCheck(vehicle(' rlhjk0312 sy284519'))).toMatchObject({
      outcome: 'match',
      facts: { 'Nhãn hiệu': 'Honda', 'Số loại': 'Vision 110', 'Loại phương tiện': 'Xe mô tô', 'Số chỗ ngồi': '2' },
    });
    expect(await runCheck(vehicle(DEMO_VEHICLES.importedCar.frameNumber))).toMatchObject({
      outcome: 'match',
      facts: { 'Nguồn gốc': 'Nhập khẩu', 'Số chỗ ngồi': '7' },
    });
  });

  test('refuses a revoked certificate', async () => {
    expect(await runCheck(vehicle(DEMO_VEHICLES.revokedCertificate.frameNumber))).toMatchObject({
      outcome: 'mismatch',
      summary: 'Giấy chứng nhận chất lượng của xe đã bị thu hồi',
      facts: { 'Tình trạng': 'Đã bị thu hồi', 'Số giấy chứng nhận chất lượng': 'PXX-2024-193624' },
    });
  });

  test('an unknown frame number is a mismatch', async () => {
    expect(await runCheck(vehicle('RLLVF5AB2SV999999'))).toEqual({
      outcome: 'mismatch',
      summary: 'Không tìm thấy số khung RLLVF5AB2SV999999 trong dữ liệu chứng nhận chất lượng của Cục Đăng kiểm Việt Nam',
      facts: { 'Số khung': 'RLLVF5AB2SV999999' },
    });
  });
});

describe('calendar.notice-period', () => {
  // Tuesday 24/11/2026, 10:00 in Vietnam; Friday 27/11 is a holiday in this calendar.
  const holiday: WorkingCalendar = { holidays: new Set(['2026-11-27']), workingWeekendDays: new Set() };
  const withCalendar = (calendar: WorkingCalendar, at = today) =>
    createCheckRunner(client(), { now: () => at, calendar: async () => calendar });

  test('matches a date far enough ahead, counting working days only', async () => {
    expect(await withCalendar(holiday)(notice('2026-12-01'))).toEqual({
      outcome: 'match',
      summary: 'Ngày bắt đầu 01/12/2026 cách ngày nộp 4 ngày làm việc (tối thiểu 3)',
      facts: {
        'Ngày bắt đầu': '01/12/2026',
        'Ngày nộp': '24/11/2026',
        'Cách ngày nộp': '4 ngày làm việc',
        'Thời hạn thông báo tối thiểu': '3 ngày làm việc',
      },
    });
    // Without the holiday the same date is one working day further.
    expect((await withCalendar(EMPTY_CALENDAR)(notice('2026-12-01'))).summary).toBe(
      'Ngày bắt đầu 01/12/2026 cách ngày nộp 5 ngày làm việc (tối thiểu 3)',
    );
  });

  test('exactly the minimum matches; the holiday makes a date a day short', async () => {
    expect(await withCalendar(holiday)(notice('2026-11-30'))).toMatchObject({ outcome: 'match' });
    // 25, 26 count; 27 is the holiday, 28 and 29 the weekend.
    expect(await withCalendar(holiday)(notice('2026-11-29'))).toMatchObject({
      outcome: 'mismatch',
      summary: 'Ngày bắt đầu 29/11/2026 chỉ cách ngày nộp 2 ngày làm việc; phải thông báo trước ít nhất 3 ngày làm việc',
      facts: { 'Cách ngày nộp': '2 ngày làm việc' },
    });
    expect(await withCalendar(EMPTY_CALENDAR)(notice('2026-11-29'))).toMatchObject({ outcome: 'match' });
  });

  test('a Saturday declared a working day counts', async () => {
    const swapped = { holidays: holiday.holidays, workingWeekendDays: new Set(['2026-11-28']) };
    expect(await withCalendar(swapped)(notice('2026-11-29'))).toMatchObject({
      outcome: 'match',
      summary: 'Ngày bắt đầu 29/11/2026 cách ngày nộp 3 ngày làm việc (tối thiểu 3)',
    });
  });

  test('today is the day in Vietnam, not in UTC', async () => {
    // 18:00 UTC on the 24th is 01:00 on the 25th in Vietnam: only 26 and 30 remain.
    const lateEvening = withCalendar(holiday, new Date('2026-11-24T18:00:00Z'));
    expect(await lateEvening(notice('2026-11-30'))).toMatchObject({
      outcome: 'mismatch',
      summary: 'Ngày bắt đầu 30/11/2026 chỉ cách ngày nộp 2 ngày làm việc; phải thông báo trước ít nhất 3 ngày làm việc',
      facts: { 'Ngày nộp': '25/11/2026' },
    });
  });

  test('today and past dates are mismatches saying so', async () => {
    expect(await withCalendar(holiday)(notice('2026-11-24'))).toMatchObject({
      outcome: 'mismatch',
      summary: 'Ngày bắt đầu 24/11/2026 trùng ngày nộp; phải thông báo trước ít nhất 3 ngày làm việc',
      facts: { 'Cách ngày nộp': 'Trùng ngày nộp' },
    });
    expect(await withCalendar(holiday)(notice('2026-11-20'))).toMatchObject({
      outcome: 'mismatch',
      summary: 'Ngày bắt đầu 20/11/2026 đã qua; phải thông báo trước ít nhất 3 ngày làm việc',
    });
  });

  test('accepts dd/mm/yyyy, a numeric string for the period, and a label for the date', async () => {
    const result = await withCalendar(holiday)(notice('1/12/2026', { workingDays: '5', dateLabel: 'Ngày tổ chức' }));
    expect(result).toMatchObject({
      outcome: 'mismatch',
      summary: 'Ngày tổ chức 01/12/2026 chỉ cách ngày nộp 4 ngày làm việc; phải thông báo trước ít nhất 5 ngày làm việc',
      facts: { 'Ngày tổ chức': '01/12/2026' },
    });
  });

  test('a malformed date or period is a non-retryable failure', async () => {
    const run = withCalendar(holiday);
    for (const input of [notice('2026-02-30'), notice('mai'), notice('2026-12-01', {}), notice('2026-12-01', { workingDays: -1 }), notice('2026-12-01', { workingDays: '3 ngày' })]) {
      expect(await failureOf(run(input))).toMatchObject({ nonRetryable: true, type: 'InvalidCheckInput' });
    }
  });

  test('a runner without a calendar refuses rather than ignoring holidays', async () => {
    expect(await failureOf(runCheck(notice('2026-12-01')))).toMatchObject({ nonRetryable: true, type: 'CheckNotConfigured' });
  });

  test('a calendar that cannot be loaded is retryable', async () => {
    const broken = createCheckRunner(client(), {
      now: () => today,
      calendar: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:5432')),
    });
    const error = await failureOf(broken(notice('2026-12-01')));
    expect(error).not.toBeInstanceOf(ApplicationFailure);
    expect(error.message).toContain('ECONNREFUSED');
  });
});

describe('cached working calendar', () => {
  function fakeOrm(load: () => Promise<{ day: string; kind: string }[]>) {
    // A load reads the entered days and the confirmed years (none here: every year is computed, then overlaid).
    const find = jest.fn((entity: unknown) => (entity === CalendarYear ? Promise.resolve([]) : load()));
    return { orm: { em: { fork: () => ({ find }) } } as unknown as Orm, find };
  }

  test('loads once per period, shares a load in flight, and forgets a failed load', async () => {
    let clock = 1_000_000;
    const nowSpy = jest.spyOn(Date, 'now').mockImplementation(() => clock);
    try {
      let fail = true;
      const { orm, find } = fakeOrm(async () => {
        if (fail) throw new Error('database down');
        return [
          { day: '2026-11-27', kind: 'holiday' },
          { day: '2026-11-28', kind: 'working-weekend' },
        ];
      });
      const calendar = cachedWorkingCalendar(orm, 60_000);
      await expect(calendar()).rejects.toThrow('database down');
      fail = false;
      const [a, b] = await Promise.all([calendar(), calendar()]);
      expect(find).toHaveBeenCalledTimes(3);
      expect(a).toBe(b);
      expect(a.holidays.has('2026-11-27')).toBe(true);
      expect(a.workingWeekendDays.has('2026-11-28')).toBe(true);
      clock += 60_000;
      await calendar();
      expect(find).toHaveBeenCalledTimes(3);
      clock += 1;
      await calendar();
      expect(find).toHaveBeenCalledTimes(5);
    } finally {
      nowSpy.mockRestore();
    }
  });
});

describe('failures of the new registries', () => {
  test('an unavailable registry throws a retryable error for each lookup, then the retry gets through', async () => {
    const cases: [RunCheckInput, string][] = [
      [business(DEMO_ENTERPRISES.activeTrader.taxCode), 'registry: find enterprise: answered 503 (unavailable)'],
      [
        insurance(DEMO_INSURANCE_CARDS.validCard.card.insuranceCode, DEMO_INSURANCE_CARDS.validCard.citizen.citizenId),
        'registry: find insurance card: answered 503 (unavailable)',
      ],
      [vehicle(DEMO_VEHICLES.newMotorbike.frameNumber), 'registry: find quality certificate: answered 503 (unavailable)'],
    ];
    for (const [input, message] of cases) {
      await json(`${sandbox.url}/__sandbox/fail-next`, { method: 'POST', json: { count: 1, kind: 'unavailable' } });
      const error = await failureOf(runCheck(input));
      expect(error).not.toBeInstanceOf(ApplicationFailure);
      expect(error.message).toBe(message);
      expect(await runCheck(input)).toMatchObject({ outcome: 'match' });
    }
  });

  test('a timeout is retryable', async () => {
    await json(`${sandbox.url}/__sandbox/fail-next`, { method: 'POST', json: { count: 1, kind: 'slow' } });
    const error = await failureOf(runCheck(vehicle(DEMO_VEHICLES.newCar.frameNumber)));
    expect(error).not.toBeInstanceOf(ApplicationFailure);
    expect(error.message).toBe('registry: find quality certificate: no answer within 300 ms');
  });

  test('a wrong registry URL is not mistaken for an unknown record', async () => {
    const wrongPath = createCheckRunner(createRegistryClient({ url: `${sandbox.url}/v9`, apiKey: REGISTRY_KEY, timeoutMs: 300 }));
    for (const input of [
      business('0101234567'),
      insurance('0199999999', DEMO_INSURANCE_CARDS.withoutCard.citizen.citizenId),
      vehicle('RLLVF5AB2SV999999'),
    ]) {
      expect(await failureOf(wrongPath(input))).toMatchObject({ nonRetryable: true, type: 'UnexpectedAnswer' });
    }
  });

  test('a wrong API key is a non-retryable failure', async () => {
    const wrongKey = createCheckRunner(createRegistryClient({ url: sandbox.url, apiKey: 'wrong', timeoutMs: 300 }));
    expect(await failureOf(wrongKey(business(DEMO_ENTERPRISES.activeTrader.taxCode)))).toMatchObject({
      nonRetryable: true,
      type: 'HttpUnauthorized',
    });
  });
});
