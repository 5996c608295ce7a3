/**
 * Accountable access (issue 8): API clients authenticate with their own credentials (hashed,
 * rotatable, revocable), submit only within their scope, see only their own submissions, are
 * rate limited by client id, and are managed by operators with `npm run api-client`. The API's
 * OpenAPI document is generated from the schemas the routes validate with.
 */
import Ajv2020 from 'ajv/dist/2020';
import { createApiClient, type IssuedCredentials, revokeApiClient, revokeOldSecrets, rotateApiClientSecret } from '../../db/api-clients';
import { DEMO_API_AUTHORIZATION } from '../../db/seeds/demo';
import { Dossier } from '../../db/entities';
import { createApp } from '../../web/app';
import { runProcess, tsx } from '../support/process';
import { renewalForm } from '../support/scenario';
import { startStack, type Stack } from '../support/stack';
import { appRoutes } from './route-table';

let stack: Stack;
beforeAll(async () => {
  // No worker: submissions only start workflows. Each client has 12 requests a minute per door.
  stack = await startStack({ worker: false, env: { RATE_LIMIT_API: '12/1m' } });
});
afterAll(() => stack?.stop());

type Answer = { status: number; body: any; headers: Headers }; // eslint-disable-line @typescript-eslint/no-explicit-any

async function call(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<Answer> {
  const response = await fetch(stack.baseUrl + path, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...init.headers },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: response.status, body: await response.json(), headers: response.headers };
}

const auth = (c: IssuedCredentials | string) => ({ authorization: typeof c === 'string' ? c : c.authorization });
const submit = (who: IssuedCredentials | string | undefined, form = renewalForm(), key?: string, procedureCode = 'GPLX-DOI') =>
  call('/api/v1/dossiers', { method: 'POST', body: { procedureCode, form }, headers: { ...(who ? auth(who) : {}), ...(key ? { 'Idempotency-Key': key } : {}) } });
const read = (code: string, who?: IssuedCredentials, secret?: string) =>
  call(`/api/v1/dossiers/${encodeURIComponent(code)}${secret ? `?secret=${secret}` : ''}`, { headers: who ? auth(who) : {} });

const everything = (name: string) => createApiClient(stack.db.orm, { name, agencies: ['*'], procedures: ['*'] });

const UNAUTHORIZED = { error: 'unauthorized', message: expect.stringContaining('Thiếu thông tin xác thực') };

