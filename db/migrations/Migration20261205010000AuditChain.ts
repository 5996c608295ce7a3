import { Migration } from '@mikro-orm/migrations';
import { AT_TEXT, AUDIT_GENESIS, type ChainedRow, chainEntries, fromRow } from '../audit';

/**
 * Accountable access (issue 8): `audit_event` becomes an append-only trail chained by hashes
 * (db/audit.ts).
 *
 * - `seq` (1, 2, 3… without gaps), `prev_hash`, `hash` (SHA-256 of the canonical form);
 *   `agency_code` (whose supervisors see the entry), `dossier_code`, `event_key` (unique: a
 *   retried writer, such as the dossier projection, appends nothing twice).
 * - Entries written before this migration get agencies from their actors (and targets), then
 *   are chained in id order, here, with the same code the application chains with.
 * - A trigger refuses UPDATE, DELETE and TRUNCATE. The owner can still disable it; the chain
 *   then shows the change to `npm run audit:verify`.
 */
export class Migration20261205010000AuditChain extends Migration {
  override async up(): Promise<void> {
    await this.execute(`alter table "audit_event"
      add column "seq" bigint null,
      add column "prev_hash" char(64) null,
      add column "hash" char(64) null,
      add column "agency_code" varchar(40) null,
      add column "dossier_code" varchar(40) null,
      add column "event_key" varchar(160) null;`);

    // Whose supervisors see what was written before: the actor's agency; a change of an agency's
    // hours, that agency; a task moved, the dossier's.
    await this.execute(`update "audit_event" e set "agency_code" = a."code"
      from "official" o join "agency" a on a."id" = o."agency_id" where o."username" = e."actor";`);
    await this.execute(`update "audit_event" set "agency_code" = substr("target", 9) where "target" like 'co-quan:%';`);
    await this.execute(`update "audit_event" e set "dossier_code" = d."code", "agency_code" = a."code"
      from "dossier" d join "agency" a on a."id" = d."agency_id"
      where e."action" = 'task-reassigned' and d."code" = split_part(e."target", ' ', 1);`);

    // Chain what is there, oldest first, in pages (the table may be large).
    let previous = { seq: 0, hash: AUDIT_GENESIS };
    let afterId = 0;
    for (;;) {
      const rows = (await this.execute(
        `select id, ${AT_TEXT} as at_text, actor, action, target, ip, agency_code, dossier_code, event_key, detail, 0 as seq, '' as prev_hash, '' as hash
         from "audit_event" where "id" > ? order by "id" limit 5000`,
        [afterId],
      )) as unknown as (ChainedRow & { id: number })[];
      if (!rows.length) break;
      const chained = chainEntries(
        previous,
        rows.map((r) => {
          const { seq: _seq, prevHash: _prev, hash: _hash, ...entry } = fromRow(r);
          return entry;
        }),
      );
      await this.execute(
        `update "audit_event" e set "seq" = x.seq, "prev_hash" = x.prev_hash, "hash" = x.hash
         from jsonb_to_recordset(?::jsonb) as x(id int, seq bigint, prev_hash text, hash text) where e."id" = x.id`,
        [JSON.stringify(rows.map((r, i) => ({ id: r.id, seq: chained[i].seq, prev_hash: chained[i].prevHash, hash: chained[i].hash })))],
      );
      previous = chained[chained.length - 1];
      afterId = rows[rows.length - 1].id;
    }

    await this.execute(`alter table "audit_event"
      alter column "seq" set not null,
      alter column "prev_hash" set not null,
      alter column "hash" set not null;`);
    await this.execute(`alter table "audit_event" add constraint "audit_event_seq_unique" unique ("seq");`);
    await this.execute(`alter table "audit_event" add constraint "audit_event_event_key_unique" unique ("event_key");`);
    await this.execute(`create index "audit_event_agency_code_seq_index" on "audit_event" ("agency_code", "seq");`);
    await this.execute(`create index "audit_event_dossier_code_index" on "audit_event" ("dossier_code");`);

    await this.execute(`create or replace function motcua_audit_append_only() returns trigger language plpgsql as $$
      begin
        raise exception 'audit_event is append-only: % refused (entries are chained by hash; npm run audit:verify checks them)', tg_op
          using errcode = 'insufficient_privilege';
      end
    $$;`);
    await this.execute(`create trigger "audit_event_append_only" before update or delete on "audit_event"
      for each row execute function motcua_audit_append_only();`);
    await this.execute(`create trigger "audit_event_no_truncate" before truncate on "audit_event"
      for each statement execute function motcua_audit_append_only();`);
  }
}
