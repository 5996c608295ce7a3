/**
 * Public status lookup by dossier code: status, dates, the status history, and the payment link
 * while a fee is due. No personal data beyond a masked name.
 */
import { Router } from 'express';
import { normalizeDossierCode } from '../../../domain/dossier-code';
import { formatVnd } from '../../../domain/money';
import { portalStatusLabel } from '../../../domain/portal-status';
import { maskName } from '../../../domain/personal-data';
import type { WebServices } from '../../services';
import { OUTCOME_LABELS } from '../../../domain/outcomes';

export function lookupRoutes(s: WebServices): Router {
  const router = Router();

  router.get('/tra-cuu', async (req, res) => {
    const code = typeof req.query.ma === 'string' ? normalizeDossierCode(req.query.ma) : '';
    if (!code) return res.render('lookup', { title: 'Tra cứu hồ sơ', code, dossier: undefined, error: undefined });
    const dossier = await s.readModel.publicDossier(code);
    if (!dossier) {
      return res.status(404).render('lookup', {
        title: 'Tra cứu hồ sơ',
        code,
        dossier: undefined,
        error: `Không tìm thấy hồ sơ có mã ${code}. Vui lòng kiểm tra lại mã trên giấy tiếp nhận hoặc thư thông báo.`,
      });
    }
    const history = (await s.readModel.timelineOf(dossier)).filter((e) => e.type === 'status' || e.type === 'submitted');
    res.render('lookup', {
      title: `Hồ sơ ${dossier.code}`,
      code,
      error: undefined,
      dossier: {
        code: dossier.code,
        procedureName: dossier.procedureName,
        agencyName: dossier.agency.name,
        applicant: maskName(dossier.applicantName),
        status: dossier.status,
        statusLabel: portalStatusLabel(dossier.status),
        outcomeLabel: dossier.outcome ? OUTCOME_LABELS[dossier.outcome] : undefined,
        submittedAt: dossier.submittedAt,
        appointmentAt: dossier.appointmentAt,
        completedAt: dossier.completedAt,
        payment:
          dossier.payment?.status === 'pending'
            ? { amount: formatVnd(dossier.payment.amount), payUrl: dossier.payment.payUrl, deadlineAt: new Date(dossier.payment.deadlineAt) }
            : undefined,
        history: history.map((e) => ({ at: e.at, label: portalStatusLabel(e.status ?? 1) })),
      },
    });
  });

  return router;
}
