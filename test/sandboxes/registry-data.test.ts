import { drivingLicenceRenewalV1 } from '../../procedures/driving-licence-renewal/v1';
import {
  CITIZENS,
  DEMO_ENTERPRISES,
  DEMO_INSURANCE_CARDS,
  DEMO_RECORDS,
  DEMO_VEHICLES,
  ENTERPRISES,
  INSURANCE_CARDS,
  LICENCES,
  QUALITY_CERTIFICATES,
} from '../../sandboxes/registry/data';

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

const TAX_CODE_WEIGHTS = [31, 29, 23, 19, 17, 13, 7, 5, 3];
const taxCodeCheckDigit = (code: string) => 10 - (TAX_CODE_WEIGHTS.reduce((sum, w, i) => sum + w * Number(code[i]), 0) % 11);

describe('enterprises', () => {
  test('tax codes are unique, carry their check digit and the province of the seat', () => {
    expect(ENTERPRISES.length).toBeGreaterThanOrEqual(15);
    expect(new Set(ENTERPRISES.map((e) => e.taxCode)).size).toBe(ENTERPRISES.length);
    const prefixes: Record<string, string> = { 'Thành phố Hà Nội': '01', 'Thành phố Hồ Chí Minh': '03', 'Thành phố Đà Nẵng': '04' };
    for (const e of ENTERPRISES) {
      expect(e.taxCode).toMatch(/^\d{10}$/);
      expect(Number(e.taxCode[9])).toBe(taxCodeCheckDigit(e.taxCode));
      const province = Object.keys(prefixes).find((p) => e.address.endsWith(`, ${p}`));
      expect(province).toBeDefined();
      // Household businesses carry an individual's tax code (8…).
      expect(e.taxCode.slice(0, 2)).toBe(e.kind === 'household' ? '80' : prefixes[province!]);
      expect(e.address).toMatch(/, (Phường|Xã) [^,]+, Thành phố/);
      expect(e.name).toMatch(e.kind === 'household' ? /^Hộ kinh doanh / : /^Công ty (TNHH|Cổ phần) /);
      expect(e.name).toBe(e.name.normalize('NFC'));
    }
  });

  test('legal representatives are adult citizens when the enterprise was registered', () => {
    for (const e of ENTERPRISES) {
      const representative = CITIZENS.find((c) => c.fullName === e.legalRepresentative);
      expect(representative).toBeDefined();
      expect(yearsBetween(representative!.dateOfBirth, e.registeredAt)).toBeGreaterThanOrEqual(18);
    }
  });

  test('seeds every status and the demo roles', () => {
    expect([...new Set(ENTERPRISES.map((e) => e.status))].sort()).toEqual(['active', 'dissolved', 'suspended', 'tax-code-closed']);
    expect(DEMO_ENTERPRISES.activeTrader).toMatchObject({ status: 'active', kind: 'enterprise' });
    expect(DEMO_ENTERPRISES.activeExporter).toMatchObject({ status: 'active', kind: 'enterprise' });
    expect(DEMO_ENTERPRISES.activeRetailer).toMatchObject({ status: 'active', kind: 'enterprise' });
    expect(DEMO_ENTERPRISES.household).toMatchObject({ status: 'active', kind: 'household' });
    expect(DEMO_ENTERPRISES.suspended.status).toBe('suspended');
    expect(DEMO_ENTERPRISES.dissolved.status).toBe('dissolved');
    expect(DEMO_ENTERPRISES.taxCodeClosed.status).toBe('tax-code-closed');
  });
});

