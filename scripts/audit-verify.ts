/**
 * `npm run audit:verify`: walks the audit trail's hash chain (db/audit.ts) and reports every
 * broken link with its sequence number and time: an entry edited (its hash no longer matches
 * its content), entries deleted (a gap in the sequence), an entry replaced or reordered (the
 * previous hash it carries is not its predecessor's). Exits 1 when the chain is broken, 0 with
 * the count verified and the last entry's hash when it is whole: keep that line, and a later run
 * that ends before it shows entries cut off the end. Uses DATABASE_URL, or the database
 * `npm start` runs locally.
 */
import path from 'node:path';
import { loadConfig } from '../config';
import { formatVerification, verifyAuditChain } from '../db/audit';
import { localPostgresUrl } from '../db/local-postgres';
import { initORM } from '../db/orm';

async function main(): Promise<void> {
  const config = loadConfig();
  // Without DATABASE_URL: the database `npm start` runs (scripts/start.ts names it the same way).
  const databaseUrl =
    config.database.url ?? localPostgresUrl({ dataDir: path.join(config.dataDir, 'postgres'), port: config.database.embeddedPort, database: 'motcua' });
  if (!databaseUrl) {
    console.error('audit:verify: set DATABASE_URL (no local database found in DATA_DIR)');
    process.exit(2);
  }
  const orm = await initORM(databaseUrl);
  try {
    const verification = await verifyAuditChain(orm.em.fork());
    console.log(formatVerification(verification));
    process.exitCode = verification.breaks.length ? 1 : 0;
  } finally {
    await orm.close();
  }
}

main().catch((error) => {
  console.error(`audit:verify: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
