import { Migration } from '@mikro-orm/migrations';

/**
 * The supervisor's levers (issue 7):
 * - `reassignment_batch`: one bulk reassignment, or the moves of one absence (the tasks given to
 *   the delegate and back), with who asked, to whom and why;
 * - `reassignment_item`: one move of a task (one Update, keyed by its id) and what became of it
 *   (pending, moved, refused with the dossier workflow's reason, skipped, failed), written by the
 *   activity that sent the Update, so the page shows each task's outcome without asking Temporal;
 * - `official_notification_read`: who has read a message of the officials' inbox. A message to a
 *   role (the supervisors, a department) is read by each of them separately.
 */
export class Migration20261203020000Supervision extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "reassignment_batch" ("id" varchar(60) not null primary key, "agency_id" int not null references "agency" ("id"), "kind" varchar(20) not null, "absence_id" int null references "official_absence" ("id"), "actor_id" int not null references "official" ("id"), "actor_name" varchar(120) not null, "target" jsonb not null, "target_label" varchar(200) not null, "reason" text not null, "task_count" int not null, "created_at" timestamptz not null, "finished_at" timestamptz null);`,
    );
    this.addSql(`create index "reassignment_batch_agency_id_created_at_index" on "reassignment_batch" ("agency_id", "created_at");`);
    this.addSql(
      `create table "reassignment_item" ("id" serial primary key, "batch_id" varchar(60) not null references "reassignment_batch" ("id") on delete cascade, "update_id" varchar(250) not null, "dossier_code" varchar(40) not null, "task_key" varchar(80) not null, "task_name" varchar(200) not null, "direction" varchar(10) not null default 'out', "status" varchar(20) not null, "message" text null, "updated_at" timestamptz not null);`,
    );
    // One row per Update sent: its id is the row's key, so a retried activity updates its own row.
    this.addSql(`alter table "reassignment_item" add constraint "reassignment_item_update_id_unique" unique ("update_id");`);
    this.addSql(`create index "reassignment_item_batch_id_index" on "reassignment_item" ("batch_id");`);
    this.addSql(`create index "official_absence_delegate_id_index" on "official_absence" ("delegate_id");`);
    this.addSql(
      `create table "official_notification_read" ("notification_id" int not null references "official_notification" ("id") on delete cascade, "official_id" int not null references "official" ("id"), "read_at" timestamptz not null, primary key ("notification_id", "official_id"));`,
    );
  }
}
