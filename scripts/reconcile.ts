/**
 * `npm run reconcile`: compares the read model with the workflows (the workflow owns the truth)
 * and prints every difference; exits 1 when there is one. Uses DATABASE_URL and
 * TEMPORAL_ADDRESS, or the servers `npm start` runs locally. `-- <code> ...` checks some dossiers only.
 */
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '../config';
import { localPostgresUrl } from '../db/local-postgres';
import { initORM } from '../db/orm';
import { temporalConnectionOptions, temporalDataConverter } from '../config/temporal-connection';
import { formatDifferences, reconcile } from './lib/reconcile';

async function main(): Promise<void> {
  const config = loadConfig();
  // Without DATABASE_URL: the database `npm start` runs (scripts/start.ts names it the same way).
  const databaseUrl =
    config.database.url ?? localPostgresUrl({ dataDir: path.join(config.dataDir, 'postgres'), port: config.database.embeddedPort, database: 'motcua' });
  if (!databaseUrl) {
    console.error('reconcile: set DATABASE_URL (no local database found in DATA_DIR)');
    process.exit(2);
  }
  const orm = await initORM(databaseUrl);
  const connection = await Connection.connect(temporalConnectionOptions(config, config.temporal.address ?? `127.0.0.1:${config.temporal.devServerPort}`));
  try {
    const codes = process.argv.slice(2);
    const report = await reconcile({
      orm,
      temporal: new Client({ connection, namespace: config.temporal.namespace, dataConverter: temporalDataConverter(config) }),
      workflowIdPrefix: config.temporal.workflowIdPrefix,
      codes: codes.length ? codes : undefined,
    });
    console.log(formatDifferences(report));
    process.exitCode = report.differences.length ? 1 : 0;
  } finally {
    await connection.close();
    await orm.close();
  }
}

main().catch((error) => {
  console.error(`reconcile: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
