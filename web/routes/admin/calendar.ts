/**
 * The working calendar's administration, for administrators only (what the pages show:
 * view-models/calendar-year.ts; what a change does: services/calendar-admin.ts). A year at
 * /quan-tri/lich/<year>; one entry at /quan-tri/lich/<year>/ngay/<YYYY-MM-DD>. Bad input answers
 * 422 with the page, what was typed and every problem next to its field; nothing is written.
 */
import { type Request, type Response, Router } from 'express';
import { localIsoDate } from '../../../domain/vietnam-time';
import { currentUser, requireOfficial } from '../../middleware/auth';
import { flash } from '../../middleware/flash';
import type { WebServices } from '../../services';
import type { CalendarEdit, CalendarEditor } from '../../services/calendar-admin';
import { formBody, parse } from '../../validation';
import { calendarEntryPage, type CalendarYearState, calendarYearPage, yearHref } from '../../view-models/calendar-year';
import { errorPage } from '../../view-models/error';
import { confirmBody, entryBody, entryParams, FIRST_YEAR, LAST_YEAR, yearParams } from './calendar.schema';

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/** What the form sent, to show again with the errors. */
function typed(raw: Record<string, unknown>) {
  return { day: text(raw.day), kind: text(raw.kind), name: text(raw.name), note: text(raw.note), provisional: raw.provisional === 'on' };
}

function editorOf(req: Request): CalendarEditor {
  return { username: currentUser(req).username, ip: req.ip };
}

export function adminCalendarRoutes(s: WebServices): Router {
  const router = Router();
  router.use('/quan-tri', requireOfficial('admin'));

  const today = () => localIsoDate(new Date());

  const noYear = (res: Response, year: string) =>
    res.status(404).render('error', errorPage('Không có trang lịch này', `Không có lịch năm "${year}": năm phải từ ${FIRST_YEAR} đến ${LAST_YEAR}.`));

  const noEntry = (res: Response, day: string) =>
    res.status(404).render('error', errorPage('Không có ngày này trong lịch', `Ngày "${day}" không có trong lịch làm việc.`));

  async function renderYear(res: Response, year: number, status = 200, state: CalendarYearState = {}) {
    res.status(status).render('admin-calendar', calendarYearPage(await s.calendarAdmin.year(year), today(), state));
  }

  /** The year's page after an edit: PRG when done, the page again (422) when refused. */
  function afterEdit(req: Request, res: Response, year: number, outcome: CalendarEdit, refused: () => Promise<void>) {
    if (outcome.kind === 'refused') return refused();
    if (outcome.kind === 'not-found') return noEntry(res, String(req.params.day));
    flash(req, 'success', outcome.message);
    if (outcome.warning) flash(req, 'error', outcome.warning);
    res.redirect(303, yearHref(year));
  }

  router.get('/quan-tri/lich', (_req, res) => {
    res.redirect(303, yearHref(Number(today().slice(0, 4))));
  });

  router.get('/quan-tri/lich/:year', async (req, res) => {
    const params = parse(yearParams, req.params);
    if (!params.ok) return noYear(res, String(req.params.year));
    await renderYear(res, params.value.year);
  });

  router.post('/quan-tri/lich/:year/ngay', async (req, res) => {
    const params = parse(yearParams, req.params);
    if (!params.ok) return noYear(res, String(req.params.year));
    const { year } = params.value;
    const raw = formBody(req.body);
    const body = parse(entryBody(year), raw);
    if (!body.ok) return renderYear(res, year, 422, { values: typed(raw), errors: body.errors });
    const outcome = await s.calendarAdmin.add(editorOf(req), body.value);
    await afterEdit(req, res, year, outcome, () => renderYear(res, year, 422, { values: typed(raw), errors: outcome.kind === 'refused' ? outcome.errors : {} }));
  });

  router.post('/quan-tri/lich/:year/xac-nhan', async (req, res) => {
    const params = parse(yearParams, req.params);
    if (!params.ok) return noYear(res, String(req.params.year));
    const { year } = params.value;
    const raw = formBody(req.body);
    const body = parse(confirmBody, raw);
    if (!body.ok) return renderYear(res, year, 422, { confirmValue: text(raw.announcement), confirmErrors: body.errors });
    const outcome = await s.calendarAdmin.confirm(editorOf(req), year, body.value.announcement);
    await afterEdit(req, res, year, outcome, () =>
      renderYear(res, year, 422, { confirmValue: body.value.announcement, confirmErrors: outcome.kind === 'refused' ? outcome.errors : {} }),
    );
  });

  /** The entry of the path, when the path names a day of its year that the calendar has. */
  async function loadEntry(req: Request, res: Response) {
    const params = parse(entryParams, req.params);
    if (!params.ok || !params.value.day.startsWith(`${params.value.year}-`)) return void noEntry(res, String(req.params.day));
    const entry = await s.calendarAdmin.entry(params.value.day);
    if (!entry) return void noEntry(res, String(req.params.day));
    return { ...params.value, entry };
  }

  router.get('/quan-tri/lich/:year/ngay/:day', async (req, res) => {
    const found = await loadEntry(req, res);
    if (found) res.render('admin-calendar-entry', calendarEntryPage(found.entry));
  });

  router.post('/quan-tri/lich/:year/ngay/:day', async (req, res) => {
    const found = await loadEntry(req, res);
    if (!found) return;
    const raw = formBody(req.body);
    const refused = (errors: Record<string, string>) =>
      res.status(422).render('admin-calendar-entry', calendarEntryPage(found.entry, { values: typed(raw), errors }));
    const body = parse(entryBody(found.year), raw);
    if (!body.ok) return refused(body.errors);
    const outcome = await s.calendarAdmin.change(editorOf(req), found.day, body.value);
    await afterEdit(req, res, found.year, outcome, async () => refused(outcome.kind === 'refused' ? outcome.errors : {}));
  });

  router.post('/quan-tri/lich/:year/ngay/:day/xoa', async (req, res) => {
    const found = await loadEntry(req, res);
    if (!found) return;
    const outcome = await s.calendarAdmin.remove(editorOf(req), found.day);
    await afterEdit(req, res, found.year, outcome, async () => {
      res.status(422).render('admin-calendar-entry', calendarEntryPage(found.entry, { errors: outcome.kind === 'refused' ? outcome.errors : {} }));
    });
  });

  return router;
}
