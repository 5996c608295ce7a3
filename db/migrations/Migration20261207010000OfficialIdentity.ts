import { Migration } from '@mikro-orm/migrations';

/**
 * Single sign-on of officials (issue 8, accountable access).
 *
 * `official.sso_issuer` and `official.sso_subject`: the identity provider and the subject (`sub`
 * of its ID tokens) an official signs in as, set the first time that subject signs in with a
 * username claim naming the official (web/services/sso.ts), and never changed by a sign-in after
 * that. A subject of one issuer belongs to one official at most (the unique index); an official
 * without one has never used single sign-on. `sso_linked_at`: when the link was made.
 */
export class Migration20261207010000OfficialIdentity extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "official" add column "sso_issuer" varchar(300) null, add column "sso_subject" varchar(255) null, add column "sso_linked_at" timestamptz null;`);
    this.addSql(`create unique index "official_sso_issuer_sso_subject_unique" on "official" ("sso_issuer", "sso_subject") where "sso_subject" is not null;`);
  }
}
