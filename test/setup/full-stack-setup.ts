/**
 * Once per run of the full-stack project: a PostgreSQL server with a migrated, seeded template
 * database (each test file copies it), a Temporal dev server (the real binary, see
 * worker/temporal-dev-server.ts) and the workflow bundle. Set DATABASE_URL or TEMPORAL_ADDRESS to
 * test against your own.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startLocalPostgres, type LocalPostgres } from '../../db/local-postgres';
import { initORM, migrate } from '../../db/orm';
import { seedDemoApiClient, seedDemoOfficials, seedReferenceData } from '../../db/seeds/demo';
import { startTemporalDevServer, type DevServer } from '../../worker/temporal-dev-server';
import { workflowBundle } from './workflow-bundle';

export const TEMPLATE_DB = 'motcua_test_template';

declare global {
  // Handles for full-stack-teardown.ts (same process).
  var __motcuaFullStack: { postgres?: LocalPostgres; temporal?: DevServer; tmp: string } | undefined;
}

export default async function fullStackSetup(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-test-'));
  // Running as root, PostgreSQL runs as the postgres user, which must reach its data folder.
  fs.chmodSync(tmp, 0o755);
  globalThis.__motcuaFullStack = { tmp };

  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const postgres = await startLocalPostgres({
      dataDir: path.join(tmp, 'postgres'),
      port: await freePort(),
      database: TEMPLATE_DB,
      ephemeral: true,
    });
    globalThis.__motcuaFullStack.postgres = postgres;
    serverUrl = postgres.url;
  }
  const templateUrl = new URL(serverUrl);
  templateUrl.pathname = `/${TEMPLATE_DB}`;
  const orm = await initORM(templateUrl.toString());
  await migrate(orm);
  await seedReferenceData(orm);
  await seedDemoOfficials(orm);
  await seedDemoApiClient(orm);
  await orm.close();
  process.env.MOTCUA_TEST_TEMPLATE_URL = templateUrl.toString();

  if (!process.env.TEMPORAL_ADDRESS) {
    const temporal = await startTemporalDevServer({ port: await freePort() });
    globalThis.__motcuaFullStack.temporal = temporal;
    process.env.TEMPORAL_ADDRESS = temporal.address;
  }

  process.env.MOTCUA_TEST_WORKFLOW_BUNDLE = await workflowBundle();
}
