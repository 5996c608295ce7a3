/**
 * `npm start`: everything motcua needs on one machine. PostgreSQL (embedded, unless
 * DATABASE_URL is set) and a Temporal dev server (unless TEMPORAL_ADDRESS is set) keep their
 * data under DATA_DIR, so the next start finds earlier dossiers. The registry and payment
 * sandboxes, the worker and the web server run as child processes; one that crashes is
 * restarted. Ctrl-C stops everything in order.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { loadConfig } from '../config';
import { catalogueOrExit } from '../config/catalogue';
import { resolveEndpoints, resolveSecrets } from '../config/endpoints';
import { startLocalPostgres, type LocalPostgres } from '../db/local-postgres';
import { initORM, migrate } from '../db/orm';
import { DEMO_OFFICIALS, DEMO_PASSWORD, seedDemoOfficials, seedReferenceData } from '../db/seeds/demo';
import { DEMO_RECORDS } from '../sandboxes/registry/data';
import { startTemporalDevServer, type DevServer } from '../worker/temporal-dev-server';

const say = (line: string) => console.log(`[start] ${line}`);

interface Child {
  name: string;
  script: string;
  process?: ChildProcess;
  restarts: number;
}

async function main(): Promise<void> {
  // Broken procedure definitions are reported here, once, before PostgreSQL, Temporal or any
  // child starts: the worker and the web server would only refuse them again.
  catalogueOrExit('start');
  const config = loadConfig();
  let postgres: LocalPostgres | undefined;
  let temporal: DevServer | undefined;
  const children: Child[] = [];
  let stopping = false;

  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    say('stopping...');
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (!c.process || c.process.exitCode !== null) return resolve();
            c.process.once('exit', () => resolve());
            c.process.kill('SIGTERM');
            setTimeout(() => c.process?.kill('SIGKILL'), 10_000).unref();
          }),
      ),
    );
    await temporal?.stop().catch(() => undefined);
    await postgres?.stop().catch(() => undefined);
    say('stopped.');
    process.exit(code);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  try {
    let databaseUrl = config.database.url;
    if (!databaseUrl) {
      say('starting PostgreSQL (embedded)...');
      postgres = await startLocalPostgres({
        dataDir: path.join(config.dataDir, 'postgres'),
        port: config.database.embeddedPort,
        database: 'motcua',
        log: say,
      });
      databaseUrl = postgres.url;
    }
    const orm = await initORM(databaseUrl);
    const applied = await migrate(orm);
    if (applied.length) say(`migrations applied: ${applied.join(', ')}`);
    await seedReferenceData(orm);
    if (process.env.SEED_DEMO !== 'off') await seedDemoOfficials(orm);
    await orm.close();

    let temporalAddress = config.temporal.address;
    if (!temporalAddress) {
      say('starting the Temporal dev server...');
      temporal = await startTemporalDevServer({
        cliPath: config.temporal.cliPath,
        port: config.temporal.devServerPort,
        uiPort: config.temporal.uiPort,
        dbFile: path.join(config.dataDir, 'temporal', 'dev.sqlite'),
        namespace: config.temporal.namespace,
      });
      temporalAddress = temporal.address;
    }

    const secrets = resolveSecrets(config);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      SESSION_SECRET: secrets.sessionSecret,
      LINK_SECRET: secrets.linkSecret,
    };
    const dist = path.resolve(__dirname, '..');
    if (!config.registry.url) children.push({ name: 'registry-sandbox', script: 'sandboxes/registry/main.js', restarts: 0 });
    if (!config.payment.url) children.push({ name: 'payment-sandbox', script: 'sandboxes/payment/main.js', restarts: 0 });
    children.push({ name: 'worker', script: 'worker/main.js', restarts: 0 }, { name: 'web', script: 'web/main.js', restarts: 0 });

    const launch = (child: Child) => {
      const proc = spawn(process.execPath, [path.join(dist, child.script)], { env, stdio: 'inherit' });
      child.process = proc;
      proc.on('exit', (code, signal) => {
        if (stopping) return;
        say(`${child.name} exited (${signal ?? code}); restarting`);
        if (++child.restarts > 5) {
          say(`${child.name} keeps failing; giving up`);
          void stop(1);
          return;
        }
        setTimeout(() => launch(child), 2000);
      });
    };
    children.forEach(launch);

    const endpoints = resolveEndpoints(config);
    const demo = [
      ['ô tô, Hà Nội', DEMO_RECORDS.carHolderHanoi],
      ['xe máy, Hồ Chí Minh', DEMO_RECORDS.motorbikeHolderHoChiMinh],
      ['giấy phép đã bị thu hồi', DEMO_RECORDS.revokedLicence],
    ] as const;
    console.log(`
──────────────────────────────────────────────────────────────
 motcua is running

 Back office and public pages: ${endpoints.publicUrl}
 Submit a dossier:             ${endpoints.publicUrl}/nop-ho-so
 Status lookup:                ${endpoints.publicUrl}/tra-cuu
 Development mailbox:          ${endpoints.publicUrl}/hop-thu
 Temporal Web UI:              ${temporal ? `http://localhost:${config.temporal.uiPort}` : '(external cluster)'}

 Demo officials (password: ${DEMO_PASSWORD})
${DEMO_OFFICIALS.filter((o) => !o.username.slice(o.username.indexOf('.') + 1).includes('.'))
  .map((o) => `   ${o.username.padEnd(16)} ${o.fullName} (${o.role}, ${o.agencyCode})`)
  .join('\n')}
   Other agencies of Hà Nội (hn.) and Hồ Chí Minh (hcm.): <city>.<stp|sct|bhxh|thue|dienluc|snv|ubnd|pv06>.<tiepnhan|chuyenvien|lanhdao|giamsat>
   Wards: hoankiem.<role>, benthanh.<role>. The catalogue with every procedure: ${endpoints.publicUrl}/thu-tuc

 Demo applicants known to the registry sandbox
${demo.map(([what, r]) => `   ${what}: ${r.citizen.fullName}, CCCD ${r.citizen.citizenId}, sinh ${r.citizen.dateOfBirth}, GPLX ${r.licence.number} hạng ${r.licence.class}`).join('\n')}

 Ctrl-C stops everything; data is kept in ${config.dataDir}
──────────────────────────────────────────────────────────────
`);
  } catch (error) {
    console.error('[start] could not start:', error);
    await stop(1);
  }
}

void main();
