/**
 * The checks a procedure's check step can name. Each turns the registry's answer into what an
 * official reads: match or mismatch, one Vietnamese sentence and the facts found. Transient
 * failures are thrown (Temporal retries the activity); only answers become results. One check,
 * 'calendar.notice-period', asks no registry but the working calendar administrators keep.
 */
import { ApplicationFailure } from '@temporalio/common';
import { formatVietnameseDate, localIsoDate } from '../../domain/vietnam-time';
import { conventionalSpellings, REGISTRY_NAME_FACT, tidyName } from '../../domain/vietnamese-names';
import { type WorkingCalendar, workingDaysBetween } from '../../domain/working-days';
import { CHECK_PARAMETERS } from '../../engine/check-kinds';
import type { CheckResult } from '../../workflows/messages';
import type { RunCheckInput } from '../contract';
import type {
  EnterpriseRecord,
  InsuranceCardRecord,
  LicenceRecord,
  QualityCertificateRecord,
  RegistryClient,
} from './registry-client';

const POPULATION_DATABASE = 'Cơ sở dữ liệu quốc gia về dân cư';
const BUSINESS_DATABASE = 'Cơ sở dữ liệu quốc gia về đăng ký doanh nghiệp';
const INSURANCE_DATABASE = 'Cơ sở dữ liệu quốc gia về bảo hiểm';
const VEHICLE_DATA = 'dữ liệu chứng nhận chất lượng của Cục Đăng kiểm Việt Nam';

const LICENCE_STATUS_LABELS: Record<LicenceRecord['status'], string> = {
  valid: 'Còn hiệu lực',
  revoked: 'Đã bị thu hồi',
  suspended: 'Đang bị tước quyền sử dụng',
};

export interface CheckRunnerOptions {
  /** The clock; tests fix it. */
  now?: () => Date;
  /** The working calendar, for 'calendar.notice-period'; the worker passes a cached loader. */
  calendar?: () => Promise<WorkingCalendar>;
}

export function createCheckRunner(client: RegistryClient, options: CheckRunnerOptions = {}) {
  const now = options.now ?? (() => new Date());
  return async function runCheck(input: RunCheckInput): Promise<CheckResult> {
    switch (input.check) {
      case 'population.identity':
        return checkIdentity(client, requireParams(input));
      case 'driving-licence.record':
        return checkLicence(client, requireParams(input), localIsoDate(now()));
      case 'business.registration':
        return checkEnterprise(client, requireParams(input));
      case 'social-insurance.card':
        return checkInsuranceCard(client, requireParams(input), localIsoDate(now()));
      case 'vehicle.quality-certificate':
        return checkQualityCertificate(client, requireParams(input));
      case 'calendar.notice-period':
        return checkNoticePeriod(input, options.calendar, now());
      default:
        throw ApplicationFailure.nonRetryable(`unknown check ${String(input.check)}`, 'UnknownCheck');
    }
  };
}

/**
 * The parameters the check kind takes from the form (engine/check-kinds.ts, their one list),
 * trimmed; a missing one is a definite refusal, not something a retry fixes.
 */
function requireParams<T extends Record<string, string>>(input: RunCheckInput): T {
  const names = CHECK_PARAMETERS[input.check].input;
  const missing = names.filter((name) => !input.params[name]?.trim());
  if (missing.length > 0) throw invalidInput(input, `missing ${missing.join(', ')}`);
  return Object.fromEntries(names.map((name) => [name, input.params[name].trim()])) as T;
}

function invalidInput(input: RunCheckInput, problem: string): ApplicationFailure {
  return ApplicationFailure.nonRetryable(`check ${input.check} of dossier ${input.dossierCode}: ${problem}`, 'InvalidCheckInput');
}

/** Codes as applicants type them: spaces dropped (and, for frame numbers, letters capitalised). */
const compact = (value: string) => value.replace(/\s+/g, '');

const mismatch = (summary: string, facts: Record<string, string>): CheckResult => ({ outcome: 'mismatch', summary, facts });

