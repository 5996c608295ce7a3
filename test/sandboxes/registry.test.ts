import type { RunningSandbox } from '../../sandboxes/http';
import { DEMO_ENTERPRISES, DEMO_INSURANCE_CARDS, DEMO_RECORDS, DEMO_VEHICLES } from '../../sandboxes/registry/data';
import { REGISTRY_KEY, json, startRegistry } from './helpers';

const { carHolderHanoi, motorbikeHolderHoChiMinh } = DEMO_RECORDS;

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startRegistry({ slowMs: 300 });
});
afterAll(() => sandbox.close());
afterEach(async () => {
  await json(`${sandbox.url}/__sandbox/config`, { method: 'PUT', json: { latencyMs: [0, 0], failureRate: 0 } });
  await json(`${sandbox.url}/__sandbox/calls`, { method: 'DELETE' });
});

const verify = (body: unknown, key = REGISTRY_KEY) =>
  json(`${sandbox.url}/population/v1/identity-verifications`, { method: 'POST', headers: { 'X-Api-Key': key }, json: body });

const getLicence = (number: string) =>
  json(`${sandbox.url}/driving-licences/v1/licences/${number}`, { headers: { 'X-Api-Key': REGISTRY_KEY } });

const declared = (overrides: Partial<{ citizenId: string; fullName: string; dateOfBirth: string }> = {}) => ({
  citizenId: carHolderHanoi.citizen.citizenId,
  fullName: carHolderHanoi.citizen.fullName,
  dateOfBirth: carHolderHanoi.citizen.dateOfBirth,
  ...overrides,
});

describe('API key', () => {
  test('refuses a call without the key or with a wrong one', async () => {
    expect(await json(`${sandbox.url}/driving-licences/v1/licences/${carHolderHanoi.licence.number}`)).toMatchObject({
      status: 401,
      body: { error: 'unauthorized' },
    });
    expect((await verify(declared(), 'wrong-key')).status).toBe(401);
  });
});

describe('identity verification', () => {
  test('confirms a citizen whose declared name and date of birth match', async () => {
    expect(await verify(declared())).toEqual({
      status: 200,
      headers: expect.anything(),
      body: { found: true, matches: { fullName: true, dateOfBirth: true } },
    });
  });

  test('a name written without diacritics does not match', async () => {
    const { body } = await verify(declared({ fullName: 'Nguyen Van An' }));
    expect(body.matches).toEqual({ fullName: false, dateOfBirth: true });
  });

  test('ignores case, spacing and Unicode normalisation form', async () => {
    const { body } = await verify(declared({ fullName: `  ${'NGUYỄN   văn AN'.normalize('NFD')} ` }));
    expect(body.matches.fullName).toBe(true);
  });

  test('accepts the tone mark in the new position (Hoà for Hòa) but not a different tone', async () => {
    const hoa = { citizenId: '001183011836', dateOfBirth: '1983-09-02' };
    expect((await verify({ ...hoa, fullName: 'Nguyễn Thị Hoà' })).body.matches.fullName).toBe(true);
    expect((await verify({ ...hoa, fullName: 'Nguyễn Thị Hóa' })).body.matches.fullName).toBe(false);
  });

  test('a namesake with another citizen id does not match the date of birth', async () => {
    const { body } = await verify(declared({ citizenId: '040093008803' }));
    expect(body.matches).toEqual({ fullName: true, dateOfBirth: false });
  });

  test('answers 404 for an unknown citizen id', async () => {
    expect(await verify(declared({ citizenId: '001085999999' }))).toMatchObject({ status: 404, body: { error: 'not_found' } });
  });

  test('answers 400 with the faulty fields for a malformed request', async () => {
    const missing = await verify({ citizenId: '12345', fullName: '' });
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.fields).sort()).toEqual(['citizenId', 'dateOfBirth', 'fullName']);
    expect((await verify(declared({ dateOfBirth: '1985-02-30' }))).body.fields).toHaveProperty('dateOfBirth');
    const notJson = await json(`${sandbox.url}/population/v1/identity-verifications`, {
      method: 'POST',
      headers: { 'X-Api-Key': REGISTRY_KEY, 'Content-Type': 'application/json' },
      body: '{"citizenId":',
    });
    expect(notJson).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
  });
});

