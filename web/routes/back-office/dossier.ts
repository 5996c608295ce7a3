/**
 * The dossier page of the back office and the actions on it: claim, decide, reassign, and the
 * printed documents. Every lookup goes through readModel.dossierFor, which only finds dossiers
 * of the official's own agency. A decision is checked against the step of the task it is made
 * on (the task service resolves it): field errors answer 422 with what was typed, a refusal 409
 * with the workflow's reason, an unconfirmed decision 503 with the same request id to retry.
 */
import { type Request, type Response, Router } from 'express';
import type { IDossier } from '../../../db/entities';
import { atLocalTime, localIsoDate } from '../../../domain/vietnam-time';
import { validateFields } from '../../../engine/form';
import { currentUser, requireOfficial } from '../../middleware/auth';
import { flash } from '../../middleware/flash';
import type { WebServices } from '../../services';
import { awayRefusal } from '../../services/absences';
import type { ActionOutcome } from '../../services/dossier-actions';
import type { OpenedWhat } from '../../services/audit-log';
import type { DownloadableDocument } from '../../services/documents';
import { resultsOf } from '../../services/read-model';
import { actorOf } from '../../session-user';
import { documentsFor } from './attachments';
import { formBody, parse } from '../../validation';
import { type DossierFormState, dossierPage } from '../../view-models/dossier';
import { dossierMessages } from '../../view-models/dossier-messages';
import { statusOf } from '../outcome-status';
import { apologyBody, claimBody, CONFIRM_FIELD, CONFIRMED, decisionBody, dossierParams, INPUT_PREFIX, reassignBody, resultDocumentParams } from './dossier.schema';
import { DEFAULT_OFFICE_HOURS } from '../../../domain/legal-clock';
import { hoursFor } from '../../../engine/time-limits';
import { dossierNotFound } from './dossier-lookup';

/** What the official typed into an action's inputs (`in_<field>`), by field name. */
function typedInputs(body: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(body)
      .filter(([k, v]) => k.startsWith(INPUT_PREFIX) && typeof v === 'string')
      .map(([k, v]) => [k.slice(INPUT_PREFIX.length), v as string]),
  );
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

function sendDocument(res: Response, doc: DownloadableDocument): void {
  res.type(doc.mimeType).setHeader('Content-Disposition', `inline; filename="${doc.fileName}"`);
  res.send(doc.content);
}

