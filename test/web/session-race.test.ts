/**
 * Sessions under concurrent requests (issue 8), on a bare app with only the session middleware
 * and its PostgreSQL store: a redirect leaves only once its session is written, and no request
 * that read a session earlier can undo what happened to it since (deleted at sign-in or
 * sign-out, changed by another request). Requests are held at a gate to force each interleaving.
 */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { PgSessionStore, setUpSessions } from '../../web/middleware/session';
import type { SessionUser } from '../../web/session-user';
import { createTestDatabase, type TestDatabase } from '../support/database';

const USER: SessionUser = { id: 1, username: 'hn.tiepnhan', name: 'Nguyễn Thị Lan', role: 'receiver', agencyId: 1, agencyCode: 'CSGT-01', agencyName: 'Phòng CSGT' };

/** A request held until the test lets it go, once it has read its session. */
class Gate {
  private release!: () => void;
  readonly opened = new Promise<void>((resolve) => (this.release = resolve));
  private reach!: () => void;
  readonly reached = new Promise<void>((resolve) => (this.reach = resolve));
  async pass(): Promise<void> {
    this.reach();
    await this.opened;
  }
  open(): void {
    this.release();
  }
}

let db: TestDatabase;
let server: Server;
let base: string;
const gates = new Map<string, Gate>();

