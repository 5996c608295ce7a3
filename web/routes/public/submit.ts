/**
 * The public submission form, drawn from the procedure definition. A failed submission comes
 * back with every value kept and a Vietnamese message under each wrong field (422). The hidden
 * request id is the idempotency key: sending the same form twice makes one dossier.
 */
import { type Response, Router } from 'express';
import { describeFee, feeSummary } from '../../view-models/fees';
import type { ProcedureDefinition } from '../../../engine/definition';
import { fieldOptions, isFieldRequired } from '../../../engine/form';
import type { WebServices } from '../../services';
import { newRequestId, requestIdFrom } from '../request-id';

function formModel(definition: ProcedureDefinition, values: Record<string, string>, errors: Record<string, string>, requestId: string) {
  return {
    title: definition.name,
    procedure: {
      code: definition.code,
      name: definition.name,
      processingDays: definition.processingDays,
      fees: definition.fees.map(describeFee),
      documents: definition.documents,
      legalBasis: definition.legalBasis,
    },
    fields: definition.form.fields.map((f) => ({
      ...f,
      options: fieldOptions(f),
      requiredNow: f.required || !!f.requiredWhen,
      conditional: !!f.requiredWhen,
    })),
    values,
    errors,
    requestId,
    isFieldRequired: (name: string) => {
      const field = definition.form.fields.find((f) => f.name === name);
      return field ? isFieldRequired(field, values) : false;
    },
  };
}

export function submitRoutes(s: WebServices): Router {
  const router = Router();

  router.get('/nop-ho-so', (_req, res) => {
    res.render('procedures', {
      title: 'Nộp hồ sơ trực tuyến',
      procedures: s.catalog.published().map((p) => ({
        code: p.code,
        name: p.name,
        field: p.field,
        processingDays: p.processingDays,
        fee: feeSummary(p.fees),
      })),
    });
  });

  const unknown = (res: Response, code: string) =>
    res.status(404).render('error', {
      title: 'Không tìm thấy thủ tục',
      message: `Thủ tục "${code}" không tồn tại hoặc chưa được công bố.`,
    });

  router.get('/nop-ho-so/:procedure', (req, res) => {
    const definition = s.catalog.current(req.params.procedure);
    if (!definition) return unknown(res, req.params.procedure);
    res.render('submit', formModel(definition, {}, {}, newRequestId()));
  });

  router.post('/nop-ho-so/:procedure', async (req, res) => {
    const definition = s.catalog.current(req.params.procedure);
    if (!definition) return unknown(res, req.params.procedure);
    const requestId = requestIdFrom(req.body);
    const result = await s.intake.submit({
      procedureCode: definition.code,
      form: req.body,
      channel: 'online',
      idempotencyKey: `web:${requestId}`,
    });
    switch (result.kind) {
      case 'created':
      case 'existing':
        return res.redirect(303, `/nop-ho-so/da-nop/${encodeURIComponent(result.code)}`);
      case 'invalid':
        return res.status(422).render('submit', formModel(definition, result.values, result.errors, requestId));
      default:
        return res.status(409).render('error', { title: 'Không nộp được hồ sơ', message: result.message });
    }
  });

  router.get('/nop-ho-so/da-nop/:code', async (req, res) => {
    const dossier = await s.readModel.publicDossier(req.params.code);
    if (!dossier) return res.status(404).render('error', { title: 'Không tìm thấy hồ sơ', message: 'Mã hồ sơ không đúng.' });
    res.render('submitted', { title: 'Đã nộp hồ sơ', code: dossier.code, procedureName: dossier.procedureName, agencyName: dossier.agency.name });
  });

  return router;
}
