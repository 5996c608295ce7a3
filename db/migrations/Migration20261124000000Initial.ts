import { Migration } from '@mikro-orm/migrations';

/** The first schema: dossiers, tasks, timeline, agencies and officials, outbox, numbering, sessions. */
export class Migration20261124000000Initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "agency" ("id" serial primary key, "code" varchar(40) not null, "name" varchar(200) not null, "unit_code" varchar(20) not null, "province_code" varchar(2) not null, "kind" varchar(40) not null, "valid_from" date not null, "valid_to" date null, "successor_code" varchar(40) null);`);
    this.addSql(`alter table "agency" add constraint "agency_code_unique" unique ("code");`);
    this.addSql(`alter table "agency" add constraint "agency_unit_code_unique" unique ("unit_code");`);
    this.addSql(`create index "agency_kind_province_code_index" on "agency" ("kind", "province_code");`);
    this.addSql(`create table "audit_event" ("id" serial primary key, "at" timestamptz not null, "actor" varchar(60) not null, "action" varchar(60) not null, "target" varchar(200) null, "ip" varchar(60) null, "detail" text null);`);
    this.addSql(`create index "audit_event_at_index" on "audit_event" ("at");`);
    this.addSql(`create table "calendar_day" ("day" date not null, "kind" text check ("kind" in ('holiday', 'working-weekend')) not null, "name" varchar(200) not null, "provisional" boolean not null default false, constraint "calendar_day_pkey" primary key ("day"));`);
    this.addSql(`create table "dossier" ("id" serial primary key, "code" varchar(40) not null, "procedure_code" varchar(40) not null, "procedure_version" int not null, "procedure_name" varchar(300) not null, "agency_id" int not null, "channel" text check ("channel" in ('online', 'api', 'counter')) not null, "status" smallint not null, "step_id" varchar(60) not null, "step_name" varchar(200) not null, "outcome" text check ("outcome" in ('completed', 'refused', 'rejected', 'cancelled')) null, "form" jsonb not null, "applicant_name" varchar(120) not null, "applicant_citizen_id" varchar(12) not null, "applicant_email" varchar(200) null, "applicant_phone" varchar(20) null, "submitted_at" timestamptz not null, "accepted_at" timestamptz null, "appointment_at" timestamptz null, "completed_at" timestamptz null, "checks" jsonb not null default '[]', "payment" jsonb null, "result" jsonb null, "supplement" jsonb null, "version" int not null default 0, "idempotency_key" varchar(200) null, "submission_hash" varchar(64) not null, "workflow_started_at" timestamptz null, "updated_at" timestamptz not null);`);
    this.addSql(`alter table "dossier" add constraint "dossier_code_unique" unique ("code");`);
    this.addSql(`alter table "dossier" add constraint "dossier_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "dossier_agency_id_status_index" on "dossier" ("agency_id", "status");`);
    this.addSql(`create index "dossier_agency_id_appointment_at_index" on "dossier" ("agency_id", "appointment_at");`);
    this.addSql(`create index "dossier_applicant_citizen_id_index" on "dossier" ("applicant_citizen_id");`);
    this.addSql(`create table "dossier_code_counter" ("unit_code" varchar(20) not null, "day" varchar(6) not null, "last_value" int not null, constraint "dossier_code_counter_pkey" primary key ("unit_code", "day"));`);
    this.addSql(`create table "dossier_document" ("id" serial primary key, "dossier_id" int not null, "code" varchar(60) not null, "kind" text check ("kind" in ('result', 'receipt')) not null, "title" varchar(200) not null, "file_name" varchar(120) not null, "mime_type" varchar(80) not null, "content" bytea not null, "sha256" varchar(64) not null, "created_at" timestamptz not null);`);
    this.addSql(`alter table "dossier_document" add constraint "dossier_document_code_unique" unique ("code");`);
    this.addSql(`create table "issued_number" ("id" serial primary key, "scheme" varchar(40) not null, "number" varchar(40) not null, "dossier_code" varchar(40) not null, "issued_at" timestamptz not null);`);
    this.addSql(`alter table "issued_number" add constraint "issued_number_scheme_number_unique" unique ("scheme", "number");`);
    this.addSql(`alter table "issued_number" add constraint "issued_number_scheme_dossier_code_unique" unique ("scheme", "dossier_code");`);
    this.addSql(`create table "notification" ("id" serial primary key, "key" varchar(200) not null, "dossier_code" varchar(40) not null, "channel" text check ("channel" in ('email', 'sms')) not null, "recipient" varchar(200) not null, "recipient_name" varchar(120) not null, "subject" varchar(300) not null, "body" text not null, "created_at" timestamptz not null, "sent_at" timestamptz null);`);
    this.addSql(`alter table "notification" add constraint "notification_key_unique" unique ("key");`);
    this.addSql(`create index "notification_dossier_code_index" on "notification" ("dossier_code");`);
    this.addSql(`create table "number_sequence" ("scheme" varchar(40) not null, "prefix" varchar(20) not null, "last_value" bigint not null, constraint "number_sequence_pkey" primary key ("scheme", "prefix"));`);
    this.addSql(`create table "official" ("id" serial primary key, "username" varchar(60) not null, "password_hash" varchar(200) not null, "full_name" varchar(120) not null, "role" text check ("role" in ('receiver', 'specialist', 'leader', 'supervisor')) not null, "agency_id" int not null, "active" boolean not null default true, "created_at" timestamptz not null);`);
    this.addSql(`alter table "official" add constraint "official_username_unique" unique ("username");`);
    this.addSql(`create table "payment_callback" ("id" serial primary key, "transaction_id" varchar(80) not null, "reference" varchar(80) not null, "dossier_code" varchar(40) not null, "amount" bigint not null, "paid_at" timestamptz not null, "received_at" timestamptz not null, "deliveries" int not null default 1, "outcome" varchar(200) not null);`);
    this.addSql(`alter table "payment_callback" add constraint "payment_callback_transaction_id_unique" unique ("transaction_id");`);
    this.addSql(`create index "payment_callback_reference_index" on "payment_callback" ("reference");`);
    this.addSql(`create index "payment_callback_dossier_code_index" on "payment_callback" ("dossier_code");`);
    this.addSql(`create table "task" ("id" serial primary key, "dossier_id" int not null, "task_key" varchar(80) not null, "agency_id" int not null, "step_id" varchar(60) not null, "name" varchar(200) not null, "role" text check ("role" in ('receiver', 'specialist', 'leader')) not null, "status" text check ("status" in ('open', 'done', 'cancelled')) not null, "created_at" timestamptz not null, "due_at" timestamptz null, "assignee_id" int null, "assignee_name" varchar(120) null, "claimed_at" timestamptz null, "completed_at" timestamptz null, "action" varchar(60) null, "action_label" varchar(200) null, "reason" text null, "handover_note" text null);`);
    this.addSql(`create index "task_agency_id_role_status_index" on "task" ("agency_id", "role", "status");`);
    this.addSql(`create index "task_assignee_id_status_index" on "task" ("assignee_id", "status");`);
    this.addSql(`alter table "task" add constraint "task_dossier_id_task_key_unique" unique ("dossier_id", "task_key");`);
    this.addSql(`create table "timeline_event" ("id" serial primary key, "dossier_id" int not null, "seq" int not null, "at" timestamptz not null, "type" varchar(40) not null, "actor_kind" text check ("actor_kind" in ('official', 'applicant', 'system', 'gateway')) not null, "actor_id" varchar(60) null, "actor_name" varchar(120) not null, "actor_role" varchar(40) null, "step_id" varchar(60) null, "task_key" varchar(80) null, "status" smallint null, "note" text null, "data" jsonb null);`);
    this.addSql(`alter table "timeline_event" add constraint "timeline_event_dossier_id_seq_unique" unique ("dossier_id", "seq");`);
    this.addSql(`alter table "dossier" add constraint "dossier_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade;`);
    this.addSql(`alter table "dossier_document" add constraint "dossier_document_dossier_id_foreign" foreign key ("dossier_id") references "dossier" ("id") on update cascade;`);
    this.addSql(`alter table "official" add constraint "official_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade;`);
    this.addSql(`alter table "task" add constraint "task_dossier_id_foreign" foreign key ("dossier_id") references "dossier" ("id") on update cascade;`);
    this.addSql(`alter table "task" add constraint "task_agency_id_foreign" foreign key ("agency_id") references "agency" ("id") on update cascade;`);
    this.addSql(`alter table "task" add constraint "task_assignee_id_foreign" foreign key ("assignee_id") references "official" ("id") on update cascade on delete set null;`);
    this.addSql(`alter table "timeline_event" add constraint "timeline_event_dossier_id_foreign" foreign key ("dossier_id") references "dossier" ("id") on update cascade;`);
    this.addSql(`create index "dossier_document_dossier_id_index" on "dossier_document" ("dossier_id");`);
    // Sessions of express-session (connect-pg-simple's layout).
    this.addSql(`create table "session" ("sid" varchar not null primary key, "sess" json not null, "expire" timestamp(6) not null);`);
    this.addSql(`create index "session_expire_index" on "session" ("expire");`);
  }
}
