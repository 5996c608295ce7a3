/**
 * One executor per step kind. Each runs its step and returns the id of the step that follows;
 * the main loop in workflow.ts chains them, and a parallel step chains its branches the same
 * way. Executors change the dossier only through its state's methods (state.ts). Adding a step
 * kind means adding an executor here and its schema in engine/definition.ts.
 *
 * Replay: dossiers started before a change must replay their recorded histories, so the order
 * of activity calls and of the resting points here only changes behind `patched()`.
 */
import { ActivityFailure, ApplicationFailure, CancellationScope, condition, isCancellation, patched } from '@temporalio/workflow';
import { formatVnd } from '../../domain/money';
import { formatVietnameseDate, formatVietnameseDateTime } from '../../domain/vietnam-time';
import { holds } from '../../engine/conditions';
import type {
  BranchStep,
  CheckStep,
  CustomStep,
  EndStep,
  IssueStep,
  ParallelStep,
  PaymentStep,
  Step,
  SupplementStep,
  TaskStep,
} from '../../engine/definition';
import { feeLines, totalOf } from '../../engine/fees';
import { branchSteps } from '../../engine/graph';
import { schemePattern } from '../../engine/numbering';
import type { CheckRecord, CheckResult, OutboxMessage } from '../messages';
import { ENGINE_NOTIFICATIONS } from '../../engine/notification-defaults';
import { processingLimit, stepLimit } from '../../engine/time-limits';
import { documents, gateway, registries } from './activities';
import { nowIso } from './clock';
import { customStepContext } from './custom-step';
import { awaitDecision } from './deadlines';
import type { Run } from './run';
import { type DossierState, type Flow, officialActor } from './state';

export type { Run } from './run';

/** Sends a notification template to the applicant, once per occurrence (the key is deterministic). */
export async function notify(
  run: Run,
  flow: Flow,
  template: string | undefined,
  values: Record<string, string> = {},
  supplementRound?: number,
): Promise<void> {
  if (!template) return;
  const { state, log } = run;
  const applicant = state.applicant();
  const text = state.def.notifications[template] ?? ENGINE_NOTIFICATIONS[template];
  if (!text || (!applicant.email && !applicant.phone)) return;
  const message: OutboxMessage = {
    key: log.nextMessageKey(template),
    to: { name: applicant.name, email: applicant.email, phone: applicant.phone },
    template: text,
    values: {
      code: state.code,
      name: applicant.name,
      procedure: state.def.name,
      appointment: state.appointmentAt ? formatVietnameseDate(state.appointmentAt) : '',
      reason: flow.lastReason ?? '',
      ...values,
    },
    supplementRound,
  };
  // Durable: written with the next batch, after Temporal has recorded what caused it.
  if (log.durable) log.message(message);
  else await run.db.notifyApplicant({ ...message, dossierCode: state.code });
  state.notified(template);
}

/** The agency working a task: the handling agency, or the consulted one of the same place. */
async function taskAgency(run: Run, step: TaskStep): Promise<string> {
  const { state } = run;
  if (!step.agencyKind || step.agencyKind === state.def.agencyKind) return state.input.agency.code;
  const { provinceCode, communeCode } = state.input.agency;
  return (await run.db.findAgency({ kind: step.agencyKind, provinceCode, communeCode })).code;
}

async function runTask(run: Run, step: TaskStep, flow: Flow): Promise<string> {
  const { state, log } = run;
  state.enter(step, flow);
  const agencyCode = await taskAgency(run, step);
  const time = run.clock.time;
  const limit = stepLimit(step);
  let dueAt: string | undefined;
  // On the legal clock the workflow counts itself; older dossiers asked an activity (working days only).
  if (time) dueAt = limit && time.dueFrom(nowIso(), limit);
  // (`?.`: histories recorded before replay the planner's answer as they recorded it, possibly empty.)
  else if (step.workingDays) dueAt = (await run.db.planDeadline({ from: nowIso(), workingDays: Math.ceil(step.workingDays) }))?.dueAt;
  const task = state.openTask(step, agencyCode, flow, dueAt, time ? limit : undefined);
  await notify(run, flow, step.notify);
  log.rest();

  // Older dossiers wait as they always did: an extra async layer here would reorder their
  // local activities on replay (the projector's would run before this step's next one).
  if (time) await awaitDecision(run, task, step.remindBefore);
  else await condition(() => task.decision !== undefined);
  const decision = task.decision!;
  const action = step.actions.find((a) => a.id === decision.action)!;
  state.completeTask(task, action);
  flow.giveReason(decision.reason);
  if (decision.reason) flow.handOver(`${action.label}: ${decision.reason}`);
  else if (action.next !== step.id) flow.handOver(`${decision.actor.name}: ${action.label}`);
  if (action.emitsStatus) state.setStatus(action.emitsStatus, officialActor(decision.actor));
  if (action.setsAppointment) {
    const limit = processingLimit(state.def, state.facts());
    if (time) {
      state.accept(time.dueFrom(nowIso(), limit), limit, decision.actor, step.id, { calendarVersion: time.version });
      run.clock.touch();
    } else {
      const plan = await run.db.planDeadline({ from: nowIso(), workingDays: limit.amount });
      state.accept(plan?.dueAt, limit, decision.actor, step.id);
    }
  }
  await notify(run, flow, action.notify);
  return action.next;
}

