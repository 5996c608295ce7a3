/**
 * The printed forms an official downloads (Circular 03/2025/TT-VPCP Annex I): 02 request to
 * supplement, 03 refusal to accept, 05 notice that handling is stopped, 06 process-control slip
 * of a dossier of the official's agency (another agency's dossier: 404), and 07, the agency's
 * tracking ledger for a period, for supervisors and leaders. A form that does not apply to the
 * dossier's state (03 for an accepted dossier) is refused with the reason (409). Each download
 * is in the audit trail, as the other documents are.
 */
import { type Request, type Response, Router } from 'express';
import { formatVietnameseDate, localIsoDate } from '../../../domain/vietnam-time';
import { currentUser, requireOfficial } from '../../middleware/auth';
import type { WebServices } from '../../services';
import { DOSSIER_FORMS, type DossierFormNumber } from '../../services/printed-forms';
import { parse } from '../../validation';
import { errorPage } from '../../view-models/error';
import { dossierParams } from './dossier.schema';
import { ledgerQuery } from './forms.schema';
import { dossierNotFound } from './dossier-lookup';

export const LEDGER_PATH = '/so-theo-doi.pdf';
const LEDGER_ROLES = ['supervisor', 'leader'] as const;

export function formRoutes(s: WebServices): Router {
  const router = Router();

  for (const [form, { path, name }] of Object.entries(DOSSIER_FORMS) as [DossierFormNumber, (typeof DOSSIER_FORMS)[DossierFormNumber]][]) {
    router.get(`/ho-so/:code/${path}`, requireOfficial(), async (req: Request, res: Response) => {
      const params = parse(dossierParams, req.params);
      const user = currentUser(req);
      const dossier = params.ok ? await s.readModel.dossierFor(user, params.value.code) : null;
      if (!dossier) {
        return dossierNotFound(res, String(req.params.code));
      }
      const outcome = await s.printedForms.form(dossier, form);
      if (!outcome.ok) return res.status(409).render('error', errorPage(`Không in được ${name.toLowerCase()}`, outcome.reason));
      await s.auditLog.opened(user, { code: dossier.code, agencyCode: dossier.agency.code }, 'printed-form', req.ip, outcome.document.fileName);
      res.type('application/pdf').setHeader('Content-Disposition', `inline; filename="${outcome.document.fileName}"`);
      res.send(outcome.document.content);
    });
  }

  router.get(LEDGER_PATH, requireOfficial(...LEDGER_ROLES), async (req, res) => {
    const query = parse(ledgerQuery(localIsoDate(new Date())), req.query);
    if (!query.ok) {
      return res.status(400).render('error', errorPage('Không in được sổ theo dõi hồ sơ', 'Vui lòng sửa kỳ theo dõi rồi in lại.', query.errors));
    }
    const { from, to } = query.value;
    const user = currentUser(req);
    const count = await s.printedForms.ledgerCount(user.agencyId, from, to);
    if (count > s.printedForms.maxRows) {
      return res
        .status(422)
        .render(
          'error',
          errorPage(
            'Sổ theo dõi quá dài',
            `Từ ${formatVietnameseDate(from)} đến ${formatVietnameseDate(to)} cơ quan tiếp nhận ${count.toLocaleString('vi-VN')} hồ sơ; ` +
              `một lần in tối đa ${s.printedForms.maxRows.toLocaleString('vi-VN')} hồ sơ. Vui lòng chọn kỳ ngắn hơn (ví dụ từng tuần) hoặc xuất báo cáo CSV.`,
          ),
        );
    }
    await s.auditLog.printedLedger(user, { from, to }, req.ip);
    res.type('application/pdf').setHeader('Content-Disposition', `inline; filename="so-theo-doi-${user.agencyCode}-${from}-${to}.pdf"`);
    await s.printedForms.streamLedger(user.agencyId, from, to, res);
  });

  return router;
}
