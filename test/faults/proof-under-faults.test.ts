/**
 * Proof under faults. A hundred dossiers in flight (96 promotion registrations and 4 paid
 * driving-licence renewals, submitted through the intake service) meet, one after the other:
 * - the registries failing every call for a while (the sandbox's failure rate at 1.0);
 * - inside that window, the worker process killed with SIGKILL (the supervisor of `npm start`,
 *   scripts/lib/supervisor.ts, starts a new one), and PostgreSQL stopped and started again on
 *   the same data (the test's own server, not the shared one);
 * - then the Temporal dev server killed with officials' decisions in flight, and started again
 *   on its SQLite history after a while; officials press again (the same update id) until
 *   their decision is confirmed;
 * - the same submission (same Idempotency-Key) and the same payment callback delivered twice.
 * Afterwards every dossier has completed, each has one result number, and the read model equals
 * the workflows (scripts/lib/reconcile.ts, then the `npm run reconcile` program once).
 *
 * FAULT_SECONDS (default 60) sets how long the registries fail and Temporal stays down.
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../config/paths';
import { Dossier, PaymentCallback } from '../../db/entities';
import { freePort, startLocalPostgres, type LocalPostgres, type LocalPostgresOptions } from '../../db/local-postgres';
import { initORM, migrate, type Orm } from '../../db/orm';
import { seedDemoOfficials, seedReferenceData } from '../../db/seeds/demo';
import { startInProcessStack } from '../../scripts/lib/in-process-stack';
import { formatDifferences, reconcile } from '../../scripts/lib/reconcile';
import { processUnit, Supervisor } from '../../scripts/lib/supervisor';
import type { Actor } from '../../workflows/messages';
import { actor, promotionForm, renewalForm, submitTo } from '../support/scenario';
import type { Stack } from '../support/stack';
import { temporalProcess, type TemporalProcess } from '../support/temporal-process';

const FAULT_MS = Number(process.env.FAULT_SECONDS ?? 60) * 1000;
const PROMOTIONS = 96;
const RENEWALS = 4;
const DOSSIERS = PROMOTIONS + RENEWALS;
/** The web's wait for an Update: an official hears within seconds that a decision is unconfirmed. */
const UPDATE_WAIT = '3s';

let tmp: string;
let postgresOptions: LocalPostgresOptions;
let postgres: LocalPostgres;
let orm: Orm;
let temporal: TemporalProcess;
let stack: Stack;
let supervisor: Supervisor;
let workerPid: number | undefined;
const workerOutput: string[] = [];
const supervisorLog: string[] = [];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

beforeAll(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-faults-'));
  // Running as root, PostgreSQL runs as the postgres user, which must reach its data folder.
  fs.chmodSync(tmp, 0o755);
  postgresOptions = { dataDir: path.join(tmp, 'postgres'), port: await freePort(), database: 'motcua_faults', ephemeral: true };
  postgres = await startLocalPostgres(postgresOptions);
  orm = await initORM(postgres.url);
  await migrate(orm);
  await seedReferenceData(orm);
  await seedDemoOfficials(orm);
  temporal = await temporalProcess({ port: await freePort(), dataDir: path.join(tmp, 'temporal') });
  const inProcess = await startInProcessStack({
    orm,
    databaseUrl: postgres.url,
    temporalAddress: temporal.address,
    workflowBundlePath: process.env.MOTCUA_TEST_WORKFLOW_BUNDLE,
    worker: false,
    env: { TEMPORAL_UPDATE_WAIT: UPDATE_WAIT },
  });
  stack = {
    ...inProcess,
    db: { url: postgres.url, orm, drop: async () => undefined },
    dossier: (code) => orm.em.fork().findOneOrFail(Dossier, { code }, { populate: ['agency'] }),
  };
  // The worker runs as a process under the supervisor `npm start` uses, which replaces it when killed.
  supervisor = new Supervisor({ initialBackoffMs: 500, log: (line) => supervisorLog.push(line) });
  await supervisor.add(
    processUnit('worker', process.execPath, [path.join(projectRoot, 'dist', 'worker', 'main.js')], { env: stack.workerEnv }, {
      echo: false,
      ready: (child) =>
        new Promise<void>((resolve) => {
          workerPid = child.pid;
          const read = (chunk: Buffer) => {
            workerOutput.push(chunk.toString());
            if (chunk.toString().includes('polling task queue')) resolve();
          };
          child.stdout?.on('data', read);
          child.stderr?.on('data', read);
        }),
    }),
  );
}, 120_000);

