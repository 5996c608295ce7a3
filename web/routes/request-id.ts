import crypto from 'node:crypto';

/**
 * The id a form carries from render to submit (hidden `requestId`): used as the workflow update
 * id or the submission's idempotency key, so a double click or a resent form acts once.
 */
export function newRequestId(): string {
  return crypto.randomUUID();
}

export function requestIdFrom(body: Record<string, unknown> | undefined): string {
  const id = body?.requestId;
  return typeof id === 'string' && /^[0-9a-f-]{36}$/i.test(id) ? id : newRequestId();
}
