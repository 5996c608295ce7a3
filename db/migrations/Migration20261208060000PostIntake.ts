import { Migration } from '@mikro-orm/migrations';

/**
 * Paper dossiers received by post (issue 9): the counter intake records how the paper arrived,
 * in person at the counter or by post, with the postal tracking number and the day the letter
 * arrived. The dossier's channel ("post") was already allowed by the check of
 * Migration20261203030000Reports; rows from before keep "counter".
 */
export class Migration20261208060000PostIntake extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "counter_intake" add column "channel" text not null default 'counter' check ("channel" in ('counter', 'post'));`);
    this.addSql(`alter table "counter_intake" add column "postal_tracking_number" varchar(40) null;`);
    this.addSql(`alter table "counter_intake" add column "arrived_on" date null;`);
    this.addSql(
      `alter table "counter_intake" add constraint "counter_intake_post_check" check ("channel" <> 'post' or ("postal_tracking_number" is not null and "arrived_on" is not null));`,
    );
  }
}
