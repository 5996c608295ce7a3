/**
 * Everything the back office's dossier page shows, decided here rather than in the template: the
 * form as labelled values (whole: the official needs them), the tasks the signed-in official may
 * act on and how (with the step's instructions), the results, the timeline, and, after a try
 * that did not go through, what the official had entered and the request id to retry with.
 */
import type { IDossier, IOfficial, ITask, ITimelineEvent } from '../../db/entities';
import { formatVnd } from '../../domain/money';
import { OUTCOME_LABELS } from '../../domain/outcomes';
import { displayedStatus, endedWithoutResult, portalStatusLabel } from '../../domain/portal-status';
import { applicableForms, DOSSIER_FORMS } from '../services/printed-forms';
import { nameOnResult, REGISTRY_NAME_FACT } from '../../domain/vietnamese-names';
import { ROLE_LABELS } from '../../domain/roles';
import { formatVietnameseDate, localIsoDate } from '../../domain/vietnam-time';
import type { LegalCalendar } from '../../domain/calendar';
import { explainDeadline, type OfficeHours, subtractWorkingMinutes, timeLimitLabel, workingMinutesPerDay } from '../../domain/legal-clock';
import type { ProcedureDefinition, TaskStep } from '../../engine/definition';
import type { ResultRecord } from '../../workflows/messages';
import { feeLines } from '../../engine/fees';
import { fieldOptions } from '../../engine/form';
import { PAYMENT_STATUS_LABELS } from '../labels';
import { newRequestId } from '../request-id';
import type { SessionUser } from '../session-user';
import type { FieldErrors } from '../validation';
import { deadlineState, dossierDeadline } from './deadline';
import { dateTimeText } from './format';
import { fieldView, type FieldView } from './form-fields';
import { homeOf } from './layout';
import { timelineView } from './timeline';

/** The three forms of a task panel. */
export type TaskForm = 'claim' | 'act' | 'reassign';

/** The forms of the page: those of a task panel, and the apology with a new appointment. */
export type PageForm = TaskForm | 'apology';

/** What the official sent, when the page comes back instead of moving on. */
export interface DossierFormState {
  form?: PageForm;
  taskId?: string;
  action?: string;
  reason?: string;
  inputs?: Record<string, string>;
  inputErrors?: FieldErrors;
  /** Field errors of the form: reason, officialId, or the request's own fields. */
  errors?: FieldErrors;
  officialId?: number;
  /** The apology form as sent: the new appointment day (YYYY-MM-DD) and the reason. */
  apology?: { newAppointment?: string; reason?: string };
  /** Why it did not go through, shown above the tasks. */
  error?: string;
  /**
   * The request id to send again: kept when a decision could not be confirmed (and after a field
   * error), so pressing the button again retries the same Update and it applies at most once.
   */
  requestId?: string;
  /** The decision may or may not have been applied: say that sending it again is safe. */
  unconfirmed?: boolean;
}

export interface ActionView {
  id: string;
  label: string;
  style: string;
  needsReason: boolean;
  inputs: FieldView[];
  /** Errors of its inputs, when this is the action the official chose. */
  inputErrors: FieldErrors;
}

