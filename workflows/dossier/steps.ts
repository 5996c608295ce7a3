/**
 * One executor per step kind. Each runs its step and returns the id of the step that follows;
 * the main loop in workflow.ts chains them, and a parallel step chains its branches the same
 * way. Adding a step kind means adding an executor here and its schema in
 * procedures/definition.ts.
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
import type { CheckRecord, CheckResult } from '../messages';
import { documents, gateway, registries } from './activities';
import { type DossierRun, MAIN, nowIso, officialActor, type Place, SYSTEM_ACTOR } from './run';

/** Sends a notification template to the applicant, once per occurrence (the key is deterministic). */
export async function notify(
  run: DossierRun,
  template: string | undefined,
  values: Record<string, string> = {},
  supplementRound?: number,
): Promise<void> {
  if (!template) return;
  const applicant = run.applicant();
  if (!applicant.email && !applicant.phone) return;
  await run.db.notifyApplicant({
    key: run.nextNotificationKey(template),
    dossierCode: run.code,
    to: { name: applicant.name, email: applicant.email, phone: applicant.phone },
    template: run.def.notifications[template],
    values: {
      code: run.code,
      name: applicant.name,
      procedure: run.def.name,
      appointment: run.appointmentAt ? formatVietnameseDate(run.appointmentAt) : '',
      reason: run.lastReason ?? '',
      ...values,
    },
    supplementRound,
  });
  run.record({ type: 'notified', actor: SYSTEM_ACTOR, stepId: run.step.id, data: { template } });
}

/** The processing time that applies to this dossier: a matching rule's, or the default. */
function processingDays(run: DossierRun): number {
  const facts = { form: run.form, checks: run.checkOutcomes() };
  return run.def.processingRules?.find((r) => holds(r.when, facts))?.days ?? run.def.processingDays;
}

/** The agency working a task: the handling agency, or the consulted one of the same place. */
async function taskAgency(run: DossierRun, step: TaskStep): Promise<string> {
  if (!step.agencyKind || step.agencyKind === run.def.agencyKind) return run.input.agency.code;
  const { provinceCode, communeCode } = run.input.agency;
  return (await run.db.findAgency({ kind: step.agencyKind, provinceCode, communeCode })).code;
}

async function runTask(run: DossierRun, step: TaskStep, place: Place): Promise<string> {
  run.enter(step, place);
  const agencyCode = await taskAgency(run, step);
  const due = step.workingDays
    ? await run.db.planDeadline({ from: nowIso(), workingDays: Math.ceil(step.workingDays) })
    : undefined;
  const task = run.openTask(step, agencyCode, place, due?.dueAt);
  await notify(run, step.notify);
  run.settle();

  await condition(() => task.decision !== undefined);
  const decision = task.decision!;
  const action = step.actions.find((a) => a.id === decision.action)!;
  run.closeTask(task, action, decision);
  run.lastReason = decision.reason;
  if (decision.reason) run.handoverNote = `${action.label}: ${decision.reason}`;
  else if (action.next !== step.id) run.handoverNote = `${decision.actor.name}: ${action.label}`;
  if (action.emitsStatus) run.setStatus(action.emitsStatus, officialActor(decision.actor));
  if (action.setsAppointment) {
    const days = processingDays(run);
    const plan = await run.db.planDeadline({ from: nowIso(), workingDays: days });
    run.acceptedAt = nowIso();
    run.appointmentAt = plan.dueAt;
    run.record({
      type: 'appointment',
      actor: officialActor(decision.actor),
      stepId: step.id,
      data: { appointmentAt: plan.dueAt, workingDays: days },
    });
  }
  await notify(run, action.notify);
  return action.next;
}

function failureMessage(error: ActivityFailure): string {
  return error.cause instanceof ApplicationFailure || error.cause instanceof Error ? error.cause.message : error.message;
}

