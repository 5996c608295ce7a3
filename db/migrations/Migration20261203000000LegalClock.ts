import { Migration } from '@mikro-orm/migrations';

/**
 * The legal clock and what hangs on it (issue 7):
 * - the calendar: years whose government announcement an administrator has entered and
 *   confirmed (`calendar_year`), who changed a day and why (`calendar_day`), an office's own
 *   hours and cut-off (`agency.office_hours`; null: the default);
 * - a dossier's clock in the read model, so lists and reports are plain SQL: its time limit,
 *   pauses, the new appointment given with an apology, when it was decided, its procedure's level;
 * - tasks: their limit, reminder and escalation, and a group (department) they may be given to;
 * - officials: their department; their absences with a delegate;
 * - the officials' inbox (reminders, escalations, reassignments), written with the projection.
 */
export class Migration20261203000000LegalClock extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "calendar_year" ("year" int not null primary key, "announcement" varchar(300) null, "confirmed_at" timestamptz null, "confirmed_by" varchar(60) null);`);
    this.addSql(`alter table "calendar_day" add column "note" text null, add column "updated_at" timestamptz null, add column "updated_by" varchar(60) null;`);
    this.addSql(`alter table "agency" add column "office_hours" jsonb null;`);

    this.addSql(`alter table "dossier" add column "procedure_level" varchar(20) null, add column "time_limit" jsonb null, add column "pauses" jsonb not null default '[]', add column "paused_since" timestamptz null, add column "apology" jsonb null, add column "decided_at" timestamptz null;`);
    this.addSql(`create index "dossier_agency_id_accepted_at_index" on "dossier" ("agency_id", "accepted_at");`);
    this.addSql(`create index "dossier_agency_id_completed_at_index" on "dossier" ("agency_id", "completed_at");`);

    this.addSql(`alter table "task" add column "time_limit" jsonb null, add column "reminded_at" timestamptz null, add column "escalated_at" timestamptz null, add column "assigned_group" varchar(120) null;`);
    this.addSql(`create index "task_agency_id_status_due_at_index" on "task" ("agency_id", "status", "due_at");`);

    this.addSql(`alter table "official" add column "department" varchar(120) null;`);
    // Administrators keep the calendar and the agencies' hours.
    this.addSql(`alter table "official" drop constraint if exists "official_role_check";`);
    this.addSql(`alter table "official" add constraint "official_role_check" check ("role" in ('receiver', 'specialist', 'leader', 'supervisor', 'admin'));`);
    this.addSql(`create table "official_absence" ("id" serial primary key, "official_id" int not null references "official" ("id"), "delegate_id" int not null references "official" ("id"), "from_day" date not null, "to_day" date not null, "reason" text not null, "created_by" varchar(60) not null, "created_at" timestamptz not null, "cancelled_at" timestamptz null);`);
    this.addSql(`create index "official_absence_official_id_from_day_index" on "official_absence" ("official_id", "from_day");`);

    this.addSql(`create table "official_notification" ("id" serial primary key, "key" varchar(200) not null, "agency_id" int not null references "agency" ("id"), "official_id" int null references "official" ("id"), "role" varchar(20) null, "department" varchar(120) null, "dossier_code" varchar(40) not null, "task_key" varchar(80) null, "kind" varchar(40) not null, "text" text not null, "created_at" timestamptz not null, "read_at" timestamptz null);`);
    this.addSql(`alter table "official_notification" add constraint "official_notification_key_unique" unique ("key");`);
    this.addSql(`create index "official_notification_agency_id_created_at_index" on "official_notification" ("agency_id", "created_at");`);
  }
}