describe('credentials', () => {
  test('a client submits and reads its own dossier without the lookup secret; the applicant still reads it with the secret', async () => {
    const portal = await everything('Cổng DVC quốc gia');
    const created = await submit(portal);
    expect(created.status).toBe(201);
    const row = await stack.dossier(created.body.code);
    expect(row.submittedBy?.id).toBeDefined();

    const own = await read(created.body.code, portal);
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ code: created.body.code, status: 1, agency: { code: 'CSGT-01' } });
    expect((await read(created.body.code, undefined, created.body.lookupSecret)).body).toEqual(own.body);
    expect((await read(created.body.code)).status).toBe(404);
  });

  test("another client cannot read it (404), nor reach it through the same idempotency key", async () => {
    const first = await everything('Cổng DVC tỉnh A');
    const second = await everything('Cổng DVC tỉnh B');
    const mine = await submit(first, renewalForm(), 'shared-key-000001');
    expect(mine.status).toBe(201);

    const theirs = await read(mine.body.code, second);
    expect(theirs).toMatchObject({ status: 404, body: { error: 'not_found' } });
    // The same key from another client is another submission: a new dossier, never the first one (nor its secret).
    const sameKey = await submit(second, renewalForm(), 'shared-key-000001');
    expect(sameKey.status).toBe(201);
    expect(sameKey.body.code).not.toBe(mine.body.code);
    expect(sameKey.body.lookupSecret).not.toBe(mine.body.lookupSecret);
    // … and the first client's retry still finds its own.
    const retry = await submit(first, renewalForm(), 'shared-key-000001');
    expect({ status: retry.status, code: retry.body.code }).toEqual({ status: 200, code: mine.body.code });
    expect((await stack.dossier(mine.body.code)).idempotencyKey).toBe(`api:${first.clientId}:shared-key-000001`);
  });

  test('no, malformed, unknown and wrong credentials get the same 401 with a challenge', async () => {
    const client = await everything('Cổng thử');
    const wrongSecret = `${client.clientId}.${'A'.repeat(43)}`;
    const unknownClient = `cl_0123456789abcdef.${client.secret}`;
    const answers = [
      await submit(undefined),
      await submit('Bearer nothing-here'),
      await submit('Token abc'),
      await submit(`Bearer ${unknownClient}`),
      await submit(`Bearer ${wrongSecret}`),
      await submit(`Basic ${Buffer.from(`${client.clientId}:wrong`).toString('base64')}`),
    ];
    for (const answer of answers) {
      expect({ status: answer.status, body: answer.body }).toEqual({ status: 401, body: UNAUTHORIZED });
      expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer realm="motcua-api", Basic realm="motcua-api"/);
    }
    // HTTP Basic with the right secret works as the bearer token does.
    expect((await submit(`Basic ${Buffer.from(`${client.clientId}:${client.secret}`).toString('base64')}`)).status).toBe(201);
    // Credentials sent on a public read must be right too.
    expect((await call('/api/v1/procedures', { headers: { authorization: `Bearer ${wrongSecret}` } })).status).toBe(401);
    expect((await call('/api/v1/procedures')).status).toBe(200);
  });

  test('an unknown client and a wrong secret take about the same time', async () => {
    const client = await everything('Cổng đo thời gian');
    const service = stack.services.apiClients;
    const median = async (clientId: string, secret: string) => {
      const times: number[] = [];
      for (let i = 0; i < 25; i++) {
        const started = process.hrtime.bigint();
        expect(await service.authenticate({ clientId, secret })).toBeNull();
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      return times.sort((a, b) => a - b)[12];
    };
    const wrong = await median(client.clientId, 'B'.repeat(43));
    const unknown = await median('cl_fedcba9876543210', 'B'.repeat(43));
    // Both are one query and two hash comparisons; the difference is noise, not a signal.
    expect(Math.abs(wrong - unknown)).toBeLessThan(Math.max(5, 0.5 * Math.max(wrong, unknown)));
  });

  test('a rotated secret: both work until the old one is retired, then only the new one', async () => {
    const client = await everything('Cổng xoay khóa');
    const rotated = await rotateApiClientSecret(stack.db.orm, client.clientId);
    expect((await submit(client)).status).toBe(201);
    expect((await submit(rotated)).status).toBe(201);
    expect(await revokeOldSecrets(stack.db.orm, client.clientId)).toBe(1);
    expect((await submit(client)).status).toBe(401);
    expect((await submit(rotated)).status).toBe(201);

    // Retired after a while: the old one counts until then, not after.
    const again = await rotateApiClientSecret(stack.db.orm, client.clientId, { retireOldAfterMs: 1500 });
    expect((await submit(rotated)).status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 1700));
    expect((await submit(rotated)).status).toBe(401);
    expect((await submit(again)).status).toBe(201);
  });

  test('a revoked client is refused (401), its dossiers are not shown to it', async () => {
    const client = await everything('Cổng bị thu hồi');
    const created = await submit(client);
    await revokeApiClient(stack.db.orm, client.clientId);
    expect((await submit(client)).status).toBe(401);
    expect((await read(created.body.code, client)).status).toBe(401);
  });
});

describe('scope', () => {
  test('a procedure or an agency outside the scope is refused (403) with the reason', async () => {
    const hcmRenewals = await createApiClient(stack.db.orm, { name: 'Cổng DVC Hồ Chí Minh', agencies: ['CSGT-79'], procedures: ['GPLX-DOI'] });
    const hcm = renewalForm('motorbikeHolderHoChiMinh', { province: '79' });
    expect((await submit(hcmRenewals, hcm)).status).toBe(201);

    const otherAgency = await submit(hcmRenewals, renewalForm());
    expect(otherAgency).toMatchObject({ status: 403, body: { error: 'out_of_scope', agency: 'CSGT-01', message: expect.stringContaining('không được phép nộp hồ sơ đến cơ quan') } });
    const otherProcedure = await submit(hcmRenewals, hcm, undefined, 'LLTP');
    expect(otherProcedure).toMatchObject({ status: 403, body: { error: 'out_of_scope', message: 'Hệ thống gọi API không được phép nộp hồ sơ thủ tục "LLTP".' } });

    const nothing = await createApiClient(stack.db.orm, { name: 'Cổng chưa được cấp phạm vi', agencies: [], procedures: [] });
    expect((await submit(nothing, hcm)).status).toBe(403);
    // Nothing was saved for the refused submissions.
    expect(await stack.db.orm.em.fork().count(Dossier, { submittedBy: { clientId: { $in: [nothing.clientId] } } })).toBe(0);
  });
});

test('rate limited per client id (429 with Retry-After), whatever its address; other clients unaffected', async () => {
  const busy = await everything('Cổng gửi dồn dập');
  const quiet = await everything('Cổng bình thường');
  const bad = { procedureCode: 'GPLX-DOI' }; // refused field by field, still counted
  for (let i = 0; i < 12; i++) {
    const answer = await call('/api/v1/dossiers', { method: 'POST', body: bad, headers: { ...auth(busy), 'x-forwarded-for': `198.51.100.${i}` } });
    expect(answer.status).toBe(422);
  }
  const refused = await call('/api/v1/dossiers', { method: 'POST', body: bad, headers: { ...auth(busy), 'x-forwarded-for': '198.51.100.99' } });
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(refused.body).toMatchObject({ error: 'rate_limited', message: expect.stringContaining('Vui lòng thử lại sau') });
  expect((await submit(quiet)).status).toBe(201);
});

