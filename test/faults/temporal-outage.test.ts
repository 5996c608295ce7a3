/**
 * Nothing becomes visible before it is durable. With officials' decisions in flight, the
 * Temporal server is killed for longer than the web waits for an Update, then started again on
 * its own history. Officials whose decision could not be confirmed are told so and press again
 * (the same update id). Afterwards every dossier has completed, no message was sent and no
 * result number issued for a decision Temporal never recorded, and the read model equals the
 * workflows (the same check `npm run reconcile` runs).
 */
import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { Dossier, Notification, TimelineEvent } from '../../db/entities';
import { freePort } from '../../db/local-postgres';
import { formatDifferences, reconcile } from '../../scripts/lib/reconcile';
import { eventually } from '../support/eventually';
import { actor, openTask, promotionForm, submitTo, waitForDossier } from '../support/scenario';
import { startStack, type Stack } from '../support/stack';
import { temporalProcess, type TemporalProcess } from '../support/temporal-process';

const DOSSIERS = 16;
/** The web's wait for an Update; the outage lasts well beyond it. */
const UPDATE_WAIT = '3s';
const OUTAGE_MS = 12_000;

let dataDir: string;
let temporal: TemporalProcess;
let stack: Stack;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-outage-'));
  temporal = await temporalProcess({ port: await freePort(), dataDir });
  stack = await startStack({ temporalAddress: temporal.address, env: { TEMPORAL_UPDATE_WAIT: UPDATE_WAIT } });
});

afterAll(async () => {
  await stack?.stop();
  await temporal?.kill();
  fs.rmSync(dataDir, { recursive: true, force: true });
});


const PATH = [
  { step: 'intake', as: 'hcm.sct.tiepnhan', action: 'accept' },
  { step: 'review', as: 'hcm.sct.chuyenvien', action: 'propose-confirmation' },
  { step: 'approval', as: 'hcm.sct.lanhdao', action: 'approve' },
];

test('after a Temporal outage longer than the web waits, every dossier completes and the read model equals the workflows', async () => {
  const codes: string[] = [];
  for (let i = 0; i < DOSSIERS; i++) codes.push(await submitTo(stack, 'SCT-KM-DK', promotionForm(i)));
  const officials = Object.fromEntries(await Promise.all(PATH.map(async (p) => [p.as, await actor(stack, p.as)] as const)));

  let decided = 0;
  let inFlight = 0;
  const unconfirmed: { decision: string; answeredInMs: number }[] = [];
  const refused: string[] = [];
  // The specialists start together, so that many decisions are on their way when the plug is pulled.
  let releaseSpecialists!: () => void;
  const specialistsStart = new Promise<void>((resolve) => (releaseSpecialists = resolve));
  /**
   * An official working one dossier: a decision not confirmed is pressed again from the same page
   * (the same task, the same update id) until it is. It may have been recorded all along, and
   * the dossier moved on: Temporal answers the same id with the first answer.
   */
  const work = async (code: string) => {
    for (const { step, as, action } of PATH) {
      if (step === 'review') await specialistsStart;
      const updateId = crypto.randomUUID();
      const taskId = await openTask(stack, code, step, 180_000);
      for (;;) {
        inFlight++;
        const sent = Date.now();
        const outcome = await stack.services.actions.complete(code, { taskId, action, actor: officials[as] }, updateId).finally(() => inFlight--);
        if (outcome.kind === 'done') break;
        if (outcome.kind === 'refused') {
          refused.push(`${code} ${action}: ${outcome.message}`);
          break;
        }
        unconfirmed.push({ decision: `${code} ${action}`, answeredInMs: Date.now() - sent });
        await new Promise((r) => setTimeout(r, 1000));
      }
      decided++;
    }
  };
  const officialsAtWork = Promise.all(codes.map(work));

  // Every dossier waits for its specialist; then they all decide, and the plug is pulled with
  // their decisions on the way, for longer than the web waits.
  const openReviews = () =>
    stack.db.orm.em.getConnection().execute<{ n: string }[]>(
      `select count(*) as n from task t join dossier d on d.id = t.dossier_id where d.code in (?) and t.step_id = 'review' and t.status = 'open'`,
      [codes],
    );
  await eventually(openReviews, (rows) => Number(rows[0].n) === DOSSIERS, 120_000);
  releaseSpecialists();
  while (inFlight < 3) await new Promise((r) => setTimeout(r, 1));
  await temporal.kill();
  await new Promise((r) => setTimeout(r, OUTAGE_MS));
  await temporal.start();

  await officialsAtWork;
  expect(refused).toEqual([]);
  // The outage reached decisions in flight: some were not confirmed at first, and the official
  // was told so within the web's wait (3 s), not when Temporal came back.
  expect(unconfirmed.length).toBeGreaterThan(0);
  expect(Math.max(...unconfirmed.map((u) => u.answeredInMs))).toBeLessThan(5_000);

  for (const code of codes) await waitForDossier(stack, code, (d) => d.completedAt !== null, 120_000);
  const em = stack.db.orm.em.fork();
  const rows = await em.find(Dossier, { code: { $in: codes } });
  expect(rows.map((d) => [d.outcome, d.status])).toEqual(codes.map(() => ['completed', 10]));

  // The read model, the outbox and the numbers equal what the workflows recorded.
  const report = await reconcile({ orm: stack.db.orm, temporal: stack.temporal, workflowIdPrefix: stack.taskQueue, codes });
  expect(formatDifferences(report)).toBe(`${DOSSIERS} dossier(s) checked: the read model matches the workflows.`);

  // Every message in the outbox is one the workflow recorded sending, in its order: none for a lost decision.
  for (const row of rows) {
    const notified = await em.find(TimelineEvent, { dossier: row.id, type: 'notified' }, { orderBy: { seq: 'asc' } });
    const sent = await em.find(Notification, { dossierCode: row.code });
    const byOrdinal = sent.map((n) => n.key.split(':')).map(([, n, template]) => [Number(n), template]).sort((a, b) => Number(a[0]) - Number(b[0]));
    expect(byOrdinal).toEqual(notified.map((e, i) => [i + 1, e.data?.template]));
  }
  // One result number per dossier, for the approval Temporal recorded.
  const numbers = await em.getConnection().execute<{ dossier_code: string }[]>('select dossier_code from issued_number where dossier_code in (?)', [codes]);
  expect(numbers.map((n) => n.dossier_code).sort()).toEqual([...codes].sort());
}, 300_000);