export function dossierRoutes(s: WebServices): Router {
  const router = Router();
  router.use('/ho-so', requireOfficial());

  const notFound = dossierNotFound;

  async function renderDossier(req: Request, res: Response, dossier: IDossier, status = 200, state: DossierFormState = {}) {
    const user = currentUser(req);
    const definition = s.procedures.of(dossier);
    const [tasks, events, calendar, colleagues] = await Promise.all([
      s.readModel.tasksOf(dossier),
      s.readModel.timelineOf(dossier),
      s.readModel.calendar(),
      user.role === 'supervisor' ? s.readModel.colleagues(user) : Promise.resolve([]),
    ]);
    const stepOf = (task: (typeof tasks)[number]) => s.tasks.taskStep(definition, task);
    const results = resultsOf(dossier);
    const hours = hoursFor(definition, dossier.agency.officeHours ?? DEFAULT_OFFICE_HOURS);
    // The documents part (issue 9): partials/dossier-documents.ejs, for the dossier's own agency (a consulted one does not open them).
    const documents = dossier.agency.id === user.agencyId ? await documentsFor(s, user, dossier) : undefined;
    // Messages to the applicant and their delivery (issue 9): partials/dossier-messages.ejs.
    const messages = dossierMessages(await s.deliveries.ofDossier(dossier.code), user);
    res.status(status).render('dossier', { ...dossierPage({ dossier, definition, tasks, stepOf, results, events, user, calendar, hours, colleagues, state }), documents, messages });
  }

  async function loadDossier(req: Request, res: Response): Promise<IDossier | undefined> {
    const params = parse(dossierParams, req.params);
    const dossier = params.ok ? await s.readModel.dossierFor(currentUser(req), params.value.code) : null;
    if (!dossier) notFound(res, String(req.params.code));
    return dossier ?? undefined;
  }

  /** The page again after an action that did not go through, with the reason and what was entered. */
  async function notApplied(req: Request, res: Response, dossier: IDossier, outcome: Exclude<ActionOutcome, { kind: 'done' }>, state: DossierFormState) {
    const status = statusOf(outcome);
    const fresh = (await s.readModel.dossierFor(currentUser(req), dossier.code)) ?? dossier;
    await renderDossier(req, res, fresh, status, {
      ...state,
      error: outcome.message,
      // Refused: the request is over, a new one gets a new id. Unconfirmed: the same id retries it.
      requestId: status === 503 ? state.requestId : undefined,
      unconfirmed: status === 503,
    });
  }

  /** Opening the full record (personal data included) is in the audit trail before it is shown: no record, no access. */
  const logOpening = (req: Request, dossier: IDossier, what: OpenedWhat, document?: string) =>
    s.auditLog.opened(currentUser(req), { code: dossier.code, agencyCode: dossier.agency.code }, what, req.ip, document);

  router.get('/ho-so/:code', async (req, res) => {
    const dossier = await loadDossier(req, res);
    if (!dossier) return;
    await logOpening(req, dossier, 'page');
    await renderDossier(req, res, dossier);
  });

  router.post('/ho-so/:code/nhan', async (req, res) => {
    const dossier = await loadDossier(req, res);
    if (!dossier) return;
    const raw = formBody(req.body);
    const body = parse(claimBody, raw);
    if (!body.ok) return renderDossier(req, res, dossier, 422, { form: 'claim', taskId: text(raw.taskId), errors: body.errors });
    const { taskId, requestId } = body.value;
    const outcome = await s.actions.claim(dossier.code, { taskId, actor: actorOf(currentUser(req)) }, requestId);
    if (outcome.kind === 'done') {
      flash(req, 'success', 'Bạn đã nhận xử lý nhiệm vụ.');
      return res.redirect(303, `/ho-so/${encodeURIComponent(dossier.code)}`);
    }
    await notApplied(req, res, dossier, outcome, { form: 'claim', taskId, requestId });
  });

  router.post('/ho-so/:code/thao-tac', async (req, res) => {
    const dossier = await loadDossier(req, res);
    if (!dossier) return;
    const user = currentUser(req);
    const raw = formBody(req.body);
    const body = parse(decisionBody, raw);
    if (!body.ok) {
      const typed = { form: 'act' as const, taskId: text(raw.taskId), reason: text(raw.reason), inputs: typedInputs(raw) };
      return renderDossier(req, res, dossier, 422, { ...typed, errors: body.errors });
    }
    const { taskId, action, reason, requestId } = body.value;
    const sent: DossierFormState = { form: 'act', taskId, action, reason, inputs: typedInputs(body.value), requestId };

    // The step is the task's own: another step may offer an action with the same id.
    const resolved = await s.tasks.resolveAction(dossier, s.procedures.of(dossier), taskId, action);
    const chosen = resolved.kind === 'resolved' ? resolved.action : undefined;
    let inputs: Record<string, string> | undefined;
    if (chosen) {
      // Field errors first (422, values kept); state errors come from the workflow (409).
      const errors: Record<string, string> = {};
      if (chosen.requires.includes('reason') && !reason) errors.reason = `Vui lòng nhập lý do để "${chosen.label}".`;
      // A danger action (refuse, reject) ends the dossier: the official ticks the confirmation first (no script needed).
      // On a task already closed (a stale page) the workflow's reason says more than the checkbox: it answers 409.
      const open = resolved.kind === 'resolved' && resolved.task.status === 'open';
      if (chosen.style === 'danger' && open && raw[CONFIRM_FIELD] !== CONFIRMED) {
        errors[CONFIRM_FIELD] = `Vui lòng đánh dấu ô xác nhận trước khi "${chosen.label}": thao tác này kết thúc hồ sơ và không hoàn tác được.`;
      }
      if (Object.keys(errors).length) return renderDossier(req, res, dossier, 422, { ...sent, errors });
      const fields = chosen.inputs ?? [];
      const checked = validateFields(fields, sent.inputs ?? {}, localIsoDate(new Date()));
      if (!checked.ok) {
        return renderDossier(req, res, dossier, 422, { ...sent, inputs: { ...sent.inputs, ...checked.values }, inputErrors: checked.errors });
      }
      inputs = fields.length ? checked.values : undefined;
    }
    // An unknown task or action goes to the workflow as it is: it refuses with the reason.
    const outcome = await s.actions.complete(dossier.code, { taskId, action, reason: reason || undefined, inputs, actor: actorOf(user) }, requestId);
    if (outcome.kind === 'done') {
      flash(req, 'success', 'Đã thực hiện "{{action}}" cho hồ sơ {{code}}.', { action: chosen?.label ?? action, code: dossier.code });
      return res.redirect(303, user.role === 'supervisor' ? `/ho-so/${encodeURIComponent(dossier.code)}` : '/cong-viec');
    }
    await notApplied(req, res, dossier, outcome, sent);
  });

  router.post('/ho-so/:code/phan-cong', requireOfficial('supervisor'), async (req, res) => {
    const dossier = await loadDossier(req, res);
    if (!dossier) return;
    const user = currentUser(req);
    const raw = formBody(req.body);
    const body = parse(reassignBody, raw);
    if (!body.ok) return renderDossier(req, res, dossier, 422, { form: 'reassign', taskId: text(raw.taskId), errors: body.errors });
    const { taskId, officialId, requestId } = body.value;
    const sent: DossierFormState = { form: 'reassign', taskId, officialId, requestId };
    const target = await s.readModel.colleague(user, officialId);
    if (!target) return renderDossier(req, res, dossier, 422, { ...sent, errors: { officialId: 'Vui lòng chọn cán bộ trong cơ quan.' } });
    // The same rule as the supervisor's bulk reassignment: work does not go to someone who is away.
    const away = (await s.absences.awayOn(user.agencyId, localIsoDate(new Date()))).get(target.id);
    if (away)
      return renderDossier(req, res, dossier, 422, {
        ...sent,
        errors: { officialId: awayRefusal(target.fullName, away) },
      });
    const outcome = await s.actions.reassign(
      dossier.code,
      {
        taskId,
        to: { id: String(target.id), name: target.fullName, role: target.role, agencyCode: user.agencyCode },
        actor: actorOf(user),
      },
      requestId,
    );
    if (outcome.kind === 'done') {
      flash(req, 'success', 'Đã giao nhiệm vụ cho {{name}}.', { name: target.fullName });
      return res.redirect(303, `/ho-so/${encodeURIComponent(dossier.code)}`);
    }
    await notApplied(req, res, dossier, outcome, sent);
  });

  router.post('/ho-so/:code/xin-loi', requireOfficial('leader', 'supervisor'), async (req, res) => {
    const dossier = await loadDossier(req, res);
    if (!dossier) return;
    const raw = formBody(req.body);
    const typed = { newAppointment: text(raw.newAppointment), reason: text(raw.reason) };
    const body = parse(apologyBody, raw);
    if (!body.ok) return renderDossier(req, res, dossier, 422, { form: 'apology', apology: typed, errors: body.errors, requestId: text(raw.requestId) });
    const { newAppointment, reason, requestId } = body.value;
    const sent: DossierFormState = { form: 'apology', apology: { newAppointment, reason }, requestId };
    // The workflow takes the end of that day in the office's hours, and refuses what the law does not allow.
    const outcome = await s.actions.apologise(
      dossier.code,
      { reason, newAppointmentAt: atLocalTime(newAppointment, 17).toISOString(), actor: actorOf(currentUser(req)) },
      requestId,
    );
    if (outcome.kind === 'done') {
      flash(req, 'success', 'Đã gửi thư xin lỗi và hẹn lại ngày trả kết quả hồ sơ {{code}}.', { code: dossier.code });
      return res.redirect(303, `/ho-so/${encodeURIComponent(dossier.code)}`);
    }
    await notApplied(req, res, dossier, outcome, sent);
  });

  router.get('/ho-so/:code/thu-xin-loi.pdf', async (req, res) => {
    const dossier = await loadDossier(req, res);
    if (!dossier) return;
    const letter = await s.documents.apologyLetter(dossier);
    if (!letter) return notFound(res, `${dossier.code} (phiếu xin lỗi)`);
    await logOpening(req, dossier, 'apology-letter', letter.fileName);
    sendDocument(res, letter);
  });

  /** The first result, for links made when a dossier had only one. */
  router.get('/ho-so/:code/ket-qua.pdf', async (req, res) => {
    const dossier = await loadDossier(req, res);
    if (!dossier) return;
    const doc = await s.documents.result(dossier.code);
    if (!doc) return notFound(res, `${dossier.code} (kết quả)`);
    await logOpening(req, dossier, 'result', doc.fileName);
    sendDocument(res, doc);
  });

  router.get('/ho-so/:code/ket-qua/:documentCode.pdf', async (req, res) => {
    const dossier = await loadDossier(req, res);
    if (!dossier) return;
    const params = parse(resultDocumentParams, req.params);
    const doc = params.ok ? await s.documents.result(dossier.code, params.value.documentCode) : undefined;
    if (!doc) return notFound(res, `${dossier.code} (kết quả ${String(req.params.documentCode)})`);
    await logOpening(req, dossier, 'result', doc.fileName);
    sendDocument(res, doc);
  });

  router.get('/ho-so/:code/giay-tiep-nhan.pdf', async (req, res) => {
    const dossier = await loadDossier(req, res);
    if (!dossier) return;
    const slip = await s.documents.receiptSlip(dossier, s.procedures.of(dossier));
    if (!slip) return notFound(res, `${dossier.code} (giấy tiếp nhận)`);
    await logOpening(req, dossier, 'receipt-slip', slip.fileName);
    sendDocument(res, slip);
  });

  return router;
}
