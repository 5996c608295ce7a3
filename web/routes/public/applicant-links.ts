/**
 * Pages an applicant reaches from a link in a notification: answering a supplement request and
 * downloading the results. The link's token proves it was sent to the applicant; a link that
 * cannot be read or checked opens nothing (404), whatever is wrong with it.
 */
import { type Response, Router } from 'express';
import { lookupPath } from '../../../domain/applicant-links';
import { localIsoDate } from '../../../domain/vietnam-time';
import type { IDossier } from '../../../db/entities';
import type { WebServices } from '../../services';
import type { DownloadableDocument } from '../../services/documents';
import { formBody, otherValues, parse } from '../../validation';
import { errorPage } from '../../view-models/error';
import { resultsPage } from '../../view-models/results';
import { supplementPage, type SupplementPageInput } from '../../view-models/supplement';
import { newRequestId } from '../../request-id';
import { uploadedFiles } from '../../middleware/multipart';
import { requirementsOf } from '../../services/attachments';
import { requirementView } from '../../view-models/dossier-documents';
import { statusOf } from '../outcome-status';
import {
  resultDocumentParams,
  resultParams,
  resultQuery,
  SUPPLEMENT_CONTROLS,
  supplementBody,
  supplementParams,
  supplementQuery,
} from './applicant-links.schema';

const DENIED = errorPage('Liên kết không hợp lệ', 'Liên kết đã hết hiệu lực hoặc không đúng. Vui lòng dùng liên kết trong thư thông báo mới nhất.');
const NO_RESULT = errorPage('Chưa có kết quả', 'Hồ sơ chưa có kết quả điện tử.');

function sendDocument(res: Response, doc: DownloadableDocument): void {
  res.type(doc.mimeType).setHeader('Content-Disposition', `inline; filename="${doc.fileName}"`);
  res.send(doc.content);
}

