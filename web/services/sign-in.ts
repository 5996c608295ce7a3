/**
 * Officials' sign-in and sign-out: checks the password, builds the session user, and writes
 * every attempt to the audit trail (`audit_event`), with a brake on password guessing
 * (sign-in-throttle.ts: growing waits per client and per account, kept in PostgreSQL, never a
 * lock of the account). The answers do not tell whether a user name exists: the same message
 * for an unknown name and a wrong password, a password check of the same cost for both, and a
 * wait that depends on what was typed and from where, not on the account.
 */
import { appendAudit } from '../../db/audit';
import { Official } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { verifyNobodysPassword, verifyPassword } from '../../domain/passwords';
import { type SessionUser, sessionUserOf } from '../session-user';
import { PgSignInThrottle, type SignInBrake } from './sign-in-throttle';

export type { SignInBrake } from './sign-in-throttle';

export type SignInResult =
  | { kind: 'signed-in'; user: SessionUser }
  | { kind: 'refused'; message: string }
  | { kind: 'throttled'; message: string; retryAfterSeconds: number };

const WRONG = 'Tên đăng nhập hoặc mật khẩu không đúng.';
const throttled = (seconds: number) => `Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ${seconds} giây.`;

export class SignInService {
  constructor(
    private readonly orm: Orm,
    private readonly brake: SignInBrake = new PgSignInThrottle(orm),
  ) {}

  /** Appended to the chained trail (db/audit.ts); the agency, when known, lets its supervisors see it. */
  private audit(actor: string, action: string, ip: string | undefined, agencyCode?: string): Promise<unknown> {
    return appendAudit(this.orm.em.fork(), { actor: actor || '-', action, ip: ip ?? null, agencyCode: agencyCode ?? null });
  }

  /** `username` as typed (trimmed, lower case); every outcome is audited. */
  async signIn(username: string, password: string, ip: string | undefined): Promise<SignInResult> {
    const attempt = { username, client: ip ?? 'unknown' };
    const waitMs = await this.brake.wait(attempt);
    if (waitMs > 0) {
      // Refused before the password is looked at: a guess made now tells nothing.
      await this.audit(username, 'sign-in-throttled', ip);
      const seconds = Math.ceil(waitMs / 1000);
      return { kind: 'throttled', message: throttled(seconds), retryAfterSeconds: seconds };
    }
    const official = await this.orm.em.fork().findOne(Official, { username, active: true }, { populate: ['agency', 'passwordHash'] });
    const valid = official ? await verifyPassword(official.passwordHash, password) : await verifyNobodysPassword(password);
    if (!official || !valid) {
      await this.brake.failed(attempt);
      await this.audit(username, 'sign-in-failed', ip, official?.agency.code);
      return { kind: 'refused', message: WRONG };
    }
    await this.brake.succeeded(attempt);
    await this.audit(username, 'sign-in', ip, official.agency.code);
    return {
      kind: 'signed-in',
      user: sessionUserOf(official),
    };
  }

  signedOut(username: string, ip: string | undefined, agencyCode?: string): Promise<unknown> {
    return this.audit(username, 'sign-out', ip, agencyCode);
  }
}
