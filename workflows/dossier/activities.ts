/** Activity stubs with the timeouts and retry policies each kind of work deserves. */
import { proxyActivities } from '@temporalio/workflow';
import type { DossierActivities } from '../../activities/contract';

/** Database work: quick, retried until PostgreSQL is back. */
export const db = proxyActivities<Pick<DossierActivities, 'projectDossier' | 'planDeadline' | 'notifyApplicant'>>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '500ms', backoffCoefficient: 2, maximumInterval: '30s' },
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
