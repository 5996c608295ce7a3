/**
 * Absences with a delegate (what the page shows: view-models/absences.ts): supervisors record
 * and cancel them, leaders look. A refusal answers 422 with the reason next to its field and
 * what was typed; nothing is recorded.
 */
import { type Request, type Response, Router } from 'express';
import { localIsoDate } from '../../../domain/vietnam-time';
import { currentUser, requireOfficial } from '../../middleware/auth';
import { flash } from '../../middleware/flash';
import type { WebServices } from '../../services';
import { formBody, parse } from '../../validation';
import { type AbsenceFormState, absencesPage } from '../../view-models/absences';
import { errorPage } from '../../view-models/error';
import { absenceBody, absenceParams } from './absences.schema';
import { WATCHERS } from './supervision';

const FIELDS = ['officialId', 'delegateId', 'fromDay', 'toDay', 'reason'] as const;

/** What was typed, to show it again. */
function typed(body: Record<string, unknown>): AbsenceFormState['values'] {
  return Object.fromEntries(FIELDS.filter((f) => typeof body[f] === 'string').map((f) => [f, body[f] as string]));
}

export function absenceRoutes(s: WebServices): Router {
  const router = Router();

  async function render(req: Request, res: Response, status = 200, form: AbsenceFormState = {}) {
    const user = currentUser(req);
    const [rows, officials] = await Promise.all([s.absences.list(user), s.supervision.officials(user)]);
    res.status(status).render('absences', absencesPage({ user, rows, officials, today: localIsoDate(new Date()), form }));
  }

  router.get('/giam-sat/vang-mat', requireOfficial(...WATCHERS), (req, res) => render(req, res));

  router.post('/giam-sat/vang-mat', requireOfficial('supervisor'), async (req, res) => {
    const raw = formBody(req.body);
    const body = parse(absenceBody, raw);
    if (!body.ok) return render(req, res, 422, { values: typed(raw), errors: body.errors });
    const { officialId, delegateId, fromDay, toDay, reason } = body.value;
    const outcome = await s.absences.record(currentUser(req), { officialId, delegateId, fromDay, toDay, reason });
    if (outcome.kind === 'refused') return render(req, res, 422, { values: typed(raw), errors: outcome.errors });
    if (outcome.kind === 'unavailable') return render(req, res, 503, { values: typed(raw), error: outcome.message });
    flash(req, 'success', 'Đã ghi nhận lịch vắng mặt và ủy quyền.');
    res.redirect(303, '/giam-sat/vang-mat');
  });

  router.post('/giam-sat/vang-mat/:id/huy', requireOfficial('supervisor'), async (req, res) => {
    const params = parse(absenceParams, req.params);
    const outcome = params.ok ? await s.absences.cancel(currentUser(req), params.value.id) : { kind: 'not-found' as const };
    if (outcome.kind === 'not-found') return res.status(404).render('error', errorPage('Không tìm thấy lịch vắng mặt', 'Không có lịch vắng mặt này trong cơ quan của bạn.'));
    if (outcome.kind === 'refused') return render(req, res, 409, { error: outcome.message });
    if (outcome.kind === 'unavailable') return render(req, res, 503, { error: outcome.message });
    flash(req, 'success', 'Đã hủy lịch vắng mặt; nhiệm vụ người được ủy quyền còn giữ sẽ được trả lại.');
    res.redirect(303, '/giam-sat/vang-mat');
  });

  return router;
}
