import type { RunningSandbox } from '../../sandboxes/http';
import { DEMO_RECORDS } from '../../sandboxes/registry/data';
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
