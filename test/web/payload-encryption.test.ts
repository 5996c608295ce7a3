/**
 * Personal data never reaches Temporal in clear (config/payload-codec.ts): a dossier submitted
 * with a citizen's id, name, phone and e-mail runs its first steps through the web (Updates and
 * the payment callback), its workflow answers queries, and yet its raw history, read without the
 * codec as the Temporal UI and the server's database see it, holds none of them. The codec server
 * (/codec) decodes for a signed-in administrator calling from the Temporal UI's origin, and for
 * nobody else.
 */
import { DEMO_API_AUTHORIZATION } from '../../db/seeds/demo';
import { type Payload } from '@temporalio/common';
import { AuditEvent } from '../../db/entities';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { dataConverterFor } from '../../config/temporal-connection';
import { IN_PROCESS_SECRETS } from '../../scripts/lib/in-process-stack';
import { reconcile } from '../../scripts/lib/reconcile';
import { dossierStateQuery } from '../../workflows/messages';
import { dossierWorkflowId } from '../../workflows/ids';
import { openTask, pay, renewalForm, waitForDossier } from '../support/scenario';
import { startStack, type Stack } from '../support/stack';
import { WebClient } from '../support/web-client';
import { RawClient } from './raw-client';

const UI_ORIGIN = 'http://localhost:8233';
const FORM = renewalForm('carHolderHanoi');
/** What must not be found in any byte of the history. */
const PERSONAL = [FORM.citizenId, FORM.fullName, FORM.phone, FORM.email, FORM.licenceNumber];

let stack: Stack;
let code: string;
let history: temporal.api.history.v1.IHistory;

beforeAll(async () => {
  stack = await startStack({ env: { TEMPORAL_UI_ORIGIN: UI_ORIGIN } });
});
afterAll(() => stack?.stop());

const dossierPath = (c: string) => `/ho-so/${encodeURIComponent(c)}`;
const handle = () => stack.temporal.workflow.getHandle(dossierWorkflowId(code, stack.taskQueue));

/** The workflow's history as stored, page by page, without the codec. */
async function rawHistory(): Promise<temporal.api.history.v1.IHistory> {
  const events: temporal.api.history.v1.IHistoryEvent[] = [];
  let nextPageToken: Uint8Array | undefined;
  do {
    const page = await stack.temporal.workflowService.getWorkflowExecutionHistory({
      namespace: stack.config.temporal.namespace,
      execution: { workflowId: dossierWorkflowId(code, stack.taskQueue) },
      nextPageToken,
    });
    events.push(...(page.history?.events ?? []));
    nextPageToken = page.nextPageToken?.length ? page.nextPageToken : undefined;
  } while (nextPageToken);
  return { events };
}

/** Every Payload message in a history (objects with metadata and data). */
function payloadsIn(value: unknown, out: Payload[] = []): Payload[] {
  if (!value || typeof value !== 'object' || ArrayBuffer.isView(value)) return out;
  const record = value as Record<string, unknown>;
  if (record.metadata && typeof record.metadata === 'object' && 'encoding' in (record.metadata as object)) out.push(record as Payload);
  for (const child of Object.values(record)) payloadsIn(child, out);
  return out;
}

const encodingOf = (p: Payload) => Buffer.from(p.metadata!.encoding!).toString();

async function signedIn(username: string): Promise<RawClient> {
  const client = new RawClient(stack.baseUrl);
  expect((await client.signIn(username)).status).toBe(303);
  return client;
}

function callCodec(client: RawClient, operation: 'decode' | 'encode', payloads: unknown[], origin = UI_ORIGIN) {
  return client.request('POST', `/codec/${operation}`, {
    raw: JSON.stringify({ payloads }),
    type: 'application/json',
    headers: { origin, 'x-namespace': 'default' },
  });
}

const toJson = (p: Payload) => ({
  metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, Buffer.from(v!).toString('base64')])),
  data: Buffer.from(p.data ?? new Uint8Array()).toString('base64'),
});

