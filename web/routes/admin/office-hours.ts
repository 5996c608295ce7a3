/**
 * Offices' hours, for administrators, limited to the agencies of their province
 * (services/calendar-office-hours.ts): the list at /quan-tri/gio-lam-viec, one agency's form at
 * /quan-tri/gio-lam-viec/<code>, and going back to the default.
 */
import { type Request, type Response, Router } from 'express';
import { currentUser, requireOfficial } from '../../middleware/auth';
import { flash } from '../../middleware/flash';
import type { WebServices } from '../../services';
import { formBody, parse } from '../../validation';
import { officeHoursHref, officeHoursListPage, officeHoursPage } from '../../view-models/calendar-office-hours';
import { errorPage } from '../../view-models/error';
import { agencyParams, officeHoursBody, SESSION_COUNT } from './office-hours.schema';

/** What the form sent, to show again with the errors. */
function typed(raw: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(raw).filter(([k, v]) => k !== '_csrf' && typeof v === 'string')) as Record<string, string>;
}

export function adminOfficeHoursRoutes(s: WebServices): Router {
  const router = Router();
  router.use('/quan-tri', requireOfficial('admin'));

  async function loadAgency(req: Request, res: Response) {
    const params = parse(agencyParams, req.params);
    const agency = params.ok ? await s.officeHours.agency(currentUser(req), params.value.code) : undefined;
    if (!agency) {
      res.status(404).render('error', errorPage('Không tìm thấy cơ quan', `Không có cơ quan "${String(req.params.code)}" trong tỉnh, thành phố của bạn.`));
    }
    return agency;
  }

  router.get('/quan-tri/gio-lam-viec', async (req, res) => {
    res.render('admin-office-hours', officeHoursListPage(await s.officeHours.agencies(currentUser(req))));
  });

  router.get('/quan-tri/gio-lam-viec/:code', async (req, res) => {
    const agency = await loadAgency(req, res);
    if (agency) res.render('admin-office-hours-agency', officeHoursPage(agency, SESSION_COUNT));
  });

  router.post('/quan-tri/gio-lam-viec/:code', async (req, res) => {
    const agency = await loadAgency(req, res);
    if (!agency) return;
    const raw = formBody(req.body);
    const body = parse(officeHoursBody, raw);
    if (!body.ok) return res.status(422).render('admin-office-hours-agency', officeHoursPage(agency, SESSION_COUNT, { values: typed(raw), errors: body.errors }));
    await s.officeHours.set({ username: currentUser(req).username, ip: req.ip }, currentUser(req), agency.code, body.value);
    flash(req, 'success', 'Đã lưu giờ làm việc của {{agency}}.', { agency: agency.name });
    res.redirect(303, officeHoursHref(agency.code));
  });

  router.post('/quan-tri/gio-lam-viec/:code/mac-dinh', async (req, res) => {
    const agency = await loadAgency(req, res);
    if (!agency) return;
    await s.officeHours.set({ username: currentUser(req).username, ip: req.ip }, currentUser(req), agency.code, null);
    flash(req, 'success', '{{agency}} dùng giờ làm việc mặc định.', { agency: agency.name });
    res.redirect(303, officeHoursHref(agency.code));
  });

  return router;
}
