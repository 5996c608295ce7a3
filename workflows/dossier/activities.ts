/** Activity stubs with the timeouts and retry policies each kind of work deserves. */
import { patched, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { DossierActivities } from '../../activities/contract';

export type LocalWork = Pick<DossierActivities, 'projectDossier' | 'planDeadline' | 'notifyApplicant' | 'findAgency' | 'loadClock'>;

/**
 * Short database reads (deadlines, agencies) run as local activities: in the worker that runs
 * the workflow, without a round trip through the task queue. A local activity runs inside a
 * workflow task that Temporal may never record (an outage), so it must have no effect anyone
 * can see: reads only. Dossiers started before effects waited for durability (projection.ts,
 * legacy mode) also write the read model and the outbox this way, so their histories replay.
 * Retried until PostgreSQL is back.
 */
const local = proxyLocalActivities<LocalWork>({
  startToCloseTimeout: '30s',
  localRetryThreshold: '10s',
  retry: { initialInterval: '200ms', backoffCoefficient: 2, maximumInterval: '30s' },
});

/** Marks histories recorded since local activities run one at a time (older ones replay without). */
export const ONE_LOCAL_ACTIVITY_AT_A_TIME = 'one-local-activity-at-a-time';

/**
 * The local activities of one dossier, one at a time. Two in flight at once (parallel
 * branches, or the projector beside a step) may complete in either order, and the order in
 * which the workflow then schedules its next ones would differ on replay: a non-determinism.
 * One at a time, the order is the order of the calls.
 */
export interface LocalWorkQueue extends LocalWork {
  /** Local activities asked for and not answered yet (the workflow task waits for them). */
  readonly pending: number;
}

export function serialLocalActivities(): LocalWorkQueue {
  let tail: Promise<unknown> = Promise.resolve();
  let pending = 0;
  const settle = () => {
    pending--;
  };
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    pending++;
    const run = patched(ONE_LOCAL_ACTIVITY_AT_A_TIME) ? tail.then(work, work) : work();
    tail = run.catch(() => undefined);
    void run.then(settle, settle);
    return run;
  };
  return {
    get pending() {
      return pending;
    },
    projectDossier: (batch) => serial(() => local.projectDossier(batch)),
    planDeadline: (input) => serial(() => local.planDeadline(input)),
    notifyApplicant: (input) => serial(() => local.notifyApplicant(input)),
    findAgency: (input) => serial(() => local.findAgency(input)),
    loadClock: (input) => serial(() => local.loadClock(input)),
  };
}

/**
 * The read model, the timeline and the outbox, written in one transaction per batch by a regular
 * activity: Temporal schedules it only once the workflow task that made the batch is recorded,
 * so nothing shows, and no message leaves, for a decision that was lost in an outage. Retried
 * quickly and for as long as PostgreSQL is away (a batch is idempotent).
 */
export const readModel = proxyActivities<Pick<DossierActivities, 'projectDossier'>>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '200ms', backoffCoefficient: 2, maximumInterval: '10s' },
});

/**
 * Registry calls: transient failures are retried for as long as it takes; definite answers are
 * not failures. A call takes seconds at most, so an attempt lost with its worker is retried soon.
 */
export const registries = proxyActivities<Pick<DossierActivities, 'runCheck'>>({
  startToCloseTimeout: '15s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' },
});

export const gateway = proxyActivities<Pick<DossierActivities, 'requestPayment' | 'cancelPayment'>>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' },
});

/** Numbering and rendering the result document. */
export const documents = proxyActivities<Pick<DossierActivities, 'issueResult'>>({
  startToCloseTimeout: '2m',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' },
});
