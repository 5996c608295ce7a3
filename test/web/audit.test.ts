/**
 * Accountable access (issue 8): sign-ins, administrative changes, dossier decisions and the
 * openings of dossiers go into one append-only trail chained by hashes; concurrent writers from
 * several processes chain in a single line; the database refuses UPDATE and DELETE; whoever
 * tampers as the table's owner is found by `npm run audit:verify`; supervisors read and export
 * their agency's entries, receivers cannot.
 */
import { appendAudit, type AuditVerification, verifyAuditChain } from '../../db/audit';
import { initORM } from '../../db/orm';
import { AUDIT_EXPORT_HEADINGS } from '../../web/audit-exports';
import { eventually } from '../support/eventually';
import { runProcess, tsx } from '../support/process';
import { decide, expectDone, submit, waitForDossier } from '../support/scenario';
import { startStack, type Stack } from '../support/stack';
import { visibleText, WebClient } from '../support/web-client';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

interface Row {
  seq: string;
  actor: string;
  action: string;
  target: string | null;
  agency_code: string | null;
  dossier_code: string | null;
  event_key: string | null;
}
const sql = <T extends object>(query: string, params: unknown[] = []) => stack.db.orm.em.fork().getConnection().execute<T[]>(query, params);
const entries = (where = 'true', params: unknown[] = []) =>
  sql<Row>(`select seq, actor, action, target, agency_code, dossier_code, event_key from audit_event where ${where} order by seq`, params);
const lastSeq = async () => Number((await sql<{ max: string | null }>('select max(seq) as max from audit_event'))[0].max ?? 0);
const verify = (): Promise<AuditVerification> => verifyAuditChain(stack.db.orm.em.fork());

async function signedIn(username: string): Promise<WebClient> {
  const web = new WebClient(stack.baseUrl);
  expect((await web.signIn(username)).status).toBe(303);
  return web;
}

/** The rows of a CSV export (without the byte-order mark and the heading). */
function csvRows(text: string): string[][] {
  const lines = text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
  expect(lines[0].split(',')).toEqual([...AUDIT_EXPORT_HEADINGS]);
  // The test's entries have no commas or quotes in the columns read here (seq, actor, action).
  return lines.slice(1).map((l) => l.split(','));
}

test('grows by one chained entry per sign-in, calendar change and dossier decision', async () => {
  const start = await lastSeq();
  await signedIn('hn.tiepnhan');
  const admin = await signedIn('hn.quantri');
  await admin.get('/quan-tri/lich/2027');
  expect((await admin.post('/quan-tri/lich/2027/ngay', { day: '04/01/2027', kind: 'holiday', name: 'Nghỉ hoán đổi', note: '' })).status).toBe(303);

  const code = await submit(stack);
  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'accept'));
  const decided = await eventually(
    () => entries(`dossier_code = ? and action = 'dossier-action'`, [code]),
    (rows) => rows.length === 1,
    20_000,
  );
  expect(decided[0]).toMatchObject({ actor: 'hn.tiepnhan', agency_code: 'CSGT-01', target: code });

  // Every event of the dossier's timeline once, keyed by (dossier, seq), whatever the retries.
  const timelineKeys = async () =>
    (await sql<{ seq: number }>('select t.seq from timeline_event t join dossier d on d.id = t.dossier_id where d.code = ? order by t.seq', [code])).map(
      (t) => `dossier:${code}:${t.seq}`,
    );
  await eventually(
    async () => ({ timeline: await timelineKeys(), audit: (await entries('dossier_code = ? and event_key is not null', [code])).map((r) => r.event_key) }),
    ({ timeline, audit }) => timeline.length > 0 && JSON.stringify(timeline) === JSON.stringify(audit),
    20_000,
  );

  const added = await entries('seq > ?', [start]);
  expect(added.slice(0, 3).map((r) => [r.actor, r.action, r.agency_code])).toEqual([
    ['hn.tiepnhan', 'sign-in', 'CSGT-01'],
    ['hn.quantri', 'sign-in', 'UBND-01'],
    ['hn.quantri', 'calendar-day-added', null],
  ]);
  expect(added.map((r) => Number(r.seq))).toEqual(added.map((_, i) => start + 1 + i));

  const v = await verify();
  expect(v.breaks).toEqual([]);
  expect(v.head?.seq).toBe(await lastSeq());
});

