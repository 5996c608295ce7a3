/**
 * Decisions Temporal could not confirm (it timed out, or was out of reach): every page that
 * sends one answers 503 with the reason, keeps what the official or applicant entered, and
 * carries the same request id, so pressing the button again retries the same Update, which
 * Temporal applies at most once.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { applicantLinks } from '../../domain/applicant-links';
import { TimelineEvent } from '../../db/entities';
import { IN_PROCESS_SECRETS } from '../../scripts/lib/in-process-stack';
import { createApp } from '../../web/app';
import type { ActionOutcome, DossierActions } from '../../web/services/dossier-actions';
import { webSample, webSampleForm } from '../fixtures/web-sample';
import { actor, expectDone, openTask, submitTo, updateId, waitForDossier } from '../support/scenario';
import { startStack, type Stack } from '../support/stack';
import { visibleText, WebClient } from '../support/web-client';
import { catalogueWith } from '../support/catalogue';

type Method = 'claim' | 'complete' | 'reassign' | 'submitSupplement';

/**
 * The real actions, except that the next call of a method can be made to go unconfirmed:
 * either never sent ('lost-request') or sent and applied with the answer lost ('lost-answer').
 */
class UnreliableActions {
  readonly updateIds: Record<Method, string[]> = { claim: [], complete: [], reassign: [], submitSupplement: [] };
  private readonly failNext = new Map<Method, { how: 'lost-request' | 'lost-answer'; kind: 'timeout' | 'unavailable' }>();
  readonly actions: DossierActions;

  constructor(real: DossierActions) {
    const wrapper = Object.create(real) as Record<Method, unknown>;
    for (const method of ['claim', 'complete', 'reassign', 'submitSupplement'] as const) {
      wrapper[method] = async (code: string, request: never, id: string): Promise<ActionOutcome> => {
        this.updateIds[method].push(id);
        const failure = this.failNext.get(method);
        this.failNext.delete(method);
        if (failure?.how === 'lost-answer') await (real[method] as (c: string, r: never, i: string) => Promise<ActionOutcome>).call(real, code, request, id);
        if (failure) return { kind: failure.kind, message: `Chưa xác nhận được (${failure.kind}).` } as ActionOutcome;
        return (real[method] as (c: string, r: never, i: string) => Promise<ActionOutcome>).call(real, code, request, id);
      };
    }
    this.actions = wrapper as unknown as DossierActions;
  }

  next(method: Method, how: 'lost-request' | 'lost-answer' = 'lost-request', kind: 'timeout' | 'unavailable' = 'timeout'): void {
    this.failNext.set(method, { how, kind });
  }
}

let stack: Stack;
let unreliable: UnreliableActions;
let server: http.Server;
let baseUrl: string;

beforeAll(async () => {
  const catalog = catalogueWith({ definition: webSample, file: 'test/fixtures/web-sample.ts' });
  stack = await startStack({ catalog });
  // A second web app on the same services, whose actions can be made to go unconfirmed.
  unreliable = new UnreliableActions(stack.services.actions);
  server = http.createServer(createApp({ ...stack.services, actions: unreliable.actions }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => {
    if (!server) return resolve();
    server.close(() => resolve());
    server.closeAllConnections();
  });
  await stack?.stop();
});

const dossierPath = (code: string) => `/ho-so/${encodeURIComponent(code)}`;

/** The request id carried by the form posting to `action` (the first such form on the page). */
function requestIdOfForm(html: string, action: string): string {
  const at = html.indexOf(`action="${action}"`);
  if (at < 0) throw new Error(`no form posting to ${action}`);
  return /name="requestId" value="([^"]+)"/.exec(html.slice(at))![1];
}

async function signedIn(username: string): Promise<WebClient> {
  const web = new WebClient(baseUrl);
  expect((await web.signIn(username)).status).toBe(303);
  return web;
}

async function accepted(): Promise<string> {
  const code = await submitTo(stack, 'TEST-WEB', webSampleForm());
  const taskId = await openTask(stack, code, 'intake');
  expectDone(await stack.services.actions.complete(code, { taskId, action: 'accept', actor: await actor(stack, 'hn.tiepnhan') }, updateId()));
  return code;
}

async function actionEvents(code: string, stepId: string): Promise<number> {
  const d = await stack.dossier(code);
  return stack.db.orm.em.fork().count(TimelineEvent, { dossier: d.id, type: 'action', stepId });
}

test('keeps the reason, the inputs and the request id of a decision that was not confirmed (503), and applies it once when sent again', async () => {
  const code = await accepted();
  const taskId = await openTask(stack, code, 'review');
  const web = await signedIn('hn.chuyenvien');
  const path = `${dossierPath(code)}/thao-tac`;
  const requestId = requestIdOfForm((await web.get(dossierPath(code))).text, path);
  const fields = { taskId, action: 'approve', reason: 'Hồ sơ đầy đủ, đúng quy định', in_opinion: 'Đủ điều kiện', requestId };

  unreliable.next('complete');
  const first = await web.post(path, fields);
  expect(first.status).toBe(503);
  expect(visibleText(first.text)).toContain('Chưa xác nhận được (timeout).');
  expect(visibleText(first.text)).toContain('Bấm lại nút để gửi lại');
  expect(first.text).toContain('>Hồ sơ đầy đủ, đúng quy định</textarea>');
  expect(first.text).toContain('value="Đủ điều kiện"');
  expect(requestIdOfForm(first.text, path)).toBe(requestId);
  expect((await stack.dossier(code)).stepId).toBe('review');

  const again = await web.post(path, { ...fields, requestId: requestIdOfForm(first.text, path) });
  expect(again.status).toBe(303);
  expect(unreliable.updateIds.complete.slice(-2)).toEqual([requestId, requestId]);
  await openTask(stack, code, 'approval');
  expect(await actionEvents(code, 'review')).toBe(1);
});

