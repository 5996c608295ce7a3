import type { ActionOutcome } from '../services/dossier-actions';

/**
 * The HTTP status of an action that did not go through: 409 when the workflow refused it (the
 * reason says why), 503 when it could not be confirmed (timed out, or Temporal unreachable): the
 * page then keeps what was entered and the same request id, so sending it again is safe.
 */
export function statusOf(outcome: Exclude<ActionOutcome, { kind: 'done' }>): 409 | 503 {
  return outcome.kind === 'refused' ? 409 : 503;
}
