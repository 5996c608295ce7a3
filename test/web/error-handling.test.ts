/**
 * Every route, read from the app's router (a new route is covered without being listed), gets
 * every kind of input no page of ours sends: bad path parameters, hostile query strings, and for
 * routes that take a body, JSON, multipart, nested keys, repeated keys, over-long values, deep
 * JSON, malformed JSON, bad percent-encoding, NUL bytes, unsupported charsets and encodings,
 * bodies over the limit. Each is sent as an anonymous visitor and as an official allowed on the
 * route (web/route-access.ts) with a valid CSRF token, so it reaches the route's own validation.
 * Whatever it is: never a 5xx, never a stack trace, JSON under /api (and the other JSON_PATHS of
 * web/middleware/errors.ts) and an HTML page elsewhere, and nothing in the server's error log.
 */
import { DEMO_API_AUTHORIZATION, DEMO_OFFICIALS } from '../../db/seeds/demo';
import type { OfficialRole } from '../../domain/roles';
import { createApp } from '../../web/app';
import { JSON_PATHS } from '../../web/middleware/errors';
import { ROUTE_ACCESS } from '../../web/route-access';
import { submit } from '../support/scenario';
import { startStack, type Stack } from '../support/stack';
import type { Page } from '../support/web-client';
import { RawClient, type RawBody } from './raw-client';
import { type AppRoute, appRoutes, fillPath, plausibleParam } from './route-table';

let stack: Stack;
let code: string;
let routes: AppRoute[];
const officials = new Map<OfficialRole, RawClient>();
let anonymous: RawClient;
/** The demo API client (its credentials on every request): routes for API clients are reached as it. */
let apiClient: RawClient;

class ApiRawClient extends RawClient {
  protected override send(path: string, init: RequestInit): Promise<Page> {
    return super.send(path, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: DEMO_API_AUTHORIZATION } });
  }
}
const serverErrors: string[] = [];
let sent = 0;

/** The Hà Nội official of each role: the dossier is theirs, so their requests reach the routes. */
const USERNAME: Record<OfficialRole, string> = {
  receiver: 'hn.tiepnhan',
  specialist: 'hn.chuyenvien',
  leader: 'hn.lanhdao',
  supervisor: 'hn.giamsat',
  admin: 'hn.quantri',
};

async function signedIn(username: string): Promise<RawClient> {
  const web = new RawClient(stack.baseUrl);
  await web.signIn(username);
  await web.get('/thong-bao'); // the session is new after sign-in: a page for its CSRF token
  return web;
}

beforeAll(async () => {
  const original = console.error.bind(console);
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    serverErrors.push(args.map(String).join(' '));
    original(...args);
  });
  // Thousands of requests from one address: the rate limits (tested on their own) would answer
  // 429 before the routes' validation, which is what this test is about.
  const unlimited = '1000000/1m';
  stack = await startStack({ env: { RATE_LIMIT_LOOKUP: unlimited, RATE_LIMIT_SUBMIT: unlimited, RATE_LIMIT_API: unlimited, RATE_LIMIT_SIGN_IN: unlimited } });
  code = await submit(stack);
  // The same services make the same routes: the table is read from an app built like the one serving.
  routes = appRoutes(createApp(stack.services));
  // Signing out ends the session the next requests need: that route goes last.
  routes.sort((a, b) => Number(a.path === '/dang-xuat') - Number(b.path === '/dang-xuat'));
  anonymous = new RawClient(stack.baseUrl);
  await anonymous.get('/dang-nhap');
  apiClient = new ApiRawClient(stack.baseUrl);
  for (const role of Object.keys(USERNAME) as OfficialRole[]) {
    expect(DEMO_OFFICIALS.find((o) => o.username === USERNAME[role])?.role).toBe(role);
    officials.set(role, await signedIn(USERNAME[role]));
  }
});
afterAll(async () => {
  await stack?.stop();
  jest.restoreAllMocks();
});

/** The official who may use the route (or none: anyone may). */
function officialFor(route: AppRoute): RawClient | undefined {
  const who = ROUTE_ACCESS[route.key]?.who;
  if (!who || who === 'anyone') return undefined;
  if (who === 'api-clients') return apiClient;
  return officials.get(who === 'officials' ? 'receiver' : who[0]);
}

const plausible = (route: AppRoute, param: string) => plausibleParam(route, param, code);

/** Values no link of ours makes, for any parameter. */
const BAD_PARAMS = [
  'abc', '-1', '0', '1e3', '99999999999999999999', 'x'.repeat(3000), '%E0%A4%A', '%ZZ', '%00', '%C0%AF', '%ED%A0%80', '%FF', 'a%2Fb', '%F0%9F%98%80', '%3Cscript%3E',
];

