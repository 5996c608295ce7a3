/**
 * The supervisor's view of the agency: unfinished dossiers with their deadlines in working days,
 * who holds each one, and counters of what is overdue or due soon. Reassignment happens on the
 * dossier page.
 */
import { Router } from 'express';
import { portalStatusLabel } from '../../../domain/portal-status';
import { ROLE_LABELS } from '../../../domain/roles';
import { currentUser, requireOfficial } from '../../middleware/auth';
import type { WebServices } from '../../services';
import { deadlineState } from '../../view-models/deadline';

export function supervisionRoutes(s: WebServices): Router {
  const router = Router();

  router.get('/giam-sat', requireOfficial('supervisor', 'leader'), async (req, res) => {
    const user = currentUser(req);
    const onlyOverdue = req.query.loc === 'qua-han';
    const [dossiers, calendar] = await Promise.all([s.readModel.agencyDossiers(user, { open: true }, 500), s.readModel.calendar()]);
    const tasks = await s.readModel.openTasksOfAgency(user, dossiers.map((d) => d.id));
    const rows = dossiers.map((d) => {
      const open = tasks.filter((t) => (t.dossier as { id: number }).id === d.id);
      return {
        code: d.code,
        procedureName: d.procedureName,
        applicantName: d.applicantName,
        statusLabel: portalStatusLabel(d.status),
        stepName: d.stepName,
        holders: open.map((t) => `${t.name}: ${t.assigneeName ?? `chưa nhận (${ROLE_LABELS[t.role]})`}`),
        submittedAt: d.submittedAt,
        appointmentAt: d.appointmentAt,
        deadline: deadlineState(d.appointmentAt, null, calendar),
      };
    });
    const count = (tone: string) => rows.filter((r) => r.deadline?.tone === tone).length;
    res.render('supervision', {
      title: 'Giám sát tiến độ',
      rows: onlyOverdue ? rows.filter((r) => r.deadline?.tone === 'overdue') : rows,
      onlyOverdue,
      counters: { open: rows.length, overdue: count('overdue'), today: count('today'), soon: count('soon') },
    });
  });

  return router;
}
