/**
 * The header's language switch: POST /ngon-ngu with `lang` (vi, en) and `next` (the page it was
 * on). An official's choice is kept on the official and in the session; anyone's in a cookie, so
 * the public pages follow it too. Back to the same page, and only to a page of this site.
 */
import { Router } from 'express';
import type { WebServices } from '../services';
import { isLanguage } from '../i18n';
import { languageCookie } from '../middleware/language';
import { sameSitePathOr } from '../same-site-path';
import { formBody } from '../validation';

export function languageRoutes(s: WebServices): Router {
  const router = Router();
  router.post('/ngon-ngu', async (req, res) => {
    const body = formBody(req.body);
    const language = body.lang;
    if (!isLanguage(language)) {
      return res.status(400).render('error', { title: 'Ngôn ngữ không hợp lệ', message: 'Ngôn ngữ được chọn không có. Vui lòng chọn Tiếng Việt hoặc English.' });
    }
    const user = req.session.user;
    if (user) {
      await s.languages.choose(user.id, language);
      req.session.user = { ...user, language };
    }
    res.setHeader('Set-Cookie', languageCookie(language, req.secure || s.publicUrl.startsWith('https://')));
    res.redirect(303, sameSitePathOr(body.next)); // only a path of this site: never an open redirect
  });
  return router;
}
