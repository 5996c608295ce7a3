/**
 * Everything the dossier page shows, decided here rather than in the template: the form as
 * labelled values, the tasks the signed-in official may act on and how, the timeline.
 */
import { formatVnd } from '../../domain/money';
import { portalStatusLabel } from '../../domain/portal-status';
import { formatVietnameseDate } from '../../domain/vietnam-time';
import type { WorkingCalendar } from '../../domain/working-days';
import type { IDossier, IOfficial, ITask, ITimelineEvent } from '../../db/entities';
import { OUTCOME_LABELS } from '../../domain/outcomes';
import { ROLE_LABELS } from '../../domain/roles';
import type { FormField, ProcedureDefinition, TaskAction } from '../../engine/definition';
import { feeLines } from '../../engine/fees';
import { fieldOptions } from '../../engine/form';
import type { SessionUser } from '../session-user';
import { deadlineState } from './deadline';
import { timelineEntry } from './timeline';


export interface OpenTaskView {
  id: string;
  name: string;
  roleLabel: string;
  assigneeName?: string;
  handoverNote?: string;
  deadline?: ReturnType<typeof deadlineState>;
  /** What the signed-in official may do with it. */
  mine: boolean;
  canClaim: boolean;
  canAct: boolean;
  blockedReason?: string;
  actions: (Pick<TaskAction, 'id' | 'label' | 'style'> & { needsReason: boolean; inputs: (FormField & { options: { value: string; label: string }[] })[] })[];
  reassignTo?: { id: number; name: string }[];
}

export function formRows(definition: ProcedureDefinition, form: Record<string, string>) {
  return definition.form.fields
    .filter((f) => form[f.name])
    .map((f) => {
      const raw = form[f.name];
      const option = f.type === 'select' ? fieldOptions(f).find((o) => o.value === raw) : undefined;
      const value = option?.label ?? (f.type === 'date' ? formatVietnameseDate(raw) : raw);
      return { label: f.label, value };
    });
}

export function openTaskView(
  task: ITask,
  definition: ProcedureDefinition,
  user: SessionUser,
  calendar: WorkingCalendar,
  colleagues: IOfficial[],
): OpenTaskView {
  const step = definition.steps.find((s) => s.id === task.stepId);
  const assigneeId = task.assignee ? Number((task.assignee as { id: number }).id) : undefined;
  const ownAgency = Number((task.agency as { id: number }).id) === user.agencyId;
  const rightRole = user.role === task.role && ownAgency;
  const mine = assigneeId === user.id;
  const free = assigneeId === undefined;
  let blockedReason: string | undefined;
  if (!ownAgency) blockedReason = 'Nhiệm vụ của cơ quan phối hợp';
  else if (!rightRole && user.role !== 'supervisor') blockedReason = `Dành cho ${ROLE_LABELS[task.role].toLowerCase()}`;
  else if (rightRole && !free && !mine) blockedReason = `Đang do ${task.assigneeName} xử lý`;
  return {
    id: task.taskKey,
    name: task.name,
    roleLabel: ROLE_LABELS[task.role],
    assigneeName: task.assigneeName ?? undefined,
    handoverNote: task.handoverNote ?? undefined,
    deadline: deadlineState(task.dueAt, null, calendar),
    mine,
    canClaim: rightRole && free,
    canAct: rightRole && (free || mine),
    blockedReason,
    actions:
      step?.kind === 'task'
        ? step.actions.map((a) => ({
            id: a.id,
            label: a.label,
            style: a.style,
            needsReason: a.requires.includes('reason'),
            inputs: (a.inputs ?? []).map((f) => ({ ...f, options: fieldOptions(f) })),
          }))
        : [],
    reassignTo:
      user.role === 'supervisor' && ownAgency
        ? colleagues.filter((c) => c.role === task.role && c.id !== assigneeId).map((c) => ({ id: c.id, name: c.fullName }))
        : undefined,
  };
}

export function dossierPageModel(input: {
  dossier: IDossier;
  definition: ProcedureDefinition;
  tasks: ITask[];
  events: ITimelineEvent[];
  user: SessionUser;
  calendar: WorkingCalendar;
  colleagues: IOfficial[];
}) {
  const { dossier, definition, tasks, events, user, calendar, colleagues } = input;
  return {
    dossier: {
      code: dossier.code,
      procedureName: dossier.procedureName,
      procedureVersion: dossier.procedureVersion,
      status: dossier.status,
      statusLabel: portalStatusLabel(dossier.status),
      stepName: dossier.stepName,
      outcomeLabel: dossier.outcome ? OUTCOME_LABELS[dossier.outcome] : undefined,
      submittedAt: dossier.submittedAt,
      acceptedAt: dossier.acceptedAt,
      appointmentAt: dossier.appointmentAt,
      completedAt: dossier.completedAt,
      deadline: deadlineState(dossier.appointmentAt, dossier.completedAt, calendar),
      hasReceipt: !!dossier.acceptedAt,
    },
    applicant: formRows(definition, dossier.form),
    checks: dossier.checks,
    payment: dossier.payment
      ? {
          ...dossier.payment,
          amountText: formatVnd(dossier.payment.amount),
          statusLabel: { pending: 'Chờ thanh toán', paid: 'Đã thanh toán', expired: 'Quá hạn' }[dossier.payment.status],
        }
      : undefined,
    fees: feeLines(definition.fees, undefined, dossier.form).map((l) => ({
      label: l.label,
      amount: l.exemption ? `Miễn (${l.exemption})` : formatVnd(l.amount),
    })),
    result: dossier.result ?? undefined,
    openTasks: tasks.filter((t) => t.status === 'open').map((t) => openTaskView(t, definition, user, calendar, colleagues)),
    history: tasks.filter((t) => t.status !== 'open'),
    timeline: events.map(timelineEntry),
  };
}

export type DossierPageModel = ReturnType<typeof dossierPageModel>;
