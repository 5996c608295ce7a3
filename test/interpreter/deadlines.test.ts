/**
 * Deadlines on the time-skipping server: days of a dossier's life pass in milliseconds of a test.
 */
import { engineSample } from '../fixtures/engine-sample';
import { sampleForm, tenDayAppraisal } from './definitions';
import { DAY, definitionOf, type Interpreter, official, PAYMENT_DEADLINE_MS, startInterpreter } from './harness';

let interpreter: Interpreter;
beforeAll(async () => {
  interpreter = await startInterpreter();
});
afterAll(() => interpreter?.stop());

const sample = definitionOf(engineSample);

/** Intake and review done: the dossier waits for its fee (the sample's short path). */
async function atPayment() {
  const dossier = await interpreter.start(sample, sampleForm());
  await dossier.complete('intake', 'accept', official('receiver'));
  await dossier.complete('review', 'propose', official('specialist'));
  return { dossier, payment: await dossier.paymentRequested() };
}

/** Lets time pass until the next Monday, 09:00 in Vietnam (02:00 UTC). */
async function untilMondayMorning(): Promise<Date> {
  const now = await interpreter.now();
  const daysAhead = (8 - now.getUTCDay()) % 7 || 7;
  const monday = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + daysAhead, 2));
  await interpreter.passTime(monday.getTime() - now.getTime());
  return monday;
}

test('cancels an unpaid dossier when the payment deadline passes', async () => {
  expect(PAYMENT_DEADLINE_MS).toBe(3 * DAY);
  const { dossier, payment } = await atPayment();
  const wallClock = Date.now();

  const end = await dossier.outcome();

  expect(Date.now() - wallClock).toBeLessThan(10_000);
  expect([end.outcome, end.status, end.stepId]).toEqual(['cancelled', 8, 'cancelled']);
  expect(end.payment).toMatchObject({ reference: payment.reference, status: 'expired' });
  expect(Date.parse(end.completedAt!)).toBeGreaterThanOrEqual(Date.parse(payment.deadlineAt));
  expect(interpreter.stubs.gateway.request(payment.reference)?.status).toBe('cancelled');
});

test('waits for the fee as long as the deadline allows', async () => {
  const { dossier, payment } = await atPayment();

  await interpreter.passTime(PAYMENT_DEADLINE_MS - 3_600_000);
  expect((await dossier.state()).payment).toMatchObject({ reference: payment.reference, status: 'pending' });

  await dossier.pay();
  const state = await dossier.reaches((s) => s.openTasks.some((t) => t.stepId === 'approval'), 'the approval task');
  expect(state.payment?.status).toBe('paid');
});

test('goes on when the payment reached the gateway just as the deadline passed', async () => {
  const { dossier, payment } = await atPayment();
  // The applicant pays; the gateway's callback is lost. At the deadline the gateway has the last word.
  interpreter.stubs.gateway.pay(payment.reference, payment.deadlineAt);

  await interpreter.passTime(PAYMENT_DEADLINE_MS + 60_000);

  const state = await dossier.reaches((s) => s.openTasks.some((t) => t.stepId === 'approval'), 'the approval task');
  expect(state.payment).toMatchObject({ status: 'paid', transactionId: `GD-${payment.reference}` });
  expect(state.outcome).toBeUndefined();
});

test('a task left for ten working days is still open, due on the tenth working day', async () => {
  const monday = await untilMondayMorning();
  const dossier = await interpreter.start(definitionOf(tenDayAppraisal), sampleForm());
  const task = await dossier.task('appraisal');
  // Counted from the next day: Tuesday to Friday, a week, then Monday is the tenth; 17:00 there.
  expect(task.dueAt).toBe(new Date(monday.getTime() + 14 * DAY + 8 * 3_600_000).toISOString());

  await interpreter.passTime(15 * DAY);

  const state = await dossier.state();
  expect(state.openTasks.map((t) => [t.stepId, t.dueAt])).toEqual([['appraisal', task.dueAt]]);
  expect([state.status, state.outcome]).toEqual([4, undefined]);
  await dossier.complete('appraisal', 'finish', official('specialist'));
  const end = await dossier.outcome();
  expect(Date.parse(end.completedAt!) - monday.getTime()).toBeGreaterThanOrEqual(15 * DAY);
});
