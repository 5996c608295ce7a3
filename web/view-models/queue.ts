/**
 * "My queue": the tasks of my role in my agency, the ones I hold first, soonest due first.
 * The applicant's name is masked when the procedure marks it personal.
 */
import type { IDossier, ITask } from '../../db/entities';
import { ROLE_LABELS } from '../../domain/roles';
import type { WorkingCalendar } from '../../domain/working-days';
import type { ProcedureDefinition } from '../../engine/definition';
import { newRequestId } from '../request-id';
import type { SessionUser } from '../session-user';
import { deadlineState } from './deadline';
import { dateTimeText } from './format';
import { listedApplicantName } from './personal';

export interface QueueRetry {
  code: string;
  taskId: string;
  /** The claim's request id, kept so claiming again retries the same update. */
  requestId: string;
}

export function queuePage(input: {
  user: SessionUser;
  rows: readonly { task: ITask; dossier: IDossier }[];
  calendar: WorkingCalendar;
  definitionOf: (dossier: IDossier) => ProcedureDefinition | undefined;
  error?: string;
  retry?: QueueRetry;
}) {
  const { rows, calendar, retry } = input;
  const view = rows.map(({ task, dossier }) => ({
    taskId: task.taskKey,
    taskName: task.name,
    code: dossier.code,
    href: `/ho-so/${encodeURIComponent(dossier.code)}`,
    procedureName: dossier.procedureName,
    applicantName: listedApplicantName(dossier.applicantName, input.definitionOf(dossier)),
    createdAt: dateTimeText(task.createdAt),
    mine: !!task.assignee,
    handoverNote: task.handoverNote ?? undefined,
    deadline: deadlineState(task.dueAt, null, calendar),
    dossierDeadline: deadlineState(dossier.appointmentAt, null, calendar),
    requestId: retry && retry.code === dossier.code && retry.taskId === task.taskKey ? retry.requestId : newRequestId(),
  }));
  return {
    title: 'Hồ sơ cần xử lý',
    subtitle: `${ROLE_LABELS[input.user.role]} · ${input.user.agencyName}`,
    mine: view.filter((r) => r.mine),
    unclaimed: view.filter((r) => !r.mine),
    error: input.error,
  };
}
