/**
 * A province's volume for the queues and the archive (issue 9): `dossiers` read-model rows with
 * `openTasks` open tasks, across agencies, written set-based (INSERT … SELECT over
 * generate_series, in batches), never row by row through the ORM. Read-model rows only: no
 * workflow runs behind them, which is all the lists read.
 *
 * What the rows look like: realistic Vietnamese names (family names by their real frequency,
 * so "Nguyễn" is about 38 %), about 1 in 12 typed without diacritics ("Nguyen Van An") and some
 * in the other tone-mark convention ("Hoà"/"Hòa"); 12-digit citizen IDs; every channel; two years
 * of received dates; finished dossiers in their final statuses, open ones recent, with their
 * appointment, some overdue. `focus` agencies get a larger share (a busy provincial office), and
 * a tenth of their open tasks are held by an official of the task's role (the benchmark's
 * "my queue"); the focus agencies' finished dossiers have a done task by that official
 * ("dossiers I handled").
 *
 * Deterministic: the same options give the same rows (hashes of the row number, no random()).
 */
import type { Orm } from '../orm';

export interface VolumeOptions {
  dossiers: number;
  openTasks: number;
  /** Agencies (by code) that get `focusShare` of the dossiers between them. */
  focus?: string[];
  focusShare?: number;
  /** The procedures dossiers are of (code, version, name); the first is the most common. */
  procedures: { code: string; version: number; name: string }[];
  /** Rows per INSERT statement. */
  batch?: number;
  /** Prefix of the generated codes' serial part, so two seeds never collide (default "V"). */
  tag?: string;
  log?: (line: string) => void;
}

/** Family names with their approximate share in per mille (Vietnamese population statistics). */
const FAMILIES: [string, number][] = [
  ['Nguyễn', 380], ['Trần', 110], ['Lê', 95], ['Phạm', 70], ['Hoàng', 30], ['Huỳnh', 21], ['Phan', 45], ['Vũ', 20], ['Võ', 19],
  ['Đặng', 21], ['Bùi', 20], ['Đỗ', 14], ['Hồ', 13], ['Ngô', 13], ['Dương', 10], ['Lý', 5], ['Đinh', 8], ['Trương', 8],
  ['Mai', 6], ['Tạ', 4], ['Lưu', 4], ['Cao', 4], ['Đoàn', 5], ['Lâm', 4], ['Châu', 3], ['Tô', 3], ['Hà', 6], ['Quách', 2],
];
const MIDDLES = ['Văn', 'Thị', 'Minh', 'Ngọc', 'Thu', 'Quốc', 'Hữu', 'Thanh', 'Đức', 'Xuân', 'Hoàng', 'Gia', 'Thị Thu', 'Văn Minh', 'Kim', 'Bảo', 'Anh', 'Công'];
const GIVENS = [
  'An', 'Anh', 'Bình', 'Châu', 'Chi', 'Cường', 'Dũng', 'Duy', 'Giang', 'Hà', 'Hải', 'Hạnh', 'Hiếu', 'Hòa', 'Hoà', 'Hùng', 'Hương',
  'Huy', 'Khánh', 'Khoa', 'Lan', 'Linh', 'Long', 'Mai', 'Minh', 'Nam', 'Ngân', 'Ngọc', 'Nhung', 'Phong', 'Phúc', 'Phương',
  'Quân', 'Quang', 'Sơn', 'Tâm', 'Thảo', 'Thắng', 'Thủy', 'Thuỷ', 'Trang', 'Trung', 'Tuấn', 'Tùng', 'Uyên', 'Vinh', 'Vy', 'Yến',
];

const sqlArray = (values: string[]) => `(array[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}]::text[])`;

/** Finished statuses and their share: 10 returned result, 9 decided, 3 refused at intake, 8 stopped. */
const FINISHED = `(array[10,10,10,10,10,10,10,9,9,3,8,10])`;
/** Open statuses: accepted, in progress, supplement, fee. */
const OPEN = `(array[2,4,4,4,5,6,4,2])`;

