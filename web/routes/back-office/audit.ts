/**
 * The audit trail (/nhat-ky): supervisors read their agency's entries, administrators every
 * entry; filtered by period, who, what and dossier, newest first a page at a time, with whether
 * the whole chain verifies; the same selection as CSV and XLSX with the hash columns. GET only:
 * reading changes nothing.
 */
import { type Request, type Response, Router } from 'express';
import { auditCsv, auditFileName, auditXlsx } from '../../audit-exports';
import { currentUser, requireOfficial } from '../../middleware/auth';
import type { WebServices } from '../../services';
import { AUDIT_ROLES, type AuditFilter } from '../../services/audit-log';
import { type FieldErrors, parse } from '../../validation';
import { auditActionOptions, type AuditFormValues, type AuditPageModel, auditRows, chainText } from '../../view-models/audit';
import { auditQuery } from './audit.schema';

const PAGE = '/nhat-ky';

function typedValues(query: Request['query']): AuditFormValues {
  const text = (key: string) => (typeof query[key] === 'string' ? (query[key] as string) : '');
  return { tu: text('tu'), den: text('den'), 'nguoi-thuc-hien': text('nguoi-thuc-hien'), 'thao-tac': text('thao-tac'), 'ho-so': text('ho-so') };
}

/** The filter's query string (without the page's position). */
function filterQuery(f: AuditFilter): URLSearchParams {
  const q = new URLSearchParams();
  if (f.from) q.set('tu', f.from);
  if (f.to) q.set('den', f.to);
  if (f.actor) q.set('nguoi-thuc-hien', f.actor);
  if (f.action) q.set('thao-tac', f.action);
  if (f.dossierCode) q.set('ho-so', f.dossierCode);
  return q;
}

const withQuery = (path: string, q: URLSearchParams) => (q.size ? `${path}?${q}` : path);

export function auditRoutes(s: WebServices): Router {
  const router = Router();
  const readers = requireOfficial(...AUDIT_ROLES);

  function model(req: Request, errors: FieldErrors): AuditPageModel {
    const user = currentUser(req);
    return {
      title: 'Nhật ký truy cập và thao tác',
      scope: user.role === 'admin' ? 'Mọi cơ quan' : user.agencyName,
      values: typedValues(req.query),
      errors,
      actions: auditActionOptions(),
      rows: [],
      // Every name the view reads, set (EJS fails on a name it was not given).
      next: undefined,
      first: undefined,
      exports: undefined,
      chain: undefined,
    };
  }

  const refuse = (req: Request, res: Response, errors: FieldErrors) => res.status(400).render('audit', model(req, errors));

  router.get(PAGE, readers, async (req, res) => {
    const parsed = parse(auditQuery, req.query);
    if (!parsed.ok) return refuse(req, res, parsed.errors);
    const user = currentUser(req);
    const filter = parsed.value;
    const [page, status] = await Promise.all([s.auditLog.page(user, filter), s.auditLog.chainStatus()]);
    const q = filterQuery(filter);
    const next = page.next !== undefined ? new URLSearchParams(q) : undefined;
    next?.set('truoc', String(page.next));
    res.render('audit', {
      ...model(req, {}),
      rows: auditRows(page.rows, user.role === 'supervisor'),
      next: next ? `${PAGE}?${next}` : undefined,
      first: filter.before !== undefined ? withQuery(PAGE, q) : undefined,
      exports: { csv: withQuery(`${PAGE}.csv`, q), xlsx: withQuery(`${PAGE}.xlsx`, q) },
      chain: chainText(status),
    } satisfies AuditPageModel);
  });

  router.get(`${PAGE}.csv`, readers, async (req, res) => {
    const parsed = parse(auditQuery, req.query);
    if (!parsed.ok) return refuse(req, res, parsed.errors);
    const entries = await s.auditLog.export(currentUser(req), parsed.value);
    res.attachment(auditFileName(parsed.value, 'csv')).type('text/csv; charset=utf-8').send(auditCsv(entries));
  });

  router.get(`${PAGE}.xlsx`, readers, async (req, res) => {
    const parsed = parse(auditQuery, req.query);
    if (!parsed.ok) return refuse(req, res, parsed.errors);
    const entries = await s.auditLog.export(currentUser(req), parsed.value);
    res
      .attachment(auditFileName(parsed.value, 'xlsx'))
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .send(await auditXlsx(entries));
  });

  return router;
}