async function checkIdentity(
  client: RegistryClient,
  declared: { citizenId: string; fullName: string; dateOfBirth: string },
): Promise<CheckResult> {
  // The name as composed text with single spaces; a registry that compares names exactly is asked
  // again in the other tone-mark convention ("Hòa" for "Hoà"): a spelling convention is no mismatch.
  const spellings = conventionalSpellings(declared.fullName);
  let answer = await client.verifyIdentity({ ...declared, fullName: spellings[0] });
  for (const other of spellings.slice(1)) {
    if (!answer.found || answer.matches.fullName) break;
    const retried = await client.verifyIdentity({ ...declared, fullName: other });
    if (retried.found && retried.matches.fullName) answer = retried;
  }
  if (!answer.found) {
    return mismatch(`Không tìm thấy số căn cước ${declared.citizenId} trong ${POPULATION_DATABASE}`, {
      'Số căn cước': declared.citizenId,
    });
  }
  const { fullName, dateOfBirth } = answer.matches;
  const facts = {
    'Số căn cước': declared.citizenId,
    'Họ và tên': fullName ? 'Khớp' : 'Không khớp',
    'Ngày sinh': dateOfBirth ? 'Khớp' : 'Không khớp',
  };
  if (fullName && dateOfBirth) {
    return { outcome: 'match', summary: `Số căn cước, họ tên và ngày sinh khớp với ${POPULATION_DATABASE}`, facts };
  }
  const wrong = !fullName && !dateOfBirth ? 'Họ tên và ngày sinh' : !fullName ? 'Họ tên' : 'Ngày sinh';
  return mismatch(`${wrong} không khớp với ${POPULATION_DATABASE}`, facts);
}

async function checkLicence(
  client: RegistryClient,
  declared: { licenceNumber: string; licenceClass: string; citizenId: string },
  today: string,
): Promise<CheckResult> {
  const licence = await client.findLicence(declared.licenceNumber);
  const numberOnly = { 'Số giấy phép': declared.licenceNumber };
  if (!licence) return mismatch(`Không tìm thấy giấy phép lái xe số ${declared.licenceNumber}`, numberOnly);
  // Someone else's licence: its holder's data are not shown to the official handling this dossier.
  if (licence.citizenId !== declared.citizenId) {
    return mismatch('Giấy phép không thuộc người có số căn cước đã kê khai', numberOnly);
  }

  const expired = licence.expiresAt !== null && licence.expiresAt < today;
  const facts = {
    'Số giấy phép': licence.number,
    'Hạng': licence.class,
    'Ngày cấp': formatVietnameseDate(licence.issuedAt),
    'Có giá trị đến': licence.expiresAt ? formatVietnameseDate(licence.expiresAt) : 'Không thời hạn',
    'Nơi cấp': licence.issuingProvince,
    'Tình trạng': licence.status === 'valid' && expired ? 'Đã hết hạn' : LICENCE_STATUS_LABELS[licence.status],
    // The holder's name as the registry spells it: results print it when it is the applicant's
    // name in another convention ("Hòa" for "Hoà"; domain/vietnamese-names.ts).
    [REGISTRY_NAME_FACT]: tidyName(licence.holderName),
  };
  if (licence.status === 'revoked') return mismatch('Giấy phép lái xe đã bị thu hồi', facts);
  if (licence.status === 'suspended') return mismatch('Giấy phép lái xe đang bị tước quyền sử dụng', facts);
  if (licence.class.toUpperCase() !== declared.licenceClass.toUpperCase()) {
    return mismatch(
      `Hạng giấy phép không khớp: cơ sở dữ liệu ghi ${licence.class}, hồ sơ kê khai ${declared.licenceClass}`,
      facts,
    );
  }
  // Renewing an expired licence is what the procedure is for, so expiry is a fact, not a mismatch.
  const validity = expired ? `đã hết hạn ngày ${facts['Có giá trị đến']}` : 'còn hiệu lực';
  return { outcome: 'match', summary: `Giấy phép lái xe đúng người, đúng hạng ${licence.class}, ${validity}`, facts };
}

const ENTERPRISE_STATUS_LABELS: Record<EnterpriseRecord['status'], string> = {
  active: 'Đang hoạt động',
  suspended: 'Tạm ngừng kinh doanh',
  dissolved: 'Đã giải thể',
  'tax-code-closed': 'Đã chấm dứt hiệu lực mã số thuế',
};

