/**
 * Failed deliveries of messages to applicants (what the page shows: view-models/dossier-messages.ts):
 * a supervisor lists those of their agency (a leader looks) and asks for one more attempt ("gửi lại"); a message
 * already delivered or still being retried is refused with the reason (409), another agency's is
 * not found (404).
 */
import { type Request, type Response, Router } from 'express';
import { currentUser, requireOfficial } from '../../middleware/auth';
import { flash } from '../../middleware/flash';
import type { WebServices } from '../../services';
import { formBody, parse } from '../../validation';
import { deliveryFailuresPage } from '../../view-models/dossier-messages';
import { errorPage, REQUEST_INVALID } from '../../view-models/error';
import { deliveryParams, resendBody } from './deliveries.schema';
import { WATCHERS } from './supervision';

export function deliveryRoutes(s: WebServices): Router {
  const router = Router();

  async function render(req: Request, res: Response, status = 200, error?: string) {
    const user = currentUser(req);
    res.status(status).render('delivery-failures', deliveryFailuresPage(await s.deliveries.failed(user), user, error));
  }

  router.get('/giam-sat/tin-nhan-loi', requireOfficial(...WATCHERS), (req, res) => render(req, res));

  router.post('/giam-sat/tin-nhan-loi/:id/gui-lai', requireOfficial('supervisor'), async (req, res) => {
    const params = parse(deliveryParams, req.params);
    const body = parse(resendBody, formBody(req.body));
    if (!body.ok) return res.status(400).render('error', errorPage(REQUEST_INVALID, 'Yêu cầu gửi lại không hợp lệ.', body.errors));
    const outcome = params.ok ? await s.deliveries.retry(currentUser(req), params.value.id, req.ip) : { kind: 'not-found' as const };
    if (outcome.kind === 'not-found') return res.status(404).render('error', errorPage('Không tìm thấy tin nhắn', 'Không có tin nhắn này trong các hồ sơ của cơ quan bạn.'));
    const back = body.value.ve === 'ho-so' ? `/ho-so/${encodeURIComponent(outcome.dossierCode)}` : '/giam-sat/tin-nhan-loi';
    if (outcome.kind === 'refused') {
      if (body.value.ve === 'ho-so') {
        flash(req, 'error', outcome.message);
        return res.redirect(303, back);
      }
      return render(req, res, 409, outcome.message);
    }
    flash(req, 'success', 'Đã yêu cầu gửi lại tin nhắn của hồ sơ {{code}}.', { code: outcome.dossierCode });
    res.redirect(303, back);
  });

  return router;
}
