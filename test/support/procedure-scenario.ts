/**
 * Runs a dossier of any procedure through the steps a test lists, as the applicant, the
 * officials and the payment gateway would, then checks where it ended. Procedure tests
 * (procedures/<name>/v<N>.test.ts) are written with it:
 *
 *   const dossier = await runScenario(stack, {
 *     procedure: 'GPLX-DOI',
 *     form: { ... },
 *     steps: [{ task: 'intake', as: 'hn.tiepnhan', action: 'accept' }, { pay: true }, ...],
 *     expect: { status: 10, outcome: 'completed', fee: 135_000 },
 *   });
 */
import type { IDossier } from '../../db/entities';
import type { Outcome } from '../../domain/outcomes';
import { actor, expectDone, openTask, pay, submitTo, updateId, waitForDossier } from './scenario';

export { submitTo } from './scenario';
import { GENERATION, recordingHistories, saveHistory } from './histories';
import type { Stack } from './stack';

export type ScenarioStep =
  /** An official takes the open task of a step and decides. */
  | { task: string; as: string; action: string; reason?: string; inputs?: Record<string, string> }
  /** The applicant pays what is asked, through the payment sandbox. */
  | { pay: true }
  /** The applicant answers the open supplement request with these corrected values. */
  | { supplement: Record<string, string> };

export interface Scenario {
  procedure: string;
  form: Record<string, string>;
  steps: ScenarioStep[];
  expect: {
    status: number;
    outcome?: Outcome;
    /** Amount of the payment request (undefined: nothing was to pay). */
    fee?: number;
    /** The result number's pattern. */
    resultNumber?: RegExp;
    /** Outcome of each registry check by id. */
    checks?: Record<string, 'match' | 'mismatch' | 'error'>;
  };
}

export async function runScenario(stack: Stack, scenario: Scenario): Promise<IDossier> {
  const code = await submitTo(stack, scenario.procedure, scenario.form);
  for (const step of scenario.steps) {
    if ('task' in step) {
      const taskId = await openTask(stack, code, step.task);
      const who = await actor(stack, step.as);
      expectDone(
        await stack.services.actions.complete(
          code,
          { taskId, action: step.action, reason: step.reason, inputs: step.inputs, actor: who },
          updateId(),
        ),
      );
    } else if ('pay' in step) {
      await pay(stack, code);
    } else {
      const d = await waitForDossier(stack, code, (x) => x.status === 5 && !!x.supplement && !x.supplement.answeredAt);
      const round = d.supplement!.round;
      expectDone(await stack.services.actions.submitSupplement(code, { round, form: { ...d.form, ...step.supplement } }, updateId()));
    }
  }
  const done = await waitForDossier(stack, code, (d) => d.completedAt !== null);
  const want = scenario.expect;
  const got = {
    status: done.status,
    outcome: done.outcome ?? undefined,
    fee: done.payment?.amount,
    checks: Object.fromEntries(done.checks.map((c) => [c.id, c.outcome])),
  };
  const expected = {
    status: want.status,
    outcome: want.outcome ?? got.outcome,
    fee: 'fee' in want ? want.fee : got.fee,
    checks: want.checks ? { ...got.checks, ...want.checks } : got.checks,
  };
  expect(got).toEqual(expected);
  if (want.resultNumber) expect(done.result?.number).toMatch(want.resultNumber);
  // `npm run histories:record` keeps the first run of every procedure version for replay.
  if (recordingHistories()) await saveHistory(stack, `${GENERATION}-catalogue-${scenario.procedure}-v${done.procedureVersion}`, code);
  return done;
}
