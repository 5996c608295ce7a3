/**
 * Officials' sign-in and sign-out: checks the password, builds the session user, and writes
 * every attempt to the audit trail (`audit_event`), with a brake on password guessing. The brake
 * is its own small interface so a stronger one (kept in the database, by address as well as
 * name) can replace the in-memory one without touching the route.
 */
import { AuditEvent, Official } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { verifyPassword } from '../../domain/passwords';
import type { SessionUser } from '../session-user';

export interface SignInBrake {
  locked(username: string): boolean;
  failed(username: string): void;
  succeeded(username: string): void;
}

const MAX_FAILURES = 5;
const LOCK_MS = 5 * 60_000;

/** Failed sign-ins per user name; in memory, so a restart forgets them (acceptable for a brake). */
export class MemorySignInBrake implements SignInBrake {
  private readonly failures = new Map<string, { count: number; until?: number }>();

  locked(username: string): boolean {
    const f = this.failures.get(username);
    return !!f?.until && f.until > Date.now();
  }

  failed(username: string): void {
    const f = this.failures.get(username) ?? { count: 0 };
    f.count++;
    if (f.count >= MAX_FAILURES) Object.assign(f, { count: 0, until: Date.now() + LOCK_MS });
    this.failures.set(username, f);
  }

  succeeded(username: string): void {
    this.failures.delete(username);
  }
}

export type SignInResult =
  | { kind: 'signed-in'; user: SessionUser }
  | { kind: 'refused'; message: string }
  | { kind: 'locked'; message: string };

const WRONG = 'Tên đăng nhập hoặc mật khẩu không đúng.';
const LOCKED = 'Tài khoản tạm khóa do đăng nhập sai nhiều lần; vui lòng thử lại sau 5 phút.';

export class SignInService {
  constructor(
    private readonly orm: Orm,
    private readonly brake: SignInBrake = new MemorySignInBrake(),
  ) {}

  private audit(actor: string, action: string, ip: string | undefined): Promise<unknown> {
    return this.orm.em.fork().insert(AuditEvent, { at: new Date(), actor: actor || '-', action, ip: ip ?? null, detail: null });
  }

  /** `username` as typed (trimmed, lower case); every outcome is audited. */
  async signIn(username: string, password: string, ip: string | undefined): Promise<SignInResult> {
    if (this.brake.locked(username)) {
      await this.audit(username, 'sign-in-locked', ip);
      return { kind: 'locked', message: LOCKED };
    }
    const official = await this.orm.em.fork().findOne(Official, { username, active: true }, { populate: ['agency', 'passwordHash'] });
    const valid = official ? await verifyPassword(official.passwordHash, password) : false;
    if (!official || !valid) {
      this.brake.failed(username);
      await this.audit(username, 'sign-in-failed', ip);
      return { kind: 'refused', message: WRONG };
    }
    this.brake.succeeded(username);
    await this.audit(username, 'sign-in', ip);
    return {
      kind: 'signed-in',
      user: {
        id: official.id,
        username: official.username,
        name: official.fullName,
        role: official.role,
        agencyId: official.agency.id,
        agencyCode: official.agency.code,
        agencyName: official.agency.name,
      },
    };
  }

  signedOut(username: string, ip: string | undefined): Promise<unknown> {
    return this.audit(username, 'sign-out', ip);
  }
}
