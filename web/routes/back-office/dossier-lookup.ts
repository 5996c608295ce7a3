/** How back-office routes find the dossier their path names, and answer when they may not see it. */
import type { Request, Response } from 'express';
import type { IDossier } from '../../../db/entities';
import { currentUser } from '../../middleware/auth';
import type { WebServices } from '../../services';
import { parse } from '../../validation';
import { errorPage } from '../../view-models/error';
import { counterDossierParams } from './counter.schema';

/** Another agency's dossier is answered as if it did not exist: the same page as an unknown code. */
export function dossierNotFound(res: Response, code: string): void {
  res.status(404).render('error', errorPage('Không tìm thấy hồ sơ', `Không có hồ sơ ${code} trong cơ quan của bạn.`));
}

/**
 * The dossier of the path's `:code` when it belongs to the official's own agency (the counter's
 * work: fees, handover; a consulted agency sees the dossier but does not act for its owner);
 * otherwise the 404 page has been sent and the answer is undefined.
 */
export async function ownAgencyDossier(s: WebServices, req: Request, res: Response): Promise<IDossier | undefined> {
  const params = parse(counterDossierParams, req.params);
  const user = currentUser(req);
  const dossier = params.ok ? await s.readModel.dossierFor(user, params.value.code) : null;
  if (!dossier || dossier.agency.id !== user.agencyId) {
    dossierNotFound(res, String(req.params.code));
    return undefined;
  }
  return dossier;
}
