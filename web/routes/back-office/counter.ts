/**
 * The one-stop counter (issue 9). A receiver registers a walk-in dossier for a procedure of their
 * agency with the same form and checks as online (channel "counter", the receiving official
 * recorded) and the scans of its documents in one multipart form: a form with a field missing
 * comes back with every value kept and the files already received kept under the form's token
 * (422). Then the dossier page opens, where the receiver accepts it (form 01). Fees due are taken
 * in cash here (confirmPayment, as the gateway's callback), with a receipt (biên lai) to print.
 */
import { type Request, type Response, Router } from 'express';
import { currentUser, requireOfficial } from '../../middleware/auth';
import { flash } from '../../middleware/flash';
import { uploadedFiles } from '../../middleware/multipart';
import { newRequestId } from '../../request-id';
import type { WebServices } from '../../services';
import { formatSize, requirementsOf } from '../../services/attachments';
import { ARRIVAL_FIELDS } from '../../services/counter';
import { formBody, otherValues, parse } from '../../validation';
import { counterFormPage, counterPaymentPage, counterProceduresPage } from '../../view-models/counter';
import { COUNTER_STAFF } from '../../view-models/dossier-documents';
import { errorPage } from '../../view-models/error';
import { ownAgencyDossier } from './dossier-lookup';
import { COUNTER_CONTROLS, counterIntakeBody, counterPaymentBody, counterProcedureParams, feeReceiptQuery } from './counter.schema';