describe('a dossier with personal data', () => {
  beforeAll(async () => {
    // Submitted through the JSON API, as the national portal does.
    const submitted = await fetch(`${stack.baseUrl}/api/v1/dossiers`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: DEMO_API_AUTHORIZATION },
      body: JSON.stringify({ procedureCode: 'GPLX-DOI', form: FORM }),
    });
    expect(submitted.status).toBe(201);
    code = ((await submitted.json()) as { code: string }).code;

    // The receiver accepts it through the back office (an Update), the applicant pays (the
    // gateway's callback, an Update), the specialist proposes approval (an Update).
    const receiver = new WebClient(stack.baseUrl);
    await receiver.signIn('hn.tiepnhan');
    const intake = await openTask(stack, code, 'intake');
    await receiver.get(dossierPath(code));
    expect((await receiver.post(`${dossierPath(code)}/thao-tac`, { taskId: intake, action: 'accept' })).status).toBe(303);
    await pay(stack, code);
    const review = await openTask(stack, code, 'review');
    const specialist = new WebClient(stack.baseUrl);
    await specialist.signIn('hn.chuyenvien');
    await specialist.get(dossierPath(code));
    expect((await specialist.post(`${dossierPath(code)}/nhan`, { taskId: review })).status).toBe(303);
    await specialist.get(dossierPath(code));
    expect((await specialist.post(`${dossierPath(code)}/thao-tac`, { taskId: review, action: 'propose-approval' })).status).toBe(303);
    await openTask(stack, code, 'approval');
    history = await rawHistory();
  });

  test('runs its first steps, and the workflow answers queries through the codec', async () => {
    const state = await handle().query(dossierStateQuery);
    expect(state.form.citizenId).toBe(FORM.citizenId);
    expect(state.form.fullName).toBe(FORM.fullName);
    expect((await waitForDossier(stack, code, (d) => d.stepId === 'approval')).applicantName).toBe(FORM.fullName);
    // The read model agrees with the workflow, read through the codec.
    const report = await reconcile({ orm: stack.db.orm, temporal: stack.temporal, workflowIdPrefix: stack.taskQueue, codes: [code] });
    expect(report.differences).toEqual([]);
  });

  test('leaves no personal data in any byte of its history, every payload encrypted', () => {
    const bytes = Buffer.from(temporal.api.history.v1.History.encode(history).finish());
    expect(bytes.length).toBeGreaterThan(1000);
    for (const text of PERSONAL) expect({ text, found: bytes.includes(Buffer.from(text, 'utf8')) }).toEqual({ text, found: false });
    // What the SDK's core writes itself, not through the data converter, is left plain: the patch
    // markers and the TemporalChangeVersion search attribute (patch names), and a local activity
    // marker's bookkeeping (its id, type, attempt, time; its result is ours, encrypted).
    const ours = (e: temporal.api.history.v1.IHistoryEvent): unknown => {
      const marker = e.markerRecordedEventAttributes;
      if (marker) return marker.markerName === 'core_patch' ? undefined : marker.details?.result;
      const upsert = e.upsertWorkflowSearchAttributesEventAttributes?.searchAttributes?.indexedFields;
      if (upsert && Object.keys(upsert).every((k) => k === 'TemporalChangeVersion')) return undefined;
      return e;
    };
    const payloads = history.events!.flatMap((e) => payloadsIn(ours(e)));
    expect(payloads.length).toBeGreaterThan(10);
    expect(payloadsIn(history).length - payloads.length).toBeGreaterThan(0);
    expect([...new Set(payloads.map(encodingOf))]).toEqual(['binary/encrypted']);
  });

  test('its encrypted history replays with the keys', async () => {
    await Worker.runReplayHistory(
      { workflowBundle: { codePath: process.env.MOTCUA_TEST_WORKFLOW_BUNDLE! }, dataConverter: dataConverterFor(IN_PROCESS_SECRETS.payloadKeys) },
      history,
      dossierWorkflowId(code, stack.taskQueue),
    );
  });

  test('the codec server decodes its payloads for an administrator calling from the Temporal UI', async () => {
    const input = payloadsIn(history.events![0])[0];
    const admin = await signedIn('hn.quantri');
    const page = await callCodec(admin, 'decode', [toJson(input)]);
    expect(page.status).toBe(200);
    expect(page.headers!.get('access-control-allow-origin')).toBe(UI_ORIGIN);
    expect(page.headers!.get('access-control-allow-credentials')).toBe('true');
    const [decoded] = (JSON.parse(page.text) as { payloads: { metadata: Record<string, string>; data: string }[] }).payloads;
    expect(Buffer.from(decoded.metadata.encoding, 'base64').toString()).toBe('json/plain');
    const text = Buffer.from(decoded.data, 'base64').toString('utf8');
    expect(text).toContain(FORM.citizenId);
    expect(text).toContain(FORM.fullName);
    // Accountable: the decoding is in the audit trail, for administrators' eyes only.
    const [entry] = await stack.db.orm.em.fork().find(AuditEvent, { action: 'temporal-payloads-decoded' });
    expect(entry).toMatchObject({ actor: 'hn.quantri', target: 'temporal:default', agencyCode: null });
    expect(JSON.parse(entry.detail!)).toEqual({ payloads: 1, encrypted: 1, keys: ['in-process'] });
  });

  test('refuses anonymous callers (401), other roles (403) and other origins (403)', async () => {
    const input = toJson(payloadsIn(history.events![0])[0]);
    const anonymous = await callCodec(new RawClient(stack.baseUrl), 'decode', [input]);
    expect(anonymous.status).toBe(401);
    for (const username of ['hn.tiepnhan', 'hn.giamsat', 'hn.lanhdao']) {
      const refused = await callCodec(await signedIn(username), 'decode', [input]);
      expect({ username, status: refused.status }).toEqual({ username, status: 403 });
      expect(refused.text).not.toContain(Buffer.from(FORM.citizenId).toString('base64').slice(0, 12));
    }
    const admin = await signedIn('hn.quantri');
    const foreign = await callCodec(admin, 'decode', [input], 'https://evil.example');
    expect(foreign.status).toBe(403);
    expect(foreign.headers!.get('access-control-allow-origin')).toBeNull();
    expect((await callCodec(admin, 'decode', [input], 'null')).status).toBe(403);
    // Only the one decoding above reached the trail.
    expect(await stack.db.orm.em.fork().count(AuditEvent, { action: 'temporal-payloads-decoded' })).toBe(1);
  });
});