describe('driving licences', () => {
  test('returns the licence record', async () => {
    expect((await getLicence(motorbikeHolderHoChiMinh.licence.number)).body).toEqual({
      number: '791209004417',
      citizenId: '079192013877',
      holderName: 'Trần Thị Bích Ngọc',
      class: 'A1',
      issuedAt: '2012-09-04',
      expiresAt: null,
      issuingProvince: 'Hồ Chí Minh',
      status: 'valid',
    });
  });

  test('answers 404 for an unknown number and 400 for a malformed one', async () => {
    expect(await getLicence('010000000000')).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect((await getLicence('01-abc')).status).toBe(400);
  });
});

const get = (path: string, key = REGISTRY_KEY) => json(`${sandbox.url}${path}`, { headers: { 'X-Api-Key': key } });

describe('business registration', () => {
  test('returns the enterprise record', async () => {
    expect((await get(`/business/v1/enterprises/${DEMO_ENTERPRISES.activeTrader.taxCode}`)).body).toEqual({
      taxCode: '0105128769',
      name: 'Công ty TNHH Thương mại Hoàng Long',
      status: 'active',
      address: 'Số 18 phố Hàng Bài, Phường Hoàn Kiếm, Thành phố Hà Nội',
      legalRepresentative: 'Nguyễn Văn An',
      registeredAt: '2011-11-08',
      kind: 'enterprise',
    });
    expect((await get(`/business/v1/enterprises/${DEMO_ENTERPRISES.suspended.taxCode}`)).body.status).toBe('suspended');
  });

  test('answers 404 not_found for an unknown tax code, 400 for a malformed one', async () => {
    expect(await get('/business/v1/enterprises/0101234567')).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await get('/business/v1/enterprises/0101234567-001')).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await get('/business/v1/enterprises/001085004521')).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await get('/business/v1/enterprises/010123456')).toMatchObject({
      status: 400,
      body: { error: 'invalid_request', fields: { taxCode: expect.any(String) } },
    });
  });

  test('requires the API key', async () => {
    expect((await get(`/business/v1/enterprises/${DEMO_ENTERPRISES.activeTrader.taxCode}`, 'wrong')).status).toBe(401);
  });
});

describe('social-insurance cards', () => {
  test('returns the card record', async () => {
    expect((await get(`/social-insurance/v1/cards/${DEMO_INSURANCE_CARDS.validCard.card.insuranceCode}`)).body).toEqual({
      insuranceCode: '0108521473',
      citizenId: '001085004521',
      fullName: 'Nguyễn Văn An',
      dateOfBirth: '1985-03-12',
      validFrom: '2026-01-01',
      validTo: '2027-12-31',
      hospital: 'Bệnh viện Đa khoa Xanh Pôn',
      benefitLevel: 4,
      status: 'active',
    });
  });

  test('answers 404 not_found for an unknown code, 400 for a malformed one', async () => {
    expect(await get('/social-insurance/v1/cards/0199999999')).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(await get('/social-insurance/v1/cards/GD4010108521473')).toMatchObject({
      status: 400,
      body: { fields: { insuranceCode: '10 digits' } },
    });
  });
});

describe('vehicle quality certificates', () => {
  test('returns the certificate record', async () => {
    expect((await get(`/vehicles/v1/quality-certificates/${DEMO_VEHICLES.newMotorbike.frameNumber}`)).body).toEqual({
      frameNumber: 'RLHJK0312SY284519',
      engineNumber: 'JK03E2845196',
      certificateNumber: 'PXX-2025-284519',
      brand: 'Honda',
      model: 'Vision 110',
      vehicleType: 'motorbike',
      seats: 2,
      manufactureYear: 2025,
      origin: 'domestic',
      status: 'valid',
    });
  });

  test('answers 404 not_found for an unknown frame number, 400 for a malformed one', async () => {
    expect(await get('/vehicles/v1/quality-certificates/RLHJK0312SY000000')).toMatchObject({ status: 404, body: { error: 'not_found' } });
    // Lower case, too short, and the letter O (never used in a VIN) are refused.
    for (const frame of ['rlhjk0312sy284519', 'RLHJK0312SY28451', 'RLHJK0312SYO84519']) {
      expect(await get(`/vehicles/v1/quality-certificates/${frame}`)).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    }
  });
});

