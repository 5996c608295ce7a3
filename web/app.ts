/**
 * The Express application: public pages, the back office and the JSON API, built from the
 * services it is given (createApp(services), as in the hmpps templates), so tests can build one
 * on any database and Temporal.
 */
import path from 'node:path';
import express from 'express';
import { projectRoot } from '../config/paths';
import { portalStatusLabel } from '../domain/portal-status';
import { formatVnd } from '../domain/money';
import { formatVietnameseDate, formatVietnameseDateTime } from '../domain/vietnam-time';
import { ROLE_LABELS } from '../domain/roles';
import { setUpCsrf } from './middleware/csrf';
import { errorHandler, notFound } from './middleware/errors';
import { setUpFlash } from './middleware/flash';
import { setUpSecurityHeaders } from './middleware/security-headers';
import { setUpSessions } from './middleware/session';
import { dossierApiRoutes } from './routes/api/dossiers';
import { paymentCallbackRoutes } from './routes/api/payments';
import { authRoutes } from './routes/auth';
import { dossierRoutes } from './routes/back-office/dossier';
import { queueRoutes } from './routes/back-office/queue';
import { supervisionRoutes } from './routes/back-office/supervision';
import { homeRoutes } from './routes/home';
import { mailboxRoutes } from './routes/mailbox';
import { applicantLinkRoutes } from './routes/public/applicant-links';
import { catalogueRoutes } from './routes/public/catalogue';
import { lookupRoutes } from './routes/public/lookup';
import { submitRoutes } from './routes/public/submit';
import type { WebServices } from './services';

/** Helpers every template may use. */
const viewHelpers = {
  formatDate: (d: Date | string | null | undefined) => (d ? formatVietnameseDate(d) : ''),
  formatDateTime: (d: Date | string | null | undefined) => (d ? formatVietnameseDateTime(d) : ''),
  statusLabel: portalStatusLabel,
  roleLabel: (role: keyof typeof ROLE_LABELS) => ROLE_LABELS[role] ?? role,
  formatVnd,
  /** A time limit as people read it: 0 means within the working day. */
  daysLabel: (days: number) => (days === 0 ? 'Trong ngày làm việc' : `${String(days).replace('.', ',')} ngày làm việc`),
};

export function createApp(s: WebServices): express.Application {
  const app = express();
  app.set('view engine', 'ejs');
  app.set('views', path.join(projectRoot, 'web', 'views'));
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  Object.assign(app.locals, viewHelpers, { mailboxPage: s.mailboxPage });

  app.use(setUpSecurityHeaders());
  app.use('/static', express.static(path.join(projectRoot, 'web', 'public'), { maxAge: '1h', index: false }));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  // The JSON API takes no cookies and no CSRF tokens.
  app.use('/api/v1', paymentCallbackRoutes(s), dossierApiRoutes(s));

  app.use(express.urlencoded({ extended: false, limit: '100kb' }));
  app.use(setUpSessions(s.orm, s.secrets.sessionSecret, s.secureCookies));
  app.use(setUpCsrf());
  app.use(setUpFlash());
  app.use((req, res, next) => {
    res.locals.user = req.session.user;
    res.locals.path = req.path;
    next();
  });

  app.use(homeRoutes(s), authRoutes(s), submitRoutes(s), lookupRoutes(s), applicantLinkRoutes(s), catalogueRoutes(s));
  app.use(queueRoutes(s), dossierRoutes(s), supervisionRoutes(s));
  if (s.mailboxPage) app.use(mailboxRoutes(s));

  app.use(notFound);
  app.use(errorHandler(s.log));
  return app;
}
