/**
 * Update handlers: how officials, the applicant and the payment gateway act on a dossier.
 * Each validator refuses a request that the current state does not allow, with a Vietnamese
 * reason, before anything reaches history. An accepted update returns once the dossier has
 * settled into its next state and the read model shows it, so the page the user sees next is
 * already up to date.
 */
import { ApplicationFailure, condition, setHandler } from '@temporalio/workflow';
import { lowerFirst } from '../../domain/text';
import { ROLE_LABELS } from '../../domain/roles';
import {
  ACTION_REFUSED,
  type Actor,
  claimTaskUpdate,
  completeTaskUpdate,
  confirmPaymentUpdate,
  dossierStateQuery,
  reassignTaskUpdate,
  submitSupplementUpdate,
  type UpdateResult,
} from '../messages';
import { type DossierRun, nowIso, officialActor, type TaskState } from './run';

const MAX_REASON = 2000;

function refuse(message: string): never {
  throw ApplicationFailure.create({ message, type: ACTION_REFUSED, nonRetryable: true });
}

function openTaskFor(run: DossierRun, taskId: string, actor: Actor): TaskState {
  const task = run.openTaskById(taskId);
  if (task && actor.agencyCode !== task.agencyCode) refuse('Nhiệm vụ không thuộc cơ quan của bạn.');
  if (!task) {
    if (actor.agencyCode !== run.input.agency.code) refuse('Hồ sơ không thuộc cơ quan của bạn.');
    refuse('Nhiệm vụ này không còn chờ xử lý (đã được xử lý hoặc hồ sơ đã chuyển bước).');
  }
  if (task.role !== actor.role) refuse(`Nhiệm vụ này dành cho ${ROLE_LABELS[task.role].toLowerCase()}.`);
  return task;
}

function assertFreeFor(task: TaskState, actor: Actor): void {
  if (task.assignee && task.assignee.id !== actor.id) refuse(`Nhiệm vụ đang do ${task.assignee.name} xử lý.`);
}

/**
 * Waits until the read model has the change; given the rest count from before a decision, first
 * until the main loop has acted on it and rests again.
 */
async function settled(run: DossierRun, restsAfter?: number): Promise<UpdateResult> {
  if (restsAfter !== undefined) await condition(() => run.settledCount > restsAfter);
  const target = run.version;
  await condition(() => run.projectedVersion >= target);
  return { status: run.status, stepId: run.step.id, taskId: run.snapshot().openTasks[0]?.id };
}

export function registerHandlers(run: DossierRun): void {
  setHandler(dossierStateQuery, () => run.snapshot());

  setHandler(
    claimTaskUpdate,
    async ({ taskId, actor }) => {
      const task = run.openTaskById(taskId)!;
      if (task.assignee?.id !== actor.id) {
        run.assign(task, actor);
        run.record({ type: 'claimed', actor: officialActor(actor), stepId: task.stepId, taskId });
      }
      return settled(run);
    },
    {
      validator: ({ taskId, actor }) => assertFreeFor(openTaskFor(run, taskId, actor), actor),
    },
  );

  setHandler(
    completeTaskUpdate,
    async ({ taskId, action, reason, inputs, actor }) => {
      const task = run.openTaskById(taskId)!;
      const mark = run.settledCount;
      if (!task.assignee) run.assign(task, actor);
      const trimmed = reason?.trim() || undefined;
      task.decision = { action, reason: trimmed, inputs, actor };
      const step = run.stepById(task.stepId);
      const label = step.kind === 'task' ? step.actions.find((a) => a.id === action)?.label : action;
      run.record({ type: 'action', actor: officialActor(actor), stepId: task.stepId, taskId, note: trimmed, data: { action, label: label ?? action } });
      return settled(run, mark);
    },
    {
      validator: ({ taskId, action, reason, inputs, actor }) => {
        const task = openTaskFor(run, taskId, actor);
        assertFreeFor(task, actor);
        if (task.decision) refuse('Nhiệm vụ này đã được xử lý.');
        const step = run.stepById(task.stepId);
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
    async ({ taskId, to, actor }) => {
      const task = run.openTaskById(taskId)!;
      const from = task.assignee?.name;
      run.assign(task, to);
      run.record({
        type: 'reassigned',
        actor: officialActor(actor),
        stepId: task.stepId,
        taskId,
        note: from ? `${from} → ${to.name}` : `→ ${to.name}`,
        data: { to: to.id },
      });
      return settled(run);
    },
    {
      validator: ({ taskId, to, actor }) => {
        if (actor.role !== 'supervisor') refuse('Chỉ cán bộ giám sát được phân công lại nhiệm vụ.');
        const task = run.openTaskById(taskId);
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
      const step = run.step;
      const editable = step.kind === 'supplement' && step.editableFields ? step.editableFields : Object.keys(run.form);
      for (const [name, value] of Object.entries(form)) if (editable.includes(name)) run.form[name] = value;
      const mark = run.settledCount;
      run.supplement!.answeredAt = nowIso();
      run.record({
        type: 'supplement-received',
        actor: { kind: 'applicant', name: run.applicant().name },
        stepId: step.id,
        note: note?.trim() || undefined,
        data: { round: run.supplement!.round },
      });
      return settled(run, mark);
    },
    {
      validator: ({ round }) => {
        if (run.step.kind !== 'supplement' || !run.supplement || run.supplement.answeredAt)
          refuse('Hồ sơ không ở trạng thái chờ bổ sung.');
        if (run.supplement.round !== round) refuse('Yêu cầu bổ sung này đã hết hiệu lực.');
      },
    },
  );

  setHandler(
    confirmPaymentUpdate,
    async ({ transactionId, paidAt }) => {
      const payment = run.payment!;
      if (payment.status === 'paid') return settled(run); // the same callback again
      const mark = run.settledCount;
      Object.assign(payment, { status: 'paid', transactionId, paidAt });
      run.paidAmount += payment.amount;
      run.record({
        type: 'payment-received',
        actor: { kind: 'gateway', name: 'Cổng thanh toán' },
        stepId: run.step.id,
        data: { reference: payment.reference, transactionId, amount: payment.amount },
      });
      return settled(run, mark);
    },
    {
      validator: ({ reference, transactionId, amount }) => {
        const payment = run.payment;
        if (!payment || payment.reference !== reference) refuse('Không có yêu cầu thanh toán này cho hồ sơ.');
        if (payment.status === 'paid' && payment.transactionId !== transactionId)
          refuse('Hồ sơ đã được thanh toán bằng một giao dịch khác.');
        if (payment.status === 'expired') refuse('Yêu cầu thanh toán đã hết hạn.');
        if (amount !== payment.amount) refuse(`Số tiền ${amount} không khớp với số phải nộp ${payment.amount}.`);
      },
    },
  );
}
