/** Activity stubs with the timeouts and retry policies each kind of work deserves. */
import { patched, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { DossierActivities } from '../../activities/contract';

type LocalWork = Pick<DossierActivities, 'projectDossier' | 'planDeadline' | 'notifyApplicant' | 'findAgency'>;

/**
 * Short database writes and reads (read model, deadlines, outbox) run as local activities: in
 * the worker that runs the workflow, without a round trip through the task queue, which halves
 * the time an official waits for a decision to show. Retried until PostgreSQL is back.
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
export function serialLocalActivities(): LocalWork {
  let tail: Promise<unknown> = Promise.resolve();
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    if (!patched(ONE_LOCAL_ACTIVITY_AT_A_TIME)) return work();
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
  return {
    projectDossier: (batch) => serial(() => local.projectDossier(batch)),
    planDeadline: (input) => serial(() => local.planDeadline(input)),
    notifyApplicant: (input) => serial(() => local.notifyApplicant(input)),
    findAgency: (input) => serial(() => local.findAgency(input)),
  };
}

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
