import { Migration } from '@mikro-orm/migrations';

/**
 * Names found by a later word (issue 9, "Queues that scale"): "van an" finds "Nguyễn Văn An".
 * A name that starts with what was typed is a range scan of `dossier_agency_name_prefix`; a name
 * typed from its middle was a trigram search over every agency's names (30–60 ms at a million
 * dossiers, common trigrams such as "van" matching tens of thousands of rows). Here each name's
 * tails from its second word on ("van an", "an") are rows of `dossier_name_word`, by agency, so
 * the same kind of range scan finds them. A trigger keeps them with the dossier's name (a
 * supplement may correct it); the trigram index is no longer used.
 */
export class Migration20261208070000NameWords extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function motcua_name_tails(text) returns text[] language sql immutable strict parallel safe as $$
      select coalesce(array_agg(array_to_string(w[i:], ' ') order by i), '{}')
      from (select regexp_split_to_array(trim(motcua_unaccent($1)), '\\s+') as w) words, generate_series(2, coalesce(array_length(w, 1), 0)) as i
    $$;`);
    this.addSql(`create table "dossier_name_word" (
      "dossier_id" int not null references "dossier" ("id") on delete cascade,
      "agency_id" int not null,
      "words" text not null,
      primary key ("dossier_id", "words"));`);
    this.addSql(`create index "dossier_name_word_prefix" on "dossier_name_word" ("agency_id", "words" text_pattern_ops);`);
    this.addSql(`create or replace function motcua_dossier_name_words() returns trigger language plpgsql as $$
      begin
        delete from dossier_name_word where dossier_id = new.id;
        insert into dossier_name_word (dossier_id, agency_id, words)
          select new.id, new.agency_id, t from unnest(motcua_name_tails(new.applicant_name)) t on conflict do nothing;
        return null;
      end $$;`);
    this.addSql(`create trigger "dossier_name_words" after insert or update of "applicant_name", "agency_id" on "dossier"
      for each row execute function motcua_dossier_name_words();`);
    this.addSql(`insert into dossier_name_word (dossier_id, agency_id, words)
      select d.id, d.agency_id, t from dossier d, unnest(motcua_name_tails(d.applicant_name)) t on conflict do nothing;`);
    this.addSql(`drop index if exists "dossier_applicant_name_trgm";`);
  }
}
