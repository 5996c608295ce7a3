/**
 * The Express application: public pages, the back office and the JSON API, built from the
 * services it is given (createApp(services), as in the hmpps templates), so tests can build one
 * on any database and Temporal. Routes call services, then a view model, then render it.
 */
import path from 'node:path';
import express from 'express';
import { projectRoot } from '../config/paths';
import { setUpNoStore } from './middleware/cache-control';
import { setUpCsrf } from './middleware/csrf';
import { errorHandler, notFound } from './middleware/errors';
import { setUpFlash } from './middleware/flash';
import { setUpFormBodies } from './middleware/form-body';
import { setUpMultipart } from './middleware/multipart';
import { setUpLanguage } from './middleware/language';
import { setUpRequestLog } from './middleware/request-log';
import { setUpRequestMetrics } from './middleware/request-metrics';
import { setUpSecurityHeaders } from './middleware/security-headers';
import { setUpSessions } from './middleware/session';
import { dossierApiRoutes } from './routes/api/dossiers';
import { openApiRoutes } from './routes/api/openapi';
import { paymentCallbackRoutes } from './routes/api/payments';
import { adminCalendarRoutes } from './routes/admin/calendar';
import { adminOfficeHoursRoutes } from './routes/admin/office-hours';
import { authRoutes } from './routes/auth';
import { ssoRoutes } from './routes/sso';
import { codecRoutes } from './routes/codec';
import { dossierRoutes } from './routes/back-office/dossier';
import { attachmentRoutes } from './routes/back-office/attachments';
import { counterRoutes } from './routes/back-office/counter';
import { handoverRoutes } from './routes/back-office/handover';
import { formRoutes } from './routes/back-office/forms';
import { paymentReturnRoutes } from './routes/public/payment-return';
import { absenceRoutes } from './routes/back-office/absences';
import { inboxRoutes, setUpInboxCount } from './routes/back-office/inbox';
import { queueRoutes } from './routes/back-office/queue';
import { reassignRoutes } from './routes/back-office/reassign';
import { reportRoutes } from './routes/back-office/reports';
import { auditRoutes } from './routes/back-office/audit';
import { supervisionRoutes } from './routes/back-office/supervision';
import { healthRoutes } from './routes/health';
import { homeRoutes } from './routes/home';
import { languageRoutes } from './routes/language';
import { mailboxRoutes } from './routes/mailbox';
import { deliveryRoutes } from './routes/back-office/deliveries';
import { applicantLinkRoutes } from './routes/public/applicant-links';
import { catalogueRoutes } from './routes/public/catalogue';
import { lookupRoutes } from './routes/public/lookup';
import { submitRoutes } from './routes/public/submit';
import type { WebServices } from './services';
import { layoutModel } from './view-models/layout';

/** The header every page shows, for whoever is signed in (nobody, until the session is read). */
function setUpLayout(mailboxPage: boolean): express.RequestHandler {
  return (req, res, next) => {
    res.locals.layout = layoutModel(req.session?.user, req.path, mailboxPage);
    next();
  };
}

export function createApp(s: WebServices): express.Application {
  const app = express();
  app.set('view engine', 'ejs');
  app.set('views', path.join(projectRoot, 'web', 'views'));
  // Compiled templates kept in every environment (Express keeps them only in production): a
  // template is read and compiled once per process, not on each request (a few ms a page). The
  // views ship with the code, and `npm start` restarts the web after a build anyway.
  app.set('view cache', true);
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');

  if (s.requestLog) app.use(setUpRequestLog(s.requestLog));
  app.use(setUpRequestMetrics(s.metrics));
  app.use(setUpSecurityHeaders());
  app.use(setUpLayout(s.mailboxPage));
  app.use(setUpLanguage());
  app.use('/static', express.static(path.join(projectRoot, 'web', 'public'), { maxAge: '1h', index: false }));
  // Everything after the static assets: no browser or proxy keeps it (personal data, Back after sign-out).
  app.use(setUpNoStore());
  app.use(healthRoutes(s));

  // The JSON API takes no cookies and no CSRF tokens.
  // API clients authenticate per route (middleware/api-auth.ts); the document is public.
  app.use('/api/v1', paymentCallbackRoutes(s), openApiRoutes(s), dossierApiRoutes(s));

  app.use(express.urlencoded({ extended: false, limit: '100kb' }));
  app.use(setUpSessions(s.sessions));
  // The Temporal UI's codec server: a cross-origin JSON POST with the session cookie, which cannot
  // carry a CSRF token; an Origin allow-list and JSON-only protect it instead (routes/codec.ts).
  app.use(codecRoutes(s));
  // Forms with files (issue 9) are read before the CSRF check, which needs their token.
  app.use(
    setUpMultipart(
      [
        { path: /^\/quay\/tiep-nhan\/[^/]+$/, officialsOnly: true },
        { path: /^\/ho-so\/[^/]+\/tai-lieu$/, officialsOnly: true },
        { path: /^\/bo-sung\/[^/]+$/, officialsOnly: false },
      ],
      { maxFileBytes: s.attachments.limits.maxDossierBytes, maxFiles: 20, maxTotalBytes: s.attachments.limits.maxDossierBytes + 1024 * 1024 },
    ),
  );
  app.use(setUpCsrf());
  app.use(setUpFormBodies());
  app.use(setUpFlash());
  app.use(setUpLayout(s.mailboxPage));
  // Again with the session read: a signed-in official's own language (web/i18n).
  app.use(setUpLanguage());
  app.use(setUpInboxCount(s));

  app.use(homeRoutes(s), authRoutes(s), ssoRoutes(s), submitRoutes(s), lookupRoutes(s), applicantLinkRoutes(s), catalogueRoutes(s));
  app.use(paymentReturnRoutes(s));
  app.use(languageRoutes(s));
  app.use(queueRoutes(s), dossierRoutes(s), formRoutes(s), supervisionRoutes(s));
  app.use(reassignRoutes(s), absenceRoutes(s), inboxRoutes(s));
  app.use(deliveryRoutes(s));
  app.use(counterRoutes(s), attachmentRoutes(s), handoverRoutes(s));
  app.use(reportRoutes(s), auditRoutes(s));
  app.use(adminCalendarRoutes(s), adminOfficeHoursRoutes(s));
  if (s.mailboxPage) app.use(mailboxRoutes(s));

  app.use(notFound);
  app.use(errorHandler(s.log));
  return app;
}