test('logs an official opening a dossier and downloading its receipt, without the dossier’s content', async () => {
  const code = await submit(stack);
  // The receipt slip is printed once the dossier is accepted.
  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'accept'));
  await waitForDossier(stack, code, (d) => d.appointmentAt !== null);
  const web = await signedIn('hn.tiepnhan');
  expect((await web.get(`/ho-so/${code}`)).status).toBe(200);
  expect((await web.download(`/ho-so/${code}/giay-tiep-nhan.pdf`)).status).toBe(200);
  // Another agency's official finds nothing, and nothing is logged as opened.
  const saigon = await signedIn('hcm.tiepnhan');
  expect((await saigon.get(`/ho-so/${code}`)).status).toBe(404);

  const opened = await sql<{ actor: string; action: string; ip: string | null; agency_code: string; detail: string | null }>(
    `select actor, action, ip, agency_code, detail from audit_event where dossier_code = ? and action in ('dossier-opened', 'document-downloaded') order by seq`,
    [code],
  );
  expect(opened.map((o) => [o.actor, o.action, o.agency_code])).toEqual([
    ['hn.tiepnhan', 'dossier-opened', 'CSGT-01'],
    ['hn.tiepnhan', 'document-downloaded', 'CSGT-01'],
  ]);
  expect(opened[0].ip).toBeTruthy();
  expect(opened[0].detail).toBeNull();
  expect(opened[1].detail).not.toMatch(/Nguyễn|\d{12}/);
});

test('chains 50 concurrent appends from two ORM instances in one unbroken line', async () => {
  const other = await initORM(stack.db.url);
  try {
    const start = await lastSeq();
    const began = Date.now();
    await Promise.all(
      Array.from({ length: 50 }, (_, i) => appendAudit((i % 2 ? other : stack.db.orm).em.fork(), { actor: `proc-${i % 2}`, action: 'test-append', target: String(i), agencyCode: 'CSGT-01' })),
    );
    const elapsed = Date.now() - began;
    console.log(`50 concurrent appends from two ORM instances: ${elapsed} ms`);
    const rows = await entries(`action = 'test-append'`);
    expect(rows.map((r) => Number(r.seq))).toEqual(Array.from({ length: 50 }, (_, i) => start + 1 + i));
    expect(new Set(rows.map((r) => r.target)).size).toBe(50);
    expect((await verify()).breaks).toEqual([]);
  } finally {
    await other.close();
  }
});

test('a retried append with the same key adds nothing', async () => {
  const start = await lastSeq();
  const entry = { actor: 'he-thong', action: 'test-keyed', key: 'test:keyed:1', agencyCode: 'CSGT-01' };
  expect(await appendAudit(stack.db.orm.em.fork(), entry)).toMatchObject({ seq: start + 1 });
  expect(await appendAudit(stack.db.orm.em.fork(), entry)).toBeUndefined();
  expect(await lastSeq()).toBe(start + 1);
});

test('the database refuses UPDATE, DELETE and TRUNCATE of the trail', async () => {
  const seq = await lastSeq();
  await expect(sql(`update audit_event set actor = 'ke.gian' where seq = ?`, [seq])).rejects.toThrow(/append-only: UPDATE refused/);
  await expect(sql(`delete from audit_event where seq = ?`, [seq])).rejects.toThrow(/append-only: DELETE refused/);
  await expect(sql(`truncate audit_event`)).rejects.toThrow(/append-only: TRUNCATE refused/);
  expect((await verify()).breaks).toEqual([]);
});

