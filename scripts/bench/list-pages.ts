/**
 * The list-page benchmark (issue 9): at a million dossiers, how long an official waits for
 * - "my queue": GET /cong-viec (the default list: my tasks and my group's, soonest due first),
 * - the archive searched by name: GET /ho-so?q=<a name, with or without diacritics>,
 * - the overdue list: GET /cong-viec?danh-sach=qua-han,
 * each with every list's counters, as the receiver of the busiest agency (hn.tiepnhan, CSGT-01).
 *
 * Three timings per page, in one run, interleaved request by request:
 * - **page**: the whole HTTP request to the app running in this process (session, guards, the
 *   service, the view model, EJS), timed by the client on loopback;
 * - **service**: `QueueService.page()`, the page's queries as the route calls them;
 * - **raw SQL**: the same SQL statements (list and counters, run concurrently as the service does)
 *   through the same driver, without the app.
 *
 * The database is dedicated and kept (LIST_BENCH_DIR, default ~/.cache/motcua/bench-lists):
 * seeded once (db/seeds/volume.ts, LIST_BENCH_DOSSIERS, default 1,000,000, and a tenth as
 * open tasks), reused when it already holds them. LIST_BENCH_DATABASE_URL uses another server.
 * LIST_BENCH_REQUESTS (default 200) per page, after 20 to warm up.
 */
import os from 'node:os';
import path from 'node:path';
import { Official } from '../../db/entities';
import { freePort, startLocalPostgres, type LocalPostgres } from '../../db/local-postgres';
import { initORM, migrate, type Orm } from '../../db/orm';
import { sessionUserOf, type SessionUser } from '../../web/session-user';
import { dueSoonUntil, type QueueQuery, QueueService, searchKind } from '../../web/services/queues';
import { startTemporalDevServer } from '../../worker/temporal-dev-server';
import { startInProcessStack } from '../lib/in-process-stack';
import { seedVolumeInto } from '../seed-volume';

const DOSSIERS = Number(process.env.LIST_BENCH_DOSSIERS ?? 1_000_000);
const OPEN_TASKS = Number(process.env.LIST_BENCH_OPEN_TASKS ?? Math.round(DOSSIERS / 10));
const REQUESTS = Number(process.env.LIST_BENCH_REQUESTS ?? 200);
const WARM_UP = 20;
const USERNAME = 'hn.tiepnhan';

/** Names searched in the archive, as officials type them. */
const NAMES = ['nguyen van an', 'Trần Thị Lan', 'le minh hoa', 'Phạm Quốc Hùng', 'hoang thi thu trang', 'Võ Ngọc Anh', 'dang van tuan', 'Bùi Thị Hương', 'do duc minh', 'ngo gia huy'];
/** Typed from the middle of names: no name starts with them, so the page falls back to names containing them. */
const INSIDE = ['van an', 'thi thu trang', 'quoc hung', 'ngoc anh', 'duc minh'];

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

interface Scenario {
  name: string;
  path: (i: number) => string;
  query: (i: number) => QueueQuery;
}

const SCENARIOS: Scenario[] = [
  { name: 'my queue (/cong-viec)', path: () => '/cong-viec', query: () => ({ tab: 'open' }) },
  {
    name: 'archive search by name (/ho-so?q=…)',
    path: (i) => `/ho-so?q=${encodeURIComponent(NAMES[i % NAMES.length])}`,
    query: (i) => ({ tab: 'archive', q: NAMES[i % NAMES.length] }),
  },
  { name: 'overdue (/cong-viec?danh-sach=qua-han)', path: () => '/cong-viec?danh-sach=qua-han', query: () => ({ tab: 'overdue' }) },
  {
    name: 'archive by a name inside (fallback)',
    path: (i) => `/ho-so?q=${encodeURIComponent(INSIDE[i % INSIDE.length])}`,
    query: (i) => ({ tab: 'archive', q: INSIDE[i % INSIDE.length] }),
  },
];

export interface ListBenchRow {
  name: string;
  page: number[];
  service: number[];
  raw: number[];
  rows: number;
}

/** A signed-in browser: the session cookie, kept. */
async function signedIn(baseUrl: string): Promise<string> {
  const form = await fetch(`${baseUrl}/dang-nhap`, { redirect: 'manual' });
  const cookie = form.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1] ?? '';
  const answer = await fetch(`${baseUrl}/dang-nhap`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams({ _csrf: csrf, username: USERNAME, password: 'motcua-demo' }).toString(),
  });
  if (answer.status !== 303) throw new Error(`sign-in as ${USERNAME} answered ${answer.status}`);
  const session = answer.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return session || cookie;
}

async function ensureSeeded(orm: Orm, log: (line: string) => void): Promise<void> {
  await migrate(orm);
  const [{ n }] = await orm.em.getConnection().execute<{ n: number }[]>(`select count(*)::int as n from dossier`);
  if (n >= DOSSIERS) {
    log(`list bench: reusing the seeded database (${n.toLocaleString()} dossiers)`);
    return;
  }
  log(`list bench: seeding ${DOSSIERS.toLocaleString()} dossiers and ${OPEN_TASKS.toLocaleString()} open tasks (once; kept for the next runs)`);
  const done = await seedVolumeInto(orm, DOSSIERS - n, OPEN_TASKS, n ? `B${n % 1000}` : 'V', log);
  log(`list bench: seeded in ${done.seconds.toFixed(0)} s`);
}

