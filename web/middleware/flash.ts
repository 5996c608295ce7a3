/** One-time messages shown on the next page (Post/Redirect/Get). */
import type { NextFunction, Request, Response } from 'express';

export function flash(req: Request, kind: 'success' | 'error' | 'info', text: string): void {
  req.session.flash = [...(req.session.flash ?? []), { kind, text }];
}

export function setUpFlash() {
  return (req: Request, res: Response, next: NextFunction) => {
    res.locals.flash = req.session.flash ?? [];
    if (req.session.flash) delete req.session.flash;
    next();
  };
}
