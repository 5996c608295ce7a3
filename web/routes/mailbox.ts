/** The development mailbox: every notification in the outbox, newest first (MAILBOX_PAGE=on). */
import { Router } from 'express';
import type { WebServices } from '../services';
import { parse } from '../validation';
import { errorPage, REQUEST_INVALID } from '../view-models/error';
import { mailboxPage } from '../view-models/mailbox';
import { mailboxQuery } from './mailbox.schema';

export function mailboxRoutes(s: WebServices): Router {
  const router = Router();
  router.get('/hop-thu', async (req, res) => {
    const query = parse(mailboxQuery, req.query);
    if (!query.ok) return res.status(400).render('error', errorPage(REQUEST_INVALID, 'Địa chỉ lọc thư không hợp lệ.', query.errors));
    const recipient = query.value.den;
    res.render('mailbox', mailboxPage(await s.readModel.mailbox(200, recipient || undefined), recipient));
  });
  return router;
}
