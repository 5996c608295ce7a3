/** Route guards: signed in, and in one of the allowed roles. Anything else never reaches a route. */
import type { NextFunction, Request, Response } from 'express';
import type { OfficialRole } from '../../domain/roles';
import type { SessionUser } from '../session-user';

export function currentUser(req: Request): SessionUser {
  const user = req.session.user;
  if (!user) throw new Error('route reached without a signed-in official');
  return user;
}

export function requireOfficial(...roles: OfficialRole[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    const user = req.session.user;
    if (!user) {
      const back = req.method === 'GET' ? `?tiep=${encodeURIComponent(req.originalUrl)}` : '';
      return res.redirect(303, `/dang-nhap${back}`);
    }
    if (roles.length && !roles.includes(user.role)) {
      return res.status(403).render('error', {
        title: 'Không có quyền truy cập',
        message: 'Chức năng này không dành cho vai trò của bạn.',
      });
    }
    next();
  };
}
