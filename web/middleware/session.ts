/**
 * Sessions in PostgreSQL (table `session`), so sign-ins survive a restart and several web
 * processes can share them. Cookies are HTTP-only, SameSite=Lax, and Secure behind HTTPS.
 */
import session from 'express-session';
import type { RequestHandler } from 'express';
import type { Orm } from '../../db/orm';

const EIGHT_HOURS_MS = 8 * 3_600_000;

export class PgSessionStore extends session.Store {
  constructor(private readonly orm: Orm) {
    super();
  }

  private sql<T = unknown>(query: string, params: unknown[]): Promise<T[]> {
    return this.orm.em.getConnection().execute<T[]>(query, params);
  }

  override get(sid: string, done: (err: unknown, session?: session.SessionData | null) => void): void {
    this.sql<{ sess: session.SessionData }>('select sess from session where sid = ? and expire > now()', [sid])
      .then((rows) => done(null, rows[0]?.sess ?? null))
      .catch(done);
  }

  override set(sid: string, sess: session.SessionData, done?: (err?: unknown) => void): void {
    const expire = sess.cookie?.expires ? new Date(sess.cookie.expires) : new Date(Date.now() + EIGHT_HOURS_MS);
    this.sql(
      `insert into session (sid, sess, expire) values (?, ?, ?)
       on conflict (sid) do update set sess = excluded.sess, expire = excluded.expire`,
      [sid, JSON.stringify(sess), expire],
    )
      .then(() => done?.())
      .catch((err) => done?.(err));
  }

  override destroy(sid: string, done?: (err?: unknown) => void): void {
    this.sql('delete from session where sid = ?', [sid])
      .then(() => done?.())
      .catch((err) => done?.(err));
  }

  override touch(sid: string, sess: session.SessionData, done?: () => void): void {
    this.set(sid, sess, () => done?.());
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

export function setUpSessions({ store, secret, secureCookies }: SessionSettings): RequestHandler {
  setInterval(() => void store.prune().catch(() => undefined), 3_600_000).unref();
  return session({
    name: 'motcua.sid',
    secret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, sameSite: 'lax', secure: secureCookies, maxAge: EIGHT_HOURS_MS },
  });
}
