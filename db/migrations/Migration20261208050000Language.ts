import { Migration } from '@mikro-orm/migrations';

/**
 * The language an official reads the back office in (issue 9, quality): `official.language`,
 * `vi` (the default, and every existing official's) or `en`. Chosen with the header's switch
 * (web/routes/language.ts); a sign-in copies it into the session. Anonymous visitors keep theirs
 * in a cookie instead.
 */
export class Migration20261208050000Language extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "official" add column "language" varchar(5) not null default 'vi';`);
    this.addSql(`alter table "official" add constraint "official_language_check" check ("language" in ('vi', 'en'));`);
  }
}
