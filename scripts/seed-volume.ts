/**
 * `npm run seed:volume`: a province's volume in the read model (db/seeds/volume.ts): by default
 * 1,000,000 dossiers with 100,000 open tasks across agencies, a fifth of them in the Hà Nội and
 * Hồ Chí Minh traffic police (CSGT-01, CSGT-79), whose demo officials then have full queues.
 *
 * Into DATABASE_URL, or the local database `npm start` uses (started here for the time of the
 * seed when it is not running). VOLUME_DOSSIERS and VOLUME_OPEN_TASKS change the numbers;
 * VOLUME_TAG (default V) tells two seeds of one database apart (codes stay unique).
 */
import path from 'node:path';
import { loadConfig } from '../config';
import { catalog } from '../config/catalogue';
import { localPostgresUrl, startLocalPostgres, type LocalPostgres } from '../db/local-postgres';
import { initORM, migrate, type Orm } from '../db/orm';
import { seedDemoOfficials, seedReferenceData } from '../db/seeds/demo';
import { seedVolume } from '../db/seeds/volume';

export const VOLUME_FOCUS = ['CSGT-01', 'CSGT-79'];

/** Migrates, seeds the reference data and demo officials, then the volume. */
export async function seedVolumeInto(orm: Orm, dossiers: number, openTasks: number, tag = 'V', log: (line: string) => void = console.log) {
  await migrate(orm);
  await seedReferenceData(orm);
  await seedDemoOfficials(orm);
  const procedures = catalog()
    .published()
    .map((p) => ({ code: p.code, version: p.version, name: p.name }));
  return seedVolume(orm, { dossiers, openTasks, focus: VOLUME_FOCUS, focusShare: 0.2, procedures, tag, log });
}

async function main(): Promise<void> {
  const config = loadConfig(process.env);
  const dossiers = Number(process.env.VOLUME_DOSSIERS ?? 1_000_000);
  const openTasks = Number(process.env.VOLUME_OPEN_TASKS ?? 100_000);
  if (!Number.isSafeInteger(dossiers) || dossiers < 1 || !Number.isSafeInteger(openTasks) || openTasks < 0 || openTasks > dossiers) {
    throw new Error('VOLUME_DOSSIERS must be a positive whole number and VOLUME_OPEN_TASKS between 0 and it');
  }
  let postgres: LocalPostgres | undefined;
  let url = config.database.url;
  if (!url) {
    const dataDir = path.join(config.dataDir, 'postgres');
    url = localPostgresUrl({ dataDir, port: config.database.embeddedPort, database: 'motcua' });
    const reachable = url ? await initORM(url, { pool: { min: 0, max: 1 } }).then((o) => o.close().then(() => true)).catch(() => false) : false;
    if (!reachable) {
      postgres = await startLocalPostgres({ dataDir, port: config.database.embeddedPort, database: 'motcua', log: console.log });
      url = postgres.url;
    }
  }
  const orm = await initORM(url!, { pool: { min: 1, max: 4 } });
  try {
    const done = await seedVolumeInto(orm, dossiers, openTasks, process.env.VOLUME_TAG ?? 'V');
    console.log(`seed:volume: ${done.dossiers.toLocaleString()} dossiers, ${done.openTasks.toLocaleString()} open tasks in ${done.seconds.toFixed(0)} s`);
  } finally {
    await orm.close();
    await postgres?.stop();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