describe('unknown endpoints', () => {
  test('answer 404 unknown_endpoint, distinct from a missing record', async () => {
    for (const path of [
      `/business/v2/enterprises/${DEMO_ENTERPRISES.activeTrader.taxCode}`,
      '/social-insurance/v1/cards',
      `/vehicles/v1/quality-certificate/${DEMO_VEHICLES.newCar.frameNumber}`,
    ]) {
      expect(await get(path)).toMatchObject({ status: 404, body: { error: 'unknown_endpoint' } });
    }
  });
});

describe('faults', () => {
  test('fails the next calls as ordered, then answers normally, and logs every call', async () => {
    await json(`${sandbox.url}/__sandbox/fail-next`, { method: 'POST', json: { count: 2, kind: 'unavailable' } });
    await json(`${sandbox.url}/__sandbox/fail-next`, { method: 'POST', json: { count: 1, kind: 'error' } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await verify(declared())).status);
    expect(statuses).toEqual([503, 503, 500, 200]);

    const calls = (await json(`${sandbox.url}/__sandbox/calls`)).body;
    expect(calls.map((c: { status: number; fault?: string }) => [c.status, c.fault])).toEqual([
      [503, 'unavailable'],
      [503, 'unavailable'],
      [500, 'error'],
      [200, undefined],
    ]);
    expect(calls[0]).toMatchObject({ method: 'POST', path: '/population/v1/identity-verifications' });
  });

  test('a slow failure holds a normal answer for slowMs', async () => {
    await json(`${sandbox.url}/__sandbox/fail-next`, { method: 'POST', json: { count: 1, kind: 'slow' } });
    const started = Date.now();
    expect((await verify(declared())).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });

  test('fails the configured share of calls and waits within the latency range', async () => {
    const draws = [0.2, 0.1, 0.5];
    let next = 0;
    const seeded = await startRegistry({ latencyMs: [100, 300], failureRate: 0.3, random: () => draws[next++ % draws.length] });
    try {
      // Draws: 0.2 < 0.3 fails, 0.1 picks "unavailable", 0.5 sets latency to 200 ms.
      const started = Date.now();
      const failed = await json(`${seeded.url}/driving-licences/v1/licences/${carHolderHanoi.licence.number}`, {
        headers: { 'X-Api-Key': REGISTRY_KEY },
      });
      const elapsed = Date.now() - started;
      expect(failed).toMatchObject({ status: 503, body: { error: 'unavailable' } });
      expect(elapsed).toBeGreaterThanOrEqual(190);
      expect(elapsed).toBeLessThan(1000);

      await json(`${seeded.url}/__sandbox/config`, { method: 'PUT', json: { failureRate: 0.15, latencyMs: [0, 0] } });
      const passed = await json(`${seeded.url}/driving-licences/v1/licences/${carHolderHanoi.licence.number}`, {
        headers: { 'X-Api-Key': REGISTRY_KEY },
      });
      expect(passed.status).toBe(200); // 0.2 >= 0.15
    } finally {
      await seeded.close();
    }
  });

  test('refuses an invalid configuration', async () => {
    const put = (body: unknown) => json(`${sandbox.url}/__sandbox/config`, { method: 'PUT', json: body });
    expect((await put({ latencyMs: [300, 100] })).status).toBe(400);
    expect((await put({ failureRate: 2 })).status).toBe(400);
    expect((await put({ latency: 5 })).status).toBe(400);
    expect((await put({ failureRate: 0.5 })).body).toEqual({ latencyMs: [0, 0], failureRate: 0.5, slowMs: 300 });
  });

  test('clears the call log', async () => {
    await getLicence(carHolderHanoi.licence.number);
    expect((await json(`${sandbox.url}/__sandbox/calls`)).body).toHaveLength(1);
    await json(`${sandbox.url}/__sandbox/calls`, { method: 'DELETE' });
    expect((await json(`${sandbox.url}/__sandbox/calls`)).body).toEqual([]);
  });
});