async function checkEnterprise(client: RegistryClient, declared: { taxCode: string }): Promise<CheckResult> {
  const taxCode = compact(declared.taxCode);
  const found = await client.findEnterprise(taxCode);
  if (!found) {
    return mismatch(`Không tìm thấy mã số thuế ${taxCode} trong ${BUSINESS_DATABASE}`, { 'Mã số thuế': taxCode });
  }
  // A household business (hộ kinh doanh) has an owner and a place of business, not a seat and a legal representative.
  const household = found.kind === 'household';
  const subject = household ? 'Hộ kinh doanh' : 'Doanh nghiệp';
  const facts = {
    'Mã số thuế': found.taxCode,
    [household ? 'Tên hộ kinh doanh' : 'Tên doanh nghiệp']: found.name,
    'Tình trạng': household && found.status === 'dissolved' ? 'Đã chấm dứt hoạt động' : ENTERPRISE_STATUS_LABELS[found.status],
    [household ? 'Địa chỉ kinh doanh' : 'Địa chỉ trụ sở']: found.address,
    [household ? 'Chủ hộ kinh doanh' : 'Người đại diện theo pháp luật']: found.legalRepresentative,
    'Ngày đăng ký lần đầu': formatVietnameseDate(found.registeredAt),
  };
  switch (found.status) {
    case 'active':
      return { outcome: 'match', summary: `${found.name} (mã số thuế ${found.taxCode}) đang hoạt động`, facts };
    case 'suspended':
      return mismatch(`${subject} đang tạm ngừng kinh doanh`, facts);
    case 'dissolved':
      return mismatch(household ? 'Hộ kinh doanh đã chấm dứt hoạt động' : 'Doanh nghiệp đã giải thể', facts);
    case 'tax-code-closed':
      return mismatch(`Mã số thuế ${found.taxCode} đã chấm dứt hiệu lực`, facts);
  }
}

/** What the card pays of covered care, by the benefit level printed on it. */
const BENEFIT_SHARES: Record<number, string> = { 1: '100%', 2: '100%', 3: '95%', 4: '80%', 5: '100%' };

async function checkInsuranceCard(
  client: RegistryClient,
  declared: { insuranceCode: string; citizenId: string },
  today: string,
): Promise<CheckResult> {
  const code = compact(declared.insuranceCode);
  const codeOnly = { 'Mã số BHXH': code };
  const card: InsuranceCardRecord | undefined = await client.findInsuranceCard(code);
  if (!card) return mismatch(`Không tìm thấy mã số bảo hiểm xã hội ${code} trong ${INSURANCE_DATABASE}`, codeOnly);
  // Someone else's card: its holder's data are not shown to the official handling this dossier.
  if (card.citizenId !== declared.citizenId) {
    return mismatch('Mã số bảo hiểm xã hội không thuộc người có số căn cước đã kê khai', codeOnly);
  }

  const expired = card.status === 'expired' || (card.status === 'active' && card.validTo < today);
  const validTo = formatVietnameseDate(card.validTo);
  const facts = {
    'Mã số BHXH': card.insuranceCode,
    'Họ và tên': card.fullName,
    'Ngày sinh': formatVietnameseDate(card.dateOfBirth),
    'Giá trị sử dụng': `Từ ${formatVietnameseDate(card.validFrom)} đến ${validTo}`,
    'Nơi đăng ký KCB ban đầu': card.hospital,
    'Mức hưởng': `Mức ${card.benefitLevel} (${BENEFIT_SHARES[card.benefitLevel]})`,
    'Tình trạng': card.status === 'revoked' ? 'Đã bị thu hồi' : expired ? 'Đã hết hạn' : 'Còn hạn sử dụng',
  };
  if (card.status === 'revoked') return mismatch('Thẻ bảo hiểm y tế đã bị thu hồi', facts);
  // An expired card can still be reissued or renewed: the expiry is a fact for the official, not a mismatch.
  const validity = expired ? `đã hết hạn ngày ${validTo}, vẫn được cấp lại` : `còn hạn đến ${validTo}`;
  return { outcome: 'match', summary: `Thẻ bảo hiểm y tế đúng người, ${validity}`, facts };
}

