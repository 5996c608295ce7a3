/**
 * Update handlers: how officials, the applicant and the payment gateway act on a dossier.
 * Each validator refuses a request that the current state does not allow, with a Vietnamese
 * reason, before anything reaches history; each handler calls the state's method for what
 * happened. An accepted update returns once the dossier has settled into its next state (and,
 * for dossiers started before effects waited for durability, once the read model shows it).
 */
import { ApplicationFailure, condition, setHandler } from '@temporalio/workflow';
import { closingOf } from '../../domain/legal-clock';
import { ROLE_LABELS } from '../../domain/roles';
import { lowerFirst } from '../../domain/text';
import { formatVietnameseDate, formatVietnameseDateTime, localIsoDate } from '../../domain/vietnam-time';
import { isWorkingDay } from '../../domain/working-days';
import {
  ACTION_REFUSED,
  type Actor,
  apologiseUpdate,
  calendarChangedSignal,
  claimTaskUpdate,
  completeTaskUpdate,
  confirmPaymentUpdate,
  dossierStateQuery,
  reassignTaskUpdate,
  submitSupplementUpdate,
  type UpdateResult,
} from '../messages';
import { nowIso } from './clock';
import type { Run } from './run';
import type { DossierState, TaskState } from './state';
import { notify } from './steps';

const MAX_REASON = 2000;

function refuse(message: string): never {
  throw ApplicationFailure.create({ message, type: ACTION_REFUSED, nonRetryable: true });
}

function openTaskFor(state: DossierState, taskId: string, actor: Actor): TaskState {
  const task = state.openTaskById(taskId);
  if (task && actor.agencyCode !== task.agencyCode) refuse('Nhiệm vụ không thuộc cơ quan của bạn.');
  if (!task) {
    if (actor.agencyCode !== state.input.agency.code) refuse('Hồ sơ không thuộc cơ quan của bạn.');
    refuse('Nhiệm vụ này không còn chờ xử lý (đã được xử lý hoặc hồ sơ đã chuyển bước).');
  }
  if (task.role !== actor.role) refuse(`Nhiệm vụ này dành cho ${ROLE_LABELS[task.role].toLowerCase()}.`);
  return task;
}

function assertFreeFor(task: TaskState, actor: Actor): void {
  if (task.assignee && task.assignee.id !== actor.id) refuse(`Nhiệm vụ đang do ${task.assignee.name} xử lý.`);
}

/**
 * Waits until the main loop has acted on the update and rests again (given the rest count from
 * before it); for legacy dossiers, also until the read model has the change.
 */
async function settled({ state, log }: Run, restsAfter?: number): Promise<UpdateResult> {
  if (restsAfter !== undefined) await condition(() => log.restCount > restsAfter);
  const target = log.version;
  log.show();
  if (!log.durable) await condition(() => log.projectedVersion >= target);
  return { status: state.status, stepId: state.step.id, taskId: state.firstOpenTaskId(), version: target };
}