function failureMessage(error: ActivityFailure): string {
  return error.cause instanceof ApplicationFailure || error.cause instanceof Error ? error.cause.message : error.message;
}

async function runChecks(run: Run, step: CheckStep, flow: Flow): Promise<string> {
  const { state, log } = run;
  state.enter(step, flow);
  log.rest();
  const results = await Promise.all(
    step.checks.map(async (c): Promise<CheckRecord> => {
      const params = Object.fromEntries(Object.entries(c.input).map(([param, field]) => [param, state.form[field] ?? '']));
      let result: CheckResult;
      try {
        result = await registries.runCheck({ dossierCode: state.code, check: c.check, params, ...(c.params ? { fixed: c.params } : {}) });
      } catch (error) {
        // Transient failures are retried by Temporal; what arrives here is a definite refusal.
        if (!(error instanceof ActivityFailure)) throw error;
        result = { outcome: 'error', summary: `Không đối chiếu được với ${c.label}: ${failureMessage(error)}`, facts: {} };
      }
      return { ...result, id: c.id, check: c.check, label: c.label, at: nowIso() };
    }),
  );
  for (const record of results) state.recordCheck(step.id, record);
  const problems = results.filter((r) => r.outcome !== 'match');
  if (problems.length === 0) return step.next;
  const summary = problems.map((p) => p.summary).join('; ');
  flow.handOver(`Kết quả đối chiếu: ${summary}`);
  flow.giveReason(summary);
  return step.onMismatch;
}

function runBranch(run: Run, step: BranchStep, flow: Flow): string {
  const { state } = run;
  state.enter(step, flow);
  return step.cases.find((c) => holds(c.when, state.facts()))?.next ?? step.otherwise;
}

/**
 * Runs the branches at the same time, each a flow with its own notes. When all have reached the
 * join, the dossier goes on; when one leaves (an end step, or a step outside the branches), the
 * others are cancelled and their open tasks closed, and the dossier follows the one that left.
 */
async function runParallel(run: Run, step: ParallelStep, flow: Flow): Promise<string> {
  const { state, log } = run;
  state.enter(step, flow);
  let exit: { step: string; flow: Flow } | undefined;
  const scope = new CancellationScope();
  const branchFlows = step.branches.map((b) => flow.branchOff(b.id, b.name));
  const flows = step.branches.map((branch, i) =>
    scope.run(async () => {
      const own = branchSteps(state.def, branch.start, step.next);
      let next = branch.start;
      while (next !== step.next) {
        if (!own.has(next)) {
          exit ??= { step: next, flow: branchFlows[i] };
          scope.cancel();
          return;
        }
        next = (await executeStep(run, state.stepById(next), branchFlows[i]))!;
      }
      // Arrived at the join: the dossier rests until the other branches arrive.
      log.rest();
    }),
  );
  const settledFlows = await Promise.allSettled(flows);
  for (const result of settledFlows) if (result.status === 'rejected' && !isCancellation(result.reason)) throw result.reason;
  state.cancelTasksOf(step.branches.map((b) => b.id));
  flow.join(branchFlows, exit?.flow);
  return exit?.step ?? step.next;
}

/** Marks histories in which a dossier coming back to a payment step pays only what it still owes. */
export const PAY_ONLY_WHAT_IS_OWED = 'pay-only-what-is-owed';

async function runPayment(run: Run, step: PaymentStep, flow: Flow): Promise<string> {
  const { state, log } = run;
  state.enter(step, flow);
  const due = totalOf(feeLines(state.def.fees, step.fees, state.form));
  // Back at the payment step (returned to intake after paying): ask only for what is still owed.
  const amount = state.paidAmount > 0 && patched(PAY_ONLY_WHAT_IS_OWED) ? Math.max(0, due - state.paidAmount) : due;
  if (amount === 0) return step.next;

  const reference = state.nextPaymentReference();
  const deadlineMs = state.input.settings.paymentDeadlineMs;
  const deadlineAt = new Date(Date.now() + deadlineMs).toISOString();
  const request = await gateway.requestPayment({
    dossierCode: state.code,
    reference,
    amount,
    description: `${state.def.name} – hồ sơ ${state.code}`,
    deadlineAt,
  });
  state.requestPayment(step.id, { reference, amount, payUrl: request.payUrl, deadlineAt });
  await notify(run, flow, step.notify, {
    amount: formatVnd(amount),
    paymentLink: request.payUrl,
    paymentDeadline: formatVietnameseDateTime(deadlineAt),
  });
  const paused = step.pausesClock === true && pauseClock(run, step.id, 'Chờ công dân nộp phí, lệ phí');
  log.rest();

  const paid = await condition(() => state.payment?.status === 'paid', deadlineMs);
  if (paused) await resumeClock(run, flow, step.id);
  if (paid) return step.next;

  // Time is up; the gateway has the last word, since a payment may have crossed the cancel.
  const final = await gateway.cancelPayment({ reference });
  if (final.status === 'paid') {
    state.receivePayment({ transactionId: final.transactionId ?? '', paidAt: final.paidAt }, step.id);
    return step.next;
  }
  state.expirePayment(step.id);
  return step.onTimeout;
}