export async function seedVolume(orm: Orm, o: VolumeOptions): Promise<{ dossiers: number; openTasks: number; seconds: number }> {
  const log = o.log ?? (() => undefined);
  const started = performance.now();
  const connection = orm.em.getConnection();
  const exec = (sql: string, params: unknown[] = []) => connection.execute(sql, params);
  const batch = o.batch ?? 100_000;
  const tag = (o.tag ?? 'V').replace(/[^A-Z0-9]/gi, '').slice(0, 4) || 'V';
  const focusShare = o.focus?.length ? (o.focusShare ?? 0.2) : 0;
  // Every open dossier is one row in `every`; the others are finished.
  const every = Math.max(1, Math.floor(o.dossiers / Math.max(1, o.openTasks)));

  const weighted = FAMILIES.flatMap(([name, share]) => Array.from({ length: Math.max(1, Math.round(share / 5)) }, () => name));
  const procedures = o.procedures.length ? o.procedures : [{ code: 'TT', version: 1, name: 'Thủ tục' }];
  const procedureSql = {
    codes: sqlArray(procedures.map((p) => p.code)),
    names: sqlArray(procedures.map((p) => p.name)),
    versions: `(array[${procedures.map((p) => Math.trunc(p.version)).join(",")}]::int[])`,
  };

  await exec(`drop table if exists volume_agency`);
  await exec(
    `create unlogged table volume_agency as
       select row_number() over (order by a.id) as n, a.id, a.unit_code, (a.code = any(string_to_array(?, ','))) as focus,
         (select o.id from official o where o.agency_id = a.id and o.role = 'receiver' and o.active order by o.id limit 1) as receiver_id,
         (select o.id from official o where o.agency_id = a.id and o.role = 'specialist' and o.active order by o.id limit 1) as specialist_id,
         (select o.id from official o where o.agency_id = a.id and o.role = 'leader' and o.active order by o.id limit 1) as leader_id
       from agency a where a.valid_to is null`,
    [(o.focus ?? []).join(',')],
  );
  await exec(`drop table if exists volume_focus`);
  await exec(`create unlogged table volume_focus as select row_number() over (order by id) as n, id, unit_code from volume_agency where focus`);
  const [{ agencies, focused }] = await exec(`select (select count(*)::int from volume_agency) as agencies, (select count(*)::int from volume_focus) as focused`);
  if (!agencies) throw new Error('seedVolume: no agencies; seed the reference data first');
  const [{ next }] = await exec(`select coalesce(max(id), 0) + 1 as next from dossier`);
  const firstId = Number(next);
  log(`volume: ${o.dossiers.toLocaleString()} dossiers, ${o.openTasks.toLocaleString()} open tasks, ${agencies} agencies (${focused} in focus, ${Math.round(focusShare * 100)} %)`);

  for (let from = 1; from <= o.dossiers; from += batch) {
    const to = Math.min(o.dossiers, from + batch - 1);
    // h1..h4: independent hashes of the row number; the focus agencies get their share of rows.
    await exec(
      `insert into dossier (code, procedure_code, procedure_version, procedure_name, agency_id, channel, status, step_id, step_name, outcome, form,
          applicant_name, applicant_citizen_id, submitted_at, accepted_at, appointment_at, decided_at, completed_at, submission_hash, updated_at, version, lookup_secret)
       select a.unit_code || '-' || to_char(s.submitted_at at time zone 'Asia/Ho_Chi_Minh', 'YYMMDD') || '-' || ? || lpad(s.g::text, 7, '0'),
          ${procedureSql.codes}[1 + (s.h3 % ${procedures.length})], ${procedureSql.versions}[1 + (s.h3 % ${procedures.length})], ${procedureSql.names}[1 + (s.h3 % ${procedures.length})],
          a.id,
          (array['online','online','online','api','counter','counter'])[1 + s.h2 % 6],
          case when s.open then ${OPEN}[1 + s.h4 % 8] else ${FINISHED}[1 + s.h4 % 12] end,
          case when s.open then 'intake' else 'done' end,
          case when s.open then 'Tiếp nhận hồ sơ' else 'Kết thúc' end,
          case when s.open then null when ${FINISHED}[1 + s.h4 % 12] = 3 then 'refused' when ${FINISHED}[1 + s.h4 % 12] = 8 then 'cancelled' else 'completed' end,
          '{}'::jsonb,
          case when s.h1 % 12 = 0 then public.unaccent(s.name) else s.name end,
          lpad((s.h2 % 1000)::text, 3, '0') || lpad((s.h4 % 1000000000)::text, 9, '0'),
          s.submitted_at,
          s.submitted_at + interval '2 hours',
          s.submitted_at + make_interval(days => 7 + s.h3 % 15),
          case when s.open then null else s.submitted_at + make_interval(days => 3 + s.h2 % 20) end,
          case when s.open then null else s.submitted_at + make_interval(days => 4 + s.h2 % 20) end,
          md5(s.g::text), now(), 1, substr(md5('s' || s.g), 1, 8)
       from (
         select g, h1, h2, h3, h4, (g % ?) = 0 as open,
           ${sqlArray(weighted)}[1 + h1 % ${weighted.length}] || ' ' || ${sqlArray(MIDDLES)}[1 + h2 % ${MIDDLES.length}] || ' ' || ${sqlArray(GIVENS)}[1 + h3 % ${GIVENS.length}] as name,
           case when (g % ?) = 0 then now() - make_interval(mins => (h4 % (30 * 24 * 60))::int)
                else now() - make_interval(days => 30 + (h4 % 700)::int, mins => (h1 % 600)::int) end as submitted_at,
           case when ? > 0 and (h2 % 1000) < ? then 'f' else 'a' end as pick
         from (select g, abs(hashtext('a' || g)) as h1, abs(hashtext('b' || g)) as h2, abs(hashtext('c' || g)) as h3, abs(hashtext('d' || g)) as h4
               from generate_series(?::int, ?::int) g) r
       ) s
       cross join lateral (
         select case when s.pick = 'f' then f.ids[1 + s.h3 % greatest(1, ?)] else l.ids[1 + s.h3 % ?] end as id,
                case when s.pick = 'f' then f.units[1 + s.h3 % greatest(1, ?)] else l.units[1 + s.h3 % ?] end as unit_code
         from (select array_agg(id order by n) as ids, array_agg(unit_code order by n) as units from volume_agency) l,
              (select array_agg(id order by n) as ids, array_agg(unit_code order by n) as units from volume_focus) f
       ) a`,
      [tag, every, every, focused, Math.round(focusShare * 1000), from, to, focused, agencies, focused, agencies],
    );
    log(`volume: dossiers ${to.toLocaleString()} / ${o.dossiers.toLocaleString()} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  }

  // One open task per open dossier: the role by the dossier's id; a tenth held by the role's first official in focus agencies;
  // one in fifteen on its second visit (sent back by a return action).
  await exec(
    `insert into task (dossier_id, task_key, agency_id, step_id, name, role, status, created_at, due_at, assignee_id, assignee_name, claimed_at, handover_note)
     select x.id, x.step || '-' || x.visit, x.agency_id, x.step, x.name, x.role, 'open', x.submitted_at + interval '1 hour',
       x.submitted_at + make_interval(days => 2 + (x.id % 9)::int),
       x.holder, o.full_name, case when x.holder is null then null else x.submitted_at + interval '2 hours' end,
       case when x.visit > 1 then 'Trả lại: bổ sung thông tin còn thiếu' end
     from (
       select d.id, d.agency_id, d.submitted_at,
         (array['receiver','specialist','leader'])[1 + d.id % 3] as role,
         (array['intake','review','approval'])[1 + d.id % 3] as step,
         (array['Tiếp nhận hồ sơ','Thẩm định hồ sơ','Phê duyệt'])[1 + d.id % 3] as name,
         case when d.id % 15 = 0 then 2 else 1 end as visit,
         case when v.focus and d.id % 10 = 0 then (array[v.receiver_id, v.specialist_id, v.leader_id])[1 + d.id % 3] end as holder
       from dossier d join volume_agency v on v.id = d.agency_id
       where d.id >= ? and d.completed_at is null
     ) x
     left join official o on o.id = x.holder`,
    [firstId],
  );
  // "Dossiers I handled": the focus agencies' finished dossiers have their intake done by the receiver.
  await exec(
    `insert into task (dossier_id, task_key, agency_id, step_id, name, role, status, created_at, due_at, assignee_id, assignee_name, claimed_at, completed_at, action, action_label)
     select d.id, 'intake-1', d.agency_id, 'intake', 'Tiếp nhận hồ sơ', 'receiver', 'done', d.submitted_at + interval '1 hour', d.submitted_at + interval '1 day',
       v.receiver_id, o.full_name, d.submitted_at + interval '1 hour', d.submitted_at + interval '2 hours', 'accept', 'Tiếp nhận'
     from dossier d join volume_agency v on v.id = d.agency_id and v.focus and v.receiver_id is not null
     join official o on o.id = v.receiver_id
     where d.id >= ? and d.completed_at is not null and d.id % 4 = 0`,
    [firstId],
  );
  await exec(`drop table volume_agency`);
  await exec(`drop table volume_focus`);
  log('volume: vacuum and analyse');
  // Vacuumed too: index-only scans (the counters) need the visibility map.
  await exec(`vacuum analyze dossier`);
  await exec(`vacuum analyze task`);
  const [{ n, t }] = await exec(`select (select count(*)::int from dossier where id >= ?) as n, (select count(*)::int from task t join dossier d on d.id = t.dossier_id where d.id >= ? and t.status = 'open') as t`, [firstId, firstId]);
  return { dossiers: n, openTasks: t, seconds: (performance.now() - started) / 1000 };
}
