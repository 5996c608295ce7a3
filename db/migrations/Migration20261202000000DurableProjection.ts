import { Migration } from '@mikro-orm/migrations';

/**
 * Several results per dossier, and a projection that always converges to the workflow's truth:
 * - `dossier.results`: every result issued (`<dossier>-KQ1`, `-KQ2`, …), `result` stays the first;
 * - `dossier.projection_epoch`: the workflow history length when the batch written last was
 *   made; with `version` it orders batches across a lost workflow task, so the truth made after
 *   an outage overwrites what a lost task wrote before it (docs/architecture.md §12);
 * - `issued_number.document_code`: one number per result document instead of per scheme and dossier.
 */
export class Migration20261202000000DurableProjection extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "dossier" add column "results" jsonb not null default '[]';`);
    this.addSql(`update "dossier" set "results" = jsonb_build_array("result") where "result" is not null;`);
    this.addSql(`alter table "dossier" add column "projection_epoch" int not null default 0;`);
    this.addSql(`alter table "issued_number" add column "document_code" varchar(60) null;`);
    this.addSql(`update "issued_number" set "document_code" = "dossier_code" || '-KQ1';`);
    this.addSql(`alter table "issued_number" alter column "document_code" set not null;`);
    this.addSql(`alter table "issued_number" drop constraint "issued_number_scheme_dossier_code_unique";`);
    this.addSql(`alter table "issued_number" add constraint "issued_number_document_code_unique" unique ("document_code");`);
  }
}
