/**
 * `npm run bench`: end-to-end throughput of driving-licence renewals, with the registry and
 * payment sandboxes and an auto-acting official, next to a bare Temporal workflow of the same
 * shape, in one run and on one machine, reported as a ratio. Also the latency of an official's
 * decision (the Update round trip, read model included) and the process's memory.
 *
 * BENCH_DOSSIERS (default 60) dossiers with BENCH_CONCURRENCY (default 10) in flight;
 * DATABASE_URL / TEMPORAL_ADDRESS point it at your own servers.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { startLocalPostgres, freePort } from '../db/local-postgres';
import { initORM, migrate, type Orm } from '../db/orm';
import { seedDemoOfficials, seedReferenceData } from '../db/seeds/demo';
import { Official } from '../db/entities';
import { DEMO_RECORDS } from '../sandboxes/registry/data';
import type { Actor } from '../workflows/messages';
import { startTemporalDevServer } from '../worker/temporal-dev-server';
import { installRuntime } from '../worker/runtime';
import { prebuiltWorkflowBundle } from '../worker/workflow-bundle';
import { type InProcessStack, startInProcessStack } from './lib/in-process-stack';
import { bareDecision, type bareDossierWorkflow } from './bench/bare-workflow';
import { benchListPages, listBenchTable } from './bench/list-pages';

const DOSSIERS = Number(process.env.BENCH_DOSSIERS ?? 60);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 10);
const POLL_MS = 20;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function pool(total: number, concurrency: number, work: (i: number) => Promise<void>): Promise<number> {
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await work(next++);
    }),
  );
  return (performance.now() - started) / 1000;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

/** The official that acts as soon as a task shows in the read model, like a very fast clerk. */
class AutoOfficial {
  readonly decisionMs: number[] = [];
  private n = 0;
  constructor(
    private readonly stack: InProcessStack,
    private readonly orm: Orm,
    private readonly actors: Record<string, Actor>,
  ) {}

  private sql<T>(query: string, params: unknown[]): Promise<T[]> {
    return this.orm.em.getConnection().execute<T[]>(query, params);
  }

  private async waitFor<T>(read: () => Promise<T | undefined>): Promise<T> {
    for (;;) {
      const value = await read();
      if (value !== undefined) return value;
      await sleep(POLL_MS);
    }
  }

  private async decide(code: string, stepId: string, username: string, action: string): Promise<void> {
    const taskId = await this.waitFor(async () =>
      (await this.sql<{ task_key: string }>(
        `select t.task_key from task t join dossier d on d.id = t.dossier_id where d.code = ? and t.step_id = ? and t.status = 'open'`,
        [code, stepId],
      ))[0]?.task_key,
    );
    const started = performance.now();
    const outcome = await this.stack.services.actions.complete(code, { taskId, action, actor: this.actors[username] }, `bench-${code}-${++this.n}`);
    this.decisionMs.push(performance.now() - started);
    if (outcome.kind !== 'done') throw new Error(`${code} ${action}: ${outcome.message}`);
  }

  async renew(i: number): Promise<void> {
    const who = DEMO_RECORDS.carHolderHanoi;
    const result = await this.stack.services.intake.submit({
      procedureCode: 'GPLX-DOI',
      channel: 'api',
      form: {
        fullName: who.citizen.fullName,
        citizenId: who.citizen.citizenId,
        dateOfBirth: who.citizen.dateOfBirth,
        licenceNumber: who.licence.number,
        licenceClass: who.licence.class,
        renewalReason: 'het-han',
        healthCertificateNumber: `BENCH-${i}`,
        healthCertificateDate: '2026-11-02',
        province: '01',
        deliveryMethod: 'tai-quay',
        phone: '0912345678',
        email: `bench${i}@example.vn`,
      },
    });
    if (result.kind !== 'created') throw new Error(`submission ${i}: ${JSON.stringify(result)}`);
    const code = result.code;
    await this.decide(code, 'intake', 'hn.tiepnhan', 'accept');
    const reference = await this.waitFor(async () =>
      (await this.sql<{ reference: string }>(`select payment->>'reference' as reference from dossier where code = ? and payment->>'status' = 'pending'`, [code]))[0]?.reference,
    );
    const paid = await fetch(`${this.stack.endpoints.paymentUrl}/__sandbox/payment-requests/${encodeURIComponent(reference)}/pay`, { method: 'POST' });
    if (!paid.ok) throw new Error(`${code}: the sandbox refused to pay (${paid.status})`);
    await this.decide(code, 'review', 'hn.chuyenvien', 'propose-approval');
    await this.decide(code, 'approval', 'hn.lanhdao', 'approve');
    await this.waitFor(async () => (await this.sql<{ status: number }>('select status from dossier where code = ? and status = 10', [code]))[0]);
  }
}

