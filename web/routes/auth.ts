/** Sign-in and sign-out of officials; the sign-in service checks, brakes and audits. */
import { Router, type Request } from 'express';
import type { WebServices } from '../services';
import { sameSitePathOr } from '../same-site-path';
import { formBody, parse } from '../validation';
import { loginPage } from '../view-models/login';
import { signInBody, signInQuery } from './auth.schema';

function regenerate(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
}

/** Refused while LOCAL_PASSWORDS is off: single sign-on only. */
const PASSWORDS_OFF = 'Đăng nhập bằng mật khẩu đã bị tắt. Vui lòng đăng nhập bằng tài khoản định danh (SSO).';

export function authRoutes(s: WebServices): Router {
  const router = Router();
  // The sign-in methods this installation offers (single sign-on, local passwords).
  const page = (input: Parameters<typeof loginPage>[0]) => loginPage({ ...input, sso: Boolean(s.sso), passwords: s.localPasswords });

  router.get('/dang-nhap', (req, res) => {
    if (req.session.user) return res.redirect(303, '/');
    const query = parse(signInQuery, req.query);
    res.render('login', page({ next: query.ok ? query.value.tiep : undefined }));
  });

  router.post('/dang-nhap', s.rateLimits.signIn, async (req, res) => {
    if (!s.localPasswords) return res.status(403).render('login', page({ errors: { form: PASSWORDS_OFF } }));
    const body = formBody(req.body);
    const parsed = parse(signInBody, body);
    if (!parsed.ok) {
      const typed = typeof body.username === 'string' ? body.username.trim() : '';
      return res.status(422).render('login', page({ username: typed, errors: parsed.errors, next: body.next }));
    }
    const { username, password, next } = parsed.value;
    const result = await s.signIn.signIn(username, password, req.ip);
    if (result.kind === 'throttled') res.set('Retry-After', String(result.retryAfterSeconds));
    if (result.kind !== 'signed-in') {
      return res.status(result.kind === 'throttled' ? 429 : 401).render('login', page({ username, errors: { form: result.message }, next }));
    }
    await regenerate(req); // a new session id at sign-in: no session fixation
    req.session.user = result.user;
    res.redirect(303, sameSitePathOr(next)); // only a path of this site: never an open redirect
  });

  router.post('/dang-xuat', (req, res, next) => {
    const username = req.session.user?.username;
    const agencyCode = req.session.user?.agencyCode;
    const idToken = req.session.ssoIdToken;
    req.session.destroy((err) => {
      if (err) return next(err);
      if (username) void s.signIn.signedOut(username, req.ip, agencyCode).catch((error) => s.log(`[web] sign-out audit not written: ${String(error)}`));
      // Signed in through single sign-on: the provider's session ends too, then back to /dang-nhap (routes/sso.ts).
      const endSession = idToken && s.sso ? s.sso.endSessionUrl(idToken) : Promise.resolve(undefined);
      void endSession.then((url) => res.redirect(303, url ?? '/dang-nhap'), next);
    });
  });

  return router;
}
