/** Sign-in and sign-out of officials; the sign-in service checks, brakes and audits. */
import { Router, type Request } from 'express';
import type { WebServices } from '../services';
import { formBody, parse } from '../validation';
import { loginPage, safeNext } from '../view-models/login';
import { signInBody, signInQuery } from './auth.schema';

function regenerate(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
}

export function authRoutes(s: WebServices): Router {
  const router = Router();

  router.get('/dang-nhap', (req, res) => {
    if (req.session.user) return res.redirect(303, '/');
    const query = parse(signInQuery, req.query);
    res.render('login', loginPage({ next: query.ok ? query.value.tiep : undefined }));
  });

  router.post('/dang-nhap', async (req, res) => {
    const body = formBody(req.body);
    const parsed = parse(signInBody, body);
    if (!parsed.ok) {
      const typed = typeof body.username === 'string' ? body.username.trim() : '';
      return res.status(422).render('login', loginPage({ username: typed, errors: parsed.errors, next: body.next }));
    }
    const { username, password, next } = parsed.value;
    const result = await s.signIn.signIn(username, password, req.ip);
    if (result.kind !== 'signed-in') {
      return res.status(401).render('login', loginPage({ username, errors: { form: result.message }, next }));
    }
    await regenerate(req); // a new session id at sign-in: no session fixation
    req.session.user = result.user;
    res.redirect(303, safeNext(next));
  });

  router.post('/dang-xuat', (req, res, next) => {
    const username = req.session.user?.username;
    req.session.destroy((err) => {
      if (err) return next(err);
      if (username) void s.signIn.signedOut(username, req.ip).catch((error) => s.log(`[web] sign-out audit not written: ${String(error)}`));
      res.redirect(303, '/dang-nhap');
    });
  });

  return router;
}
