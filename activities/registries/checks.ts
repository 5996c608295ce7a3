/**
 * The registry checks a procedure's check step can name. Each turns the registry's answer into
 * what an official reads: match or mismatch, one Vietnamese sentence and the facts found.
 * Transient failures are thrown (Temporal retries the activity); only answers become results.
 */
import { ApplicationFailure } from '@temporalio/common';
import { formatVietnameseDate, localIsoDate } from '../../domain/vietnam-time';
import type { CheckResult } from '../../workflows/messages';
import type { RunCheckInput } from '../contract';
import type { LicenceRecord, RegistryClient } from './registry-client';

const POPULATION_DATABASE = 'Cơ sở dữ liệu quốc gia về dân cư';

const LICENCE_STATUS_LABELS: Record<LicenceRecord['status'], string> = {
  valid: 'Còn hiệu lực',
  revoked: 'Đã bị thu hồi',
  suspended: 'Đang bị tước quyền sử dụng',
};

export function createCheckRunner(client: RegistryClient, now: () => Date = () => new Date()) {
  return async function runCheck(input: RunCheckInput): Promise<CheckResult> {
    switch (input.check) {
      case 'population.identity':
        return checkIdentity(client, requireParams(input, ['citizenId', 'fullName', 'dateOfBirth']));
      case 'driving-licence.record':
        return checkLicence(client, requireParams(input, ['licenceNumber', 'licenceClass', 'citizenId']), localIsoDate(now()));
      default:
        throw ApplicationFailure.nonRetryable(`unknown check ${String(input.check)}`, 'UnknownCheck');
    }
  };
}

function requireParams<K extends string>(input: RunCheckInput, names: readonly K[]): Record<K, string> {
  const missing = names.filter((name) => !input.params[name]?.trim());
  if (missing.length > 0) {
    throw ApplicationFailure.nonRetryable(
      `check ${input.check} of dossier ${input.dossierCode}: missing ${missing.join(', ')}`,
      'InvalidCheckInput',
    );
  }
  return Object.fromEntries(names.map((name) => [name, input.params[name].trim()])) as Record<K, string>;
}

const mismatch = (summary: string, facts: Record<string, string>): CheckResult => ({ outcome: 'mismatch', summary, facts });

async function checkIdentity(
  client: RegistryClient,
  declared: { citizenId: string; fullName: string; dateOfBirth: string },
): Promise<CheckResult> {
  const answer = await client.verifyIdentity(declared);
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