export function applicantLinkRoutes(s: WebServices): Router {
  const router = Router();

  /** The dossier a supplement link opens, once its token is checked. */
  async function linkedDossier(code: string, round: number, token: string): Promise<IDossier | undefined> {
    if (!s.applicantAccess.mayAnswerSupplement(code, round, token)) return undefined;
    return (await s.readModel.publicDossier(code)) ?? undefined;
  }

  /**
   * The supplement page, with file inputs for the procedure's documents (issue 9): a file sent
   * replaces the document's current version, which is kept. `uploads` tells what this answer did with files.
   */
  function page(
    dossier: IDossier,
    round: number,
    token: string,
    rest: Partial<SupplementPageInput> = {},
    uploads: { errors?: Record<string, string>; saved?: string[]; problem?: string } = {},
  ) {
    const definition = s.procedures.of(dossier);
    const form = s.tasks.supplementForm(dossier, definition);
    return {
      ...supplementPage({ dossier, form, round, token, values: dossier.form, errors: {}, requestId: newRequestId(), ...rest }),
      uploads: {
        requirements: requirementsOf(definition, dossier.form).map((r) => ({ ...requirementView({ ...r, required: false }, uploads.errors?.[r.id]) })),
        limitsText: `Có thể gửi kèm tệp ${s.attachments.acceptedTypesLabel()} thay cho giấy tờ cần bổ sung; tệp mới thay thế bản trước (bản trước vẫn được lưu).`,
        saved: uploads.saved ?? [],
        problem: uploads.problem,
      },
    };
  }

  router.get('/bo-sung/:code', async (req, res) => {
    const params = parse(supplementParams, req.params);
    const query = parse(supplementQuery, req.query);
    if (!params.ok || !query.ok) return res.status(404).render('error', DENIED);
    const { lan: round, t: token } = query.value;
    const dossier = await linkedDossier(params.value.code, round, token);
    if (!dossier) return res.status(404).render('error', DENIED);
    res.render('supplement', page(dossier, round, token));
  });

  router.post('/bo-sung/:code', async (req, res) => {
    const params = parse(supplementParams, req.params);
    const raw = formBody(req.body);
    // The link's own parts are checked first: without them the page cannot even be shown again.
    const link = parse(supplementQuery, { lan: raw.lan, t: raw.t });
    if (!params.ok || !link.ok) return res.status(404).render('error', DENIED);
    const { lan: round, t: token } = link.value;
    const dossier = await linkedDossier(params.value.code, round, token);
    if (!dossier) return res.status(404).render('error', DENIED);

    const body = parse(supplementBody, raw);
    if (!body.ok) {
      return res.status(422).render('supplement', page(dossier, round, token, { values: { ...dossier.form, ...otherValues(raw, SUPPLEMENT_CONTROLS) }, errors: body.errors }));
    }
    const { requestId, note } = body.value;
    const definition = s.procedures.of(dossier);
    const form = s.tasks.supplementForm(dossier, definition);
    if (!form) {
      return res.status(409).render('supplement', page(dossier, round, token, { error: 'Hồ sơ không ở trạng thái chờ bổ sung.' }));
    }
    // Files first (issue 9): refused ones are named one by one; accepted ones are kept at once, so
    // a field to correct never makes the applicant choose them again.
    const typedValues = { values: { ...dossier.form, ...otherValues(raw, SUPPLEMENT_CONTROLS) }, note, requestId };
    const uploadProblem = res.locals.uploadProblem as string | undefined;
    if (uploadProblem) return res.status(413).render('supplement', page(dossier, round, token, typedValues, { problem: uploadProblem }));
    const requirements = requirementsOf(definition, dossier.form);
    const files = s.attachments.check(uploadedFiles(req), requirements, await s.attachments.heldBytes(dossier));
    if (Object.keys(files.errors).length) return res.status(422).render('supplement', page(dossier, round, token, typedValues, { errors: files.errors }));
    const saved = (await s.attachments.add(dossier, files.accepted, requirements, { kind: 'applicant', name: dossier.applicantName })).map((a) => a.title);
    const answer = s.tasks.checkSupplementAnswer(dossier, definition, form, otherValues(body.value, SUPPLEMENT_CONTROLS), localIsoDate(new Date()));
    const again = { values: answer.values, note, requestId };
    if (Object.keys(answer.errors).length) {
      return res.status(422).render('supplement', page(dossier, round, token, { ...again, errors: answer.errors }, { saved }));
    }
    const outcome = await s.actions.submitSupplement(dossier.code, { round, form: answer.form, note: note || undefined }, requestId);
    // The signed link proved the applicant: the status page opens with the dossier's secret.
    if (outcome.kind === 'done') return res.redirect(303, lookupPath(dossier.code, dossier.lookupSecret));
    // Refused: the request is over. Not confirmed: the same request id retries the same Update.
    const status = statusOf(outcome);
    res.status(status).render('supplement', page(dossier, round, token, { ...again, requestId: status === 503 ? requestId : newRequestId(), error: outcome.message }, { saved }));
  });

  router.get('/ket-qua/:code', async (req, res) => {
    const params = parse(resultParams, req.params);
    const query = parse(resultQuery, req.query);
    if (!params.ok || !query.ok || !s.applicantAccess.maySeeResult(params.value.code, query.value.t)) return res.status(404).render('error', DENIED);
    const { code } = params.value;
    const results = await s.documents.results(code);
    if (!results.length) return res.status(404).render('error', NO_RESULT);
    if (results.length > 1) return res.render('results', resultsPage(code, query.value.t, results));
    const doc = await s.documents.result(code, results[0].code);
    if (!doc) return res.status(404).render('error', NO_RESULT);
    sendDocument(res, doc);
  });

  router.get('/ket-qua/:code/:documentCode.pdf', async (req, res) => {
    const params = parse(resultDocumentParams, req.params);
    const query = parse(resultQuery, req.query);
    if (!params.ok || !query.ok || !s.applicantAccess.maySeeResult(params.value.code, query.value.t)) return res.status(404).render('error', DENIED);
    const doc = await s.documents.result(params.value.code, params.value.documentCode);
    if (!doc) return res.status(404).render('error', NO_RESULT);
    sendDocument(res, doc);
  });

  return router;
}
