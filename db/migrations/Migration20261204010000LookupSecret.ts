import { Migration } from '@mikro-orm/migrations';

/**
 * Safe in front of the public (issue 8).
 *
 * `dossier.lookup_secret`: the second factor of the public lookup (domain/lookup-secret.ts).
 * Kept plainly, not hashed: the receipt (form 01) is printed again on demand, and every
 * notification's lookup link carries it, long after submission; whoever can read this table
 * reads the dossiers themselves. Existing dossiers get one here (the column default, evaluated
 * per row); new ones get theirs from the intake service.
 *
 * `rate_limit`: the counters of rate-limiter-flexible's PostgreSQL store (its own layout), so
 * every web process counts the same requests. `sign_in_throttle`: failed sign-ins per key (a
 * client, an account from a client, an account) and until when the next attempt waits.
 */
export class Migration20261204010000LookupSecret extends Migration {
  override async up(): Promise<void> {
    // 8 characters of Crockford's base 32 from the random bytes of a version-4 UUID (bytes 0-5
    // and 10-11 are fully random; 5 bits each).
    this.addSql(`create or replace function motcua_lookup_secret() returns varchar(8) language sql volatile as $$
      select string_agg(substr('0123456789ABCDEFGHJKMNPQRSTVWXYZ', (get_byte(b, i) & 31) + 1, 1), '' order by i)
      from (select uuid_send(gen_random_uuid()) as b) r, unnest(array[0, 1, 2, 3, 4, 5, 10, 11]) as i
    $$;`);
    this.addSql(`alter table "dossier" add column "lookup_secret" varchar(8) not null default motcua_lookup_secret();`);

    this.addSql(`create table "rate_limit" ("key" varchar(255) primary key, "points" integer not null default 0, "expire" bigint);`);
    this.addSql(`create index "rate_limit_expire_index" on "rate_limit" ("expire");`);

    this.addSql(`create table "sign_in_throttle" (
      "key" varchar(300) primary key,
      "failures" integer not null,
      "blocked_until" timestamptz null,
      "forget_at" timestamptz not null
    );`);
    this.addSql(`create index "sign_in_throttle_forget_at_index" on "sign_in_throttle" ("forget_at");`);
  }
}