test('operators manage clients with npm run api-client (create prints the secret once; revoke)', async () => {
  const env = { DATABASE_URL: stack.db.url };
  const created = await runProcess(tsx, ['scripts/api-client.ts', 'create', '--name', 'Cổng DVC tỉnh Hồ Chí Minh', '--agencies', 'CSGT-79,UBND-79', '--procedures', 'GPLX-DOI'], env);
  expect({ status: created.status, stderr: created.stderr }).toEqual({ status: 0, stderr: '' });
  const authorization = /Authorization: (Bearer \S+)/.exec(created.stdout)![1];
  const clientId = /client id:\s+(\S+)/.exec(created.stdout)![1];
  expect((await submit(authorization, renewalForm('motorbikeHolderHoChiMinh', { province: '79' }))).status).toBe(201);

  const listed = await runProcess(tsx, ['scripts/api-client.ts', 'list'], env);
  expect(listed.stdout).toContain(`${clientId}  active   Cổng DVC tỉnh Hồ Chí Minh  agencies: CSGT-79,UBND-79  procedures: GPLX-DOI`);
  expect(listed.stdout).not.toContain(authorization.split('.')[1]);

  // Rotated with the old secret retired at once: only the new one counts.
  const rotated = await runProcess(tsx, ['scripts/api-client.ts', 'rotate', clientId, '--retire-old-after', '0s'], env);
  expect(rotated.status).toBe(0);
  const newAuthorization = /Authorization: (Bearer \S+)/.exec(rotated.stdout)![1];
  const hcm = renewalForm('motorbikeHolderHoChiMinh', { province: '79' });
  expect((await submit(authorization, hcm)).status).toBe(401);
  expect((await submit(newAuthorization, hcm)).status).toBe(201);

  const revoked = await runProcess(tsx, ['scripts/api-client.ts', 'revoke', clientId], env);
  expect(revoked.status).toBe(0);
  expect((await submit(newAuthorization, hcm)).status).toBe(401);
});

describe('the OpenAPI document', () => {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  let document: any;
  beforeAll(async () => {
    const answer = await call('/api/v1/openapi.json');
    expect(answer.status).toBe(200);
    document = answer.body;
  });

  test('lists exactly the /api/v1 routes of the router, with the security scheme and error shapes', () => {
    const inRouter = appRoutes(createApp(stack.services))
      .filter((r) => r.path.startsWith('/api/v1/'))
      .map((r) => r.key)
      .sort();
    const inDocument = Object.entries(document.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`))
      .sort();
    expect(inDocument).toEqual(inRouter);
    expect(document.openapi).toBe('3.1.0');
    const submitOp = document.paths['/api/v1/dossiers'].post;
    expect(submitOp.security).toEqual([{ apiClientBearer: [] }, { apiClientBasic: [] }]);
    expect(submitOp.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }));
    expect(submitOp.responses['401'].headers['WWW-Authenticate']).toBeDefined();
    expect(submitOp.responses['429'].headers['Retry-After']).toBeDefined();
    expect(submitOp.responses['403'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
    expect(document.components.securitySchemes.apiClientBearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.paths['/api/v1/dossiers/{code}'].get.parameters.map((p: { name: string }) => p.name)).toEqual(['code', 'secret', 'X-Lookup-Secret']);
  });

  test('the request body schema accepts and refuses what the route accepts and refuses', async () => {
    const validate = new Ajv2020({ strict: false }).compile(document.components.schemas.SubmitDossierRequest);
    const form = renewalForm();
    const samples: unknown[] = [
      { procedureCode: 'GPLX-DOI', form },
      { procedureCode: 'GPLX-DOI', form: { ...form, note: null, extra: 3, flag: true } },
      { procedureCode: 'GPLX-DOI' },
      { form },
      { procedureCode: '', form },
      { procedureCode: 'G'.repeat(61), form },
      { procedureCode: 42, form },
      { procedureCode: 'GPLX-DOI', form: ['x'] },
      { procedureCode: 'GPLX-DOI', form: 'hello' },
      { procedureCode: 'GPLX-DOI', form: { ...form, fullName: { first: 'An' } } },
      [1, 2],
      'x',
    ];
    const verdicts = [];
    for (const sample of samples) {
      const answer = await call('/api/v1/dossiers', { method: 'POST', body: sample, headers: auth(DEMO_API_AUTHORIZATION) });
      verdicts.push({ sample: JSON.stringify(sample).slice(0, 60), schema: validate(sample), route: answer.status < 400 });
    }
    for (const v of verdicts) expect(v.route).toBe(v.schema);
    expect(verdicts.filter((v) => v.route)).toHaveLength(2);
  });
});