async function checkQualityCertificate(client: RegistryClient, declared: { frameNumber: string }): Promise<CheckResult> {
  const frameNumber = compact(declared.frameNumber).toUpperCase();
  const found: QualityCertificateRecord | undefined = await client.findQualityCertificate(frameNumber);
  if (!found) return mismatch(`Không tìm thấy số khung ${frameNumber} trong ${VEHICLE_DATA}`, { 'Số khung': frameNumber });
  const facts = {
    'Số khung': found.frameNumber,
    'Số máy': found.engineNumber,
    'Nhãn hiệu': found.brand,
    'Số loại': found.model,
    'Loại phương tiện': found.vehicleType === 'car' ? 'Ô tô' : 'Xe mô tô',
    'Số chỗ ngồi': String(found.seats),
    'Năm sản xuất': String(found.manufactureYear),
    'Nguồn gốc': found.origin === 'domestic' ? 'Sản xuất, lắp ráp trong nước' : 'Nhập khẩu',
    'Số giấy chứng nhận chất lượng': found.certificateNumber,
    'Tình trạng': found.status === 'valid' ? 'Còn hiệu lực' : 'Đã bị thu hồi',
  };
  if (found.status === 'revoked') return mismatch('Giấy chứng nhận chất lượng của xe đã bị thu hồi', facts);
  return {
    outcome: 'match',
    summary: `Xe ${found.brand} ${found.model} số khung ${found.frameNumber} có giấy chứng nhận chất lượng số ${found.certificateNumber} còn hiệu lực`,
    facts,
  };
}

/** YYYY-MM-DD (as the form stores dates) or dd/mm/yyyy; undefined when not a calendar date. */
function calendarDay(value: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const vn = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]].map(Number) : vn ? [vn[3], vn[2], vn[1]].map(Number) : [];
  if (y === undefined) return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return date.toISOString().slice(0, 10);
}

/**
 * The date on the form must be at least `workingDays` (fixed parameter) working days after
 * today, Vietnam time: e.g. a promotion is notified at least 3 working days before it starts.
 * Today itself does not count, the date does. An optional fixed `dateLabel` names the date in
 * the sentence (default "Ngày bắt đầu").
 */
async function checkNoticePeriod(
  input: RunCheckInput,
  calendar: (() => Promise<WorkingCalendar>) | undefined,
  at: Date,
): Promise<CheckResult> {
  const { date } = requireParams(input);
  const day = calendarDay(date);
  if (!day) throw invalidInput(input, 'date is not a calendar date (YYYY-MM-DD)');
  const fixed = input.fixed?.workingDays;
  const minimum = typeof fixed === 'number' ? fixed : typeof fixed === 'string' && /^\s*\d+\s*$/.test(fixed) ? Number(fixed) : NaN;
  if (!Number.isInteger(minimum) || minimum < 0) throw invalidInput(input, 'the fixed parameter workingDays must be a whole number of days');
  if (!calendar) {
    throw ApplicationFailure.nonRetryable(`check ${input.check}: no working calendar was given to the check runner`, 'CheckNotConfigured');
  }

  const today = localIsoDate(at);
  const days = workingDaysBetween(today, day, await calendar());
  const label = typeof input.fixed?.dateLabel === 'string' && input.fixed.dateLabel.trim() ? input.fixed.dateLabel.trim() : 'Ngày bắt đầu';
  const named = `${label} ${formatVietnameseDate(day)}`;
  const facts = {
    [label]: formatVietnameseDate(day),
    'Ngày nộp': formatVietnameseDate(today),
    'Cách ngày nộp': day > today ? `${days} ngày làm việc` : day === today ? 'Trùng ngày nộp' : 'Đã qua',
    'Thời hạn thông báo tối thiểu': `${minimum} ngày làm việc`,
  };
  if (day >= today && days >= minimum) {
    return { outcome: 'match', summary: `${named} cách ngày nộp ${days} ngày làm việc (tối thiểu ${minimum})`, facts };
  }
  const rule = `phải thông báo trước ít nhất ${minimum} ngày làm việc`;
  if (day < today) return mismatch(`${named} đã qua; ${rule}`, facts);
  if (day === today) return mismatch(`${named} trùng ngày nộp; ${rule}`, facts);
  return mismatch(`${named} chỉ cách ngày nộp ${days} ngày làm việc; ${rule}`, facts);
}
