/**
 * The public submission form, drawn from the procedure definition. A failed submission comes
 * back with every value kept and a Vietnamese message under each wrong field (422). The hidden
 * request id is the idempotency key: sending the same form twice makes one dossier.
 */
import { type Response, Router } from 'express';
import type { WebServices } from '../../services';
import { formBody, otherValues, parse } from '../../validation';
import { errorPage } from '../../view-models/error';
import { proceduresPage, submitPage, submittedPage } from '../../view-models/submit';
import { newRequestId } from '../../request-id';
import { procedureParams, submitBody, submittedParams, submittedQuery } from './submit.schema';

export function submitRoutes(s: WebServices): Router {
  const router = Router();

  router.get('/nop-ho-so', (_req, res) => {
    res.render('procedures', proceduresPage(s.procedures.published()));
  });

  const unknown = (res: Response, code: string) =>
    res.status(404).render('error', errorPage('Không tìm thấy thủ tục', `Thủ tục "${code}" không tồn tại hoặc chưa được công bố.`));

  router.get('/nop-ho-so/:procedure', (req, res) => {
    const params = parse(procedureParams, req.params);
    const definition = params.ok ? s.procedures.current(params.value.procedure) : undefined;
    if (!definition) return unknown(res, String(req.params.procedure));
    res.render('submit', submitPage(definition, {}, {}, newRequestId()));
  });

  router.post('/nop-ho-so/:procedure', s.rateLimits.submitForm, async (req, res) => {
    const params = parse(procedureParams, req.params);
    const definition = params.ok ? s.procedures.current(params.value.procedure) : undefined;
    if (!definition) return unknown(res, String(req.params.procedure));
    const body = parse(submitBody, formBody(req.body));
    if (!body.ok) {
      const typed = otherValues(formBody(req.body), ['requestId']);
      return res.status(422).render('submit', submitPage(definition, typed, body.errors, newRequestId()));
    }
    const { requestId } = body.value;
    const result = await s.intake.submit({
      procedureCode: definition.code,
      form: otherValues(body.value, ['requestId']),
      channel: 'online',
      idempotencyKey: `web:${requestId}`,
    });
    switch (result.kind) {
      case 'created':
      case 'existing':
        // The confirmation page shows the lookup secret: its address carries it, as proof.
        return res.redirect(303, `/nop-ho-so/da-nop/${encodeURIComponent(result.code)}?bm=${encodeURIComponent(result.lookupSecret)}`);
      case 'invalid':
        return res.status(422).render('submit', submitPage(definition, result.values, result.errors, requestId));
      default:
        return res.status(409).render('error', errorPage('Không nộp được hồ sơ', result.message));
    }
  });

  router.get('/nop-ho-so/da-nop/:code', s.rateLimits.lookupPage, async (req, res) => {
    const params = parse(submittedParams, req.params);
    const query = parse(submittedQuery, req.query);
    const dossier = params.ok && query.ok ? await s.readModel.lookedUp(params.value.code, query.value.bm) : null;
    if (!dossier) return res.status(404).render('error', errorPage('Không tìm thấy hồ sơ', 'Mã hồ sơ hoặc mã bảo mật không đúng.'));
    res.render('submitted', submittedPage(dossier));
  });

  return router;
}
