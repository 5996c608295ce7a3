/**
 * While Temporal is out of reach, the web answers within seconds: a decision with 503 and its
 * reason (not after the whole 20-second wait for an Update), pages from the read model as
 * usual, a submission with its code (the workflow starts once Temporal is back), and /readyz
 * with 503 naming Temporal. Nothing is lost: the same decision goes through afterwards.
 */
import { DEMO_API_AUTHORIZATION } from '../../db/seeds/demo';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../db/local-postgres';
import { openTask, renewalForm, submit, waitForDossier } from '../support/scenario';
import { startStack, type Stack } from '../support/stack';
import { temporalProcess, type TemporalProcess } from '../support/temporal-process';
import { visibleText, WebClient } from '../support/web-client';

let dataDir: string;
let temporal: TemporalProcess;
let stack: Stack;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-unreachable-'));
  temporal = await temporalProcess({ port: await freePort(), dataDir });
  // The production wait for an Update (20 s): the point is not to sit through it.
  stack = await startStack({ temporalAddress: temporal.address, env: { TEMPORAL_UPDATE_WAIT: '20s' } });
});

afterAll(async () => {
  // The Temporal client retries a call made during the outage (UNAVAILABLE, 10 attempts, at most
  // 6 s apart) even after the web aborted it, and a retry timer that fires once the connection is
  // closed throws "Channel has been shut down" from a timer, failing whichever test file runs
  // next in this Jest worker. Temporal is back: let those retries end before closing.
  await new Promise((r) => setTimeout(r, 7000));
  await stack?.stop();
  await temporal?.kill();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  const value = await work();
  return { value, ms: Date.now() - started };
}

test('answers within seconds while Temporal is down, and loses nothing', async () => {
  const code = await submit(stack);
  const taskId = await openTask(stack, code, 'intake');
  const web = new WebClient(stack.baseUrl);
  await web.signIn('hn.tiepnhan');
  const page = await web.get(`/ho-so/${code}`);
  const requestId = /name="requestId" value="([^"]+)"/.exec(page.text.slice(page.text.indexOf('/thao-tac')))![1];
  const fields = { taskId, action: 'accept', requestId };

  await temporal.kill();
  try {
    const decision = await timed(() => web.post(`/ho-so/${code}/thao-tac`, fields));
    expect(decision.value.status).toBe(503);
    expect(visibleText(decision.value.text)).toContain('tạm thời không kết nối được');
    expect(decision.ms).toBeLessThan(8_000);
    console.log(`[unreachable] decision answered in ${decision.ms} ms`);

    const queue = await timed(() => web.get('/cong-viec'));
    expect(queue.value.status).toBe(200);
    expect(queue.ms).toBeLessThan(3_000);

    const ready = await timed(() => fetch(`${stack.baseUrl}/readyz`));
    expect(ready.value.status).toBe(503);
    expect(await ready.value.json()).toMatchObject({ database: 'ok', temporal: 'unreachable' });
    expect(ready.ms).toBeLessThan(4_000);

    const submission = await timed(() =>
      fetch(`${stack.baseUrl}/api/v1/dossiers`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: DEMO_API_AUTHORIZATION },
        body: JSON.stringify({ procedureCode: 'GPLX-DOI', form: renewalForm('motorbikeHolderHoChiMinh', { province: '79' }) }),
      }),
    );
    expect(submission.value.status).toBe(201);
    expect(submission.ms).toBeLessThan(8_000);
    const saved = (await submission.value.json()) as { code: string };

    await temporal.start();
    // The official presses again (same request id) until it goes through, as the page tells them
    // to; the client reconnects within seconds. The saved dossier gets its workflow.
    let again = await web.post(`/ho-so/${code}/thao-tac`, fields);
    for (let tries = 1; again.status === 503 && tries < 10; tries++) {
      await new Promise((r) => setTimeout(r, 1000));
      again = await web.post(`/ho-so/${code}/thao-tac`, fields);
    }
    expect(again.status).toBe(303);
    expect(await stack.services.intake.startPendingWorkflows(0)).toBeGreaterThanOrEqual(1);
    await openTask(stack, saved.code, 'intake', 60_000);
    await waitForDossier(stack, code, (d) => d.stepId !== 'intake', 60_000);
  } finally {
    // Back up for the other tests of this file's stack, if an assertion failed while it was down.
    await temporal.start().catch(() => undefined);
  }
}, 180_000);
