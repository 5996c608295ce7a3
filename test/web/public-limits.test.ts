/**
 * Safe in front of the public (issue 8): password guessing is braked without ever locking an
 * official out, and the public doors (lookup, submission, the API, sign-in) are rate limited per
 * client, with counts kept in PostgreSQL so that every web process sees them.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuditEvent } from '../../db/entities';
import { DEMO_API_AUTHORIZATION } from '../../db/seeds/demo';
import { createApp } from '../../web/app';
import { createRateLimiters } from '../../web/middleware/rate-limit';
import { SignInService } from '../../web/services/sign-in';
import { PgSignInThrottle, type SignInThrottlePolicy } from '../../web/services/sign-in-throttle';
import { parseRate } from '../../config';
import { renewalForm } from '../support/scenario';
import { startStack, type Stack } from '../support/stack';
import { type Page, visibleText, WebClient } from '../support/web-client';

const LIMITS = { RATE_LIMIT_LOOKUP: '3/1m', RATE_LIMIT_SUBMIT: '2/1m', RATE_LIMIT_API: '2/1m', RATE_LIMIT_SIGN_IN: '6/1m' };

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ worker: false, env: LIMITS });
});
afterAll(() => stack?.stop());

/** A browser at another address (the app trusts the loopback proxy's X-Forwarded-For). */
class ClientAt extends WebClient {
  constructor(
    baseUrl: string,
    private readonly ip: string,
  ) {
    super(baseUrl);
  }

