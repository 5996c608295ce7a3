/** The development mailbox: every notification in the outbox, newest first (MAILBOX_PAGE=on). */
import { Router } from 'express';
import type { WebServices } from '../services';

export function mailboxRoutes(s: WebServices): Router {
  const router = Router();
  router.get('/hop-thu', async (req, res) => {
    const recipient = typeof req.query.den === 'string' ? req.query.den.trim().toLowerCase() : '';
    const messages = (await s.readModel.mailbox(200)).filter((m) => !recipient || m.recipient === recipient);
    res.render('mailbox', { title: 'Hộp thư thử nghiệm', messages, recipient });
  });
  return router;
}
