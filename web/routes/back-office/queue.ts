/**
 * Officials' queues (/cong-viec: what I may work on, mine, my group's, due soon, overdue,
 * returned, handled) and the agency's archive (/ho-so), with search, filters, sorting and keyset
 * pages (services/queues.ts); claim a task, or give a claimed one back to its group (release).
 * Bad search input is answered 400 with a message per field, the rest of the search kept.
 */
import { type Request, type Response, Router } from 'express';
import { currentUser, requireOfficial } from '../../middleware/auth';
import { flash } from '../../middleware/flash';
import type { WebServices } from '../../services';
import type { QueueTab } from '../../services/queues';
import { actorOf } from '../../session-user';
import { formBody, parse } from '../../validation';
import { queuePage, type QueueRetry } from '../../view-models/queue';
import { statusOf } from '../outcome-status';
import { claimFromQueueBody, parseQueueQuery, releaseFromQueueBody } from './queue.schema';
import { dossierNotFound } from './dossier-lookup';

const WORKERS = ['receiver', 'specialist', 'leader'] as const;
/** The archive: everyone who works or watches the agency's dossiers. */
const ARCHIVE_READERS = ['receiver', 'specialist', 'leader', 'supervisor'] as const;

const STALE_CURSOR = 'Danh sách đã thay đổi kể từ khi trang này được mở (hoặc liên kết trang không còn đúng); đang hiển thị lại từ trang đầu.';

export function queueRoutes(s: WebServices): Router {
  const router = Router();

  const render = async (
    req: Request,
    res: Response,
    fixedTab: QueueTab | undefined,
    options: { status?: number; error?: string; retry?: QueueRetry; queryless?: boolean } = {},
  ) => {
    const user = currentUser(req);
    const raw = options.queryless ? {} : (req.query as Record<string, unknown>);
    const parsed = parseQueueQuery(raw);
    const tab: QueueTab = fixedTab ?? parsed.query.tab ?? 'open';
    const [result, calendar] = await Promise.all([s.queues.page(user, { ...parsed.query, tab }), s.readModel.calendar()]);
    const errors = { ...parsed.errors };
    const invalid = Object.keys(errors).length > 0;
    const { 'danh-sach': _tab, sau: _after, ...values } = parsed.values;
    res.status(options.status ?? (invalid ? 400 : 200)).render(
      'queue',
      queuePage({
        user,
        tab,
        result,
        calendar,
        definitionOf: (d) => s.procedures.find(d),
        procedures: s.procedures.published().map((p) => ({ code: p.code, name: p.name })),
        values,
        errors,
        error: options.error ?? (result.staleCursor ? STALE_CURSOR : undefined),
        retry: options.retry,
      }),
    );
  };

  router.get('/cong-viec', requireOfficial(...WORKERS), (req, res) => render(req, res, undefined));
  router.get('/ho-so', requireOfficial(...ARCHIVE_READERS), (req, res) => render(req, res, 'archive'));

  router.post('/cong-viec/nhan', requireOfficial(...WORKERS), async (req, res) => {
    const user = currentUser(req);
    const body = parse(claimFromQueueBody, formBody(req.body));
    if (!body.ok) return render(req, res, undefined, { status: 422, error: Object.values(body.errors).join(' '), queryless: true });
    const { code, taskId, requestId } = body.value;
    if (!(await s.readModel.dossierFor(user, code))) {
      return dossierNotFound(res, code);
    }
    const outcome = await s.actions.claim(code, { taskId, actor: actorOf(user) }, requestId);
    if (outcome.kind === 'done') {
      flash(req, 'success', 'Bạn đã nhận xử lý hồ sơ {{code}}.', { code });
      return res.redirect(303, `/ho-so/${encodeURIComponent(code)}`);
    }
    const status = statusOf(outcome);
    // Not confirmed: the row's claim button carries the same request id, so pressing it again is safe.
    await render(req, res, undefined, { status, error: outcome.message, retry: status === 503 ? { code, taskId, requestId } : undefined, queryless: true });
  });

  /** Release: a task I hold goes back to its group (the one it was given to, or my department). */
  router.post('/cong-viec/tra-lai', requireOfficial(...WORKERS), async (req, res) => {
    const user = currentUser(req);
    const body = parse(releaseFromQueueBody, formBody(req.body));
    if (!body.ok) return render(req, res, undefined, { status: 422, error: Object.values(body.errors).join(' '), queryless: true });
    const { code, taskId, requestId } = body.value;
    const dossier = await s.readModel.dossierFor(user, code);
    if (!dossier) return dossierNotFound(res, code);
    const task = await s.readModel.taskOf(dossier, taskId);
    const refuse = (message: string) => render(req, res, undefined, { status: 409, error: message, queryless: true });
    if (!task || task.status !== 'open') return refuse(`Nhiệm vụ này của hồ sơ ${code} không còn chờ xử lý; không trả lại được.`);
    const holder = task.assignee && typeof task.assignee === 'object' ? (task.assignee as { id: number }).id : task.assignee;
    if (holder !== user.id) return refuse(`Bạn không giữ nhiệm vụ này của hồ sơ ${code}; chỉ người đã nhận mới trả lại được.`);
    const group = task.assignedGroup ?? (await s.queues.departmentOf(user));
    if (!group) return refuse('Bạn chưa thuộc phòng, ban nào nên không có nhóm để trả lại; hãy nhờ cán bộ giám sát phân công lại.');
    const outcome = await s.actions.reassign(
      code,
      { taskId, to: { kind: 'group', group, role: task.role, agencyCode: user.agencyCode }, reason: 'Trả lại để người khác trong nhóm nhận', actor: actorOf(user) },
      requestId,
    );
    if (outcome.kind === 'done') {
      flash(req, 'success', 'Đã trả hồ sơ {{code}} về nhóm {{group}}.', { code, group });
      return res.redirect(303, '/cong-viec?danh-sach=cho-nhan');
    }
    const status = statusOf(outcome);
    await render(req, res, undefined, { status, error: outcome.message, retry: status === 503 ? { code, taskId, requestId } : undefined, queryless: true });
  });

  return router;
}