async function runChecks(run: DossierRun, step: CheckStep, place: Place): Promise<string> {
  run.enter(step, place);
  run.settle();
  const results = await Promise.all(
    step.checks.map(async (c): Promise<CheckRecord> => {
      const params = Object.fromEntries(Object.entries(c.input).map(([param, field]) => [param, run.form[field] ?? '']));
      let result: CheckResult;
      try {
        result = await registries.runCheck({ dossierCode: run.code, check: c.check, params, ...(c.params ? { fixed: c.params } : {}) });
      } catch (error) {
        // Transient failures are retried by Temporal; what arrives here is a definite refusal.
        if (!(error instanceof ActivityFailure)) throw error;
        result = { outcome: 'error', summary: `Không đối chiếu được với ${c.label}: ${failureMessage(error)}`, facts: {} };
      }
      return { ...result, id: c.id, check: c.check, label: c.label, at: nowIso() };
    }),
  );
  for (const r of results) {
    run.checks = [...run.checks.filter((c) => c.id !== r.id), r];
    run.record({ type: 'check', actor: SYSTEM_ACTOR, stepId: step.id, note: r.summary, data: { check: r.id, outcome: r.outcome } });
  }
  const problems = results.filter((r) => r.outcome !== 'match');
  if (problems.length === 0) return step.next;
  run.handoverNote = `Kết quả đối chiếu: ${problems.map((p) => p.summary).join('; ')}`;
  run.lastReason = problems.map((p) => p.summary).join('; ');
  return step.onMismatch;
}

function runBranch(run: DossierRun, step: BranchStep, place: Place): string {
  run.enter(step, place);
  const facts = { form: run.form, checks: run.checkOutcomes() };
  return step.cases.find((c) => holds(c.when, facts))?.next ?? step.otherwise;
}

/**
 * Runs the branches at the same time. When all have reached the join, the dossier goes on;
 * when one leaves (an end step, or a step outside the branches), the others are cancelled
 * and their open tasks closed, and the dossier follows the one that left.
 */
async function runParallel(run: DossierRun, step: ParallelStep): Promise<string> {
  run.enter(step);
  let exit: string | undefined;
  const scope = new CancellationScope();
  const branchIds = step.branches.map((b) => b.id);
  const flows = step.branches.map((branch) =>
    scope.run(async () => {
      const place: Place = { branch: branch.id };
      const own = branchSteps(run.def, branch.start, step.next);
      let next = branch.start;
      while (next !== step.next) {
        if (!own.has(next)) {
          exit ??= next;
          scope.cancel();
          return;
        }
        next = (await executeStep(run, run.stepById(next), place))!;
      }
      // Arrived at the join: the dossier rests until the other branches arrive.
      run.settle();
    }),
  );
  const settledFlows = await Promise.allSettled(flows);
  for (const flow of settledFlows) if (flow.status === 'rejected' && !isCancellation(flow.reason)) throw flow.reason;
  run.cancelTasksOf(branchIds);
  return exit ?? step.next;
}

/** Marks histories in which a dossier coming back to a payment step pays only what it still owes. */
export const PAY_ONLY_WHAT_IS_OWED = 'pay-only-what-is-owed';

async function runPayment(run: DossierRun, step: PaymentStep): Promise<string> {
  run.enter(step);
  const due = totalOf(feeLines(run.def.fees, step.fees, run.form));
  // Back at the payment step (returned to intake after paying): ask only for what is still owed.
  const amount = run.paidAmount > 0 && patched(PAY_ONLY_WHAT_IS_OWED) ? Math.max(0, due - run.paidAmount) : due;
  if (amount === 0) return step.next;

  const reference = `${run.code}-TT${++run.paymentRound}`;
  const deadlineAt = new Date(Date.now() + run.input.settings.paymentDeadlineMs).toISOString();
  const request = await gateway.requestPayment({
    dossierCode: run.code,
    reference,
    amount,
    description: `${run.def.name} – hồ sơ ${run.code}`,
    deadlineAt,
  });
  run.payment = { reference, amount, payUrl: request.payUrl, deadlineAt, status: 'pending' };
  run.record({ type: 'payment-requested', actor: SYSTEM_ACTOR, stepId: step.id, data: { reference, amount } });
  await notify(run, step.notify, {
    amount: formatVnd(amount),
    paymentLink: request.payUrl,
    paymentDeadline: formatVietnameseDateTime(deadlineAt),
  });
  run.settle();

  const payment = run.payment;
  if (await condition(() => payment.status === 'paid', run.input.settings.paymentDeadlineMs)) return step.next;

  // Time is up; the gateway has the last word, since a payment may have crossed the cancel.
  const final = await gateway.cancelPayment({ reference });
  if (final.status === 'paid') {
    if (payment.status !== 'paid') {
      Object.assign(payment, { status: 'paid', transactionId: final.transactionId, paidAt: final.paidAt });
      run.paidAmount += amount;
      run.record({
        type: 'payment-received',
        actor: { kind: 'gateway', name: 'Cổng thanh toán' },
        stepId: step.id,
        data: { reference, transactionId: final.transactionId ?? '', amount },
      });
    }
    return step.next;
  }
  payment.status = 'expired';
  run.record({ type: 'payment-expired', actor: SYSTEM_ACTOR, stepId: step.id, data: { reference } });
  return step.onTimeout;
}

