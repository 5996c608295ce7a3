import crypto from 'node:crypto';

/**
 * The id a form carries from render to submit (hidden `requestId`): used as the workflow update
 * id or the submission's idempotency key, so a double click or a resent form acts once. Schemas
 * read it with `requestIdField` (web/validation.ts).
 */
export function newRequestId(): string {
  return crypto.randomUUID();
}