async function benchBare(address: string): Promise<{ seconds: number; decisionMs: number[] }> {
  const taskQueue = `bench-bare-${process.pid}`;
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowsPath: require.resolve('./bench/bare-workflow'),
    activities: { step: async () => undefined },
  });
  const running = worker.run();
  const client = new Client({ connection: await Connection.connect({ address }) });
  const decisionMs: number[] = [];
  const seconds = await pool(DOSSIERS, CONCURRENCY, async (i) => {
    const handle = await client.workflow.start<typeof bareDossierWorkflow>('bareDossierWorkflow', {
      taskQueue,
      workflowId: `bench-bare-${process.pid}-${i}`,
    });
    for (let n = 1; n <= 4; n++) {
      const started = performance.now();
      await handle.executeUpdate(bareDecision, { args: [n] });
      decisionMs.push(performance.now() - started);
    }
    await handle.result();
  });
  worker.shutdown();
  await running;
  await connection.close();
  await client.connection.close();
  return { seconds, decisionMs };
}

async function main(): Promise<void> {
  installRuntime();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-bench-'));
  fs.chmodSync(tmp, 0o755);
  const postgres = process.env.DATABASE_URL
    ? undefined
    : await startLocalPostgres({ dataDir: path.join(tmp, 'pg'), port: await freePort(), database: 'motcua_bench', ephemeral: true });
  const databaseUrl = process.env.DATABASE_URL ?? postgres!.url;
  const temporalServer = process.env.TEMPORAL_ADDRESS ? undefined : await startTemporalDevServer({ port: await freePort() });
  const address = process.env.TEMPORAL_ADDRESS ?? temporalServer!.address;

  const orm = await initORM(databaseUrl, { pool: { min: 2, max: 20 } });
  await migrate(orm);
  await seedReferenceData(orm);
  await seedDemoOfficials(orm);
  const stack = await startInProcessStack({ orm, databaseUrl, temporalAddress: address, workflowBundlePath: prebuiltWorkflowBundle()?.codePath });
  const officials = await orm.em.fork().find(Official, { username: { $in: ['hn.tiepnhan', 'hn.chuyenvien', 'hn.lanhdao'] } }, { populate: ['agency'] });
  const actors = Object.fromEntries(
    officials.map((o) => [o.username, { id: String(o.id), username: o.username, name: o.fullName, role: o.role, agencyCode: o.agency.code }]),
  );

  console.log(`motcua benchmark: ${DOSSIERS} dossiers, ${CONCURRENCY} in flight, ${os.cpus().length} cores, Node ${process.version}`);
  console.log(`PostgreSQL: ${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded'}; Temporal: ${process.env.TEMPORAL_ADDRESS ? address : 'local dev server (SQLite, in memory)'}\n`);

  const official = new AutoOfficial(stack, orm, actors);
  await official.renew(-1); // warm-up: bundles loaded, connections open
  official.decisionMs.length = 0;
  const motcuaSeconds = await pool(DOSSIERS, CONCURRENCY, (i) => official.renew(i));
  const rss = process.memoryUsage().rss;
  await stack.stop();

  const bare = await benchBare(address);

  const motcuaRate = DOSSIERS / motcuaSeconds;
  const bareRate = DOSSIERS / bare.seconds;
  const row = (name: string, seconds: number, rate: number, ms: number[]) =>
    `| ${name.padEnd(44)} | ${seconds.toFixed(1).padStart(7)} | ${rate.toFixed(2).padStart(10)} | ${percentile(ms, 50).toFixed(0).padStart(8)} | ${percentile(ms, 95).toFixed(0).padStart(8)} |`;
  console.log('| scenario                                     | seconds | dossiers/s | p50 (ms) | p95 (ms) |');
  console.log('|----------------------------------------------|---------|------------|----------|----------|');
  console.log(row('motcua end to end (sandboxes, auto official)', motcuaSeconds, motcuaRate, official.decisionMs));
  console.log(row('bare Temporal workflow, same shape', bare.seconds, bareRate, bare.decisionMs));
  console.log(`\nratio motcua / bare: ${(motcuaRate / bareRate).toFixed(2)}  (p50/p95: latency of one official's decision, read model included for motcua)`);
  console.log(`memory of this process (web, worker, sandboxes, driver): ${Math.round(rss / 1024 / 1024)} MiB RSS`);

  await orm.close();
  await temporalServer?.stop();
  await postgres?.stop();
  fs.rmSync(tmp, { recursive: true, force: true });

  // The list pages at a million dossiers (scripts/bench/list-pages.ts; its own database, seeded once). BENCH_LISTS=off skips it.
  if (process.env.BENCH_LISTS !== 'off') console.log(`\n${listBenchTable(await benchListPages())}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