function app(): express.Application {
  const a = express();
  a.use(setUpSessions({ store: new PgSessionStore(db.orm), secret: 'test-secret', secureCookies: false }));
  a.post('/sign-in', async (req, res) => {
    await new Promise<void>((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
    req.session.user = USER;
    res.redirect(303, '/');
  });
  a.post('/sign-out', (req, res, next) => req.session.destroy((err) => (err ? next(err) : res.redirect(303, '/'))));
  a.post('/note/:text', (req, res) => {
    req.session.flash = [{ kind: 'info', text: req.params.text }];
    res.redirect(303, '/');
  });
  a.get('/page', (_req, res) => res.send('page'));
  // Reads the session, waits at its gate, then changes it (with `note`) or only reads it.
  a.get('/held/:gate', async (req, res) => {
    await gates.get(req.params.gate)!.pass();
    if (typeof req.query.note === 'string') req.session.flash = [{ kind: 'info', text: req.query.note }];
    res.send('done');
  });
  return a;
}

beforeAll(async () => {
  db = await createTestDatabase();
  server = app().listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await db?.drop();
});

const sql = <T>(query: string, params: unknown[] = []) => db.orm.em.getConnection().execute<T[]>(query, params);

/** The session row, as PostgreSQL has it committed right now. */
async function row(sid: string): Promise<{ user?: SessionUser; flash?: { text: string }[] } | undefined> {
  return (await sql<{ sess: { user?: SessionUser; flash?: { text: string }[] } }>('select sess from session where sid = ?', [sid]))[0]?.sess;
}

/** Resolves on the response headers, as a browser follows a redirect (the body may still come). */
function request(method: string, path: string, cookie?: string): Promise<Response> {
  return fetch(`${base}${path}`, { method, redirect: 'manual', headers: cookie ? { cookie } : {} });
}

function sessionCookie(res: Response): { cookie: string; sid: string } {
  const set = res.headers.getSetCookie().find((c) => c.startsWith('motcua.sid='));
  if (!set) throw new Error(`no session cookie: ${res.status}`);
  const cookie = set.split(';')[0];
  const signed = decodeURIComponent(cookie.slice('motcua.sid='.length)); // s:<sid>.<signature>
  return { cookie, sid: signed.slice(2, signed.lastIndexOf('.')) };
}

async function signIn(): Promise<{ cookie: string; sid: string }> {
  const res = await request('POST', '/sign-in');
  await res.text();
  return sessionCookie(res);
}

/** Each write of a session takes `ms` before it commits, as on a busy production disk. */
async function slowSessionWrites(ms: number): Promise<void> {
  await sql(`create or replace function slow_session_write() returns trigger language plpgsql as $$
    begin perform pg_sleep(${ms / 1000}); return new; end $$`);
  await sql('create trigger slow_session_write before insert or update on session for each row execute function slow_session_write()');
}

describe('with session writes that take 300 ms to commit', () => {
  beforeAll(() => slowSessionWrites(300));
  afterAll(() => sql('drop trigger slow_session_write on session'));

  test('the redirect after sign-in leaves only once the new session is written', async () => {
    const res = await request('POST', '/sign-in');
    expect(res.status).toBe(303);
    const { sid } = sessionCookie(res);
    // The browser would now ask for `/` with this cookie: the session must be there to find.
    expect((await row(sid))?.user).toEqual(USER);
    await res.text();
  });

  test('the redirect after a flash message leaves only once the message is written', async () => {
    const { cookie, sid } = await signIn();
    const res = await request('POST', '/note/saved', cookie);
    expect(res.status).toBe(303);
    expect((await row(sid))?.flash).toEqual([{ kind: 'info', text: 'saved' }]);
    await res.text();
  });
});

test('a request that read the session before sign-out does not bring it back', async () => {
  const { cookie, sid } = await signIn();
  gates.set('touch', new Gate()).set('write', new Gate());
  const onlyReads = request('GET', '/held/touch', cookie);
  const writes = request('GET', '/held/write?note=late', cookie);
  await Promise.all([gates.get('touch')!.reached, gates.get('write')!.reached]);

  const out = await request('POST', '/sign-out', cookie);
  expect(out.status).toBe(303);
  expect(await row(sid)).toBeUndefined();

  // Both finish after the sign-out, holding the signed-in session they read.
  gates.get('touch')!.open();
  gates.get('write')!.open();
  for (const res of await Promise.all([onlyReads, writes])) await res.text();
  expect(await row(sid)).toBeUndefined();
});

test('a request that only read the session does not write back what it read', async () => {
  const { cookie, sid } = await signIn();
  gates.set('reader', new Gate());
  const reader = request('GET', '/held/reader', cookie);
  await gates.get('reader')!.reached;
  await (await request('POST', '/note/newer', cookie)).text();
  gates.get('reader')!.open();
  await (await reader).text();
  expect(await row(sid)).toEqual(expect.objectContaining({ user: USER, flash: [{ kind: 'info', text: 'newer' }] }));
});

test('the new session of a sign-in is written once, not again after the response', async () => {
  await sql('create table session_write (sid varchar not null, at timestamptz not null default clock_timestamp())');
  await sql(`create function log_session_write() returns trigger language plpgsql as $$
    begin insert into session_write (sid) values (new.sid); return new; end $$`);
  // Writes of the data only: a touch sets the expiry alone.
  await sql('create trigger log_session_write after insert or update of sess on session for each row execute function log_session_write()');
  try {
    // The body ends only after express-session's own writes: once read, all writes are done.
    const { sid } = await signIn();
    expect(await sql('select sid from session_write where sid = ?', [sid])).toHaveLength(1);
  } finally {
    await sql('drop trigger log_session_write on session');
  }
});

test('reading pages does not write the session on every request: the expiry moves when it is five minutes behind', async () => {
  const { cookie, sid } = await signIn();
  await sql('create table session_touch (sid varchar not null)');
  await sql(`create function log_session_touch() returns trigger language plpgsql as $$
    begin insert into session_touch (sid) values (new.sid); return new; end $$`);
  await sql('create trigger log_session_touch after update of expire on session for each row execute function log_session_touch()');
  try {
    for (let i = 0; i < 5; i++) await (await request('GET', '/page', cookie)).text();
    expect(await sql('select sid from session_touch where sid = ?', [sid])).toHaveLength(0);

    // Ten minutes later (as the table sees it), the next page moves the expiry, once.
    await sql("update session set expire = expire - interval '10 minutes' where sid = ?", [sid]);
    await sql('delete from session_touch');
    for (let i = 0; i < 3; i++) await (await request('GET', '/page', cookie)).text();
    expect(await sql('select sid from session_touch where sid = ?', [sid])).toHaveLength(1);
    const [{ left }] = await sql<{ left: number }>('select extract(epoch from expire - now()) / 3600 as left from session where sid = ?', [sid]);
    expect(Number(left)).toBeGreaterThan(7.9);
  } finally {
    await sql('drop trigger log_session_touch on session');
  }
});
