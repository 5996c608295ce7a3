/** One-time messages shown on the next page (Post/Redirect/Get). */
import type { NextFunction, Request, Response } from 'express';

/**
 * `text` is Vietnamese, translated when shown (web/i18n): give its variable parts as `values`
 * (`flash(req, 'success', 'Bạn đã nhận xử lý hồ sơ {{code}}.', { code })`) so the catalogue can match it.
 */
export function flash(req: Request, kind: 'success' | 'error' | 'info', text: string, values?: Record<string, string | number>): void {
  req.session.flash = [...(req.session.flash ?? []), { kind, text, ...(values ? { values } : {}) }];
}

export function setUpFlash() {
  return (req: Request, res: Response, next: NextFunction) => {
    res.locals.flash = req.session.flash ?? [];
    if (req.session.flash) delete req.session.flash;
    next();
  };
}
