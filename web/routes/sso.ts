/**
 * Single sign-on of officials (web/services/sso.ts): `/dang-nhap/sso` sends the official to the
 * identity provider with a fresh state, nonce and PKCE verifier kept in the session, and where to
 * go after; `/dang-nhap/sso/callback` checks what comes back and signs the official in as the
 * password form does (a new session id). Without OIDC_ISSUER both answer 404.
 */
import { Router, type NextFunction, type Request, type Response } from 'express';
import type { WebServices } from '../services';
import { SSO_MESSAGES, type PendingSso } from '../services/sso';
import { sameSitePathOr } from '../same-site-path';
import { parse } from '../validation';
import { loginPage } from '../view-models/login';
import { signInQuery } from './auth.schema';
import { ssoCallbackQuery } from './sso.schema';

declare module 'express-session' {
  interface SessionData {
    /** A single sign-on under way: what the callback checks, used once. */
    sso?: PendingSso;
    /** The ID token of a single sign-on: signing out sends it back to the provider (RP-initiated logout). */
    ssoIdToken?: string;
  }
}

function regenerate(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
}

export function ssoRoutes(s: WebServices): Router {
  const router = Router();
  /** Skips the route when single sign-on is not configured: the app's 404. */
  const configured = (_req: Request, _res: Response, next: NextFunction) => next(s.sso ? undefined : 'route');
  const refused = (res: Response, status: number, message: string, next: unknown) =>
    res.status(status).render('login', loginPage({ errors: { form: message }, next, sso: Boolean(s.sso), passwords: s.localPasswords }));

  router.get('/dang-nhap/sso', configured, s.rateLimits.signIn, async (req, res) => {
    if (req.session.user) return res.redirect(303, '/');
    const query = parse(signInQuery, req.query);
    // Only a path of this site is kept for after the sign-in: never an open redirect.
    const target = sameSitePathOr(query.ok ? query.value.tiep : undefined);
    const begun = await s.sso!.begin(target);
    if ('kind' in begun) return refused(res, begun.status, begun.message, target);
    req.session.sso = begun.pending;
    // The session is written before this answer leaves (middleware/session.ts).
    res.redirect(303, begun.url);
  });

  router.get('/dang-nhap/sso/callback', configured, s.rateLimits.signIn, async (req, res) => {
    const pending = req.session.sso;
    delete req.session.sso; // one answer per sign-in started: a replayed callback finds nothing
    const query = parse(ssoCallbackQuery, req.query);
    if (!query.ok) return refused(res, 400, SSO_MESSAGES.invalid, pending?.next);
    const result = await s.sso!.complete(query.value, pending, req.ip);
    if (result.kind === 'refused') return refused(res, result.status, result.message, pending?.next);
    await regenerate(req); // a new session id at sign-in: no session fixation
    req.session.user = result.user;
    req.session.ssoIdToken = result.idToken;
    res.redirect(303, sameSitePathOr(result.next));
  });

  return router;
}
