/**
 * Public status lookup by dossier code and lookup secret (what it shows: view-models/lookup.ts).
 * Codes are sequential; without the right secret the page says nothing about the dossier, the
 * same for an unknown code and a wrong secret. Requests are rate limited per client.
 */
import { Router } from 'express';
import { normalizeDossierCode } from '../../../domain/dossier-code';
import type { WebServices } from '../../services';
import { parse } from '../../validation';
import { lookupPage, NOT_FOUND } from '../../view-models/lookup';
import { lookupQuery } from './lookup.schema';

export function lookupRoutes(s: WebServices): Router {
  const router = Router();

  router.get('/tra-cuu', s.rateLimits.lookupPage, async (req, res) => {
    const query = parse(lookupQuery, req.query);
    if (!query.ok) return res.status(400).render('lookup', lookupPage({ code: '', error: query.errors.ma ?? Object.values(query.errors)[0] }));
    const code = normalizeDossierCode(query.value.ma);
    const secret = query.value.bm;
    // A code alone (a link from an older message, the payment page's way back) only fills the form.
    if (!code || !secret) return res.render('lookup', lookupPage({ code }));
    const dossier = await s.readModel.lookedUp(code, secret);
    if (!dossier) return res.status(404).render('lookup', lookupPage({ code, error: NOT_FOUND }));
    res.render('lookup', lookupPage({ code, secret, dossier, events: await s.readModel.timelineOf(dossier) }));
  });

  return router;
}