  protected override send(path: string, init: RequestInit): Promise<Page> {
    return super.send(path, { ...init, headers: { ...(init.headers as Record<string, string>), 'x-forwarded-for': this.ip } });
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the brake on password guessing', () => {
  const policy: SignInThrottlePolicy = {
    accountFromClient: { freeFailures: 3, firstDelayMs: 1000, maxDelayMs: 8000 },
    client: { freeFailures: 6, firstDelayMs: 4000, maxDelayMs: 8000 },
    account: { freeFailures: 30, firstDelayMs: 1000, maxDelayMs: 2000 },
    forgetAfterMs: 60_000,
  };
  let signIn: SignInService;
  beforeAll(() => {
    // Another web process on the same database: the counts are in PostgreSQL, not in memory.
    signIn = new SignInService(stack.db.orm, new PgSignInThrottle(stack.db.orm, policy));
  });

  test('slows a guesser with waits that double, while the owner still signs in from elsewhere', async () => {
    const guesser = '203.0.113.66';
    for (let i = 0; i < 4; i++) expect(await signIn.signIn('hn.tiepnhan', `doan-sai-${i}`, guesser)).toMatchObject({ kind: 'refused' });
    // The fifth attempt waits, even with the right password: a guess made now tells nothing.
    const held = await signIn.signIn('hn.tiepnhan', 'motcua-demo', guesser);
    expect(held).toEqual({ kind: 'throttled', retryAfterSeconds: 1, message: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 1 giây.' });
    // The official, at their own desk, is not locked out.
    expect(await signIn.signIn('hn.tiepnhan', 'motcua-demo', '198.51.100.7')).toMatchObject({ kind: 'signed-in' });

    await sleep(1100);
    expect(await signIn.signIn('hn.tiepnhan', 'doan-sai-5', guesser)).toMatchObject({ kind: 'refused' });
    expect(await signIn.signIn('hn.tiepnhan', 'doan-sai-6', guesser)).toMatchObject({ kind: 'throttled', retryAfterSeconds: 2 });

    const actions = await stack.db.orm.em.fork().find(AuditEvent, { actor: 'hn.tiepnhan', ip: guesser }, { orderBy: { id: 'asc' } });
    expect(actions.map((a) => a.action)).toEqual([...Array(4).fill('sign-in-failed'), 'sign-in-throttled', 'sign-in-failed', 'sign-in-throttled']);
  });

  test('slows a client that moves on to the next account', async () => {
    const guesser = '203.0.113.77';
    const names = ['hn.chuyenvien', 'hn.lanhdao', 'hn.giamsat', 'hn.quantri', 'hcm.tiepnhan', 'khong.co.ai', 'hn.chuyenvien2'];
    for (const name of names) expect(await signIn.signIn(name, 'mat-khau-doan', guesser)).toMatchObject({ kind: 'refused' });
    expect(await signIn.signIn('hcm.chuyenvien', 'mat-khau-doan', guesser)).toMatchObject({ kind: 'throttled', retryAfterSeconds: 4 });
    // The throttled answer is the same whether the account exists or not.
    const unknown = await signIn.signIn('khong.ton.tai', 'x', guesser);
    expect(unknown).toEqual(await signIn.signIn('hn.lanhdao', 'x', guesser));
  });

  test('answers an unknown name as a wrong password, in about the same time', async () => {
    const timed = async (username: string) => {
      const started = performance.now();
      const result = await signIn.signIn(username, 'mat-khau-sai', `192.0.2.${Math.floor(Math.random() * 200) + 1}`);
      return { result, ms: performance.now() - started };
    };
    const known = await timed('hcm.lanhdao');
    const unknown = await timed('khong.co.tai.khoan.nay');
    expect(unknown.result).toEqual(known.result);
    expect(known.result).toEqual({ kind: 'refused', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' });
    // Both pay for one bcrypt comparison (cost 12): no early answer for names that do not exist.
    expect(unknown.ms).toBeGreaterThan(known.ms * 0.5);
  });

  test('answers a braked sign-in with 429, Retry-After and a Vietnamese message', async () => {
    const web = new ClientAt(stack.baseUrl, '203.0.113.88');
    for (let i = 0; i < 4; i++) expect((await web.signIn('hcm.giamsat', `doan-sai-${i}`)).status).toBe(401);
    const page = await web.signIn('hcm.giamsat', 'motcua-demo');
    expect(page.status).toBe(429);
    expect(visibleText(page.text)).toMatch(/Đăng nhập sai quá nhiều lần\. Vui lòng thử lại sau \d+ giây\./);
    expect(page.text).not.toContain('Tài khoản');
    // The owner, elsewhere, signs in.
    expect((await new ClientAt(stack.baseUrl, '198.51.100.9').signIn('hcm.giamsat')).status).toBe(303);
  });
});

describe('rate limits on the public doors', () => {
  const retryAfter = async (path: string, ip: string, init: RequestInit = {}) => {
    const response = await fetch(stack.baseUrl + path, { ...init, headers: { ...(init.headers as Record<string, string>), 'x-forwarded-for': ip } });
    return { status: response.status, retryAfter: response.headers.get('retry-after'), text: await response.text() };
  };

  test('the lookup page answers 429 with Retry-After past its limit, per client', async () => {
    for (let i = 0; i < 3; i++) expect((await retryAfter('/tra-cuu?ma=000.00.31.H01-200101-0001&bm=ABCDEFGH', '203.0.113.10')).status).toBe(404);
    const refused = await retryAfter('/tra-cuu?ma=000.00.31.H01-200101-0001&bm=ABCDEFGH', '203.0.113.10');
    expect(refused.status).toBe(429);
    expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    expect(visibleText(refused.text)).toContain('Quá nhiều yêu cầu');
    expect(visibleText(refused.text)).toMatch(/Vui lòng thử lại sau \d+ giây/);
    // Another client is not affected.
    expect((await retryAfter('/tra-cuu', '203.0.113.11')).status).toBe(200);
  });

  test('the counts are shared by every web process on the database', async () => {
    // A second app: its own limiters, nothing in memory shared with the first.
    const second = http.createServer(createApp({ ...stack.services, rateLimits: createRateLimiters(stack.db.orm, stack.config.rateLimits) }));
    await new Promise<void>((resolve) => second.listen(0, '127.0.0.1', resolve));
    try {
      const secondUrl = `http://127.0.0.1:${(second.address() as AddressInfo).port}`;
      for (let i = 0; i < 3; i++) expect((await retryAfter('/tra-cuu', '203.0.113.12')).status).toBe(200);
      const there = await fetch(`${secondUrl}/tra-cuu`, { headers: { 'x-forwarded-for': '203.0.113.12' } });
      expect(there.status).toBe(429);
    } finally {
      second.closeAllConnections();
      await new Promise((resolve) => second.close(resolve));
    }
  });

  test('the submission form, the API and sign-in each have their own limit', async () => {
    const web = new ClientAt(stack.baseUrl, '203.0.113.20');
    await web.get('/nop-ho-so/GPLX-DOI');
    const form = renewalForm('carHolderHanoi', { citizenId: '12345' }); // refused field by field, still counted
    expect((await web.post('/nop-ho-so/GPLX-DOI', form)).status).toBe(422);
    expect((await web.post('/nop-ho-so/GPLX-DOI', form)).status).toBe(422);
    const page = await web.post('/nop-ho-so/GPLX-DOI', form);
    expect(page.status).toBe(429);
    expect(visibleText(page.text)).toContain('Quá nhiều yêu cầu');

    // The API counts by client (its credentials), not by address: the same client from elsewhere is still over.
    const json = { method: 'POST', headers: { 'content-type': 'application/json', authorization: DEMO_API_AUTHORIZATION }, body: JSON.stringify({ procedureCode: 'KHONG-CO', form: {} }) };
    expect((await retryAfter('/api/v1/dossiers', '203.0.113.20', json)).status).toBe(422);
    expect((await retryAfter('/api/v1/dossiers', '203.0.113.22', json)).status).toBe(422);
    const api = await retryAfter('/api/v1/dossiers', '203.0.113.20', json);
    expect(api.status).toBe(429);
    expect(Number(api.retryAfter)).toBeGreaterThan(0);
    expect(JSON.parse(api.text)).toMatchObject({ error: 'rate_limited', message: expect.stringContaining('Vui lòng thử lại sau') });
    // Reading dossiers back through the API counts apart from submitting.
    expect((await retryAfter('/api/v1/dossiers/000.00.31.H01-200101-0001?secret=ABCDEFGH', '203.0.113.20')).status).toBe(404);

    const officials = new ClientAt(stack.baseUrl, '203.0.113.21');
    for (let i = 0; i < 6; i++) await officials.signIn(`khong.co.${i}`, 'x');
    expect((await officials.signIn('hn.tiepnhan')).status).toBe(429);
  });

  test('limits come from the configuration, with generous defaults', () => {
    expect(stack.config.rateLimits.lookup).toEqual(parseRate('3/1m'));
    expect(parseRate('20/10m')).toEqual({ points: 20, periodMs: 600_000 });
  });
});

test('the database makes a lookup secret for every dossier that has none (the migration fills old ones so)', async () => {
  const connection = stack.db.orm.em.getConnection();
  const made = await connection.execute<{ secret: string }[]>('select motcua_lookup_secret() as secret from generate_series(1, 300)');
  for (const { secret } of made) expect(secret).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
  expect(new Set(made.map((m) => m.secret)).size).toBe(made.length);
  const [column] = await connection.execute<{ column_default: string; is_nullable: string }[]>(
    `select column_default, is_nullable from information_schema.columns where table_name = 'dossier' and column_name = 'lookup_secret'`,
  );
  expect(column).toEqual({ column_default: 'motcua_lookup_secret()', is_nullable: 'NO' });
});