test('shows a supervisor their agency’s entries only, verified, and exports the same rows as CSV and XLSX', async () => {
  await signedIn('hcm.tiepnhan'); // another agency's sign-in: not theirs to read
  const web = await signedIn('hn.giamsat');
  const page = await web.get('/nhat-ky?thao-tac=sign-in');
  expect(page.status).toBe(200);
  const text = visibleText(page.text);
  expect(text).toContain('Nhật ký truy cập và thao tác');
  expect(text).toContain('Chuỗi nhật ký toàn vẹn');
  expect(page.text).toContain('href="/nhat-ky"'); // the link in the header
  const shownSeqs = [...page.text.matchAll(/<tr data-seq="(\d+)">/g)].map((m) => Number(m[1]));
  const theirs = await entries(`agency_code = 'CSGT-01' and action = 'sign-in'`);
  expect(shownSeqs).toEqual(theirs.map((r) => Number(r.seq)).reverse());
  expect(text).not.toContain('hcm.tiepnhan');
  expect(text).toContain('hn.giamsat');

  const csv = await web.download('/nhat-ky.csv?thao-tac=sign-in');
  expect(csv.status).toBe(200);
  expect(csv.contentType).toContain('text/csv');
  const rows = csvRows(csv.body.toString('utf8'));
  expect(rows.map((r) => Number(r[0]))).toEqual(theirs.map((r) => Number(r.seq)));
  expect(rows.every((r) => r[4] === 'sign-in' && /^[0-9a-f]{64}$/.test(r[11]) && /^[0-9a-f]{64}$/.test(r[1]))).toBe(true);

  const xlsx = await web.download('/nhat-ky.xlsx?thao-tac=sign-in');
  expect(xlsx.status).toBe(200);
  expect(xlsx.body.subarray(0, 2).toString()).toBe('PK');

  // Filters by dossier code and refuses a bad date with its reason.
  const bad = await web.get('/nhat-ky?tu=31/02/2026');
  expect(bad.status).toBe(400);
  expect(visibleText(bad.text)).toContain('không có trên lịch');
});

test('pages through entries newest first', async () => {
  const web = await signedIn('hn.giamsat');
  const first = await web.get('/nhat-ky');
  const next = /href="(\/nhat-ky\?truoc=\d+)"/.exec(first.text)?.[1];
  expect(next).toBeDefined();
  const second = await web.get(next!.replace(/&amp;/g, '&'));
  const seqs = (html: string) => [...html.matchAll(/<tr data-seq="(\d+)">/g)].map((m) => Number(m[1]));
  expect(seqs(first.text)).toHaveLength(50);
  expect(Math.max(...seqs(second.text))).toBeLessThan(Math.min(...seqs(first.text)));
});

test('refuses the trail to a receiver (403)', async () => {
  const web = await signedIn('hn.tiepnhan');
  expect((await web.get('/nhat-ky')).status).toBe(403);
  expect((await web.download('/nhat-ky.csv')).status).toBe(403);
  expect(visibleText((await web.get('/cong-viec')).text)).not.toContain('Nhật ký');
});

// Last: it breaks the chain of this file's database.
test('finds an entry edited and one deleted by the owner with the trigger disabled, as a function and as a command', async () => {
  const all = await entries();
  const [edited, deleted] = [all[all.length - 10], all[all.length - 5]].map((r) => Number(r.seq));
  await sql(`alter table audit_event disable trigger audit_event_append_only`);
  await sql(`update audit_event set actor = 'ke.gian' where seq = ?`, [edited]);
  await sql(`delete from audit_event where seq = ?`, [deleted]);
  await sql(`alter table audit_event enable trigger audit_event_append_only`);

  const v = await verify();
  expect(v.breaks.map((b) => [b.kind, b.seq])).toEqual([
    ['edited', edited],
    ['deleted', deleted + 1],
  ]);
  expect(v.breaks[1].missing).toEqual({ from: deleted, to: deleted });

  const run = await runProcess(tsx, ['scripts/audit-verify.ts'], { DATABASE_URL: stack.db.url });
  expect(run.status).toBe(1);
  expect(run.stdout).toContain('audit trail BROKEN: 2 broken link(s)');
  expect(run.stdout).toContain(`seq ${edited} at `);
  expect(run.stdout).toContain(`entry ${deleted} is missing (deleted)`);

  // The supervisor's sign-in adds an entry: the page verifies the chain again.
  const page = await (await signedIn('hn.giamsat')).get('/nhat-ky');
  expect(page.status).toBe(200);
  const text = visibleText(page.text);
  expect(text).toContain('Chuỗi nhật ký BỊ PHÁ VỠ: 2 chỗ không khớp');
  expect(text).toContain(`Mục số ${edited} (`);
  expect(text).toContain(`Mục số ${deleted} đã bị xóa`);
});
