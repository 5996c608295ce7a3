import { Migration } from '@mikro-orm/migrations';

/**
 * Accountable access for API clients (issue 8).
 *
 * `api_client`: a system that calls the JSON API, its public client id and its scope (agency and
 * procedure codes as JSON arrays; `"*"` every one, empty none). `api_client_secret`: its secrets,
 * SHA-256 only (domain/api-credentials.ts), several at once while a rotation runs; a secret
 * counts until `expires_at` or `revoked_at`. `dossier.submitted_by_id`: the client that submitted
 * the dossier (it reads its own dossiers without the lookup secret); null for the public form.
 * Idempotency keys of API submissions are namespaced per client from now on (`api:<clientId>:<key>`);
 * keys stored before keep their old form and are simply never matched again.
 */
export class Migration20261206010000ApiClients extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "api_client" (
      "id" serial primary key,
      "client_id" varchar(40) not null,
      "name" varchar(200) not null,
      "agencies" jsonb not null default '[]',
      "procedures" jsonb not null default '[]',
      "active" boolean not null default true,
      "created_at" timestamptz not null,
      "revoked_at" timestamptz null
    );`);
    this.addSql(`alter table "api_client" add constraint "api_client_client_id_unique" unique ("client_id");`);

    this.addSql(`create table "api_client_secret" (
      "id" serial primary key,
      "client_id" int not null,
      "secret_hash" varchar(64) not null,
      "created_at" timestamptz not null,
      "expires_at" timestamptz null,
      "revoked_at" timestamptz null,
      "last_used_at" timestamptz null
    );`);
    this.addSql(`alter table "api_client_secret" add constraint "api_client_secret_client_id_foreign" foreign key ("client_id") references "api_client" ("id") on update cascade;`);
    this.addSql(`create index "api_client_secret_client_id_index" on "api_client_secret" ("client_id");`);

    this.addSql(`alter table "dossier" add column "submitted_by_id" int null;`);
    this.addSql(`alter table "dossier" add constraint "dossier_submitted_by_id_foreign" foreign key ("submitted_by_id") references "api_client" ("id") on update cascade on delete set null;`);
    this.addSql(`create index "dossier_submitted_by_id_index" on "dossier" ("submitted_by_id") where "submitted_by_id" is not null;`);
  }
}
