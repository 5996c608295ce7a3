/**
 * What operators and their machines read: liveness, readiness (database and Temporal, answered
 * within seconds when one is gone) and Prometheus metrics that name routes, not URLs, and are
 * served to this host or to a holder of METRICS_TOKEN only.
 */
import { DEMO_API_AUTHORIZATION } from '../../db/seeds/demo';
import { Client, Connection } from '@temporalio/client';
import { createLogger } from '../../config/log';
import { HealthService } from '../../web/services/health';
import { WebClient } from '../support/web-client';
import { decide, expectDone, renewalForm, submit } from '../support/scenario';
import { startStack, type Stack } from '../support/stack';

const METRICS_TOKEN = 'scraper-token-for-the-operations-test';
let stack: Stack;
/** Every line the web's request log wrote. */
const logLines: string[] = [];
beforeAll(async () => {
  const destination = { write: (line: string) => void logLines.push(line) };
  stack = await startStack({ env: { METRICS_TOKEN }, logger: createLogger('web', 'info', destination) });
});
afterAll(() => stack?.stop());

test('is alive and ready while its database and Temporal answer', async () => {
  const alive = await fetch(`${stack.baseUrl}/healthz`);
  expect(alive.status).toBe(200);
  const ready = await fetch(`${stack.baseUrl}/readyz`);
  expect(ready.status).toBe(200);
  expect(await ready.json()).toEqual({ status: 'ready', database: 'ok', temporal: 'ok' });
});

test('tells within seconds that Temporal is out of reach, naming the part and nothing else', async () => {
  // Nothing listens on port 1: a connection made lazily fails on the first call.
  const connection = Connection.lazy({ address: '127.0.0.1:1' });
  const health = new HealthService(stack.db.orm, new Client({ connection }), 1000);
  const started = Date.now();
  expect(await health.readiness()).toEqual({ ready: false, database: 'ok', temporal: 'unreachable' });
  expect(Date.now() - started).toBeLessThan(3000);
  // Not closed here: the client's retry timer of the aborted call may still fire, and would fail
  // on a closed channel; the lazy connection holds nothing once the process ends.
});

test('counts requests by route pattern, decisions by update and outcome, and the outbox; never a dossier code', async () => {
  const code = await submit(stack);
  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'accept'));
  await fetch(`${stack.baseUrl}/tra-cuu?ma=${code}`);

  const response = await fetch(`${stack.baseUrl}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  const text = await response.text();
  expect(text).toMatch(/motcua_http_request_duration_seconds_count\{method="GET",route="\/tra-cuu",status="[2-4]xx"\} [1-9]/);
  expect(text).toMatch(/motcua_update_duration_seconds_count\{update="completeTask",outcome="done"\} [1-9]/);
  expect(text).toMatch(/motcua_workflow_starts_total\{outcome="started"\} [1-9]/);
  // The relay delivers at once here (activities/delivery): the gauges are there, whatever they read.
  expect(text).toMatch(/motcua_outbox_pending \d/);
  expect(text).toMatch(/motcua_outbox_lag_seconds \d/);
  expect(text).toMatch(/motcua_outbox_failed \d/);
  expect(text).not.toContain(code);
});

test('serves metrics to another host only with the token', async () => {
  // Behind a proxy on this host, the client's own address is the forwarded one.
  const forwarded = { 'X-Forwarded-For': '203.0.113.7' };
  expect((await fetch(`${stack.baseUrl}/metrics`, { headers: forwarded })).status).toBe(404);
  expect((await fetch(`${stack.baseUrl}/metrics`, { headers: { ...forwarded, Authorization: 'Bearer wrong-token-of-some-length' } })).status).toBe(404);
  const allowed = await fetch(`${stack.baseUrl}/metrics`, { headers: { ...forwarded, Authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(allowed.status).toBe(200);
});

test('logs each request as JSON with its id and route, and nothing personal', async () => {
  const form = renewalForm();
  const submitted = await fetch(`${stack.baseUrl}/api/v1/dossiers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-request-id': 'portal-7f3a9c21', authorization: DEMO_API_AUTHORIZATION },
    body: JSON.stringify({ procedureCode: 'GPLX-DOI', form }),
  });
  expect(submitted.status).toBe(201);
  // A proxy's request id is kept and sent back; without one, the app gives its own.
  expect(submitted.headers.get('x-request-id')).toBe('portal-7f3a9c21');
  const { code } = (await submitted.json()) as { code: string };
  const web = new WebClient(stack.baseUrl);
  await web.signIn('hn.tiepnhan');
  const page = await fetch(`${stack.baseUrl}/tra-cuu?ma=${code}&q=${encodeURIComponent(form.fullName)}`);
  const ownId = page.headers.get('x-request-id');
  expect(ownId).toMatch(/^[0-9a-f-]{36}$/);

  const entries = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
  const answered = entries.filter((e) => e.msg === 'answered');
  expect(answered).toContainEqual(expect.objectContaining({ process: 'web', reqId: 'portal-7f3a9c21', route: '/api/v1/dossiers', res: { status: 201 } }));
  expect(answered).toContainEqual(expect.objectContaining({ reqId: ownId, route: '/tra-cuu' }));
  expect(answered).toContainEqual(expect.objectContaining({ route: '/dang-nhap', req: { method: 'POST' } }));
  const all = logLines.join('\n');
  for (const personal of [form.fullName, form.citizenId, form.phone, form.email, code, 'motcua-demo', 'hn.tiepnhan']) {
    expect(all).not.toContain(personal);
  }
  expect(all).not.toMatch(/cookie|connect\.sid|csrf/i);
});
