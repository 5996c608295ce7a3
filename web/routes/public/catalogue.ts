/**
 * The catalogue of procedures, for citizens and officials alike (what each page shows:
 * view-models/catalogue.ts), with each procedure's flow drawn as a diagram.
 */
import { Router } from 'express';
import type { WebServices } from '../../services';
import { parse } from '../../validation';
import { cataloguePage, procedurePage } from '../../view-models/catalogue';
import { errorPage, REQUEST_INVALID } from '../../view-models/error';
import { procedurePageParams, procedurePageQuery } from './catalogue.schema';

export function catalogueRoutes(s: WebServices): Router {
  const router = Router();

  router.get('/thu-tuc', (_req, res) => {
    res.render('catalogue', cataloguePage(s.procedures.published()));
  });

  router.get('/thu-tuc/:code', async (req, res) => {
    const params = parse(procedurePageParams, req.params);
    const query = parse(procedurePageQuery, req.query);
    if (!query.ok) return res.status(400).render('error', errorPage(REQUEST_INVALID, 'Không hiểu phiên bản được yêu cầu.', query.errors));
    const versions = params.ok ? s.procedures.versions(params.value.code, query.value['phien-ban']) : undefined;
    if (!versions) return res.status(404).render('error', errorPage('Không tìm thấy thủ tục', `Không có thủ tục "${String(req.params.code)}".`));
    const diagram = await s.procedures.diagram(versions.shown.definition);
    res.render('procedure', procedurePage(versions, diagram));
  });

  return router;
}
