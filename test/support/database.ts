/** A fresh database per test file, copied from the migrated and seeded template (fast: a file copy). */
import crypto from 'node:crypto';
import { Client } from 'pg';
import { initORM, type Orm } from '../../db/orm';

export interface TestDatabase {
  url: string;
  orm: Orm;
  drop(): Promise<void>;
}

function templateUrl(): URL {
  const url = process.env.MOTCUA_TEST_TEMPLATE_URL;
  if (!url) throw new Error('MOTCUA_TEST_TEMPLATE_URL is unset: run the tests through jest (global setup)');
  return new URL(url);
}

/** Runs `work` on the test server's `postgres` database (to create or drop databases). */
export async function admin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const url = templateUrl();
  url.pathname = '/postgres';
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const template = templateUrl();
  const name = `motcua_test_${crypto.randomBytes(5).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template.pathname.slice(1)}`));
  const url = new URL(template);
  url.pathname = `/${name}`;
  const orm = await initORM(url.toString());
  return {
    url: url.toString(),
    orm,
    async drop() {
      await orm.close(true);
      await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