describe('the codec server', () => {
  test('answers the Temporal UI preflight, and no other origin', async () => {
    const preflight = (origin: string) =>
      fetch(`${stack.baseUrl}/codec/decode`, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-namespace' },
      });
    const ui = await preflight(UI_ORIGIN);
    expect(ui.status).toBe(204);
    expect(ui.headers.get('access-control-allow-origin')).toBe(UI_ORIGIN);
    expect(ui.headers.get('access-control-allow-credentials')).toBe('true');
    expect(ui.headers.get('access-control-allow-headers')).toMatch(/X-Namespace/);
    const other = await preflight('https://evil.example');
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('reads JSON only: a form post (the usual cross-site forgery) is refused (415)', async () => {
    const admin = await signedIn('hn.quantri');
    const form = await admin.request('POST', '/codec/decode', { raw: 'payloads=x', type: 'application/x-www-form-urlencoded', headers: { origin: UI_ORIGIN } });
    expect(form.status).toBe(415);
    const plain = await admin.request('POST', '/codec/decode', { raw: '{"payloads":[]}', type: 'text/plain', headers: { origin: UI_ORIGIN } });
    expect(plain.status).toBe(415);
  });

  test('encodes for the UI, round trip, and says what is wrong with a bad request', async () => {
    const admin = await signedIn('hn.quantri');
    const plain = { metadata: { encoding: Buffer.from('json/plain').toString('base64') }, data: Buffer.from('"xin chào"').toString('base64') };
    const encoded = await callCodec(admin, 'encode', [plain]);
    expect(encoded.status).toBe(200);
    const [encrypted] = (JSON.parse(encoded.text) as { payloads: (typeof plain)[] }).payloads;
    expect(Buffer.from(encrypted.metadata.encoding, 'base64').toString()).toBe('binary/encrypted');
    const decoded = await callCodec(admin, 'decode', [encrypted, plain]);
    expect(JSON.parse(decoded.text)).toEqual({ payloads: [plain, plain] });

    const unknownKey = { ...encrypted, metadata: { ...encrypted.metadata, 'encryption-key-id': Buffer.from('k-gone').toString('base64') } };
    const refused = await callCodec(admin, 'decode', [unknownKey]);
    expect(refused.status).toBe(422);
    expect(JSON.parse(refused.text).message).toContain('"k-gone"');
    expect((await callCodec(admin, 'decode', [{ data: 'not base64!' }])).status).toBe(400);
    const broken = await admin.request('POST', '/codec/decode', { raw: '{"payloads":', type: 'application/json', headers: { origin: UI_ORIGIN } });
    expect(broken.status).toBe(400);
    expect(broken.contentType).toMatch(/json/);
  });
});