export function counterRoutes(s: WebServices): Router {
  const router = Router();
  const receivers = requireOfficial(...COUNTER_STAFF);

  const limitsText = () =>
    `Nhận tệp ${s.attachments.acceptedTypesLabel()}; tối đa ${formatSize(s.attachments.limits.maxFileBytes)} mỗi tệp và ${formatSize(s.attachments.limits.maxDossierBytes)} mỗi hồ sơ.`;

  const unknown = (res: Response, code: string) =>
    res.status(404).render('error', errorPage('Không tìm thấy thủ tục', `Cơ quan của bạn không tiếp nhận thủ tục "${code}".`));

  /** The procedure, when the official's agency receives it. */
  async function procedureFor(req: Request) {
    const params = parse(counterProcedureParams, req.params);
    const definition = params.ok ? s.procedures.current(params.value.procedure) : undefined;
    if (!definition) return undefined;
    const agency = await s.counter.agencyOf(currentUser(req));
    return s.counter.proceduresFor(agency, [definition]).length ? { definition, agency } : undefined;
  }

  router.get('/quay/tiep-nhan', receivers, async (req, res) => {
    const user = currentUser(req);
    const agency = await s.counter.agencyOf(user);
    res.render('counter-procedures', counterProceduresPage(agency.name, s.counter.proceduresFor(agency, s.procedures.published())));
  });

  router.get('/quay/tiep-nhan/:procedure', receivers, async (req, res) => {
    const found = await procedureFor(req);
    if (!found) return unknown(res, String(req.params.procedure));
    const { definition, agency } = found;
    const place = s.counter.placeOf(definition, agency);
    res.render(
      'counter-intake',
      counterFormPage({
        definition,
        requirements: requirementsOf(definition, {}),
        values: { [place.field]: place.value },
        errors: {},
        documentErrors: {},
        staged: [],
        arrival: { receivedVia: 'counter' },
        requestId: newRequestId(),
        uploadToken: newRequestId(),
        limitsText: limitsText(),
      }),
    );
  });

  router.post('/quay/tiep-nhan/:procedure', receivers, async (req, res) => {
    const found = await procedureFor(req);
    if (!found) return unknown(res, String(req.params.procedure));
    const { definition } = found;
    const user = currentUser(req);
    const raw = formBody(req.body);
    const body = parse(counterIntakeBody, raw);
    const typed = otherValues(raw, [...COUNTER_CONTROLS, ...ARRIVAL_FIELDS]);
    // How the paper arrived (at the counter or by post): kept apart from the procedure's own form.
    const arrival = Object.fromEntries(ARRIVAL_FIELDS.map((name) => [name, typeof raw[name] === 'string' ? (raw[name] as string) : ''])) as Record<string, string>;
    const requestId = body.ok ? body.value.requestId : newRequestId();
    const uploadToken = (body.ok && body.value.uploadToken) || newRequestId();
    const again = (status: number, r: { values: Record<string, string>; errors: Record<string, string>; documentErrors: Record<string, string>; staged: Parameters<typeof counterFormPage>[0]['staged']; problem?: string; refusal?: string }) =>
      res.status(status).render(
        'counter-intake',
        counterFormPage({ definition, requirements: requirementsOf(definition, r.values), requestId, uploadToken, limitsText: limitsText(), arrival, ...r }),
      );
    if (!body.ok) {
      const staged = await s.attachments.staged(uploadToken, user.id);
      return again(422, { values: typed, errors: body.errors, documentErrors: {}, staged });
    }
    const result = await s.counter.register({
      user,
      definition,
      values: typed,
      files: uploadedFiles(req),
      token: uploadToken,
      requestId,
      uploadProblem: res.locals.uploadProblem as string | undefined,
      arrival,
    });
    if (result.kind === 'created') {
      flash(req, 'success', 'Đã tiếp nhận hồ sơ {{code}} tại quầy. Vui lòng kiểm tra và tiếp nhận để in giấy tiếp nhận (mẫu 01).', { code: result.code });
      return res.redirect(303, `/ho-so/${encodeURIComponent(result.code)}`);
    }
    if (result.kind === 'invalid') return again(result.problem ? 413 : 422, result);
    const staged = await s.attachments.staged(uploadToken, user.id);
    return again(409, { values: typed, errors: {}, documentErrors: {}, staged, refusal: result.message });
  });

  // Fees at the counter.
  const counterDossier = (req: Request, res: Response) => ownAgencyDossier(s, req, res);

  router.get('/ho-so/:code/thu-phi', receivers, async (req, res) => {
    const dossier = await counterDossier(req, res);
    if (!dossier) return;
    res.render('counter-payment', counterPaymentPage(dossier, {}, {}, newRequestId()));
  });

  router.post('/ho-so/:code/thu-phi', receivers, async (req, res) => {
    const dossier = await counterDossier(req, res);
    if (!dossier) return;
    const raw = formBody(req.body);
    const typed = otherValues(raw, ['requestId']);
    const body = parse(counterPaymentBody, raw);
    if (!body.ok) return res.status(422).render('counter-payment', counterPaymentPage(dossier, typed, body.errors, newRequestId()));
    const { receiptNumber, amount, requestId } = body.value;
    const result = await s.counter.pay(currentUser(req), dossier, { receiptNumber, amount, requestId });
    if (result.kind === 'done') {
      flash(req, 'success', 'Đã thu phí, lệ phí hồ sơ {{code}}, biên lai số {{number}}.', { code: dossier.code, number: result.receiptNumber });
      return res.redirect(303, `/ho-so/${encodeURIComponent(dossier.code)}#tai-lieu`);
    }
    if (result.kind === 'invalid') return res.status(422).render('counter-payment', counterPaymentPage(dossier, typed, result.errors, newRequestId()));
    const fresh = (await s.readModel.dossierFor(currentUser(req), dossier.code)) ?? dossier;
    if (result.kind === 'unconfirmed') return res.status(503).render('counter-payment', counterPaymentPage(fresh, typed, {}, requestId, result.message));
    res.status(409).render('counter-payment', counterPaymentPage(fresh, typed, {}, newRequestId(), result.message));
  });

  router.get('/ho-so/:code/bien-lai.pdf', requireOfficial(), async (req, res) => {
    const dossier = await counterDossier(req, res);
    if (!dossier) return;
    const query = parse(feeReceiptQuery, req.query);
    const receipt = await s.counter.feeReceipt(dossier, s.procedures.of(dossier), query.ok ? query.value.so || undefined : undefined);
    if (!receipt) return res.status(404).render('error', errorPage('Không tìm thấy biên lai', `Hồ sơ ${dossier.code} chưa có khoản thu tại quầy.`));
    await s.auditLog.opened(currentUser(req), { code: dossier.code, agencyCode: dossier.agency.code }, 'fee-receipt', req.ip, receipt.fileName);
    res.type(receipt.mimeType).setHeader('Content-Disposition', `inline; filename="${receipt.fileName}"`);
    res.send(receipt.content);
  });

  return router;
}
