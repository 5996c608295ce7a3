/** "My queue": open tasks of my role in my agency (what it shows: view-models/queue.ts); claim one to own it. */
import { type Request, type Response, Router } from 'express';
import { currentUser, requireOfficial } from '../../middleware/auth';
import { flash } from '../../middleware/flash';
import type { WebServices } from '../../services';
import { actorOf } from '../../session-user';
import { formBody, parse } from '../../validation';
import { errorPage } from '../../view-models/error';
import { queuePage, type QueueRetry } from '../../view-models/queue';
import { statusOf } from '../outcome-status';
import { claimFromQueueBody } from './queue.schema';

const WORKERS = ['receiver', 'specialist', 'leader'] as const;

export function queueRoutes(s: WebServices): Router {
  const router = Router();

  const renderQueue = async (req: Request, res: Response, status = 200, error?: string, retry?: QueueRetry) => {
    const user = currentUser(req);
    const [rows, calendar] = await Promise.all([s.readModel.queue(user), s.readModel.calendar()]);
    res.status(status).render('queue', queuePage({ user, rows, calendar, definitionOf: (d) => s.procedures.find(d), error, retry }));
  };

  router.get('/cong-viec', requireOfficial(...WORKERS), (req, res) => renderQueue(req, res));

  router.post('/cong-viec/nhan', requireOfficial(...WORKERS), async (req, res) => {
    const user = currentUser(req);
    const body = parse(claimFromQueueBody, formBody(req.body));
    if (!body.ok) return renderQueue(req, res, 422, Object.values(body.errors).join(' '));
    const { code, taskId, requestId } = body.value;
    if (!(await s.readModel.dossierFor(user, code))) {
      return res.status(404).render('error', errorPage('Không tìm thấy hồ sơ', `Không có hồ sơ ${code} trong cơ quan của bạn.`));
    }
    const outcome = await s.actions.claim(code, { taskId, actor: actorOf(user) }, requestId);
    if (outcome.kind === 'done') {
      flash(req, 'success', `Bạn đã nhận xử lý hồ sơ ${code}.`);
      return res.redirect(303, `/ho-so/${encodeURIComponent(code)}`);
    }
    const status = statusOf(outcome);
    // Not confirmed: the row's claim button carries the same request id, so pressing it again is safe.
    await renderQueue(req, res, status, outcome.message, status === 503 ? { code, taskId, requestId } : undefined);
  });

  return router;
}