export async function benchListPages(options: { log?: (line: string) => void } = {}): Promise<ListBenchRow[]> {
  const log = options.log ?? console.log;
  let postgres: LocalPostgres | undefined;
  let url = process.env.LIST_BENCH_DATABASE_URL;
  if (!url) {
    const dir = process.env.LIST_BENCH_DIR ?? path.join(os.homedir(), '.cache', 'motcua', 'bench-lists');
    postgres = await startLocalPostgres({ dataDir: path.join(dir, `pg-${DOSSIERS}`), port: await freePort(), database: 'motcua_lists' });
    url = postgres.url;
  }
  const orm = await initORM(url, { pool: { min: 2, max: 10 } });
  const temporal = await startTemporalDevServer({ port: await freePort() });
  try {
    await ensureSeeded(orm, log);
    const stack = await startInProcessStack({ orm, databaseUrl: url, temporalAddress: temporal.address, worker: false });
    try {
      const official = await orm.em.fork().findOneOrFail(Official, { username: USERNAME }, { populate: ['agency'] });
      const user: SessionUser = sessionUserOf(official);
      const queues: QueueService = stack.services.queues;
      const cookie = await signedIn(stack.baseUrl);
      const connection = orm.em.getConnection();
      const owner = { id: user.id, agencyId: user.agencyId, role: user.role };
      const calendar = await stack.services.readModel.calendar();
      const rows: ListBenchRow[] = [];
      for (const scenario of SCENARIOS) {
        const row: ListBenchRow = { name: scenario.name, page: [], service: [], raw: [], rows: 0 };
        for (let i = 0; i < WARM_UP + REQUESTS; i++) {
          const measured = i >= WARM_UP;
          let started = performance.now();
          const answer = await fetch(stack.baseUrl + scenario.path(i), { headers: { cookie }, redirect: 'manual' });
          const html = await answer.text();
          if (answer.status !== 200) throw new Error(`${scenario.path(i)} answered ${answer.status}`);
          if (measured) row.page.push(performance.now() - started);
          if (i === WARM_UP) row.rows = (html.match(/<tr data-code=/g) ?? []).length;

          started = performance.now();
          await queues.page(user, scenario.query(i));
          if (measured) row.service.push(performance.now() - started);

          const now = new Date();
          const soon = dueSoonUntil(now, calendar);
          started = performance.now();
          // The same statements as the service: the list (and, when no name starts with the words, the list by names containing them), with the counters beside it.
          const query = scenario.query(i);
          const list = async () => {
            const first = await connection.execute<unknown[]>(queues.listSql(owner, query, now, soon).sql.text, queues.listSql(owner, query, now, soon).sql.params);
            if (!first.length && query.q && searchKind(query.q)?.kind === 'name') {
              const { sql } = queues.listSql(owner, query, now, soon, 'contains');
              await connection.execute(sql.text, sql.params);
            }
          };
          const counts = queues.countsSql(owner, now, soon);
          await Promise.all([list(), connection.execute(counts.text, counts.params)]);
          if (measured) row.raw.push(performance.now() - started);
        }
        rows.push(row);
      }
      // The app's floor: a signed-in page with no list (session, guards, header, inbox counter, EJS).
      const floor: ListBenchRow = { name: 'app floor: /thong-bao (no list)', page: [], service: [], raw: [], rows: 0 };
      for (let i = 0; i < WARM_UP + REQUESTS; i++) {
        const started = performance.now();
        const answer = await fetch(`${stack.baseUrl}/thong-bao`, { headers: { cookie }, redirect: 'manual' });
        await answer.text();
        if (i >= WARM_UP) floor.page.push(performance.now() - started);
      }
      rows.push(floor);
      return rows;
    } finally {
      await stack.stop();
    }
  } finally {
    await orm.close();
    await temporal.stop();
    await postgres?.stop();
  }
}

export function listBenchTable(rows: ListBenchRow[]): string {
  const f = (n: number) => n.toFixed(1).padStart(7);
  const lines = [
    `List pages at ${DOSSIERS.toLocaleString('en')} dossiers / ${OPEN_TASKS.toLocaleString('en')} open tasks, as ${USERNAME}; ${REQUESTS} requests each, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)}, NODE_ENV=${process.env.NODE_ENV ?? 'development'} (ms)`,
    '| page                                   | rows | page p50 | page p95 | service p50 | service p95 | raw SQL p50 | raw SQL p95 | p95 page/raw |',
    '|----------------------------------------|-----:|---------:|---------:|------------:|------------:|------------:|------------:|-------------:|',
  ];
  for (const r of rows) {
    if (!r.raw.length) {
      lines.push(`| ${r.name.padEnd(38)} |    — | ${f(percentile(r.page, 50))}  | ${f(percentile(r.page, 95))}  |           — |           — |           — |           — |            — |`);
      continue;
    }
    const raw95 = percentile(r.raw, 95);
    lines.push(
      `| ${r.name.padEnd(38)} | ${String(r.rows).padStart(4)} | ${f(percentile(r.page, 50))}  | ${f(percentile(r.page, 95))}  | ${f(percentile(r.service, 50))}     | ${f(percentile(r.service, 95))}     | ${f(percentile(r.raw, 50))}     | ${f(raw95)}     | ${(percentile(r.page, 95) / raw95).toFixed(2).padStart(12)} |`,
    );
  }
  return lines.join('\n');
}

if (require.main === module) {
  benchListPages()
    .then((rows) => console.log(`\n${listBenchTable(rows)}`))
    .catch((error) => {
      console.error(error);
      process.exit(1);
    });
}
