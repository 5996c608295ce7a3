/**
 * The payment gateway's signed callbacks, the protocol both sides implement: the gateway (in
 * development, our sandbox) signs, motcua's callback endpoint verifies.
 *
 *   X-Payment-Timestamp: unix seconds when the attempt was sent
 *   X-Payment-Signature: lowercase hex HMAC-SHA256(secret, `${timestamp}.${rawBody}`)
 *
 * The timestamp is part of the signed text, so a captured callback cannot be sent again under a
 * fresh one; outside the tolerance it is refused. Within it a replay verifies, which is why the
 * receiver must also treat a transaction it already knows as done.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TIMESTAMP_HEADER = 'X-Payment-Timestamp';
export const SIGNATURE_HEADER = 'X-Payment-Signature';

/** Sign the exact bytes sent: re-serialising parsed JSON would not give them back. */
export function signCallback(secret: string, timestamp: number | string, rawBody: string | Buffer): string {
  return createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex');
}

export type CallbackVerification =
  | { ok: true }
  | { ok: false; reason: 'missing-headers' | 'malformed-timestamp' | 'stale-timestamp' | 'future-timestamp' | 'bad-signature' };

export interface VerifyCallbackInput {
  secret: string;
  rawBody: string | Buffer;
  /** Header values as received; absent headers are refused. */
  timestamp: string | undefined;
  signature: string | undefined;
  nowSeconds: number;
  /** Allowed clock difference either way. */
  toleranceSeconds?: number;
}

export function verifyCallback(input: VerifyCallbackInput): CallbackVerification {
  const { timestamp, signature, nowSeconds, toleranceSeconds = 300 } = input;
  if (!timestamp || !signature) return { ok: false, reason: 'missing-headers' };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'malformed-timestamp' };
  const age = nowSeconds - Number(timestamp);
  if (age > toleranceSeconds) return { ok: false, reason: 'stale-timestamp' };
  if (-age > toleranceSeconds) return { ok: false, reason: 'future-timestamp' };
  if (!/^[0-9a-f]{64}$/i.test(signature)) return { ok: false, reason: 'bad-signature' };
  const expected = Buffer.from(signCallback(input.secret, timestamp, input.rawBody), 'hex');
  const given = Buffer.from(signature, 'hex');
  return timingSafeEqual(expected, given) ? { ok: true } : { ok: false, reason: 'bad-signature' };
}
