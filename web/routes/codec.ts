/**
 * The codec server the Temporal UI calls to show payloads, which the worker and the web encrypt
 * (config/payload-codec.ts): POST /codec/decode and /codec/encode, JSON `{ payloads: [...] }`.
 *
 * Who: signed-in administrators only (CODEC_ROLES). Decoding shows citizens' personal data of
 * any dossier (the UI sends payloads, not the dossier they belong to, so no agency scope can
 * apply); each decoding is in the audit trail first (web/services/payload-codec.ts). Anonymous: 401, other roles: 403,
 * as JSON, since the caller is the UI's JavaScript, not a person on a page.
 *
 * The UI calls from its own origin with the session cookie (its codec setting "include
 * cross-origin credentials"), so this is a cross-origin JSON POST with credentials, and no CSRF
 * token can come with it. It is mounted before the CSRF check and protected instead by:
 * - an Origin allow-list: the Temporal UI's (TEMPORAL_UI_ORIGIN) and this site's own. A request
 *   from any other origin is refused (403) before anything else, with no CORS headers; browsers
 *   send Origin on every cross-origin request and every POST, so a page elsewhere cannot hide it
 *   (a request without Origin is not from a browser page, and has no cookie but its own);
 * - JSON only (`Content-Type: application/json`, else 415): a cross-site page can send that only
 *   after a CORS preflight, which is answered for the allowed origins alone, so a plain HTML form
 *   or a no-cors fetch (the usual CSRF) never reaches the codec;
 * - the session cookie is SameSite=Lax: the UI must be served from the same site as motcua
 *   (localhost and localhost, or two hosts of one registrable domain), else no cookie comes.
 */
import express, { type NextFunction, type Request, type Response, Router } from 'express';
import type { OfficialRole } from '../../domain/roles';
import { requestProblem } from '../middleware/request-problems';
import type { WebServices } from '../services';
import { parse } from '../validation';
import { codecRequest, namespaceHeader } from './codec.schema';

/** Who may have the UI decode (and encode) payloads. */
export const CODEC_ROLES: readonly OfficialRole[] = ['admin'];

/** Headers the Temporal UI sends (its codec fetch): JSON, its namespace, and a token when configured to pass one. */
const ALLOWED_HEADERS = 'Content-Type, X-Namespace, Authorization, Authorization-Extras';

export function codecRoutes(s: WebServices): Router {
  const router = Router();

  router.use('/codec', (req, res, next) => {
    const origin = req.get('origin');
    if (origin !== undefined) {
      if (!s.codec.allowedOrigins.has(origin)) {
        s.log(`codec: refused a request from origin ${JSON.stringify(origin.slice(0, 100))}`);
        return res.status(403).json({ error: 'origin_not_allowed', message: 'Nguồn gọi không được phép dùng bộ giải mã.' });
      }
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
    }
    res.vary('Origin');
    if (req.method !== 'OPTIONS') return next();
    // The preflight carries no cookie: it learns only what the POST may send.
    res.setHeader('Access-Control-Allow-Methods', 'POST');
    res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
    res.setHeader('Access-Control-Max-Age', '600');
    res.status(204).end();
  });

  router.post(
    ['/codec/decode', '/codec/encode'],
    (req, res, next) => {
      const user = req.session.user;
      if (!user) return res.status(401).json({ error: 'unauthenticated', message: 'Cần đăng nhập motcua (quản trị viên) để giải mã.' });
      if (!CODEC_ROLES.includes(user.role)) return res.status(403).json({ error: 'forbidden', message: 'Chỉ quản trị viên được giải mã dữ liệu trong Temporal.' });
      if (req.is(['application/json', '+json'])) return next();
      res.status(415).json({ error: 'unsupported_media_type', message: 'Nội dung phải là JSON (Content-Type: application/json).' });
    },
    express.json({ limit: '4mb' }),
    async (req, res) => {
      const body = parse(codecRequest, req.body, 'body');
      if (!body.ok) return res.status(400).json({ error: 'validation_failed', fields: body.errors });
      const operation = req.path.endsWith('/decode') ? 'decode' : 'encode';
      const namespace = namespaceHeader.parse(req.get('x-namespace'));
      try {
        res.json({ payloads: await s.codec.run(operation, body.value.payloads, req.session.user!, namespace, req.ip) });
      } catch (error) {
        // An unknown key id or a payload that does not authenticate: said plainly, never a 500.
        res.status(422).json({ error: 'undecodable', message: (error as Error).message });
      }
    },
  );

  // A body the JSON parser could not read: JSON, like the rest of this door.
  router.use('/codec', (error: unknown, _req: Request, res: Response, next: NextFunction) => {
    const problem = requestProblem(error);
    if (!problem) return next(error);
    res.status(problem.status).json({ error: problem.error, message: problem.message });
  });
  return router;
}