describe('health-insurance cards', () => {
  test('codes are unique and cards agree with their holders', () => {
    expect(INSURANCE_CARDS.length).toBeGreaterThanOrEqual(15);
    expect(new Set(INSURANCE_CARDS.map((c) => c.insuranceCode)).size).toBe(INSURANCE_CARDS.length);
    for (const c of INSURANCE_CARDS) {
      expect(c.insuranceCode).toMatch(/^\d{10}$/);
      expect(PROVINCE_CODES_2024).toContain(c.insuranceCode.slice(0, 2));
      const holder = citizensById.get(c.citizenId);
      expect(holder).toMatchObject({ fullName: c.fullName, dateOfBirth: c.dateOfBirth });
      expect(c.validFrom < c.validTo).toBe(true);
      expect(c.benefitLevel).toBeGreaterThanOrEqual(1);
      expect(c.benefitLevel).toBeLessThanOrEqual(5);
    }
    // An active card ends after today's demo date (24/11/2026); an expired one before it.
    for (const c of INSURANCE_CARDS.filter((x) => x.status === 'active')) expect(c.validTo > '2026-11-24').toBe(true);
    for (const c of INSURANCE_CARDS.filter((x) => x.status === 'expired')) expect(c.validTo < '2026-11-24').toBe(true);
  });

  test('seeds the awkward cases: expired, revoked, someone else’s card, no card', () => {
    const { validCard, expiredCard, revokedCard, cardOfAnotherPerson, withoutCard } = DEMO_INSURANCE_CARDS;
    expect([...new Set(INSURANCE_CARDS.map((c) => c.status))].sort()).toEqual(['active', 'expired', 'revoked']);
    expect(validCard.card).toMatchObject({ citizenId: validCard.citizen.citizenId, status: 'active' });
    expect(expiredCard.card).toMatchObject({ citizenId: expiredCard.citizen.citizenId, status: 'expired' });
    expect(revokedCard.card).toMatchObject({ citizenId: revokedCard.citizen.citizenId, status: 'revoked' });
    expect(cardOfAnotherPerson.card.citizenId).not.toBe(cardOfAnotherPerson.citizen.citizenId);
    expect(INSURANCE_CARDS.some((c) => c.citizenId === withoutCard.citizen.citizenId)).toBe(false);
    expect(validCard.citizen).toBe(DEMO_RECORDS.carHolderHanoi.citizen);
  });
});

describe('vehicle quality certificates', () => {
  const YEAR_CODES: Record<string, number> = { R: 2024, S: 2025, T: 2026 };

  test('frame numbers are VINs consistent with the record', () => {
    expect(QUALITY_CERTIFICATES.length).toBeGreaterThanOrEqual(12);
    expect(new Set(QUALITY_CERTIFICATES.map((v) => v.frameNumber)).size).toBe(QUALITY_CERTIFICATES.length);
    expect(new Set(QUALITY_CERTIFICATES.map((v) => v.certificateNumber)).size).toBe(QUALITY_CERTIFICATES.length);
    for (const v of QUALITY_CERTIFICATES) {
      expect(v.frameNumber).toMatch(/^[A-HJ-NPR-Z0-9]{17}$/);
      expect(YEAR_CODES[v.frameNumber[9]]).toBe(v.manufactureYear);
      // Built in Vietnam: R…; imported (here from Indonesia): M….
      expect(v.frameNumber[0]).toBe(v.origin === 'domestic' ? 'R' : 'M');
      expect(v.certificateNumber).toMatch(new RegExp(`^${v.origin === 'domestic' ? 'PXX' : 'NK'}-${v.manufactureYear}-\\d{6}$`));
      if (v.vehicleType === 'motorbike') expect(v.seats).toBe(2);
      else expect(v.seats).toBeGreaterThanOrEqual(4);
    }
  });

  test('seeds both kinds, both origins, a revoked certificate and the demo roles', () => {
    expect(new Set(QUALITY_CERTIFICATES.map((v) => `${v.vehicleType}/${v.origin}`)).size).toBe(4);
    expect(QUALITY_CERTIFICATES.filter((v) => v.status === 'revoked')).toHaveLength(1);
    expect(DEMO_VEHICLES.newCar).toMatchObject({ vehicleType: 'car', origin: 'domestic', status: 'valid' });
    expect(DEMO_VEHICLES.newMotorbike).toMatchObject({ vehicleType: 'motorbike', origin: 'domestic', status: 'valid' });
    expect(DEMO_VEHICLES.importedCar).toMatchObject({ vehicleType: 'car', origin: 'imported', status: 'valid' });
    expect(DEMO_VEHICLES.revokedCertificate.status).toBe('revoked');
  });
});
