/**
 * Durability: the worker process is killed (SIGKILL) while it is calling the registries for a
 * dossier, and a new one is started. The dossier finishes and nothing is done twice: one
 * licence number, one timeline entry per event, one message per notification.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { IssuedNumber, Notification, TimelineEvent } from '../../db/entities';
import { projectRoot } from '../../config/paths';
import { freePort } from '../../db/local-postgres';
import { eventually } from '../support/eventually';
import { DossierActions } from '../../web/services/dossier-actions';
import { actor, decide, expectDone, openTask, pay, submit, waitForDossier } from '../support/scenario';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
const processes: ChildProcess[] = [];

beforeAll(async () => {
  stack = await startStack({ worker: false });
});
afterAll(async () => {
  for (const p of processes) if (p.exitCode === null) p.kill('SIGKILL');
  await stack?.stop();
});

function startWorkerProcess(): { process: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, [path.join(projectRoot, 'dist', 'worker', 'main.js')], {
    env: stack.workerEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  processes.push(child);
  return { process: child, output: () => output };
}

async function sandboxCalls(): Promise<{ path: string }[]> {
  return (await fetch(`${stack.endpoints.registryUrl}/__sandbox/calls`).then((r) => r.json())) as { path: string }[];
}

test('answers an official within a bounded time while no worker runs, and the decision is not lost', async () => {
  const code = await submit(stack);
  const actions = new DossierActions(stack.temporal, { workflowIdPrefix: stack.taskQueue, updateWaitMs: 1500 });
  const started = Date.now();
  const outcome = await actions.claim(code, { taskId: 'intake-1', actor: await actor(stack, 'hn.tiepnhan') }, 'claim-while-down');
  expect(outcome.kind).toBe('timeout');
  expect(Date.now() - started).toBeLessThan(5000);
  // Once a worker is back, the same request (same update id) goes through.
  const worker = startWorkerProcess();
  try {
    await openTask(stack, code, 'intake');
    // The same request again, with the web layer's usual wait (a loaded machine may need more than 1.5 s).
    const again = await stack.services.actions.claim(code, { taskId: 'intake-1', actor: await actor(stack, 'hn.tiepnhan') }, 'claim-while-down');
    expect(again.kind).toBe('done');
  } finally {
    worker.process.kill('SIGTERM');
    await new Promise((r) => worker.process.once('exit', r));
  }
});

test('a dossier survives the worker being killed mid-activity, without duplicates', async () => {
  const first = startWorkerProcess();
  const code = await submit(stack);
  // Slow registries, so the kill lands while the checks are in flight.
  await fetch(`${stack.endpoints.registryUrl}/__sandbox/config`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ latencyMs: [3000, 3000] }),
  });
  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'accept'));
  await waitForDossier(stack, code, (d) => d.stepId === 'verify');
  await new Promise((r) => setTimeout(r, 500));
  first.process.kill('SIGKILL');
  await new Promise((r) => first.process.once('exit', r));
  expect((await stack.dossier(code)).status).toBe(4);

  await fetch(`${stack.endpoints.registryUrl}/__sandbox/config`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ latencyMs: [0, 0] }),
  });
  const second = startWorkerProcess();
  try {
    await waitForDossier(stack, code, (d) => d.payment?.status === 'pending', 60_000);
    await pay(stack, code);
    expectDone(await decide(stack, code, 'review', 'hn.chuyenvien', 'propose-approval'));
    expectDone(await decide(stack, code, 'approval', 'hn.lanhdao', 'approve'));
    await waitForDossier(stack, code, (d) => d.status === 10, 60_000);
  } catch (error) {
    throw new Error(`${String(error)}\nworker output:\n${second.output()}`);
  }

  // The checks really ran twice (once in each worker) but count once in the dossier.
  const d = await stack.dossier(code);
  expect((await sandboxCalls()).filter((c) => c.path.includes('identity-verifications')).length).toBeGreaterThanOrEqual(2);
  expect(d.checks).toHaveLength(2);

  const em = stack.db.orm.em.fork();
  expect(await em.count(IssuedNumber, { dossierCode: code })).toBe(1);
  const events = await em.find(TimelineEvent, { dossier: d.id }, { orderBy: { seq: 'asc' } });
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  expect(events.filter((e) => e.type === 'check')).toHaveLength(2);
  expect(events.filter((e) => e.type === 'result-issued')).toHaveLength(1);
  const subjects = (await em.find(Notification, { dossierCode: code })).map((n) => n.subject);
  expect(new Set(subjects).size).toBe(subjects.length);
  expect(subjects).toHaveLength(4);
  second.process.kill('SIGTERM');
  await new Promise((r) => second.process.once('exit', r));
});

test('a worker stopped with Ctrl-C (SIGINT, then SIGTERM) drains and exits cleanly, and serves its metrics while it runs', async () => {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [path.join(projectRoot, 'dist', 'worker', 'main.js')], {
    env: { ...stack.workerEnv, WORKER_METRICS_PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  processes.push(child);
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  await eventually(() => output, (o) => o.includes('polling task queue'), 30_000);

  // A dossier through its registry checks, so the worker has called an outside system.
  const code = await submit(stack);
  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'accept'));
  await waitForDossier(stack, code, (d) => d.stepId !== 'verify' && d.stepId !== 'intake');
  const metrics = await fetch(`http://127.0.0.1:${port}/metrics`).then((r) => r.text());
  expect(metrics).toMatch(/motcua_external_calls_total\{system="registry",outcome="ok"\} [1-9]/);
  expect(metrics).not.toContain(code);

  const exited = new Promise<number | null>((resolve) => child.once('exit', (status) => resolve(status)));
  // Ctrl-C under `npm start` reaches the worker twice: SIGINT from the terminal, SIGTERM from start.ts.
  child.kill('SIGINT');
  child.kill('SIGTERM');
  expect(await exited).toBe(0);
  expect(output).not.toMatch(/IllegalStateError|Not running/);
});
