/**
 * Pages an applicant reaches from a link in a notification: answering a supplement request and
 * downloading the result. The link's token proves it was sent to the applicant.
 */
import { type Request, type Response, Router } from 'express';
import { isValidLinkToken } from '../../../domain/applicant-links';
import { localIsoDate } from '../../../domain/vietnam-time';
import type { IDossier } from '../../../db/entities';
import { fieldOptions, validateForm } from '../../../engine/form';
import type { WebServices } from '../../services';
import { newRequestId, requestIdFrom } from '../request-id';

const DENIED = { title: 'Liên kết không hợp lệ', message: 'Liên kết đã hết hiệu lực hoặc không đúng. Vui lòng dùng liên kết trong thư thông báo mới nhất.' };

export function applicantLinkRoutes(s: WebServices): Router {
  const router = Router();

  async function supplementContext(req: Request, res: Response) {
    const code = String(req.params.code);
    const round = Number(req.query.lan ?? req.body?.lan);
    const token = req.query.t ?? req.body?.t;
    const dossier = await s.readModel.publicDossier(code);
    if (!dossier || !Number.isInteger(round) || !isValidLinkToken(s.secrets.linkSecret, code, `supplement-${round}`, token)) {
      res.status(404).render('error', DENIED);
      return undefined;
    }
    const definition = s.catalog.version(dossier.procedureCode, dossier.procedureVersion)!;
    const step = definition.steps.find((st) => st.kind === 'supplement');
    const editable = step?.kind === 'supplement' && step.editableFields ? step.editableFields : definition.form.fields.map((f) => f.name);
    return { dossier, definition, round, token: String(token), editable };
  }

  const renderSupplement = (
    res: Response,
    ctx: NonNullable<Awaited<ReturnType<typeof supplementContext>>>,
    values: Record<string, string>,
    errors: Record<string, string>,
    status = 200,
    error?: string,
  ) => {
    const open = ctx.dossier.status === 5 && ctx.dossier.supplement?.round === ctx.round && !ctx.dossier.supplement.answeredAt;
    res.status(status).render('supplement', {
      title: `Bổ sung hồ sơ ${ctx.dossier.code}`,
      dossier: ctx.dossier as IDossier,
      open,
      reason: ctx.dossier.supplement?.reason,
      round: ctx.round,
      token: ctx.token,
      fields: ctx.definition.form.fields.filter((f) => ctx.editable.includes(f.name)).map((f) => ({ ...f, options: fieldOptions(f) })),
      values,
      errors,
      error,
      requestId: newRequestId(),
    });
  };

  router.get('/bo-sung/:code', async (req, res) => {
    const ctx = await supplementContext(req, res);
    if (ctx) renderSupplement(res, ctx, ctx.dossier.form, {});
  });

  router.post('/bo-sung/:code', async (req, res) => {
    const ctx = await supplementContext(req, res);
    if (!ctx) return;
    const merged = { ...ctx.dossier.form, ...Object.fromEntries(ctx.editable.map((n) => [n, req.body[n]])) };
    const checked = validateForm(ctx.definition, merged, localIsoDate(new Date()));
    if (!checked.ok) return renderSupplement(res, ctx, checked.values, checked.errors, 422);
    const outcome = await s.actions.submitSupplement(
      ctx.dossier.code,
      { round: ctx.round, form: checked.values, note: String(req.body.note ?? '').slice(0, 2000) || undefined },
      requestIdFrom(req.body),
    );
    if (outcome.kind === 'done') return res.redirect(303, `/tra-cuu?ma=${encodeURIComponent(ctx.dossier.code)}`);
    renderSupplement(res, ctx, checked.values, {}, outcome.kind === 'refused' ? 409 : 503, outcome.message);
  });

  router.get('/ket-qua/:code', async (req, res) => {
    const code = String(req.params.code);
    if (!isValidLinkToken(s.secrets.linkSecret, code, 'result', req.query.t)) return res.status(404).render('error', DENIED);
    const doc = await s.readModel.resultDocument(code);
    if (!doc) return res.status(404).render('error', { title: 'Chưa có kết quả', message: 'Hồ sơ chưa có kết quả điện tử.' });
    res.type(doc.mimeType).setHeader('Content-Disposition', `inline; filename="${doc.fileName}"`);
    res.send(doc.content);
  });

  return router;
}
