/**
 * The development mailbox: what the mail and SMS sandboxes received, newest first, and the
 * outbox's messages not delivered yet (MAILBOX_PAGE, never in production). Applicants' messages
 * carry working links to their results and supplement forms, so only officials of MAILBOX_ROLES
 * see it, a supervisor only their agency's dossiers.
 */
import { Router } from 'express';
import { currentUser, requireOfficial } from '../middleware/auth';
import type { WebServices } from '../services';
import { parse } from '../validation';
import { errorPage, REQUEST_INVALID } from '../view-models/error';
import { MAILBOX_ROLES, mailboxPage } from '../view-models/mailbox';
import { mailboxQuery } from './mailbox.schema';

export function mailboxRoutes(s: WebServices): Router {
  const router = Router();
  router.get('/hop-thu', requireOfficial(...MAILBOX_ROLES), async (req, res) => {
    const query = parse(mailboxQuery, req.query);
    if (!query.ok) return res.status(400).render('error', errorPage(REQUEST_INVALID, 'Địa chỉ lọc thư không hợp lệ.', query.errors));
    const recipient = query.value.den;
    res.render('mailbox', mailboxPage(await s.deliveries.mailbox(currentUser(req), recipient || undefined), recipient));
  });
  return router;
}
