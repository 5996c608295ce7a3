/**
 * How long a report takes on 100,000 dossiers (docs/benchmarks.md): a table generated in a test
 * database (4 agencies of one province, accepted every 15 minutes over almost three years, most
 * decided within 12 days, some waiting for a supplement), then reports for a month and a year,
 * one agency and the province, with the query plan. Opt-in: MOTCUA_BENCH_REPORTS=1.
 */
import { Agency } from '../../db/entities';
import { ReadModel } from '../../web/services/read-model';
import { dossiersQuery, type ReportPeriod, type ReportScope, ReportService } from '../../web/services/reports';
import { createTestDatabase, type TestDatabase } from '../support/database';

const run = process.env.MOTCUA_BENCH_REPORTS ? test : test.skip;
const DOSSIERS = 100_000;

let db: TestDatabase;
afterAll(() => db?.drop());

run(`reports on ${DOSSIERS.toLocaleString('en')} dossiers`, async () => {
  db = await createTestDatabase();
  const em = db.orm.em.fork();
  const agencies = await em.find(Agency, { code: { $in: ['CSGT-01', 'STP-01', 'SCT-01', 'UBNDX-00070'] } }, { orderBy: { code: 'asc' } });
  const ids = agencies.map((a) => a.id);
  const started = Date.now();
  await em.getConnection().execute(
    `insert into dossier (code, procedure_code, procedure_version, procedure_name, agency_id, channel, status, step_id, step_name, form,
       applicant_name, applicant_citizen_id, submitted_at, accepted_at, appointment_at, decided_at, completed_at, procedure_level,
       time_limit, pauses, paused_since, submission_hash, workflow_started_at, updated_at)
     select 'BENCH-' || g, 'P' || (g % 20), 1, 'Thủ tục ' || (g % 20), (?::int[])[1 + g % 4], (array['counter','online','api','post'])[1 + g % 4],
       case when done then 10 else 4 end, 'review', 'Thẩm định', '{}', 'Nguyễn Văn An', '001085004521', t, t, t + interval '7 days',
       case when done then t + ((g % 12) || ' days')::interval end, case when done then t + ((g % 12) || ' days 2 hours')::interval end,
       (array['province','commune'])[1 + g % 2], '{"amount":5,"unit":"working-days"}',
       case when g % 50 = 0 then jsonb_build_array(jsonb_build_object('from', t + interval '1 day', 'to', t + interval '4 days', 'reason', 'Bổ sung')) else '[]' end,
       null, 'h', t, now()
     from (select g, timestamptz '2024-01-01 08:00+07' + g * interval '15 minutes' as t from generate_series(1, ?) g) s,
       lateral (select (g % 10 < 8 or t < timestamptz '2026-10-01+07') as done) d`,
    [`{${ids.join(',')}}`, DOSSIERS],
  );
  await em.getConnection().execute('analyze dossier');
  console.log(`generated ${DOSSIERS} dossiers in ${Date.now() - started} ms`);

  const service = new ReportService(db.orm, new ReadModel(db.orm).calendar);
  const toAgency = (a: (typeof agencies)[number]) => ({ id: a.id, code: a.code, name: a.name, provinceCode: a.provinceCode, officeHours: null });
  const one: ReportScope = { agencies: [toAgency(agencies[0])], all: false };
  const province: ReportScope = { agencies: agencies.map(toAgency), all: true };
  const now = new Date('2026-11-30T12:00:00+07:00');
  const cases: [string, ReportScope, ReportPeriod][] = [
    ['one agency, a month', one, { from: '2026-10-01', to: '2026-10-31' }],
    ['one agency, a year', one, { from: '2025-01-01', to: '2025-12-31' }],
    ['four agencies, a month', province, { from: '2026-10-01', to: '2026-10-31' }],
    ['four agencies, a year', province, { from: '2025-01-01', to: '2025-12-31' }],
  ];
  await service.report({ scope: one, period: cases[0][2], groupBy: 'procedure', now }); // warm-up: the calendar, the connection
  for (const [name, scope, period] of cases) {
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < 3; i++) {
      const t = process.hrtime.bigint();
      const report = await service.report({ scope, period, groupBy: 'procedure', now });
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
      rows = report.total.toHandle;
    }
    const { sql, params } = dossiersQuery(scope, period, now);
    const plan = await em.getConnection().execute<{ 'QUERY PLAN': string }[]>(`explain analyze ${sql}`, params);
    const sqlMs = plan.map((p) => p['QUERY PLAN']).find((l) => l.startsWith('Execution Time'));
    const indexes = [...new Set(plan.flatMap((p) => /Index (?:Only )?Scan (?:using|on) (\w+)/.exec(p['QUERY PLAN'])?.[1] ?? []))];
    const seqScans = plan.filter((p) => /Seq Scan on dossier/.test(p['QUERY PLAN'])).length;
    console.log(`${name}: ${rows} dossiers to handle; report ${times.map((t) => t.toFixed(0)).join(' / ')} ms; SQL ${sqlMs}; indexes ${indexes.join(', ')}; sequential scans of dossier: ${seqScans}`);
  }
});