/** Every query key the pages read, and a few they do not. */
const QUERY_KEYS = ['ma', 'bm', 'secret', 'k', 't', 'lan', 'trang', 'loc', 'phong', 'can-bo', 'vai-tro', 'chon', 'tu', 'den', 'theo', 'co-quan', 'phien-ban', 'tiep', 'x'];
const BAD_QUERIES = [
  QUERY_KEYS.map((k) => `${k}=1&${k}=2`).join('&'),
  QUERY_KEYS.map((k) => `${k}[a]=b&${k}[]=c`).join('&'),
  QUERY_KEYS.map((k) => `${k}=${'9'.repeat(400)}`).join('&'),
  QUERY_KEYS.map((k) => `${k}=%E0%A4%A`).join('&'),
  QUERY_KEYS.map((k) => `${k}=%00`).join('&'),
  `ma=${'x'.repeat(8000)}`,
  'trang=-1&trang=abc&lan=1e99&tu=31/02/2026&den=2026-13-45',
];

/** Every field name a form of ours sends. */
const FIELDS = [
  'username', 'password', 'next', 'requestId', 'taskId', 'action', 'reason', 'officialId', 'code', 'id', 'lan', 't', 'note', 'fullName',
  'delegateId', 'fromDay', 'toDay', 'day', 'kind', 'name', 'provisional', 'announcement', 'cutoff', 'start1', 'end1', 'newAppointment',
  'taskIds', 'target', 'procedureCode', 'form', 'in_x',
];
const urlencoded = 'application/x-www-form-urlencoded';
const form = (pairs: [string, string][]) => pairs.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`).join('&');
const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;

/** Each kind of body a form of ours would never send (the API's plausible body is JSON: it gets them all too). */
const BAD_BODIES: Record<string, RawBody> = {
  'JSON object with nested values': { json: Object.fromEntries(FIELDS.map((f) => [f, { a: [1, { b: null }] }])) },
  'JSON array': { json: FIELDS },
  'JSON scalar': { json: 'x' },
  'JSON with strings of 100 kB': { json: { procedureCode: 'x'.repeat(100_000) } },
  'JSON nested 20 000 deep': { raw: deep(20_000), type: 'application/json' },
  'malformed JSON': { raw: '{"taskId": "a", ', type: 'application/json' },
  'JSON with a charset we do not read': { raw: '{}', type: 'application/json; charset=koi8-r' },
  multipart: { multipart: Object.fromEntries(FIELDS.map((f) => [f, 'x'])) },
  'plain text': { raw: 'taskId=1', type: 'text/plain' },
  XML: { raw: '<?xml version="1.0"?><a/>', type: 'application/xml' },
  'a body without content type': { raw: Buffer.from('taskId=1&action=accept') },
  'nested keys': { raw: FIELDS.map((f) => `${f}[a]=b&${f}[b][c]=d`).join('&'), type: urlencoded },
  'repeated keys': { raw: form(FIELDS.flatMap((f): [string, string][] => [[f, '1'], [f, '2']])), type: urlencoded },
  'every field 3 kB long': { raw: form(FIELDS.map((f) => [f, '9'.repeat(3000)])), type: urlencoded },
  'a field of 100 kB (over the limit)': { raw: form([['reason', 'x'.repeat(100_000)]]), type: urlencoded },
  'a body of 1 MB': { raw: form([['reason', 'x'.repeat(1_000_000)]]), type: urlencoded },
  'JSON of 1 MB': { raw: JSON.stringify({ procedureCode: 'x'.repeat(1_000_000) }), type: 'application/json' },
  'bad percent-encoding': { raw: FIELDS.map((f) => `${f}=%E0%A4%A&${f}%ZZ=%`).join('&'), type: urlencoded },
  'NUL bytes': { raw: FIELDS.map((f) => `${f}=a%00b`).join('&'), type: urlencoded },
  'words where numbers are expected': { raw: form(FIELDS.map((f) => [f, f === 'requestId' ? 'not-a-uuid' : 'mười hai'])), type: urlencoded },
  'an unsupported charset': { raw: 'taskId=1', type: `${urlencoded}; charset=koi8-r` },
  'too many fields': { raw: Array.from({ length: 2000 }, (_, i) => `f${i}=1`).join('&'), type: urlencoded },
  'an unknown content encoding': { raw: 'taskId=1', type: urlencoded, headers: { 'content-encoding': 'x-compress-2' } },
  'gzip that is not gzip': { raw: 'taskId=1', type: urlencoded, headers: { 'content-encoding': 'gzip' } },
};

const STACK_TRACE = /\n\s+at .+[(/].+:\d+:\d+|\bat (?:Object|Function|Layer|async)\.|node_modules\//;

/** What is wrong with an answer, whatever was sent (nothing: it is as every answer must be). */
function problemsOf(route: AppRoute, page: Page): string[] {
  const problems: string[] = [];
  if (page.status >= 500) problems.push('a server error');
  if (STACK_TRACE.test(page.text)) problems.push('a stack trace in the body');
  if (page.status >= 300 && page.status < 400) return problems;
  const answers = ROUTE_ACCESS[route.key]?.answers ?? 'page';
  const json = JSON_PATHS.some((prefix) => route.path.startsWith(prefix)) || answers === 'json' || (answers === 'text' && page.status >= 400);
  const type = page.contentType?.split(';')[0];
  const expected = json ? 'application/json' : page.status >= 400 || answers === 'page' ? 'text/html' : undefined;
  if (expected && type !== expected) problems.push(`${type} instead of ${expected}`);
  if (json && page.status >= 400 && type === 'application/json') {
    const body = JSON.parse(page.text) as { error?: unknown; message?: unknown; fields?: unknown };
    if (typeof body.error !== 'string' || (typeof body.message !== 'string' && typeof body.fields !== 'object')) problems.push(`JSON without error and message: ${page.text.slice(0, 200)}`);
  }
  return problems;
}

/** Every answer that is not as it must be, with what was sent. */
const wrong: string[] = [];
function check(route: AppRoute, sentWhat: string, page: Page): void {
  sent++;
  for (const problem of problemsOf(route, page)) wrong.push(`${sentWhat} → ${page.status}: ${problem}`);
}

/** Sends, and signs back in (or takes a new token) after the request that signs out. */
async function send(client: RawClient, route: AppRoute, path: string, body: RawBody): Promise<Page> {
  const page = await client.request(route.method, path, body);
  // An official's request must reach the route: never stopped by the CSRF check, the role guard or a lost session.
  if (client !== anonymous && (page.location?.startsWith('/dang-nhap') || /Biểu mẫu đã hết hạn|không dành cho vai trò/.test(page.text))) {
    wrong.push(`${route.method} ${path.slice(0, 120)} as an official did not reach the route (${page.status})`);
  }
  if (route.path === '/dang-xuat') await client.get(client === anonymous ? '/dang-nhap' : '/thong-bao');
  return page;
}

function identities(route: AppRoute): [string, RawClient][] {
  const official = officialFor(route);
  return official ? [['anonymous', anonymous], ['official', official]] : [['anonymous', anonymous]];
}

test('the route table is read from the app, and each route has a plausible value for its parameters', () => {
  expect(routes.length).toBeGreaterThan(40);
  for (const route of routes) fillPath(route, (p) => plausible(route, p));
});

test('bad path parameters are answered 4xx, never 5xx', async () => {
  for (const route of routes.filter((r) => r.params.length)) {
    for (const [who, client] of identities(route)) {
      for (const param of route.params) {
        for (const bad of BAD_PARAMS) {
          const path = fillPath(route, (p) => (p === param ? bad : plausible(route, p)));
          const body: RawBody = route.method === 'GET' ? { none: true } : { form: [] };
          check(route, `${who} ${route.method} ${path.slice(0, 120)}`, await send(client, route, path, body));
        }
      }
    }
  }
  expect(wrong.splice(0)).toEqual([]);
});

test('hostile query strings are answered, never 5xx', async () => {
  for (const route of routes) {
    for (const [who, client] of identities(route)) {
      const path = fillPath(route, (p) => plausible(route, p));
      for (const query of BAD_QUERIES) {
        const body: RawBody = route.method === 'GET' ? { none: true } : { form: [] };
        check(route, `${who} ${route.method} ${path}?${query.slice(0, 80)}`, await send(client, route, `${path}?${query}`, body));
      }
    }
  }
  expect(wrong.splice(0)).toEqual([]);
});

test('every kind of bad body is answered 4xx with a message, never 5xx', async () => {
  for (const route of routes.filter((r) => r.method !== 'GET')) {
    for (const [who, client] of identities(route)) {
      const path = fillPath(route, (p) => plausible(route, p));
      for (const [kind, body] of Object.entries(BAD_BODIES)) {
        const page = await send(client, route, path, body);
        check(route, `${who} ${route.method} ${path} with ${kind}`, page);
      }
    }
  }
  expect(wrong.splice(0)).toEqual([]);
});

test('methods a route does not take are answered 4xx, never 5xx', async () => {
  for (const route of routes) {
    const path = fillPath(route, (p) => plausible(route, p));
    for (const method of ['PUT', 'PATCH', 'DELETE'].filter((m) => m !== route.method)) {
      for (const [who, client] of identities(route)) {
        // No such route: the answer is the app's own "not found" (or the CSRF refusal), a page, or JSON under /api.
        const none: AppRoute = { ...route, key: `${method} ${route.path}` };
        check(none, `${who} ${method} ${path}`, await client.request(method, path, { form: [['x', '1']] }));
      }
    }
  }
  expect(wrong.splice(0)).toEqual([]);
});

test('hostile headers (broken cookies, forwarded addresses, keys, accept) are answered, never 5xx', async () => {
  const HEADERS: Record<string, string>[] = [
    { cookie: 'motcua.sid=%E0%A4%A; motcua.sid=s%3Aforged.sig; =; ;;' },
    { cookie: `motcua.sid=${'s'.repeat(4000)}` },
    { 'x-forwarded-for': 'not-an-address, 999.1.1.1, ::ffff:zz', 'x-forwarded-proto': 'gopher' },
    { 'idempotency-key': 'k'.repeat(4000), 'x-csrf-token': '%00', 'x-lookup-secret': '%00'.repeat(50) },
    { accept: 'application/xml;q=2, */*;q=abc', 'accept-language': 'xx;q=' },
    { authorization: 'Bearer %00', 'x-payment-timestamp': '-1e309', 'x-payment-signature': 'z'.repeat(500) },
  ];
  for (const route of routes) {
    const path = fillPath(route, (p) => plausible(route, p));
    for (const headers of HEADERS) {
      const response = await fetch(stack.baseUrl + path, { method: route.method, headers, redirect: 'manual' });
      const page: Page = { status: response.status, location: response.headers.get('location'), text: await response.text(), contentType: response.headers.get('content-type') };
      check(route, `${route.method} ${path} with ${Object.keys(headers).join(', ')}`, page);
    }
  }
  expect(wrong.splice(0)).toEqual([]);
});

test('paths outside the route table (static files, unknown pages, API paths) are answered, never 5xx', async () => {
  const PATHS = [
    '/static/%E0%A4%A', '/static/..%2F..%2Fpackage.json', '/static/%2e%2e/%2e%2e/package.json', '/static/%00', '/%00', '/%ZZ', '/ho-so/',
    '/api/v1/%ZZ', '/api/v1/dossiers/', '/api/v1/dossiers/%E0%A4%A', `/${'x'.repeat(8000)}`,
  ];
  for (const path of PATHS) {
    const none: AppRoute = { method: 'GET', path, key: `GET ${path}`, params: [] };
    check(none, `anonymous GET ${path.slice(0, 80)}`, await anonymous.get(path));
    check({ ...none, method: 'POST', key: `POST ${path}` }, `anonymous POST ${path.slice(0, 80)}`, await anonymous.request('POST', path, { json: { a: 1 } }));
  }
  expect(wrong.splice(0)).toEqual([]);
});

test('bad bodies to the pages are answered with the reason, in Vietnamese', async () => {
  const official = officials.get('receiver')!;
  const path = `/ho-so/${encodeURIComponent(code)}/thao-tac`;
  const expectations: [string, number, string][] = [
    ['JSON object with nested values', 415, 'Biểu mẫu phải được gửi từ trang web'],
    ['multipart', 415, 'Biểu mẫu phải được gửi từ trang web'],
    ['a body of 1 MB', 413, 'quá lớn'],
    ['an unsupported charset', 415, 'bảng mã'],
    ['too many fields', 413, 'quá nhiều'],
    ['an unknown content encoding', 415, 'nén'],
  ];
  for (const [kind, status, words] of expectations) {
    const page = await official.request('POST', path, BAD_BODIES[kind]);
    expect({ kind, status: page.status, explained: page.text.includes(words) }).toEqual({ kind, status, explained: true });
  }
});

test('the API says what is wrong with a body it cannot read, as JSON', async () => {
  const api = (body: RawBody) => apiClient.request('POST', '/api/v1/dossiers', body);
  const cases: [string, number, string][] = [
    ['malformed JSON', 400, 'malformed_json'],
    ['JSON nested 20 000 deep', 422, 'validation_failed'],
    ['JSON of 1 MB', 413, 'payload_too_large'],
    ['a body of 1 MB', 415, 'unsupported_media_type'],
    ['multipart', 415, 'unsupported_media_type'],
    ['plain text', 415, 'unsupported_media_type'],
    ['a body without content type', 415, 'unsupported_media_type'],
    ['JSON with a charset we do not read', 415, 'unsupported_charset'],
  ];
  for (const [kind, status, error] of cases) {
    const page = await api(BAD_BODIES[kind]);
    expect({ kind, status: page.status, error: (JSON.parse(page.text) as { error: string }).error }).toEqual({ kind, status, error });
  }
});

test('the server logged no error', () => {
  expect(serverErrors.filter((line) => line.includes('[web]'))).toEqual([]);
  // eslint-disable-next-line no-console
  console.log(`error-handling: ${routes.length} routes, ${sent} requests`);
});
