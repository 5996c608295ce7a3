/**
 * Results handed over (issue 9): the receiver records who collected the result at the counter
 * (name, identity document checked, relation to the applicant) or the postal tracking number.
 * Field errors answer 422 with what was typed; no result yet, or handed over already, 409 with why.
 */
import { type Request, type Response, Router } from 'express';
import { currentUser, requireOfficial } from '../../middleware/auth';
import { flash } from '../../middleware/flash';
import { newRequestId } from '../../request-id';
import type { WebServices } from '../../services';
import { formBody, otherValues, parse } from '../../validation';
import { handoverPage } from '../../view-models/counter';
import { COUNTER_STAFF } from '../../view-models/dossier-documents';
import { ownAgencyDossier } from './dossier-lookup';
import { handoverBody, RELATIONS } from './handover.schema';

export function handoverRoutes(s: WebServices): Router {
  const router = Router();
  const receivers = requireOfficial(...COUNTER_STAFF);

  const ownDossier = (req: Request, res: Response) => ownAgencyDossier(s, req, res);

  router.get('/ho-so/:code/tra-ket-qua', receivers, async (req, res) => {
    const dossier = await ownDossier(req, res);
    if (!dossier) return;
    const refusal = await s.handover.refusal(dossier);
    res.status(refusal ? 409 : 200).render('counter-handover', handoverPage(dossier, {}, {}, newRequestId(), RELATIONS, refusal));
  });

  router.post('/ho-so/:code/tra-ket-qua', receivers, async (req, res) => {
    const dossier = await ownDossier(req, res);
    if (!dossier) return;
    const raw = formBody(req.body);
    const typed = otherValues(raw, ['requestId']);
    const body = parse(handoverBody, raw);
    if (!body.ok) return res.status(422).render('counter-handover', handoverPage(dossier, typed, body.errors, newRequestId(), RELATIONS));
    const result = await s.handover.record(currentUser(req), dossier, body.value);
    if (result.kind === 'refused') return res.status(409).render('counter-handover', handoverPage(dossier, typed, {}, newRequestId(), RELATIONS, result.message));
    flash(req, 'success', 'Đã ghi nhận trả kết quả hồ sơ {{code}}.', { code: dossier.code });
    res.redirect(303, `/ho-so/${encodeURIComponent(dossier.code)}#tai-lieu`);
  });

  return router;
}