afterAll(async () => {
  await supervisor?.stopAll();
  await stack?.stop();
  await orm?.close(true);
  await temporal?.kill();
  await postgres?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});


type Step = { step: string; as: string; action: string } | { step: 'pay' };
const PROMOTION_PATH: Step[] = [
  { step: 'intake', as: 'hcm.sct.tiepnhan', action: 'accept' },
  { step: 'review', as: 'hcm.sct.chuyenvien', action: 'propose-confirmation' },
  { step: 'approval', as: 'hcm.sct.lanhdao', action: 'approve' },
];
const RENEWAL_PATH: Step[] = [
  { step: 'intake', as: 'hn.tiepnhan', action: 'accept' },
  { step: 'pay' },
  { step: 'review', as: 'hn.chuyenvien', action: 'propose-approval' },
  { step: 'approval', as: 'hn.lanhdao', action: 'approve' },
];

/** Polls `read` (errors while a server is down count as "not yet") until `ok` holds. */
async function until<T>(what: string, read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs: number, everyMs = 500): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await read();
      if (ok(value)) return value;
      last = value;
    } catch (error) {
      last = error instanceof Error ? error.message : error;
    }
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs / 1000} s (last: ${JSON.stringify(last)?.slice(0, 300)})`);
    await sleep(everyMs);
  }
}

/** The open tasks of every dossier of the test, read in one query twice a second and shared by all officials. */
class TaskBoard {
  private open = new Map<string, string>();
  private running = true;
  private loop?: Promise<void>;
  constructor(private readonly codes: string[]) {}
  start() {
    this.loop = (async () => {
      while (this.running) {
        try {
          const rows = await orm.em
            .getConnection()
            .execute<{ code: string; step_id: string; task_key: string }[]>(
              `select d.code, t.step_id, t.task_key from task t join dossier d on d.id = t.dossier_id where d.code in (?) and t.status = 'open'`,
              [this.codes],
            );
          this.open = new Map(rows.map((r) => [`${r.code} ${r.step_id}`, r.task_key]));
        } catch {
          // PostgreSQL is restarting: the next round reads again.
        }
        await sleep(500);
      }
    })();
  }
  async task(code: string, step: string, timeoutMs: number): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const key = this.open.get(`${code} ${step}`);
      if (key) return key;
      if (Date.now() > deadline) throw new Error(`no open ${step} task on ${code} within ${timeoutMs / 1000} s`);
      await sleep(100);
    }
  }
  async stop() {
    this.running = false;
    await this.loop;
  }
}

async function sandbox(url: string, body: unknown, method = 'PUT') {
  const response = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<Record<string, unknown>>;
}

test('a hundred dossiers come through registry failures, a killed worker, a PostgreSQL restart and a Temporal outage, each decided and numbered once', async () => {
  const t0 = Date.now();
  const timeline: string[] = [];
  const mark = (what: string) => timeline.push(`${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s  ${what}`);
  const registryConfig = `${stack.endpoints.registryUrl}/__sandbox/config`;

  // Phase 1: the registries refuse every call from the start.
  await sandbox(registryConfig, { failureRate: 1 });
  mark('registries fail every call (failure rate 1.0)');

  const submissions = [
    ...Array.from({ length: PROMOTIONS }, (_, i) => ({ procedure: 'SCT-KM-DK', form: promotionForm(i), key: `faults-km-${i}`, path: PROMOTION_PATH })),
    ...Array.from({ length: RENEWALS }, (_, i) => ({
      procedure: 'GPLX-DOI',
      form: renewalForm('carHolderHanoi', { email: `gplx${i}@example.vn` }),
      key: `faults-gplx-${i}`,
      path: RENEWAL_PATH,
    })),
  ];
  const codes: string[] = [];
  for (let i = 0; i < submissions.length; i += 10) {
    codes.push(...(await Promise.all(submissions.slice(i, i + 10).map((s) => submitTo(stack, s.procedure, s.form, s.key)))));
  }
  const pathOf = new Map(codes.map((code, i) => [code, submissions[i].path]));
  mark(`${codes.length} dossiers submitted`);
  // The same submission again (same Idempotency-Key): the same dossier, not a second one.
  expect(await submitTo(stack, submissions[0].procedure, submissions[0].form, submissions[0].key)).toBe(codes[0]);
  expect(await submitTo(stack, submissions[PROMOTIONS].procedure, submissions[PROMOTIONS].form, submissions[PROMOTIONS].key)).toBe(codes[PROMOTIONS]);
  expect(new Set(codes).size).toBe(DOSSIERS);

  const officials: Record<string, Actor> = {};
  for (const as of new Set([...PROMOTION_PATH, ...RENEWAL_PATH].flatMap((s) => ('as' in s ? [s.as] : [])))) officials[as] = await actor(stack, as);

  const board = new TaskBoard(codes);
  board.start();
  let inFlight = 0;
  let decided = 0;
  const unconfirmed: string[] = [];
  const refused: string[] = [];
  const paymentDeliveries: string[] = [];

  /** Pays through the gateway; a callback lost in an outage is sent again, as the gateway would, until applied. */
  const pay = async (code: string) => {
    const pending = await until(`payment of ${code}`, () => stack.dossier(code), (d) => d.payment?.status === 'pending', FAULT_MS * 3 + 120_000);
    const reference = pending.payment!.reference;
    const paid = await sandbox(`${stack.endpoints.paymentUrl}/__sandbox/payment-requests/${encodeURIComponent(reference)}/pay`, {}, 'POST');
    const transactionId = String(paid.transactionId);
    for (;;) {
      const applied = await until(`callback of ${code}`, () => orm.em.fork().findOne(PaymentCallback, { transactionId }), () => true, 60_000).catch(() => null);
      if (applied?.outcome === 'applied') break;
      await sleep(3000);
      const again = await orm.em.fork().findOne(PaymentCallback, { transactionId }).catch(() => null);
      if (again?.outcome === 'applied') break;
      paymentDeliveries.push(`${code}: callback sent again (${again?.outcome ?? 'not received'})`);
      await sandbox(`${stack.endpoints.paymentUrl}/__sandbox/payment-requests/${encodeURIComponent(reference)}/replay-callback`, {}, 'POST').catch(() => undefined);
    }
    // The same callback once more after it was applied: counted, and nothing changes.
    await sandbox(`${stack.endpoints.paymentUrl}/__sandbox/payment-requests/${encodeURIComponent(reference)}/replay-callback`, {}, 'POST');
    await until(`duplicate callback of ${code}`, () => orm.em.fork().findOneOrFail(PaymentCallback, { transactionId }), (row) => row.deliveries >= 2, 30_000);
  };

  /** An official works one dossier; a decision not confirmed is pressed again with the same update id. */
  const work = async (code: string) => {
    for (const step of pathOf.get(code)!) {
      if (!('action' in step)) {
        await pay(code);
        continue;
      }
      const taskId = await board.task(code, step.step, FAULT_MS * 3 + 120_000);
      const updateId = crypto.randomUUID();
      for (;;) {
        inFlight++;
        const outcome = await stack.services.actions
          .complete(code, { taskId, action: step.action, actor: officials[step.as] }, updateId)
          .catch((error: unknown) => ({ kind: 'error' as const, message: String(error) }))
          .finally(() => inFlight--);
        if (outcome.kind === 'done') break;
        if (outcome.kind === 'refused') {
          refused.push(`${code} ${step.action}: ${outcome.message}`);
          break;
        }
        unconfirmed.push(`${code} ${step.action}: ${outcome.kind}`);
        await sleep(1000);
      }
      decided++;
    }
  };
  const officialsAtWork = Promise.all(codes.map(work));
  officialsAtWork.catch(() => undefined);

  // The worker is killed while the registry checks fail and are retried.
  await sleep(5000);
  const killed = workerPid!;
  process.kill(killed, 'SIGKILL');
  mark(`worker (pid ${killed}) killed with SIGKILL`);
  await until('a new worker', async () => workerPid, (pid) => pid !== killed && workerOutput.join('').split('polling task queue').length > 2, 60_000, 100);
  mark(`supervisor started a new worker (pid ${workerPid})`);

  // PostgreSQL stops (every pooled connection and the LISTEN connection break) and comes back on its data.
  await sleep(3000);
  await postgres.stop();
  mark('PostgreSQL stopped');
  await sleep(5000);
  postgres = await startLocalPostgres(postgresOptions);
  mark('PostgreSQL started again on the same data');

  // The registries answer again once the failure window is over.
  await sleep(Math.max(0, t0 + FAULT_MS - Date.now()));
  await sandbox(registryConfig, { failureRate: 0 });
  mark('registries answer again (failure rate 0)');

  // Phase 2: Temporal goes away with officials' decisions on their way.
  await until('decisions in flight', async () => inFlight, (n) => n >= 3, 120_000, 5);
  mark(`${decided} decisions confirmed so far; ${inFlight} in flight`);
  await temporal.kill();
  mark('Temporal dev server killed (SIGKILL)');
  await sleep(FAULT_MS);
  await temporal.start();
  mark('Temporal dev server started again on its SQLite history');

  await officialsAtWork;
  mark(`every decision confirmed (${decided}; ${unconfirmed.length} not confirmed at first, pressed again)`);
  await board.stop();
  expect(refused).toEqual([]);
  expect(unconfirmed.length).toBeGreaterThan(0);

  await until(
    'every dossier completed',
    () => orm.em.fork().find(Dossier, { code: { $in: codes } }, { fields: ['code', 'completedAt', 'outcome', 'status'] }),
    (rows) => rows.length === DOSSIERS && rows.every((d) => d.completedAt !== null),
    180_000,
    1000,
  );
  mark('every dossier completed');
  const rows = await orm.em.fork().find(Dossier, { code: { $in: codes } });
  expect(rows.map((d) => [d.outcome, d.status])).toEqual(codes.map(() => ['completed', 10]));
  // Idempotent submissions: one dossier per key.
  expect(await orm.em.fork().count(Dossier, { idempotencyKey: { $like: 'faults-%' } })).toBe(DOSSIERS);

  // One result number per dossier, and no number twice.
  const numbers = await orm.em.getConnection().execute<{ dossier_code: string; number: string }[]>('select dossier_code, number from issued_number where dossier_code in (?)', [codes]);
  expect(numbers.map((n) => n.dossier_code).sort()).toEqual([...codes].sort());
  expect(new Set(numbers.map((n) => n.number)).size).toBe(numbers.length);
  // Each paid dossier: one transaction, delivered at least twice, applied once.
  const callbacks = await orm.em.fork().find(PaymentCallback, { dossierCode: { $in: codes.slice(PROMOTIONS) } });
  expect(callbacks.map((c) => [c.dossierCode, c.outcome]).sort()).toEqual(codes.slice(PROMOTIONS).map((c) => [c, 'applied']).sort());
  expect(callbacks.every((c) => c.deliveries >= 2)).toBe(true);

  // The read model, the outbox and the numbers equal what the workflows recorded.
  const report = await reconcile({ orm, temporal: stack.temporal, workflowIdPrefix: stack.taskQueue, codes });
  expect(formatDifferences(report)).toBe(`${DOSSIERS} dossier(s) checked: the read model matches the workflows.`);
  mark('reconcile (scripts/lib/reconcile.ts): no difference');
  // The operators' command, once: the compiled `npm run reconcile` on the same servers.
  const cli = spawnSync(process.execPath, [path.join(projectRoot, 'dist', 'scripts', 'reconcile.js')], { env: stack.workerEnv, encoding: 'utf8', timeout: 120_000 });
  expect(`${cli.stdout}${cli.stderr}`.trim()).toBe(`${DOSSIERS} dossier(s) checked: the read model matches the workflows.`);
  expect(cli.status).toBe(0);
  mark('npm run reconcile (dist/scripts/reconcile.js): no difference');

  console.log(
    `[faults] timeline:\n${timeline.join('\n')}\n` +
      `[faults] supervisor: ${supervisorLog.join(' | ')}\n` +
      `[faults] payment callbacks sent again: ${paymentDeliveries.length}\n` +
      `[faults] decisions not confirmed at first: ${unconfirmed.length}`,
  );
}, 600_000);
