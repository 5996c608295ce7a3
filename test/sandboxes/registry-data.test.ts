import { drivingLicenceRenewalV1 } from '../../procedures/driving-licence-renewal/v1';
import { CITIZENS, DEMO_RECORDS, LICENCES } from '../../sandboxes/registry/data';

/** The 63 province codes in force before July 2025, which citizen ids and old licences carry. */
const PROVINCE_CODES_2024 = (
  '01 02 04 06 08 10 11 12 14 15 17 19 20 22 24 25 26 27 30 31 33 34 35 36 37 38 40 42 44 45 46 48 49 51 52 54 56 ' +
  '58 60 62 64 66 67 68 70 72 74 75 77 79 80 82 83 84 86 87 89 91 92 93 94 95 96'
).split(' ');

const licenceClassField = drivingLicenceRenewalV1.form.fields.find((f) => f.name === 'licenceClass');
const LICENCE_CLASSES = (licenceClassField && 'options' in licenceClassField ? licenceClassField.options ?? [] : []).map(
  (o) => o.value,
);

const citizensById = new Map(CITIZENS.map((c) => [c.citizenId, c]));

function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

test('citizen ids encode birth province, gender, century and birth year', () => {
  expect(CITIZENS.length).toBeGreaterThanOrEqual(35);
  for (const c of CITIZENS) {
    const year = Number(c.dateOfBirth.slice(0, 4));
    const genderDigit = (year >= 2000 ? 2 : 0) + (c.gender === 'female' ? 1 : 0);
    expect(c.citizenId).toMatch(/^0\d{11}$/);
    expect(PROVINCE_CODES_2024).toContain(c.citizenId.slice(1, 3));
    expect(c.citizenId.slice(3, 6)).toBe(`${genderDigit}${c.dateOfBirth.slice(2, 4)}`);
  }
  expect(citizensById.size).toBe(CITIZENS.length);
});

test('names are NFC and written with Vietnamese diacritics', () => {
  for (const c of CITIZENS) expect(c.fullName).toBe(c.fullName.normalize('NFC'));
  const withDiacritics = CITIZENS.filter((c) => c.fullName !== c.fullName.normalize('NFD').replace(/\p{M}/gu, ''));
  expect(withDiacritics.length).toBeGreaterThan(CITIZENS.length * 0.8);
});

test('licences are consistent with their holders, classes and terms', () => {
  expect(LICENCES.length).toBeGreaterThanOrEqual(30);
  expect(new Set(LICENCES.map((l) => l.number)).size).toBe(LICENCES.length);
  for (const l of LICENCES) {
    const holder = citizensById.get(l.citizenId);
    expect(l.number).toMatch(/^\d{12}$/);
    expect(PROVINCE_CODES_2024).toContain(l.number.slice(0, 2));
    expect(LICENCE_CLASSES).toContain(l.class);
    expect(holder?.fullName).toBe(l.holderName);
    expect(yearsBetween(holder!.dateOfBirth, l.issuedAt)).toBeGreaterThanOrEqual(18);
    const term = ['A1', 'A', 'A2', 'A3', 'B1'].includes(l.class) ? null : ['B', 'B2', 'C1'].includes(l.class) ? 10 : 5;
    expect(l.expiresAt === null ? null : yearsBetween(l.issuedAt, l.expiresAt)).toBe(term);
  }
});

test('seeds the awkward cases: revoked, suspended, no licence, someone else’s licence', () => {
  const statuses = new Set(LICENCES.map((l) => l.status));
  expect([...statuses].sort()).toEqual(['revoked', 'suspended', 'valid']);
  expect(LICENCES.some((l) => l.citizenId === DEMO_RECORDS.withoutLicence.citizen.citizenId)).toBe(false);
  const { citizen, licence } = DEMO_RECORDS.licenceOfAnotherPerson;
  expect(licence.citizenId).not.toBe(citizen.citizenId);
  expect(DEMO_RECORDS.revokedLicence.licence.status).toBe('revoked');
  expect(DEMO_RECORDS.suspendedLicence.licence.status).toBe('suspended');
  for (const demo of [DEMO_RECORDS.carHolderHanoi, DEMO_RECORDS.motorbikeHolderHoChiMinh]) {
    expect(demo.licence).toMatchObject({ citizenId: demo.citizen.citizenId, status: 'valid' });
  }
  expect(DEMO_RECORDS.carHolderHanoi.licence.number.slice(0, 2)).toBe('01');
  expect(DEMO_RECORDS.motorbikeHolderHoChiMinh.licence.number.slice(0, 2)).toBe('79');
});
