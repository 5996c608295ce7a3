import { Migration } from '@mikro-orm/migrations';

/**
 * Messages that reach people (issue 9): the outbox relay's bookkeeping.
 *
 * `notification`: where delivery stands (`status` pending, delivered or failed), how many
 * attempts, when the next one may run (also the lease of an attempt in flight), the last error in
 * our own words, the provider's message id; `sent_at` is when it was delivered. Messages written
 * before this migration were never sent by anyone: they stay pending and go out once.
 * `notification_attempt`: one row per attempt, outcome `sending` until it ends (a row left
 * `sending` is an attempt a crash cut short; the provider's dedupe makes its retry harmless).
 */
export class Migration20261208040000Delivery extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "notification"
      add column "status" text check ("status" in ('pending', 'delivered', 'failed')) not null default 'pending',
      add column "attempts" int not null default 0,
      add column "next_attempt_at" timestamptz not null default now(),
      add column "last_error" varchar(300) null,
      add column "provider_message_id" varchar(200) null;`);
    // What the relay looks for: due messages, oldest first; and the failures a supervisor lists.
    this.addSql(`create index "notification_due_index" on "notification" ("next_attempt_at", "id") where "status" = 'pending';`);
    this.addSql(`create index "notification_failed_index" on "notification" ("dossier_code") where "status" = 'failed';`);

    this.addSql(`create table "notification_attempt" (
      "id" serial primary key,
      "notification_id" int not null references "notification" ("id") on delete cascade,
      "attempt" int not null,
      "started_at" timestamptz not null,
      "finished_at" timestamptz null,
      "outcome" text check ("outcome" in ('sending', 'delivered', 'transient', 'permanent')) not null,
      "error" varchar(300) null,
      "provider_message_id" varchar(200) null
    );`);
    this.addSql(`create index "notification_attempt_notification_id_index" on "notification_attempt" ("notification_id");`);
  }
}
