/**
 * `OFFICIAL_PASSWORD=… npm run official:create -- <username> "<full name>" <role> <agency code>`
 * creates a back-office account in the database of DATABASE_URL. The password comes from the
 * environment, not the command line, so it stays out of shell history and process lists.
 */
import os from 'node:os';
import { loadConfig } from '../config';
import { createOfficial } from '../db/officials';
import { initORM } from '../db/orm';

async function main(): Promise<void> {
  const [username, fullName, role, agencyCode] = process.argv.slice(2);
  const url = loadConfig().database.url;
  if (!username || !fullName || !role || !agencyCode || !url || !process.env.OFFICIAL_PASSWORD) {
    console.error('usage: DATABASE_URL=… OFFICIAL_PASSWORD=… npm run official:create -- <username> "<full name>" <receiver|specialist|leader|supervisor> <agency code>');
    process.exit(2);
  }
  const orm = await initORM(url);
  try {
    await createOfficial(orm, { username, fullName, role, agencyCode, password: process.env.OFFICIAL_PASSWORD, createdBy: `van-hanh:${os.userInfo().username}` });
    console.log(`created ${username.toLowerCase()} (${role}, ${agencyCode})`);
  } finally {
    await orm.close();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
