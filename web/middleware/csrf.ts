/**
 * CSRF protection with a per-session synchronizer token: every form carries `_csrf`, every
 * state-changing request must send it back (or the X-CSRF-Token header). The JSON API under
 * /api is exempt: it takes no cookies.
 */
import crypto from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

export function csrfToken(req: Request): string {
  req.session.csrfToken ??= crypto.randomBytes(24).toString('base64url');
  return req.session.csrfToken;
}

function sameToken(a: string | undefined, b: unknown): boolean {
  if (!a || typeof b !== 'string' || a.length !== b.length) return false;
  return crypto.timingSafeEqual(Buffer.from(a), Buffer.from(b));
}

export function setUpCsrf(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    res.locals.csrfToken = () => csrfToken(req);
    if (['GET', 'HEAD', 'OPTIONS'].includes(req.method) || req.path.startsWith('/api/')) return next();
    const sent = (req.body as Record<string, unknown> | undefined)?._csrf ?? req.get('x-csrf-token');
    if (sameToken(req.session.csrfToken, sent)) return next();
    res.status(403).render('error', {
      title: 'Phiên làm việc đã hết hạn',
      message: 'Biểu mẫu đã hết hạn hoặc không hợp lệ. Vui lòng tải lại trang và thử lại.',
    });
  };
}