test('a decision applied whose answer was lost is confirmed, not applied twice, when sent again with its request id', async () => {
  const code = await accepted();
  const taskId = await openTask(stack, code, 'review');
  const web = await signedIn('hn.chuyenvien');
  const path = `${dossierPath(code)}/thao-tac`;
  const requestId = requestIdOfForm((await web.get(dossierPath(code))).text, path);
  const fields = { taskId, action: 'approve', reason: 'Hồ sơ đầy đủ', in_opinion: 'Đủ điều kiện', requestId };

  unreliable.next('complete', 'lost-answer', 'unavailable');
  expect((await web.post(path, fields)).status).toBe(503);
  const again = await web.post(path, fields);
  expect(again.status).toBe(303);
  await openTask(stack, code, 'approval');
  expect(await actionEvents(code, 'review')).toBe(1);
});

test('keeps the claim in the queue with its request id when it was not confirmed (503)', async () => {
  const code = await accepted();
  const taskId = await openTask(stack, code, 'review');
  const web = await signedIn('hn.chuyenvien');
  const queue = await web.get('/cong-viec');
  const row = queue.text.slice(queue.text.indexOf(`name="code" value="${code}"`) - 400);
  const requestId = /name="requestId" value="([^"]+)"/.exec(row)![1];

  unreliable.next('claim', 'lost-request', 'unavailable');
  const first = await web.post('/cong-viec/nhan', { code, taskId, requestId });
  expect(first.status).toBe(503);
  expect(visibleText(first.text)).toContain('Chưa xác nhận được (unavailable).');
  const kept = first.text.slice(first.text.indexOf(`name="code" value="${code}"`) - 400);
  expect(/name="requestId" value="([^"]+)"/.exec(kept)![1]).toBe(requestId);

  const again = await web.post('/cong-viec/nhan', { code, taskId, requestId });
  expect(again.status).toBe(303);
  expect(unreliable.updateIds.claim.slice(-2)).toEqual([requestId, requestId]);
});

test('keeps the chosen official and the request id of a reassignment that was not confirmed (503)', async () => {
  const code = await accepted();
  const taskId = await openTask(stack, code, 'review');
  const web = await signedIn('hn.giamsat');
  const path = `${dossierPath(code)}/phan-cong`;
  const page = await web.get(dossierPath(code));
  const requestId = requestIdOfForm(page.text, path);
  const officialId = /<option value="(\d+)"\s*>Lê Thu Hà<\/option>/.exec(page.text)![1];

  unreliable.next('reassign');
  const first = await web.post(path, { taskId, officialId, requestId });
  expect(first.status).toBe(503);
  expect(first.text).toMatch(new RegExp(`<option value="${officialId}" selected>Lê Thu Hà</option>`));
  expect(requestIdOfForm(first.text, path)).toBe(requestId);

  const again = await web.post(path, { taskId, officialId, requestId });
  expect(again.status).toBe(303);
  expect(visibleText((await web.get(dossierPath(code))).text)).toContain('Người xử lý: Lê Thu Hà');
});

test("keeps the applicant's corrections and the request id of a supplement that was not confirmed (503)", async () => {
  const code = await accepted();
  const taskId = await openTask(stack, code, 'review');
  expectDone(
    await stack.services.actions.complete(code, { taskId, action: 'request-contact', reason: 'Số điện thoại không liên lạc được', actor: await actor(stack, 'hn.chuyenvien') }, updateId()),
  );
  const waiting = await waitForDossier(stack, code, (d) => d.status === 5);
  const link = new URL(applicantLinks(baseUrl, IN_PROCESS_SECRETS.linkSecret).supplement(code, waiting.supplement!.round));
  const web = new WebClient(baseUrl);
  const action = `/bo-sung/${encodeURIComponent(code)}`;
  const requestId = requestIdOfForm((await web.get(link.pathname + link.search)).text, action);
  const fields = { lan: link.searchParams.get('lan')!, t: link.searchParams.get('t')!, email: 'ha@example.vn', phone: '0987654321', note: 'Số mới', requestId };

  unreliable.next('submitSupplement');
  const first = await web.post(action, fields);
  expect(first.status).toBe(503);
  expect(first.text).toContain('value="0987654321"');
  expect(first.text).toContain('>Số mới</textarea>');
  expect(requestIdOfForm(first.text, action)).toBe(requestId);

  const again = await web.post(action, fields);
  expect(again.status).toBe(303);
  expect((await waitForDossier(stack, code, (d) => d.form.phone === '0987654321')).form.phone).toBe('0987654321');
});
