/**
 * MikroORM set-up. One ORM per process; each HTTP request and each activity works in its own
 * forked EntityManager. Migrations are listed in code (db/migrations/index.ts), so the same
 * list runs from TypeScript in tests and from dist/ in production.
 */
import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export type Orm = MikroORM;

export function ormOptions(url: string, overrides: Partial<Options> = {}): Options {
  return {
    clientUrl: url,
    entities: ENTITIES,
    extensions: [Migrator],
    migrations: {
      migrationsList: MIGRATIONS,
      path: 'db/migrations',
      pathTs: 'db/migrations',
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      // npm start reports what it applied; the migrator's own lines would repeat it.
      silent: true,
    },
    pool: { min: 0, max: 10 },
    // Entities come from defineEntity schemas: no decorator metadata to discover.
    discovery: { warnWhenNoEntities: true },
    allowGlobalContext: false,
    forceUtcTimezone: true,
    debug: false,
    ...overrides,
  };
}

export async function initORM(url: string, overrides: Partial<Options> = {}): Promise<Orm> {
  return MikroORM.init(ormOptions(url, overrides));
}

/** Brings the schema up to date; safe to call on every start. */
export async function migrate(orm: Orm): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}
