/**
 * The dossier page of the back office and the actions on it: claim, decide, reassign, and the
 * printed documents. Every lookup goes through readModel.dossierFor, which only finds dossiers
 * of the official's own agency.
 */
import { type Request, type Response, Router } from 'express';
import { renderReceiptSlipPdf } from '../../../documents/receipt-slip';
import { findProvince } from '../../../domain/provinces';
import { localIsoDate } from '../../../domain/vietnam-time';
import { validateFields } from '../../../engine/form';
import type { IDossier } from '../../../db/entities';
import { currentUser, requireOfficial } from '../../middleware/auth';
import { flash } from '../../middleware/flash';
import type { WebServices } from '../../services';
import type { ActionOutcome } from '../../services/dossier-actions';
import { actorOf } from '../../session-user';
import { dossierPageModel } from '../../view-models/dossier-page';
import { newRequestId, requestIdFrom } from '../request-id';

interface FormState {
  taskId?: string;
  action?: string;
  reason?: string;
  inputs?: Record<string, string>;
  inputErrors?: Record<string, string>;
  errors?: Record<string, string>;
  error?: string;
}

export function dossierRoutes(s: WebServices): Router {
  const router = Router();
  router.use('/ho-so', requireOfficial());

  const notFound = (res: Response, code: string) =>
    res.status(404).render('error', { title: 'Không tìm thấy hồ sơ', message: `Không có hồ sơ ${code} trong cơ quan của bạn.` });

  async function renderDossier(req: Request, res: Response, dossier: IDossier, status = 200, form: FormState = {}) {
    const user = currentUser(req);
    const definition = s.catalog.version(dossier.procedureCode, dossier.procedureVersion);
    if (!definition) throw new Error(`${dossier.code}: procedure ${dossier.procedureCode} v${dossier.procedureVersion} missing`);
    const [tasks, events, calendar, colleagues] = await Promise.all([
      s.readModel.tasksOf(dossier),
      s.readModel.timelineOf(dossier),
      s.readModel.calendar(),
      user.role === 'supervisor' ? s.readModel.colleagues(user) : Promise.resolve([]),
    ]);
    const model = dossierPageModel({ dossier, definition, tasks, events, user, calendar, colleagues });
    res.status(status).render('dossier', { title: `Hồ sơ ${dossier.code}`, ...model, form, requestId: newRequestId });
  }

  async function loadDossier(req: Request, res: Response): Promise<IDossier | undefined> {
    const code = String(req.params.code);
    const dossier = await s.readModel.dossierFor(currentUser(req), code);
    if (!dossier) notFound(res, code);
    return dossier ?? undefined;
  }

  /** After an update: back to the page on success, the page with the reason (409) or a notice (503) otherwise. */
  async function answer(req: Request, res: Response, dossier: IDossier, outcome: ActionOutcome, success: string, form: FormState) {
    if (outcome.kind === 'done') {
      flash(req, 'success', success);
      return res.redirect(303, `/ho-so/${encodeURIComponent(dossier.code)}`);
    }
    const fresh = (await s.readModel.dossierFor(currentUser(req), dossier.code)) ?? dossier;
    await renderDossier(req, res, fresh, outcome.kind === 'refused' ? 409 : 503, { ...form, error: outcome.message });
  }

  router.get('/ho-so/:code', async (req, res) => {
    const dossier = await loadDossier(req, res);
    if (dossier) await renderDossier(req, res, dossier);
  });

  router.post('/ho-so/:code/nhan', async (req, res) => {
    const dossier = await loadDossier(req, res);
    if (!dossier) return;
    const taskId = String(req.body.taskId ?? '');
    const outcome = await s.actions.claim(dossier.code, { taskId, actor: actorOf(currentUser(req)) }, requestIdFrom(req.body));
    await answer(req, res, dossier, outcome, 'Bạn đã nhận xử lý nhiệm vụ.', { taskId });
  });

  router.post('/ho-so/:code/thao-tac', async (req, res) => {
    const dossier = await loadDossier(req, res);
    if (!dossier) return;
    const user = currentUser(req);
    const taskId = String(req.body.taskId ?? '');
    const action = String(req.body.action ?? '');
    const reason = String(req.body.reason ?? '').trim();
    const definition = s.catalog.version(dossier.procedureCode, dossier.procedureVersion);
    const step = definition?.steps.find((st) => st.kind === 'task' && st.actions.some((a) => a.id === action));
    const chosen = step?.kind === 'task' ? step.actions.find((a) => a.id === action) : undefined;
    // Field errors first (422, values kept); state errors come from the workflow (409).
    if (chosen?.requires.includes('reason') && !reason) {
      return renderDossier(req, res, dossier, 422, {
        taskId,
        reason,
        errors: { reason: `Vui lòng nhập lý do để "${chosen.label}".` },
      });
    }
    // Values the action asks for, checked field by field like the applicant's form.
    const raw = Object.fromEntries(Object.entries(req.body as Record<string, string>).filter(([k]) => k.startsWith('in_')).map(([k, v]) => [k.slice(3), v]));
    const fields = chosen?.inputs ?? [];
    const checked = validateFields(fields, raw, localIsoDate(new Date()));
    if (!checked.ok) {
      return renderDossier(req, res, dossier, 422, { taskId, action, reason, inputs: checked.values, inputErrors: checked.errors });
    }
    const outcome = await s.actions.complete(
      dossier.code,
      { taskId, action, reason: reason || undefined, inputs: fields.length ? checked.values : undefined, actor: actorOf(user) },
      requestIdFrom(req.body),
    );
    if (outcome.kind === 'done') {
      flash(req, 'success', `Đã thực hiện "${chosen?.label ?? action}" cho hồ sơ ${dossier.code}.`);
      return res.redirect(303, user.role === 'supervisor' ? `/ho-so/${encodeURIComponent(dossier.code)}` : '/cong-viec');
    }
    await answer(req, res, dossier, outcome, '', { taskId, reason, action, inputs: checked.values });
  });

  router.post('/ho-so/:code/phan-cong', requireOfficial('supervisor'), async (req, res) => {
    const dossier = await loadDossier(req, res);
    if (!dossier) return;
    const user = currentUser(req);
    const taskId = String(req.body.taskId ?? '');
    const target = await s.readModel.colleague(user, Number(req.body.officialId));
    if (!target) {
      return renderDossier(req, res, dossier, 422, { taskId, errors: { officialId: 'Vui lòng chọn cán bộ trong cơ quan.' } });
    }
    const outcome = await s.actions.reassign(
      dossier.code,
      {
        taskId,
        to: { id: String(target.id), name: target.fullName, role: target.role, agencyCode: user.agencyCode },
        actor: actorOf(user),
      },
      requestIdFrom(req.body),
    );
    await answer(req, res, dossier, outcome, `Đã giao nhiệm vụ cho ${target.fullName}.`, { taskId });
  });

  router.get('/ho-so/:code/ket-qua.pdf', async (req, res) => {
    const dossier = await loadDossier(req, res);
    if (!dossier) return;
    const doc = await s.readModel.resultDocument(dossier.code);
    if (!doc) return notFound(res, `${dossier.code} (kết quả)`);
    res.type(doc.mimeType).setHeader('Content-Disposition', `inline; filename="${doc.fileName}"`);
    res.send(doc.content);
  });

  router.get('/ho-so/:code/giay-tiep-nhan.pdf', async (req, res) => {
    const dossier = await loadDossier(req, res);
    if (!dossier) return;
    if (!dossier.acceptedAt || !dossier.appointmentAt) return notFound(res, `${dossier.code} (giấy tiếp nhận)`);
    const definition = s.catalog.version(dossier.procedureCode, dossier.procedureVersion)!;
    const accepted = (await s.readModel.timelineOf(dossier)).find((e) => e.type === 'appointment');
    const pdf = await renderReceiptSlipPdf({
      agencyName: dossier.agency.name,
      provinceName: findProvince(dossier.agency.provinceCode)?.name ?? '',
      dossierCode: dossier.code,
      procedureName: dossier.procedureName,
      applicantName: dossier.applicantName,
      receivedAt: dossier.acceptedAt.toISOString(),
      documents: definition.documents.map((d) => d.name),
      processingDays: definition.processingDays,
      appointmentAt: dossier.appointmentAt.toISOString(),
      receivedBy: accepted?.actorName ?? '',
      lookupUrl: `${s.endpoints.publicUrl}/tra-cuu?ma=${encodeURIComponent(dossier.code)}`,
    });
    res.type('application/pdf').setHeader('Content-Disposition', `inline; filename="${dossier.code}-giay-tiep-nhan.pdf"`);
    res.send(pdf);
  });

  return router;
}