export interface OpenTaskView {
  id: string;
  name: string;
  roleLabel: string;
  assigneeName?: string;
  handoverNote?: string;
  instructions?: string;
  deadline?: ReturnType<typeof deadlineState>;
  mine: boolean;
  canClaim: boolean;
  canAct: boolean;
  blockedReason?: string;
  actions: ActionView[];
  reassignTo?: { id: number; name: string; selected: boolean }[];
  /** Labels of the actions that end the dossier (refuse, reject): the form asks to tick a confirmation first. */
  dangerLabels: string[];
  confirmError?: string;
  /** What the official typed into this task's forms, when the page comes back. */
  reason: string;
  reasonError?: string;
  inputs: Record<string, string>;
  officialIdError?: string;
  requestIds: Record<TaskForm, string>;
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

export function openTaskView(input: {
  task: ITask;
  step: TaskStep | undefined;
  user: SessionUser;
  calendar: LegalCalendar;
  colleagues: readonly IOfficial[];
  state: DossierFormState;
}): OpenTaskView {
  const { task, step, user, state } = input;
  const assigneeId = task.assignee ? Number((task.assignee as { id: number }).id) : undefined;
  const ownAgency = Number((task.agency as { id: number }).id) === user.agencyId;
  const rightRole = user.role === task.role && ownAgency;
  const mine = assigneeId === user.id;
  const free = assigneeId === undefined;
  let blockedReason: string | undefined;
  if (!ownAgency) blockedReason = 'Nhiệm vụ của cơ quan phối hợp';
  else if (!rightRole && user.role !== 'supervisor') blockedReason = `Dành cho ${ROLE_LABELS[task.role].toLowerCase()}`;
  else if (rightRole && !free && !mine) blockedReason = `Đang do ${task.assigneeName} xử lý`;

  const sent = state.taskId === task.taskKey ? state : {};
  const requestId = (form: TaskForm) => (sent.form === form && sent.requestId) || newRequestId();
  return {
    id: task.taskKey,
    name: task.name,
    roleLabel: ROLE_LABELS[task.role],
    assigneeName: task.assigneeName ?? undefined,
    handoverNote: task.handoverNote ?? undefined,
    instructions: step?.instructions,
    deadline: deadlineState(task.dueAt, null, input.calendar),
    mine,
    canClaim: rightRole && free,
    canAct: rightRole && (free || mine),
    blockedReason,
    actions: (step?.actions ?? []).map((a) => ({
      id: a.id,
      label: a.label,
      style: a.style,
      needsReason: a.requires.includes('reason'),
      inputs: (a.inputs ?? []).map(fieldView),
      inputErrors: sent.action === a.id ? sent.inputErrors ?? {} : {},
    })),
    reassignTo:
      user.role === 'supervisor' && ownAgency
        ? input.colleagues
            .filter((c) => c.role === task.role && c.id !== assigneeId)
            .map((c) => ({ id: c.id, name: c.fullName, selected: sent.officialId === c.id }))
        : undefined,
    dangerLabels: (step?.actions ?? []).filter((a) => a.style === 'danger').map((a) => a.label),
    confirmError: sent.errors?.confirm,
    reason: sent.reason ?? '',
    reasonError: sent.errors?.reason,
    inputs: sent.inputs ?? {},
    officialIdError: sent.errors?.officialId,
    requestIds: { claim: requestId('claim'), act: requestId('act'), reassign: requestId('reassign') },
  };
}

/**
 * What the official typed on a page that had gone stale (the task was decided or moved on
 * meanwhile): no open task shows it any more, so it is shown apart, to copy, never lost.
 */
function staleInput(state: DossierFormState, tasks: readonly ITask[]) {
  if (state.form !== 'act' || !state.taskId) return undefined;
  if (tasks.some((t) => t.taskKey === state.taskId && t.status === 'open')) return undefined;
  const inputs = Object.entries(state.inputs ?? {}).filter(([, v]) => v);
  if (!state.reason && !inputs.length) return undefined;
  return { reason: state.reason ?? '', inputs: inputs.map(([name, value]) => ({ name, value })) };
}

/** Errors of the request that no field of the page shows (a forged or stale form). */
function unplacedErrors(state: DossierFormState): string[] {
  const placed = new Set(['reason', 'officialId', 'confirm']);
  return Object.entries(state.errors ?? {})
    .filter(([name]) => !placed.has(name))
    .map(([, message]) => message);
}

/**
 * The dossier's deadline as a person checks it: the limit, where counting started, each working
 * day counted, each day skipped and why, the pauses and how much each moved the date, the
 * apology. The same function as the workflow's (domain/legal-clock.ts), on the same calendar.
 */
function clockView(dossier: IDossier, calendar: LegalCalendar, hours: OfficeHours, now: Date) {
  if (!dossier.timeLimit || !dossier.acceptedAt) return undefined;
  const apology = dossier.apology ?? undefined;
  const explained = explainDeadline(
    {
      receivedAt: dossier.acceptedAt.toISOString(),
      limit: dossier.timeLimit,
      pauses: dossier.pauses,
      appointment: apology && { at: apology.at, dueAt: apology.newAppointmentAt },
    },
    calendar,
    hours,
    now.toISOString(),
  );
  const unit = dossier.timeLimit.unit === 'working-hours' ? 'giờ làm việc' : dossier.timeLimit.unit === 'calendar-days' ? 'ngày' : 'ngày làm việc';
  const code = encodeURIComponent(dossier.code);
  return {
    limit: timeLimitLabel(dossier.timeLimit),
    startDay: formatVietnameseDate(explained.startDay),
    startNote: explained.startNote,
    counted: explained.counted.map((d) => formatVietnameseDate(d)),
    skipped: explained.skipped.map((s) => ({ day: formatVietnameseDate(s.day), reason: s.reason })),
    pauses: explained.pauses.map((p) => ({
      from: dateTimeText(p.from),
      to: p.to ? dateTimeText(p.to) : 'đang tạm dừng',
      reason: p.reason,
      moved: `${dossier.timeLimit!.unit === 'working-hours' ? Math.round((p.amount / 60) * 10) / 10 : p.amount} ${unit}`.replace('.', ','),
    })),
    pausedSince: dossier.pausedSince ? dateTimeText(dossier.pausedSince) : undefined,
    dueAt: dateTimeText(explained.dueAt),
    apology: apology && {
      at: dateTimeText(apology.at),
      by: apology.by.name,
      reason: apology.reason,
      from: dateTimeText(apology.previousAppointmentAt),
      to: dateTimeText(apology.newAppointmentAt),
      href: `/ho-so/${code}/thu-xin-loi.pdf`,
    },
  };
}

/**
 * The apology form, for a leader or supervisor of the dossier's agency while one may still be
 * given: once per dossier, no later than a working day before the appointment.
 */
function apologyFormView(dossier: IDossier, user: SessionUser, calendar: LegalCalendar, hours: OfficeHours, state: DossierFormState, now: Date) {
  const ownAgency = Number((dossier.agency as { id: number }).id) === user.agencyId;
  if (!ownAgency || (user.role !== 'leader' && user.role !== 'supervisor')) return undefined;
  if (!dossier.timeLimit || !dossier.appointmentAt || dossier.apology || dossier.completedAt) return undefined;
  const lastMoment = subtractWorkingMinutes(dossier.appointmentAt, workingMinutesPerDay(hours), calendar, hours);
  if (now > lastMoment) return undefined;
  const sent = state.form === 'apology' ? state : {};
  return {
    lastMoment: dateTimeText(lastMoment),
    minDay: localIsoDate(new Date(dossier.appointmentAt.getTime() + 86_400_000)),
    newAppointment: sent.apology?.newAppointment ?? '',
    reason: sent.apology?.reason ?? '',
    errors: state.form === 'apology' ? state.errors ?? {} : {},
    requestId: (state.form === 'apology' && state.requestId) || newRequestId(),
  };
}

/**
 * The applicant's name as results print it, when the registry spells it differently in a
 * convention only ("Hòa" for "Hoà"): both shown, the declared one kept.
 */
export function nameSpellingView(dossier: Pick<IDossier, 'applicantName' | 'checks'>) {
  const registryName = dossier.checks.map((c) => c.facts[REGISTRY_NAME_FACT]).find((name) => !!name);
  const name = nameOnResult(dossier.applicantName, registryName);
  return name.applicantSpelling ? { printed: name.printed, declared: name.applicantSpelling } : undefined;
}

export function dossierPage(input: {
  dossier: IDossier;
  definition: ProcedureDefinition;
  tasks: readonly ITask[];
  stepOf: (task: ITask) => TaskStep | undefined;
  /** Every result issued, in order (read-model rows from before several results hold one). */
  results: readonly ResultRecord[];
  events: readonly ITimelineEvent[];
  user: SessionUser;
  calendar: LegalCalendar;
  /** The office's hours with the procedure's cut-off: what the dossier's deadline is counted in. */
  hours: OfficeHours;
  colleagues: readonly IOfficial[];
  state?: DossierFormState;
  now?: Date;
}) {
  const { dossier, definition, user, calendar } = input;
  const state = input.state ?? {};
  const code = encodeURIComponent(dossier.code);
  const notices = [state.error, ...unplacedErrors(state)].filter((m): m is string => !!m);
  const ended = endedWithoutResult(dossier);
  return {
    title: `Hồ sơ ${dossier.code}`,
    backHref: homeOf(user),
    paths: {
      claim: `/ho-so/${code}/nhan`,
      act: `/ho-so/${code}/thao-tac`,
      reassign: `/ho-so/${code}/phan-cong`,
      apology: `/ho-so/${code}/xin-loi`,
    },
    clock: ended && !dossier.apology ? undefined : clockView(dossier, calendar, input.hours, input.now ?? new Date()),
    apologyForm: apologyFormView(dossier, user, calendar, input.hours, state, input.now ?? new Date()),
    notices,
    staleInput: staleInput(state, input.tasks),
    retryHint: state.unconfirmed
      ? 'Thông tin bạn đã nhập được giữ nguyên. Bấm lại nút để gửi lại: thao tác chỉ được thực hiện một lần dù gửi nhiều lần.'
      : undefined,
    dossier: {
      code: dossier.code,
      procedureLine: `${dossier.procedureName} · phiên bản ${dossier.procedureVersion}`,
      status: displayedStatus(dossier),
      statusLabel: portalStatusLabel(displayedStatus(dossier)),
      stepName: dossier.stepName,
      outcomeLabel: dossier.outcome ? OUTCOME_LABELS[dossier.outcome] : undefined,
      submittedAt: dateTimeText(dossier.submittedAt),
      acceptedAt: dateTimeText(dossier.acceptedAt),
      appointmentAt: ended ? undefined : dateTimeText(dossier.appointmentAt),
      completedAt: dateTimeText(dossier.completedAt),
      deadline: dossierDeadline(dossier, calendar, input.now ?? new Date()),
      /** Why no appointment is shown on an ended dossier that had one. */
      endedNote: ended && dossier.appointmentAt ? `Không còn hẹn trả kết quả: ${dossier.outcome ? OUTCOME_LABELS[dossier.outcome].toLowerCase() : portalStatusLabel(dossier.status).toLowerCase()}.` : undefined,
      receiptHref: dossier.acceptedAt && dossier.outcome !== 'refused' ? `/ho-so/${code}/giay-tiep-nhan.pdf` : undefined,
    },
    printedForms: applicableForms(dossier).map((form) => ({ form, name: DOSSIER_FORMS[form].name, href: `/ho-so/${code}/${DOSSIER_FORMS[form].path}` })),
    applicant: formRows(definition, dossier.form),
    nameSpelling: nameSpellingView(dossier),
    checks: dossier.checks.map((c) => ({ ...c, at: dateTimeText(c.at), facts: Object.entries(c.facts) })),
    payment: dossier.payment
      ? {
          amount: formatVnd(dossier.payment.amount),
          statusLabel: PAYMENT_STATUS_LABELS[dossier.payment.status],
          reference: dossier.payment.reference,
          transactionId: dossier.payment.transactionId,
          paidAt: dateTimeText(dossier.payment.paidAt),
          deadlineAt: dossier.payment.status === 'pending' ? dateTimeText(dossier.payment.deadlineAt) : undefined,
        }
      : undefined,
    fees: feeLines(definition.fees, undefined, dossier.form).map((l) => ({
      label: l.label,
      amount: l.exemption ? `Miễn (${l.exemption})` : formatVnd(l.amount),
    })),
    results: input.results.map((r) => ({
      title: r.title,
      number: r.number,
      documentCode: r.documentCode,
      issuedAt: dateTimeText(r.issuedAt),
      href: `/ho-so/${code}/ket-qua/${encodeURIComponent(r.documentCode)}.pdf`,
    })),
    openTasks: input.tasks
      .filter((t) => t.status === 'open')
      .map((task) => openTaskView({ task, step: input.stepOf(task), user, calendar, colleagues: input.colleagues, state })),
    timeline: timelineView(input.events),
  };
}
