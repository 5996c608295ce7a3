import { Migration } from '@mikro-orm/migrations';

/** The catalogue: commune-level agencies, and values officials enter with their decisions. */
export class Migration20261124120000Catalogue extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "agency" add column "commune_code" varchar(10) null;`);
    this.addSql(`create index "agency_kind_commune_code_index" on "agency" ("kind", "commune_code");`);
    this.addSql(`alter table "dossier" add column "inputs" jsonb not null default '{}';`);
  }
}
