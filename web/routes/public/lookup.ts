/** Public status lookup by dossier code (what it shows: view-models/lookup.ts). */
import { Router } from 'express';
import { normalizeDossierCode } from '../../../domain/dossier-code';
import type { WebServices } from '../../services';
import { parse } from '../../validation';
import { lookupPage, notFoundMessage } from '../../view-models/lookup';
import { lookupQuery } from './lookup.schema';

export function lookupRoutes(s: WebServices): Router {
  const router = Router();

  router.get('/tra-cuu', async (req, res) => {
    const query = parse(lookupQuery, req.query);
    if (!query.ok) return res.status(400).render('lookup', lookupPage({ code: '', error: query.errors.ma ?? Object.values(query.errors)[0] }));
    const code = normalizeDossierCode(query.value.ma);
    if (!code) return res.render('lookup', lookupPage({ code }));
    const dossier = await s.readModel.publicDossier(code);
    if (!dossier) return res.status(404).render('lookup', lookupPage({ code, error: notFoundMessage(code) }));
    res.render('lookup', lookupPage({ code, dossier, events: await s.readModel.timelineOf(dossier) }));
  });

  return router;
}
