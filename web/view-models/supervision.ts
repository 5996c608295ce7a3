/**
 * The supervisor's view of the agency: unfinished dossiers with their deadlines in working days,
 * who holds each one, and counters of what is overdue or due soon. The applicant's name is
 * masked when the procedure marks it personal.
 */
import type { IDossier, ITask } from '../../db/entities';
import { portalStatusLabel } from '../../domain/portal-status';
import { ROLE_LABELS } from '../../domain/roles';
import type { WorkingCalendar } from '../../domain/working-days';
import type { ProcedureDefinition } from '../../engine/definition';
import type { SessionUser } from '../session-user';
import { deadlineState } from './deadline';
import { dateText } from './format';
import { listedApplicantName } from './personal';

export function supervisionPage(input: {
  user: SessionUser;
  dossiers: readonly IDossier[];
  openTasks: readonly ITask[];
  calendar: WorkingCalendar;
  definitionOf: (dossier: IDossier) => ProcedureDefinition | undefined;
  onlyOverdue: boolean;
}) {
  const { dossiers, openTasks, calendar } = input;
  const rows = dossiers.map((d) => {
    const open = openTasks.filter((t) => (t.dossier as { id: number }).id === d.id);
    const deadline = deadlineState(d.appointmentAt, null, calendar);
    return {
      code: d.code,
      href: `/ho-so/${encodeURIComponent(d.code)}`,
      procedureName: d.procedureName,
      applicantName: listedApplicantName(d.applicantName, input.definitionOf(d)),
      statusLabel: portalStatusLabel(d.status),
      stepName: d.stepName,
      holders: open.map((t) => `${t.name}: ${t.assigneeName ?? `chưa nhận (${ROLE_LABELS[t.role]})`}`),
      appointmentAt: dateText(d.appointmentAt) || '—',
      deadline,
      overdue: deadline?.tone === 'overdue',
    };
  });
  const count = (tone: string) => rows.filter((r) => r.deadline?.tone === tone).length;
  return {
    title: 'Giám sát tiến độ',
    subtitle: `${input.user.agencyName} · thời hạn tính theo ngày làm việc`,
    heading: input.onlyOverdue ? 'Hồ sơ quá hạn' : 'Hồ sơ đang giải quyết',
    rows: input.onlyOverdue ? rows.filter((r) => r.overdue) : rows,
    counters: { open: rows.length, overdue: count('overdue'), today: count('today'), soon: count('soon') },
  };
}
