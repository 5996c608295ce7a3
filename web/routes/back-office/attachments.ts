/**
 * A dossier's documents (issue 9): each version is viewed inline (its detected type, nosniff) by
 * officials of the dossier's own agency only (404 to anyone else, consulted agencies included),
 * each opening in the audit trail; receivers and specialists add or replace documents (multipart,
 * read by middleware/multipart.ts), a replacement keeping the earlier versions.
 */
import { type Request, type Response, Router } from 'express';
import type { IDossier } from '../../../db/entities';
import { currentUser, requireOfficial } from '../../middleware/auth';
import { flash } from '../../middleware/flash';
import { uploadedFiles } from '../../middleware/multipart';
import type { WebServices } from '../../services';
import { requirementsOf } from '../../services/attachments';
import { resultsOf } from '../../services/read-model';
import type { SessionUser } from '../../session-user';
import { parse } from '../../validation';
import { dossierDocumentsView, UPLOADERS } from '../../view-models/dossier-documents';
import { errorPage } from '../../view-models/error';
import { attachmentParams, attachmentsParams } from './attachments.schema';
import { dossierNotFound } from './dossier-lookup';

/** The documents part of the dossier page, for this official. */
export async function documentsFor(
  s: WebServices,
  user: SessionUser,
  dossier: IDossier,
  extra: { uploadErrors?: Record<string, string>; uploadProblem?: string } = {},
) {
  const definition = s.procedures.of(dossier);
  const requirements = requirementsOf(definition, dossier.form);
  const [documents, payments, handover, handoverRefusal, counterIntake] = await Promise.all([
    s.attachments.documentsOf(dossier, requirements),
    s.counter.paymentsOf(dossier),
    s.handover.of(dossier),
    s.handover.refusal(dossier),
    s.counter.intakeOf(dossier),
  ]);
  return dossierDocumentsView({
    dossier,
    role: user.role,
    documents,
    results: resultsOf(dossier),
    payments,
    handover,
    handoverRefusal,
    counterIntake,
    limits: { ...s.attachments.limits, types: s.attachments.acceptedTypesLabel() },
    ...extra,
  });
}

export function attachmentRoutes(s: WebServices): Router {
  const router = Router();

  const notFound = dossierNotFound;

  /** The dossier, when it is of the official's own agency. */
  async function ownDossier(req: Request, res: Response, code: string | undefined): Promise<IDossier | undefined> {
    const user = currentUser(req);
    const dossier = code ? await s.readModel.dossierFor(user, code) : null;
    if (!dossier || dossier.agency.id !== user.agencyId) {
      notFound(res, String(req.params.code));
      return undefined;
    }
    return dossier;
  }

  router.get('/ho-so/:code/tai-lieu/:id', requireOfficial(), async (req, res) => {
    const params = parse(attachmentParams, req.params);
    const dossier = await ownDossier(req, res, params.ok ? params.value.code : undefined);
    if (!dossier || !params.ok) return;
    const found = await s.attachments.open(dossier, params.value.id);
    if (!found) return res.status(404).render('error', errorPage('Không tìm thấy tài liệu', `Hồ sơ ${dossier.code} không có tài liệu này.`));
    await s.auditLog.opened(currentUser(req), { code: dossier.code, agencyCode: dossier.agency.code }, 'attachment', req.ip, `${found.row.requirementId} v${found.row.version}`);
    const asciiName = found.row.fileName.normalize('NFD').replace(/[^\x20-\x7e]/g, '').replace(/["\\]/g, '') || 'tai-lieu';
    res
      .type(found.row.mimeType)
      .setHeader('Content-Disposition', `inline; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(found.row.fileName)}`)
      .setHeader('X-Content-Type-Options', 'nosniff')
      .send(found.content);
  });

  async function renderPage(req: Request, res: Response, dossier: IDossier, status: number, extra: { uploadErrors?: Record<string, string>; uploadProblem?: string } = {}) {
    const documents = await documentsFor(s, currentUser(req), dossier, extra);
    res.status(status).render('counter-documents', { title: `Tài liệu hồ sơ ${dossier.code}`, documents, backHref: `/ho-so/${encodeURIComponent(dossier.code)}` });
  }

  router.get('/ho-so/:code/tai-lieu', requireOfficial(...UPLOADERS), async (req, res) => {
    const params = parse(attachmentsParams, req.params);
    const dossier = await ownDossier(req, res, params.ok ? params.value.code : undefined);
    if (!dossier) return;
    await renderPage(req, res, dossier, 200);
  });

  router.post('/ho-so/:code/tai-lieu', requireOfficial(...UPLOADERS), async (req, res) => {
    const params = parse(attachmentsParams, req.params);
    const dossier = await ownDossier(req, res, params.ok ? params.value.code : undefined);
    if (!dossier) return;
    const user = currentUser(req);
    const problem = res.locals.uploadProblem as string | undefined;
    if (problem) return renderPage(req, res, dossier, 413, { uploadProblem: problem });
    const definition = s.procedures.of(dossier);
    const requirements = requirementsOf(definition, dossier.form);
    const checked = s.attachments.check(uploadedFiles(req), requirements, await s.attachments.heldBytes(dossier));
    if (Object.keys(checked.errors).length) return renderPage(req, res, dossier, 422, { uploadErrors: checked.errors });
    if (!checked.accepted.length) return renderPage(req, res, dossier, 422, { uploadProblem: 'Vui lòng chọn ít nhất một tệp để tải lên.' });
    const added = await s.attachments.add(dossier, checked.accepted, requirements, { kind: 'official', id: String(user.id), name: user.name });
    flash(req, 'success', 'Đã lưu {{count}} tài liệu cho hồ sơ {{code}}.', { count: added.length, code: dossier.code });
    res.redirect(303, `/ho-so/${encodeURIComponent(dossier.code)}#tai-lieu`);
  });

  return router;
}