/** On the legal clock, an accepted dossier's time stands still while it waits for the applicant. */
function pauseClock(run: Run, stepId: string, reason: string): boolean {
  if (!run.clock.time || !run.state.clock) return false;
  run.state.pauseClock(reason, stepId);
  run.clock.touch();
  return true;
}

/** The applicant answered: the clock runs again and the appointment moves by the working time it stood still. */
async function resumeClock(run: Run, flow: Flow, stepId: string): Promise<void> {
  const { state } = run;
  const time = run.clock.time!;
  const clock = state.clock!;
  const apology = clock.apology && { at: clock.apology.at, dueAt: clock.apology.newAppointmentAt };
  const due = time.deadline({ receivedAt: clock.startedAt, limit: clock.limit, pauses: clock.pauses, appointment: apology }, nowIso()).dueAt;
  const before = state.appointmentAt;
  state.resumeClock(due, stepId);
  run.clock.touch();
  if (state.appointmentAt !== before) await notify(run, flow, 'appointment-moved');
}

async function runSupplement(run: Run, step: SupplementStep, flow: Flow): Promise<string> {
  const { state, log } = run;
  state.enter(step, flow);
  const round = state.requestSupplement(flow.lastReason ?? '');
  const paused = step.pausesClock !== false && pauseClock(run, step.id, 'Chờ công dân bổ sung hồ sơ');
  await notify(run, flow, step.notify, {}, round);
  log.rest();
  await condition(() => state.supplement?.answeredAt !== undefined);
  if (paused) await resumeClock(run, flow, step.id);
  flow.handOver(`Công dân đã bổ sung hồ sơ (lần ${round})`);
  return step.next;
}

/** Each issue step of a definition has its own result code: `<dossier>-KQ1`, `-KQ2`, … in definition order. */
export function resultCodeOf(state: DossierState, step: IssueStep): string {
  const ordinal = state.def.steps.filter((s) => s.kind === 'issue').findIndex((s) => s.id === step.id) + 1;
  return `${state.code}-KQ${ordinal}`;
}

async function runIssue(run: Run, step: IssueStep, flow: Flow): Promise<string> {
  const { state, log } = run;
  state.enter(step, flow);
  log.rest();
  const { code, name, provinceCode, communeCode } = state.input.agency;
  const payment = state.payment;
  const result = await documents.issueResult({
    dossierCode: state.code,
    documentCode: resultCodeOf(state, step),
    procedureCode: state.def.code,
    document: step.document,
    numberingPattern: schemePattern(state.def.numberingSchemes, step.document.numbering),
    agency: { code, name, provinceCode, communeCode },
    form: state.form,
    inputs: state.inputs,
    formFields: state.def.form.fields,
    fee: payment?.status === 'paid' ? payment.amount : undefined,
    signedBy: state.decider('leader')?.name,
  });
  state.issueResult(step.id, result);
  return step.next;
}

async function runEnd(run: Run, step: EndStep, flow: Flow): Promise<undefined> {
  const { state, log } = run;
  state.enter(step, flow);
  state.conclude(step);
  await notify(run, flow, step.notify, { number: state.results.map((r) => r.number).join(', ') });
  state.recordFinished(step);
  log.rest();
  return undefined;
}

async function runCustom(run: Run, step: CustomStep, flow: Flow): Promise<string> {
  const handler = run.customSteps[step.handler];
  // Definitions are checked against the workflow they name; this guards a hand-made input.
  if (!handler) throw ApplicationFailure.nonRetryable(`no handler "${step.handler}" in this workflow`, 'UnknownCustomStep');
  run.state.enter(step, flow);
  // The step works without anyone: the dossier rests meanwhile, as it does during registry checks.
  run.log.rest();
  await handler(customStepContext(run.state, step, flow));
  return step.next;
}

/** Runs one step; `undefined` means the dossier has ended. */
export async function executeStep(run: Run, step: Step, flow: Flow): Promise<string | undefined> {
  switch (step.kind) {
    case 'task':
      return runTask(run, step, flow);
    case 'check':
      return runChecks(run, step, flow);
    case 'branch':
      return runBranch(run, step, flow);
    case 'parallel':
      return runParallel(run, step, flow);
    case 'payment':
      return runPayment(run, step, flow);
    case 'supplement':
      return runSupplement(run, step, flow);
    case 'issue':
      return runIssue(run, step, flow);
    case 'custom':
      return runCustom(run, step, flow);
    case 'end':
      return runEnd(run, step, flow);
  }
}
