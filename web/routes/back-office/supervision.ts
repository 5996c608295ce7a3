/**
 * The supervisor's view of the agency (what it shows: view-models/supervision.ts). Reassignment
 * happens on the dossier page.
 */
import { Router } from 'express';
import { currentUser, requireOfficial } from '../../middleware/auth';
import type { WebServices } from '../../services';
import { parse } from '../../validation';
import { errorPage, REQUEST_INVALID } from '../../view-models/error';
import { supervisionPage } from '../../view-models/supervision';
import { supervisionQuery } from './supervision.schema';

export function supervisionRoutes(s: WebServices): Router {
  const router = Router();

  router.get('/giam-sat', requireOfficial('supervisor', 'leader'), async (req, res) => {
    const query = parse(supervisionQuery, req.query);
    if (!query.ok) return res.status(400).render('error', errorPage(REQUEST_INVALID, 'Không hiểu bộ lọc được yêu cầu.', query.errors));
    const user = currentUser(req);
    const [dossiers, calendar] = await Promise.all([s.readModel.agencyDossiers(user, { open: true }, 500), s.readModel.calendar()]);
    const openTasks = await s.readModel.openTasksOfAgency(user, dossiers.map((d) => d.id));
    res.render(
      'supervision',
      supervisionPage({ user, dossiers, openTasks, calendar, definitionOf: (d) => s.procedures.find(d), onlyOverdue: query.value.loc === 'qua-han' }),
    );
  });

  return router;
}
