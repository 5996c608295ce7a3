/** Activity stubs with the timeouts and retry policies each kind of work deserves. */
import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { DossierActivities } from '../../activities/contract';

/**
 * Short database writes and reads (read model, deadlines, outbox) run as local activities: in
 * the worker that runs the workflow, without a round trip through the task queue, which halves
 * the time an official waits for a decision to show. Retried until PostgreSQL is back.
 */
export const db = proxyLocalActivities<Pick<DossierActivities, 'projectDossier' | 'planDeadline' | 'notifyApplicant' | 'findAgency'>>({
  startToCloseTimeout: '30s',
  localRetryThreshold: '10s',
  retry: { initialInterval: '200ms', backoffCoefficient: 2, maximumInterval: '30s' },
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
