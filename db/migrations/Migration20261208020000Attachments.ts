import { Migration } from '@mikro-orm/migrations';

/**
 * The counter and documents (issue 9).
 *
 * `stored_file`: the bytes of uploaded documents by SHA-256 (the PostgreSQL implementation of
 * db/file-store.ts; the folder implementation leaves it empty). `attachment`: one version of one
 * document a dossier requires, pointing at its content; a replacement keeps the row it replaces.
 * `staged_upload`: files of a counter form that did not go through yet, kept under the form's
 * token. `counter_payment`: fees paid in cash at the counter, one per receipt number and per form
 * request. `result_handover`: the result handed over at the counter or sent by post, once per dossier.
 * `counter_intake`: the official who registered a walk-in dossier (channel "counter").
 */
export class Migration20261208020000Attachments extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "stored_file" ("hash" varchar(64) not null primary key, "size" int not null, "content" bytea not null, "created_at" timestamptz not null default now());`);
    this.addSql(`create table "attachment" (
      "id" serial primary key,
      "dossier_id" int not null references "dossier" ("id") on update cascade on delete cascade,
      "requirement_id" varchar(60) not null,
      "title" varchar(300) not null,
      "version" int not null,
      "replaces" int null references "attachment" ("id"),
      "content_hash" varchar(64) not null,
      "size" int not null,
      "mime_type" varchar(80) not null,
      "file_name" varchar(200) not null,
      "uploaded_by_kind" text check ("uploaded_by_kind" in ('official', 'applicant')) not null,
      "uploaded_by_id" varchar(60) null,
      "uploaded_by_name" varchar(120) not null,
      "uploaded_at" timestamptz not null);`);
    this.addSql(`create index "attachment_dossier_id_requirement_id_index" on "attachment" ("dossier_id", "requirement_id");`);
    this.addSql(`alter table "attachment" add constraint "attachment_dossier_id_requirement_id_version_unique" unique ("dossier_id", "requirement_id", "version");`);
    this.addSql(`create table "staged_upload" (
      "id" serial primary key,
      "token" varchar(36) not null,
      "official_id" int not null,
      "requirement_id" varchar(60) not null,
      "content_hash" varchar(64) not null,
      "size" int not null,
      "mime_type" varchar(80) not null,
      "file_name" varchar(200) not null,
      "created_at" timestamptz not null default now());`);
    this.addSql(`create index "staged_upload_token_index" on "staged_upload" ("token");`);
    this.addSql(`alter table "staged_upload" add constraint "staged_upload_token_requirement_id_unique" unique ("token", "requirement_id");`);
    this.addSql(`create table "counter_payment" (
      "id" serial primary key,
      "dossier_id" int not null references "dossier" ("id") on update cascade on delete cascade,
      "reference" varchar(80) not null,
      "receipt_number" varchar(40) not null unique,
      "amount" bigint not null,
      "request_id" varchar(80) not null unique,
      "received_by_id" varchar(60) not null,
      "received_by_name" varchar(120) not null,
      "received_at" timestamptz not null,
      "outcome" varchar(200) not null);`);
    this.addSql(`create table "result_handover" (
      "id" serial primary key,
      "dossier_id" int not null unique references "dossier" ("id") on update cascade on delete cascade,
      "method" text check ("method" in ('counter', 'post')) not null,
      "collector_name" varchar(120) not null,
      "collector_id_number" varchar(20) null,
      "relation" varchar(60) null,
      "tracking_number" varchar(40) null,
      "handed_over_at" timestamptz not null,
      "official_id" varchar(60) not null,
      "official_name" varchar(120) not null,
      "note" text null,
      "request_id" varchar(80) null unique);`);
    this.addSql(`create table "counter_intake" (
      "id" serial primary key,
      "dossier_id" int not null unique references "dossier" ("id") on update cascade on delete cascade,
      "official_id" varchar(60) not null,
      "official_name" varchar(120) not null,
      "received_at" timestamptz not null);`);
  }
}
