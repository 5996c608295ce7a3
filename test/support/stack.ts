/**
 * The whole system for one test file, in-process and real: its own PostgreSQL database, the
 * shared Temporal dev server with a task queue of its own, both sandboxes, the worker with the
 * real activities, and the web app on a free port. Tests drive it as users and systems would.
 */
import { Dossier, type IDossier } from '../../db/entities';
import type { Catalog } from '../../engine/catalog';
import type { Logger } from '../../config/log';
import { type InProcessStack, startInProcessStack } from '../../scripts/lib/in-process-stack';
import { createTestDatabase, type TestDatabase } from './database';

export interface StackOptions {
  /** Extra environment for loadConfig, e.g. { PAYMENT_DEADLINE: '3s' }. */
  env?: Record<string, string>;
  /** Start an in-process worker (default); false when a test runs the worker as a process. */
  worker?: boolean;
  /** The procedures on offer (default: the shipped catalogue). */
  catalog?: Catalog;
  /** Another Temporal server than the shared one (a test that stops and restarts its own). */
  temporalAddress?: string;
  /** Logs each web request through this logger (a test that reads the logs). */
  logger?: Logger;
}

export interface Stack extends InProcessStack {
  db: TestDatabase;
  /** The read-model row of a dossier, freshly read. */
  dossier(code: string): Promise<IDossier>;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const db = await createTestDatabase();
  const stack = await startInProcessStack({
    orm: db.orm,
    databaseUrl: db.url,
    temporalAddress: options.temporalAddress ?? process.env.TEMPORAL_ADDRESS!,
    workflowBundlePath: process.env.MOTCUA_TEST_WORKFLOW_BUNDLE,
    env: options.env,
    worker: options.worker,
    catalog: options.catalog,
    logger: options.logger,
  });
  return {
    ...stack,
    db,
    dossier: (code) => db.orm.em.fork().findOneOrFail(Dossier, { code }, { populate: ['agency'] }),
    async stop() {
      await stack.stop();
      await db.drop();
    },
  };
}
