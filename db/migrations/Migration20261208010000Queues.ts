import { Migration } from '@mikro-orm/migrations';

/**
 * Queues that scale (issue 9): officials' queues, the agency's archive and search at a
 * province's volume (a million dossiers).
 *
 * - `unaccent` (a trusted contrib extension, shipped with the embedded PostgreSQL): a name typed without diacritics ("nguyen van an") finds "Nguyễn Văn An".
 * - `motcua_unaccent(text)`: lower-cased, unaccented text. `unaccent()` itself is only STABLE
 *   (its dictionary could change), so an index cannot use it; the wrapper names the dictionary
 *   explicitly and is declared IMMUTABLE, the usual way to index it. `đ`/`Đ` become `d`.
 * - Names: a b-tree on (agency, normalised name) for names that start with what was typed (the
 *   usual search, family name first: an index range scan, under a millisecond at a million
 *   rows); names typed from a later word: Migration20261208070000NameWords.
 * - Keyset indexes: the archive by received date and by due date per agency; open tasks by
 *   due date per agency and role (covering what the counters read), and per assignee; a
 *   dossier-code prefix index.
 */
export class Migration20261208010000Queues extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create extension if not exists unaccent;`);
    this.addSql(
      `create or replace function motcua_unaccent(text) returns text language sql immutable strict parallel safe as $$ select lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;`,
    );
    this.addSql(`create index "dossier_agency_name_prefix" on "dossier" ("agency_id", motcua_unaccent("applicant_name") text_pattern_ops);`);
    this.addSql(`create index "dossier_code_prefix" on "dossier" ("code" text_pattern_ops);`);
    this.addSql(`create index "dossier_agency_received_keyset" on "dossier" ("agency_id", "submitted_at" desc, "id" desc);`);
    this.addSql(`create index "dossier_agency_due_keyset" on "dossier" ("agency_id", (coalesce("appointment_at", 'infinity'::timestamptz)), "id");`);
    // Covering (INCLUDE): the counters of every queue read this index only.
    this.addSql(
      `create index "task_open_role_due_keyset" on "task" ("agency_id", "role", (coalesce("due_at", 'infinity'::timestamptz)), "id") include ("assignee_id", "assigned_group", "due_at", "task_key", "dossier_id") where "status" = 'open';`,
    );
    this.addSql(`create index "task_open_assignee_due_keyset" on "task" ("assignee_id", (coalesce("due_at", 'infinity'::timestamptz)), "id") where "status" = 'open';`);
    this.addSql(`create index "task_done_assignee_dossier" on "task" ("assignee_id", "dossier_id") where "status" = 'done';`);
  }
}
