/**
 * Statistics as provinces publish them (what they count: services/reports.ts and
 * docs/reports.md): the page with its table and charts, and the same table as CSV and XLSX for
 * the same query string. Supervisors and leaders read their agency's figures; a supervisor may
 * read any agency of the province, an administrator any agency.
 */
import { Router, type Request, type Response } from 'express';
import { localIsoDate } from '../../../domain/vietnam-time';
import { REPORT_GROUPING_LABELS } from '../../labels';
import { currentUser, requireOfficial } from '../../middleware/auth';
import { exportFileName, reportCsv, reportXlsx } from '../../report-exports';
import type { WebServices } from '../../services';
import { type Report, type ReportAgency, REPORT_ROLES, scopeAmong } from '../../services/reports';
import { type FieldErrors, parse } from '../../validation';
import { reportCharts, type ReportFormValues, reportPage } from '../../view-models/reports';
import { ALL_AGENCIES, GROUPING_SLUGS, reportQuery } from './reports.schema';

const GROUPINGS = Object.entries(GROUPING_SLUGS).map(([value, grouping]) => ({ value, label: REPORT_GROUPING_LABELS[grouping] }));

type Outcome = { ok: true; report: Report; values: ReportFormValues } | { ok: false; status: number; errors: FieldErrors };

/** The report a query asks for, or why it cannot be made (field by field). */
async function readReport(s: WebServices, agencies: readonly ReportAgency[], query: unknown): Promise<Outcome> {
  const parsed = parse(reportQuery(localIsoDate(new Date())), query);
  if (!parsed.ok) return { ok: false, status: 400, errors: parsed.errors };
  const { from, to, groupBy, agency } = parsed.value;
  const scope = scopeAmong(agencies, agency === ALL_AGENCIES ? 'all' : agency);
  if (!scope) return { ok: false, status: 403, errors: { 'co-quan': 'Bạn không được xem báo cáo của cơ quan này; hãy chọn trong danh sách.' } };
  const report = await s.reports.report({ scope, period: { from, to }, groupBy });
  const slug = Object.keys(GROUPING_SLUGS).find((k) => GROUPING_SLUGS[k] === groupBy)!;
  return { ok: true, report, values: { tu: from, den: to, theo: slug, 'co-quan': scope.all ? ALL_AGENCIES : scope.agencies[0].code } };
}

/** What was typed, to show the form again as it was sent. */
function typedValues(query: Request['query']): ReportFormValues {
  const text = (key: string) => (typeof query[key] === 'string' ? (query[key] as string) : '');
  return { tu: text('tu'), den: text('den'), theo: text('theo'), 'co-quan': text('co-quan') };
}

function renderRefusal(req: Request, res: Response, agencies: readonly ReportAgency[], outcome: Extract<Outcome, { ok: false }>) {
  res
    .status(outcome.status)
    .render('reports', reportPage({ agencies, allCode: ALL_AGENCIES, groupings: GROUPINGS, values: typedValues(req.query), errors: outcome.errors }));
}

export function reportRoutes(s: WebServices): Router {
  const router = Router();
  const readers = requireOfficial(...REPORT_ROLES);

  /** The agencies the official may read, and the report the query asks for among them. */
  const read = async (req: Request) => {
    const agencies = await s.reports.agenciesFor(currentUser(req));
    return { agencies, outcome: await readReport(s, agencies, req.query) };
  };

  router.get('/bao-cao', readers, async (req, res) => {
    const { agencies, outcome } = await read(req);
    if (!outcome.ok) return renderRefusal(req, res, agencies, outcome);
    const charts = await reportCharts(outcome.report);
    res.render(
      'reports',
      reportPage({
        agencies,
        allCode: ALL_AGENCIES,
        groupings: GROUPINGS,
        values: outcome.values,
        errors: {},
        report: outcome.report,
        charts,
        query: new URLSearchParams({ ...outcome.values }).toString(),
      }),
    );
  });

  router.get('/bao-cao.csv', readers, async (req, res) => {
    const { agencies, outcome } = await read(req);
    if (!outcome.ok) return renderRefusal(req, res, agencies, outcome);
    res.attachment(exportFileName(outcome.report, 'csv')).type('text/csv; charset=utf-8').send(reportCsv(outcome.report));
  });

  router.get('/bao-cao.xlsx', readers, async (req, res) => {
    const { agencies, outcome } = await read(req);
    if (!outcome.ok) return renderRefusal(req, res, agencies, outcome);
    res
      .attachment(exportFileName(outcome.report, 'xlsx'))
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .send(await reportXlsx(outcome.report));
  });

  return router;
}
