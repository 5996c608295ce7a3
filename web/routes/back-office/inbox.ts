/**
 * The officials' inbox (/thong-bao): messages to the signed-in official, or to their role (and
 * department) in their agency, newest first; marking them read. Every page of the back office
 * shows the unread count in its header (`setUpInboxCount`).
 */
import { type NextFunction, type Request, type Response, Router } from 'express';
import { currentUser, requireOfficial } from '../../middleware/auth';
import type { WebServices } from '../../services';
import { formBody, parse } from '../../validation';
import { errorPage, REQUEST_INVALID } from '../../view-models/error';
import { inboxPage } from '../../view-models/inbox';
import { withUnread } from '../../view-models/layout';
import { inboxQuery, markReadBody } from './inbox.schema';

/** The header's unread count, for a signed-in official; a page still shows when the count cannot be read. */
export function setUpInboxCount(s: WebServices) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const user = req.session?.user;
    if (user && res.locals.layout) {
      try {
        res.locals.layout = withUnread(res.locals.layout, await s.inbox.unreadCount(user));
      } catch (error) {
        s.log(`[inbox] unread count not read: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    next();
  };
}

export function inboxRoutes(s: WebServices): Router {
  const router = Router();

  router.get('/thong-bao', requireOfficial(), async (req, res) => {
    const query = parse(inboxQuery, req.query);
    if (!query.ok) return res.status(400).render('error', errorPage(REQUEST_INVALID, 'Không hiểu yêu cầu.', query.errors));
    const user = currentUser(req);
    const unreadOnly = query.value.loc === 'chua-doc';
    const [page, unread] = await Promise.all([s.inbox.messages(user, { page: query.value.trang ?? 1, unreadOnly }), s.inbox.unreadCount(user)]);
    res.render('inbox', inboxPage({ user, page, unread, unreadOnly }));
  });

  router.post('/thong-bao/da-doc', requireOfficial(), async (req, res) => {
    const body = parse(markReadBody, formBody(req.body));
    if (!body.ok) return res.status(422).render('error', errorPage(REQUEST_INVALID, 'Không đánh dấu được tin nhắn.', body.errors));
    await s.inbox.markRead(currentUser(req), body.value.id ? [body.value.id] : undefined);
    res.redirect(303, '/thong-bao');
  });

  return router;
}
