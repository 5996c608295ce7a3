/** Sign-in and sign-out of officials, with a brake on password guessing and an audit line each time. */
import { Router, type Request } from 'express';
import { AuditEvent, Official } from '../../db/entities';
import { verifyPassword } from '../../domain/passwords';
import type { WebServices } from '../services';
import type { SessionUser } from '../session-user';

const MAX_FAILURES = 5;
const LOCK_MS = 5 * 60_000;

/** Failed sign-ins per user name; in memory, so a restart forgets them (acceptable for a brake). */
class SignInBrake {
  private readonly failures = new Map<string, { count: number; until?: number }>();
  locked(username: string): boolean {
    const f = this.failures.get(username);
    return !!f?.until && f.until > Date.now();
  }
  fail(username: string): void {
    const f = this.failures.get(username) ?? { count: 0 };
    f.count++;
    if (f.count >= MAX_FAILURES) Object.assign(f, { count: 0, until: Date.now() + LOCK_MS });
    this.failures.set(username, f);
  }
  succeed(username: string): void {
    this.failures.delete(username);
  }
}

/** Only paths inside this site: never an open redirect. */
function safeNext(next: unknown): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

function regenerate(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
}

export function authRoutes(s: WebServices): Router {
  const router = Router();
  const brake = new SignInBrake();

  router.get('/dang-nhap', (req, res) => {
    if (req.session.user) return res.redirect(303, '/');
    res.render('login', { title: 'Đăng nhập', values: {}, errors: {}, next: safeNext(req.query.tiep) });
  });

  router.post('/dang-nhap', async (req, res) => {
    const username = String(req.body.username ?? '').trim().toLowerCase();
    const password = String(req.body.password ?? '');
    const next = safeNext(req.body.next);
    const errors: Record<string, string> = {};
    if (!username) errors.username = 'Vui lòng nhập tên đăng nhập';
    if (!password) errors.password = 'Vui lòng nhập mật khẩu';
    const em = s.orm.em.fork();
    const audit = (action: string, detail?: string) =>
      em.insert(AuditEvent, { at: new Date(), actor: username || '-', action, ip: req.ip ?? null, detail: detail ?? null });

    if (!Object.keys(errors).length) {
      if (brake.locked(username)) {
        errors.form = 'Tài khoản tạm khóa do đăng nhập sai nhiều lần; vui lòng thử lại sau 5 phút.';
        await audit('sign-in-locked');
      } else {
        const official = await em.findOne(Official, { username, active: true }, { populate: ['agency', 'passwordHash'] });
        const valid = official ? await verifyPassword(official.passwordHash, password) : false;
        if (official && valid) {
          brake.succeed(username);
          await regenerate(req); // a new session id at sign-in: no session fixation
          const user: SessionUser = {
            id: official.id,
            username: official.username,
            name: official.fullName,
            role: official.role,
            agencyId: official.agency.id,
            agencyCode: official.agency.code,
            agencyName: official.agency.name,
          };
          req.session.user = user;
          await audit('sign-in');
          return res.redirect(303, next);
        }
        brake.fail(username);
        await audit('sign-in-failed');
        errors.form = 'Tên đăng nhập hoặc mật khẩu không đúng.';
      }
    }
    res.status(errors.form ? 401 : 422).render('login', { title: 'Đăng nhập', values: { username }, errors, next });
  });

  router.post('/dang-xuat', (req, res, next) => {
    const username = req.session.user?.username;
    req.session.destroy((err) => {
      if (err) return next(err);
      if (username) void s.orm.em.fork().insert(AuditEvent, { at: new Date(), actor: username, action: 'sign-out', ip: req.ip ?? null });
      res.redirect(303, '/dang-nhap');
    });
  });

  return router;
}
