import { Migration } from '@mikro-orm/migrations';

/**
 * Dossiers received by post (issue 9 takes them in): the statistics publish them as a channel of
 * their own, beside the counter and online (docs/reports.md).
 */
export class Migration20261203030000Reports extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "dossier" drop constraint if exists "dossier_channel_check";`);
    this.addSql(`alter table "dossier" add constraint "dossier_channel_check" check ("channel" in ('online', 'api', 'counter', 'post'));`);
  }
}