export function registerHandlers(run: Run): void {
  const { state, log } = run;
  setHandler(dossierStateQuery, () => state.snapshot());

  // Older dossiers do not run on the legal clock: a calendar change leaves them as they were.
  setHandler(calendarChangedSignal, ({ reason }) => {
    if (run.clock.enabled) run.clock.pendingCalendarChange = reason;
  });

  setHandler(
    apologiseUpdate,
    async ({ reason, newAppointmentAt, actor }) => {
      const time = run.clock.time!;
      const previous = state.appointmentAt!;
      // The new appointment is the end of its day in the office's hours.
      const due = closingOf(localIsoDate(new Date(newAppointmentAt)), time.hours).toISOString();
      state.apologise({ at: nowIso(), reason: reason.trim(), previousAppointmentAt: previous, newAppointmentAt: due, by: { id: actor.id, name: actor.name } }, actor);
      run.clock.touch();
      await notify(run, run.main, 'apology', { reason: reason.trim() });
      return settled(run);
    },
    {
      validator: ({ reason, newAppointmentAt, actor }) => {
        if (actor.role !== 'leader' && actor.role !== 'supervisor') refuse('Chỉ lãnh đạo hoặc cán bộ giám sát được gửi thư xin lỗi và hẹn lại ngày trả kết quả.');
        if (actor.agencyCode !== state.input.agency.code) refuse('Hồ sơ không thuộc cơ quan của bạn.');
        const time = run.clock.time;
        const clock = state.clock;
        if (!time || !clock || !state.appointmentAt) refuse('Hồ sơ chưa có ngày hẹn trả kết quả.');
        if (state.isFinished()) refuse('Hồ sơ đã kết thúc xử lý.');
        if (clock.apology) refuse(`Hồ sơ đã được hẹn lại một lần (thư xin lỗi ngày ${formatVietnameseDateTime(clock.apology.at)}); chỉ được hẹn lại một lần.`);
        if (!reason?.trim()) refuse('Vui lòng nêu lý do chậm giải quyết.');
        if (reason.length > MAX_REASON) refuse(`Lý do không được dài quá ${MAX_REASON} ký tự.`);
        const lastMoment = time.lastApologyAt(state.appointmentAt);
        if (new Date().toISOString() > lastMoment)
          refuse(`Thư xin lỗi phải gửi chậm nhất 01 ngày làm việc trước ngày hẹn (${formatVietnameseDateTime(state.appointmentAt)}), tức trước ${formatVietnameseDateTime(lastMoment)}.`);
        const asked = Date.parse(newAppointmentAt);
        if (Number.isNaN(asked)) refuse('Ngày hẹn mới không hợp lệ.');
        const day = localIsoDate(new Date(asked));
        if (day <= localIsoDate(new Date(state.appointmentAt)))
          refuse(`Ngày hẹn mới phải sau ngày hẹn hiện tại (${formatVietnameseDateTime(state.appointmentAt)}).`);
        if (!isWorkingDay(day, time.calendar)) refuse(`Ngày hẹn mới (${formatVietnameseDate(day)}) là ngày nghỉ; vui lòng chọn một ngày làm việc.`);
      },
    },
  );

  setHandler(
    claimTaskUpdate,
    async ({ taskId, actor }) => {
      state.claim(state.openTaskById(taskId)!, actor);
      return settled(run);
    },
    {
      validator: ({ taskId, actor }) => assertFreeFor(openTaskFor(state, taskId, actor), actor),
    },
  );

  setHandler(
    completeTaskUpdate,
    async ({ taskId, action, reason, inputs, actor }) => {
      const task = state.openTaskById(taskId)!;
      const mark = log.restCount;
      const step = state.stepById(task.stepId);
      const label = step.kind === 'task' ? step.actions.find((a) => a.id === action)?.label : undefined;
      state.decide(task, { action, reason: reason?.trim() || undefined, inputs, actor }, label ?? action);
      return settled(run, mark);
    },
    {
      validator: ({ taskId, action, reason, inputs, actor }) => {
        const task = openTaskFor(state, taskId, actor);
        assertFreeFor(task, actor);
        if (task.decision) refuse('Nhiệm vụ này đã được xử lý.');
        const step = state.stepById(task.stepId);
        const definition = step.kind === 'task' ? step.actions.find((a) => a.id === action) : undefined;
        if (!definition) refuse(`Thao tác "${action}" không có ở bước ${step.name}.`);
        if (definition.requires.includes('reason') && !reason?.trim()) refuse(`Vui lòng nhập lý do để "${definition.label}".`);
        if (reason && reason.length > MAX_REASON) refuse(`Lý do không được dài quá ${MAX_REASON} ký tự.`);
        for (const field of definition.inputs ?? []) {
          if (field.required && !inputs?.[field.name]?.trim()) refuse(`Vui lòng nhập ${lowerFirst(field.label)}.`);
        }
      },
    },
  );

  setHandler(
    reassignTaskUpdate,
    async ({ taskId, to, actor, reason }) => {
      const task = state.openTaskById(taskId)!;
      state.reassign(task, to, actor, reason?.trim() || undefined);
      // The official (or the group) who now holds the task finds it in their inbox.
      log.officialMessage({
        agencyCode: task.agencyCode,
        ...(to.kind === 'group' ? { role: task.role, department: to.group } : { officialId: to.id }),
        taskKey: task.id,
        kind: 'reassigned',
        text: `Hồ sơ ${state.code} – ${task.name} được giao cho ${to.kind === 'group' ? to.group : 'bạn'}${reason?.trim() ? `: ${reason.trim()}` : ''}.`,
      });
      return settled(run);
    },
    {
      validator: ({ taskId, to, actor }) => {
        const task = state.openTaskById(taskId);
        // Release (issue 9): the official holding a task gives it back to a group, the same move a
        // supervisor makes. Validators do not run on replay and a refused Update leaves no history,
        // so this widens what is accepted without changing any recorded run.
        const release = to.kind === 'group' && !!task && !task.decision && task.assignee?.id === actor.id;
        if (actor.role !== 'supervisor' && !release) refuse('Chỉ cán bộ giám sát được phân công lại nhiệm vụ.');
        if (!task) refuse('Nhiệm vụ này không còn chờ xử lý.');
        if (actor.agencyCode !== task.agencyCode || to.agencyCode !== task.agencyCode)
          refuse('Nhiệm vụ không thuộc cơ quan của bạn.');
        if (to.role !== task.role) refuse(`Nhiệm vụ này chỉ giao được cho ${ROLE_LABELS[task.role].toLowerCase()}.`);
        if (task.decision) refuse('Nhiệm vụ này đã được xử lý.');
      },
    },
  );

  setHandler(
    submitSupplementUpdate,
    async ({ form, note }) => {
      const mark = log.restCount;
      state.receiveSupplement(form, note?.trim() || undefined);
      return settled(run, mark);
    },
    {
      validator: ({ round, form }) => {
        const supplement = state.supplement;
        if (state.step.kind !== 'supplement' || !supplement || supplement.answeredAt) refuse('Hồ sơ không ở trạng thái chờ bổ sung.');
        if (supplement.round !== round) refuse('Yêu cầu bổ sung này đã hết hiệu lực.');
        // A change the step does not allow is refused, never dropped without a word.
        const editable = state.editableFields();
        const locked = Object.entries(form)
          .filter(([name, value]) => !editable.includes(name) && value !== (state.form[name] ?? ''))
          .map(([name]) => state.def.form.fields.find((f) => f.name === name)?.label ?? name);
        if (locked.length) refuse(`Lần bổ sung này không cho sửa: ${locked.join(', ')}.`);
      },
    },
  );

  setHandler(
    confirmPaymentUpdate,
    async ({ transactionId, paidAt }) => {
      if (state.payment?.status === 'paid') return settled(run); // the same callback again
      const mark = log.restCount;
      state.receivePayment({ transactionId, paidAt }, state.step.id);
      return settled(run, mark);
    },
    {
      validator: ({ reference, transactionId, amount }) => {
        const payment = state.payment;
        if (!payment || payment.reference !== reference) refuse('Không có yêu cầu thanh toán này cho hồ sơ.');
        if (payment.status === 'paid' && payment.transactionId !== transactionId)
          refuse('Hồ sơ đã được thanh toán bằng một giao dịch khác.');
        if (payment.status === 'expired') refuse('Yêu cầu thanh toán đã hết hạn.');
        if (amount !== payment.amount) refuse(`Số tiền ${amount} không khớp với số phải nộp ${payment.amount}.`);
      },
    },
  );
}