async function runSupplement(run: DossierRun, step: SupplementStep): Promise<string> {
  run.enter(step);
  const round = (run.supplement?.round ?? 0) + 1;
  const supplement = { round, reason: run.lastReason ?? '', requestedAt: nowIso() } as NonNullable<DossierRun['supplement']>;
  run.supplement = supplement;
  run.touch();
  await notify(run, step.notify, {}, round);
  run.settle();
  await condition(() => supplement.answeredAt !== undefined);
  run.handoverNote = `Công dân đã bổ sung hồ sơ (lần ${round})`;
  return step.next;
}

async function runIssue(run: DossierRun, step: IssueStep): Promise<string> {
  run.enter(step);
  run.settle();
  const { code, name, provinceCode, communeCode } = run.input.agency;
  run.result = await documents.issueResult({
    dossierCode: run.code,
    procedureCode: run.def.code,
    document: step.document,
    numberingPattern: schemePattern(run.def.numberingSchemes, step.document.numbering),
    agency: { code, name, provinceCode, communeCode },
    form: run.form,
    inputs: run.inputs,
    formFields: run.def.form.fields,
    fee: run.payment?.status === 'paid' ? run.payment.amount : undefined,
    signedBy: run.deciders.get('leader')?.name,
  });
  run.record({
    type: 'result-issued',
    actor: SYSTEM_ACTOR,
    stepId: step.id,
    data: { number: run.result.number, documentCode: run.result.documentCode },
  });
  return step.next;
}

async function runEnd(run: DossierRun, step: EndStep): Promise<undefined> {
  run.enter(step);
  run.outcome = step.outcome;
  run.completedAt = nowIso();
  await notify(run, step.notify, { number: run.result?.number ?? '' });
  run.record({ type: 'finished', actor: SYSTEM_ACTOR, stepId: step.id, status: step.status, data: { outcome: step.outcome } });
  run.settle();
  return undefined;
}

/** A step written in TypeScript by a custom workflow: it gets the run and returns the next step. */
export type CustomHandler = (run: DossierRun, step: CustomStep, place: Place) => Promise<string>;

/** Runs one step; `undefined` means the dossier has ended. */
export async function executeStep(run: DossierRun, step: Step, place: Place = MAIN): Promise<string | undefined> {
  switch (step.kind) {
    case 'task':
      return runTask(run, step, place);
    case 'check':
      return runChecks(run, step, place);
    case 'branch':
      return runBranch(run, step, place);
    case 'parallel':
      return runParallel(run, step);
    case 'payment':
      return runPayment(run, step);
    case 'supplement':
      return runSupplement(run, step);
    case 'issue':
      return runIssue(run, step);
    case 'custom': {
      const handler = run.customHandlers[step.handler];
      // Definitions are checked against the workflow they name; this guards a hand-made input.
      if (!handler) throw ApplicationFailure.nonRetryable(`no handler "${step.handler}" in this workflow`, 'UnknownCustomStep');
      return handler(run, step, place);
    }
    case 'end':
      return runEnd(run, step);
  }
}
