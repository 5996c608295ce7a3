/**
 * Bulk reassignment: the supervisor's chosen tasks (the task list's checkboxes) go to one
 * official or one department, with a reason. Refused as a whole (422), with a reason per task
 * and nothing changed; otherwise the batch starts and its page shows each task's outcome as the
 * dossier workflows answer (it reloads itself until every task has one).
 */
import { Router } from 'express';
import { currentUser, requireOfficial } from '../../middleware/auth';
import { flash } from '../../middleware/flash';
import type { WebServices } from '../../services';
import { formBody, parse } from '../../validation';
import { errorPage, REQUEST_INVALID } from '../../view-models/error';
import { batchPage } from '../../view-models/supervision';
import { batchParams, reassignBody } from './reassign.schema';
import { renderTasks, WATCHERS } from './supervision';
import { supervisionTasksQuery } from './supervision.schema';

/** How often an unfinished batch's page reloads itself, in seconds. */
const RELOAD_SECONDS = 2;

const textOf = (value: unknown) => (typeof value === 'string' ? value : undefined);
/** The checked boxes of a form that did not parse, to keep them checked. */
const checkedIn = (value: unknown) => new Set((Array.isArray(value) ? value : [value]).map(Number).filter(Number.isInteger));

export function reassignRoutes(s: WebServices): Router {
  const router = Router();

  router.post('/giam-sat/phan-cong', requireOfficial('supervisor'), async (req, res) => {
    // The list's filter travels in the form's address, so a refusal shows the same list.
    const query = parse(supervisionTasksQuery, req.query);
    if (!query.ok) return res.status(400).render('error', errorPage(REQUEST_INVALID, 'Không hiểu bộ lọc được yêu cầu.', query.errors));
    const { filter } = query.value;
    const raw = formBody(req.body);
    const kept = { selected: checkedIn(raw.taskIds), target: textOf(raw.target), reason: textOf(raw.reason) };
    const body = parse(reassignBody, raw);
    if (!body.ok) {
      const requestId = textOf(raw.requestId);
      return renderTasks(s, req, res, { filter, status: 422, form: { ...kept, errors: body.errors, ...(requestId ? { requestId } : {}) } });
    }
    const { taskIds, target, reason, requestId } = body.value;
    const outcome = await s.reassignment.start(currentUser(req), { taskIds, target, reason }, requestId);
    if (outcome.kind === 'started') {
      flash(req, 'success', 'Đã gửi yêu cầu phân công lại {{count}} nhiệm vụ.', { count: new Set(taskIds).size });
      return res.redirect(303, `/giam-sat/phan-cong/${encodeURIComponent(outcome.batchId)}`);
    }
    const form = { ...kept, requestId };
    if (outcome.kind === 'refused') return renderTasks(s, req, res, { filter, status: 422, form: { ...form, refusal: outcome.refusal } });
    renderTasks(s, req, res, { filter, status: 503, form: { ...form, refusal: { general: [outcome.message], tasks: new Map() } } });
  });

  router.get('/giam-sat/phan-cong/:batchId', requireOfficial(...WATCHERS), async (req, res) => {
    const params = parse(batchParams, req.params);
    const user = currentUser(req);
    const batch = params.ok ? await s.reassignment.batch(user, params.value.batchId) : undefined;
    if (!batch) return res.status(404).render('error', errorPage('Không tìm thấy đợt phân công', 'Không có đợt phân công lại này trong cơ quan của bạn.'));
    const page = batchPage(user, batch);
    if (!page.finished) res.setHeader('Refresh', String(RELOAD_SECONDS));
    res.render('reassignment', page);
  });

  return router;
}
