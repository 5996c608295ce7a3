/**
 * Sessions in PostgreSQL (table `session`), so sign-ins survive a restart and several web
 * processes can share them. Cookies are HTTP-only, SameSite=Lax, and Secure behind HTTPS.
 *
 * Issue 8 (a sign-in now and then landed on the public home page, signed out) was a race between
 * a response and the write of its session. express-session sends the headers, and all of the
 * body but its last byte, *before* it writes a changed session, and a browser follows a redirect
 * on the headers alone. At sign-in:
 *
 *   POST /dang-nhap   regenerate (delete S1, new S2 with the user) → 303 Location: /, Set-Cookie: S2
 *                     … then `insert S2` starts; until it commits, S2 is not in the table
 *   GET /  (cookie S2) select S2 → no row → a new empty session → the public home page
 *                     … the insert of S2 commits: the next click is signed in again
 *
 * The window is the time a commit takes (fsync on a production disk: a few milliseconds),
 * against a browser that sends the next request within a millisecond. Flash messages after any
 * Post/Redirect/Get had the same window. Two fixes, for the whole class:
 * - no response leaves before the session its request changed is written (setUpSessions);
 * - the store never lets a late write undo a newer state: a touch only moves the expiry, a
 *   session read from the table is only ever updated (one deleted meanwhile, at sign-in or
 *   sign-out, stays deleted instead of coming back with the user in it), and the same data is
 *   not written twice (express-session writes a regenerated session again after the response,
 *   which would overwrite what the browser's next request wrote in between).
 */
import session from 'express-session';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Orm } from '../../db/orm';

const EIGHT_HOURS_MS = 8 * 3_600_000;
/**
 * A touch writes the new expiry only when it has moved this far since the table's: an eight-hour
 * session expires at most five minutes early, and a page does not cost a committed write.
 */
const TOUCH_EVERY_MS = 5 * 60_000;
/** Expiries remembered at most; beyond it the map starts again (a touch then writes once more). */
const REMEMBERED_EXPIRIES = 100_000;

/** A session's data without its cookie, whose expiry moves on every request: what a write changes. */
function dataOf(sess: object): string {
  return JSON.stringify(sess, (key, value: unknown) => (key === 'cookie' ? undefined : value));
}

export class PgSessionStore extends session.Store {
  /** Sessions read from the table (not new ones): written by update only, never inserted again. */
  private readonly loaded = new WeakSet<object>();
  /** The data each session object last wrote (see `set`). */
  private readonly written = new WeakMap<object, string>();
  /** The expiry the table holds, by session id, as last read or written here (see `touch`). */
  private readonly storedExpiry = new Map<string, number>();

  constructor(private readonly orm: Orm) {
    super();
  }

  private sql<T = unknown>(query: string, params: unknown[]): Promise<T[]> {
    return this.orm.em.getConnection().execute<T[]>(query, params);
  }

  override get(sid: string, done: (err: unknown, session?: session.SessionData | null) => void): void {
    this.sql<{ sess: session.SessionData; expire: Date }>('select sess, expire from session where sid = ? and expire > now()', [sid])
      .then((rows) => {
        if (rows[0]) this.rememberExpiry(sid, new Date(rows[0].expire));
        done(null, rows[0]?.sess ?? null);
      })
      .catch(done);
  }

  /** Every session express-session reads from the table passes here (also on `reload`). */
  override createSession(req: Request, data: session.SessionData): session.Session & session.SessionData {
    const created = super.createSession(req, data);
    this.loaded.add(created);
    return created;
  }

  /**
   * A session read from the table is updated, never inserted: if another request deleted it
   * meanwhile (sign-in regenerates, sign-out destroys), this late write must not bring it back.
   * Only a new session (a fresh random id nobody else knows yet) is inserted. Data this session
   * object has written already is not written again.
   */
  override set(sid: string, sess: session.SessionData, done?: (err?: unknown) => void): void {
    const data = dataOf(sess);
    if (this.written.get(sess) === data) return done?.();
    const expire = sess.cookie?.expires ? new Date(sess.cookie.expires) : new Date(Date.now() + EIGHT_HOURS_MS);
    const write = this.loaded.has(sess)
      ? this.sql('update session set sess = ?, expire = ? where sid = ?', [JSON.stringify(sess), expire, sid])
      : this.sql(
          `insert into session (sid, sess, expire) values (?, ?, ?)
           on conflict (sid) do update set sess = excluded.sess, expire = excluded.expire`,
          [sid, JSON.stringify(sess), expire],
        );
    write
      .then(() => {
        this.written.set(sess, data);
        this.rememberExpiry(sid, expire);
        done?.();
      })
      .catch((err) => done?.(err));
  }

  override destroy(sid: string, done?: (err?: unknown) => void): void {
    this.storedExpiry.delete(sid);
    this.sql('delete from session where sid = ?', [sid])
      .then(() => done?.())
      .catch((err) => done?.(err));
  }

  /** Moves the expiry of a session still there; never writes its data (a request that only read it holds old data). */
  override touch(sid: string, sess: session.SessionData, done?: () => void): void {
    const expire = sess.cookie?.expires ? new Date(sess.cookie.expires) : new Date(Date.now() + EIGHT_HOURS_MS);
    const stored = this.storedExpiry.get(sid);
    if (stored !== undefined && expire.getTime() - stored < TOUCH_EVERY_MS) return done?.();
    this.sql('update session set expire = ? where sid = ?', [expire, sid])
      .then(() => {
        this.rememberExpiry(sid, expire);
        done?.();
      })
      .catch(() => done?.());
  }

  private rememberExpiry(sid: string, expire: Date): void {
    if (this.storedExpiry.size >= REMEMBERED_EXPIRIES) this.storedExpiry.clear();
    this.storedExpiry.set(sid, expire.getTime());
  }

  /** Removes expired sessions; called now and then, not on every request. */
  prune(): Promise<unknown> {
    return this.sql('delete from session where expire < now()', []);
  }
}

export interface SessionSettings {
  store: PgSessionStore;
  secret: string;
  secureCookies: boolean;
}

/** Which session the request holds and what is in it. */
function sessionState(req: Request): string | undefined {
  return req.session ? `${req.sessionID} ${dataOf(req.session)}` : undefined;
}

/**
 * Holds the response back until the session this request changed (signed in, a flash message, a
 * first CSRF token) is written: express-session would write it after sending the headers, and
 * a redirect's headers are all the browser waits for before its next request. A write that
 * fails goes to the error handler instead of the response, as express-session's own do.
 */
function sessionWrittenFirst(req: Request, res: Response, next: NextFunction): void {
  const before = sessionState(req);
  const end = res.end;
  let held = false;
  res.end = function (this: Response, ...args: unknown[]) {
    if (held || !req.session || sessionState(req) === before) return Reflect.apply(end, this, args) as Response;
    held = true;
    req.session.save((err: unknown) => (err ? next(err) : Reflect.apply(end, this, args)));
    return this;
  } as Response['end'];
  next();
}

export function setUpSessions({ store, secret, secureCookies }: SessionSettings): RequestHandler {
  setInterval(() => void store.prune().catch(() => undefined), 3_600_000).unref();
  const sessions = session({
    name: 'motcua.sid',
    secret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, sameSite: 'lax', secure: secureCookies, maxAge: EIGHT_HOURS_MS },
  });
  return (req, res, next) => sessions(req, res, (err?: unknown) => (err ? next(err) : sessionWrittenFirst(req, res, next)));
}
