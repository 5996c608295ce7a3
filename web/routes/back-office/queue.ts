/** "My queue": open tasks of my role in my agency, soonest due first; claim one to own it. */
import { type Request, type Response, Router } from 'express';
import { portalStatusLabel } from '../../../domain/portal-status';
import { currentUser, requireOfficial } from '../../middleware/auth';
import { flash } from '../../middleware/flash';
import type { WebServices } from '../../services';
import { actorOf } from '../../session-user';
import { deadlineState } from '../../view-models/deadline';
import { newRequestId, requestIdFrom } from '../request-id';

export function queueRoutes(s: WebServices): Router {
  const router = Router();

  const renderQueue = async (req: Request, res: Response, status = 200, error?: string) => {
    const user = currentUser(req);
    const [rows, calendar] = await Promise.all([s.readModel.queue(user), s.readModel.calendar()]);
    const view = rows.map(({ task, dossier }) => ({
      taskId: task.taskKey,
      taskName: task.name,
      code: dossier.code,
      procedureName: dossier.procedureName,
      applicantName: dossier.applicantName,
      statusLabel: portalStatusLabel(dossier.status),
      createdAt: task.createdAt,
      mine: !!task.assignee,
      handoverNote: task.handoverNote,
      deadline: deadlineState(task.dueAt, null, calendar),
      dossierDeadline: deadlineState(dossier.appointmentAt, null, calendar),
    }));
    res.status(status).render('queue', {
      title: 'Hồ sơ cần xử lý',
      mine: view.filter((r) => r.mine),
      unclaimed: view.filter((r) => !r.mine),
      requestId: newRequestId,
      error,
    });
  };

  router.get('/cong-viec', requireOfficial('receiver', 'specialist', 'leader'), (req, res) => renderQueue(req, res));

  router.post('/cong-viec/nhan', requireOfficial('receiver', 'specialist', 'leader'), async (req, res) => {
    const user = currentUser(req);
    const code = String(req.body.code ?? '');
    const taskId = String(req.body.taskId ?? '');
    if (!(await s.readModel.dossierFor(user, code))) {
      return res.status(404).render('error', { title: 'Không tìm thấy hồ sơ', message: `Không có hồ sơ ${code} trong cơ quan của bạn.` });
    }
    const outcome = await s.actions.claim(code, { taskId, actor: actorOf(user) }, requestIdFrom(req.body));
    if (outcome.kind === 'done') {
      flash(req, 'success', `Bạn đã nhận xử lý hồ sơ ${code}.`);
      return res.redirect(303, `/ho-so/${encodeURIComponent(code)}`);
    }
    await renderQueue(req, res, outcome.kind === 'refused' ? 409 : 503, outcome.message);
  });

  return router;
}
