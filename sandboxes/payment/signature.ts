/**
 * The gateway's side of the signed-callback protocol, written apart from motcua's verifier
 * (web/payments/callback-signature.ts) on purpose: if both sides shared one module, a bug in
 * the protocol would pass on both sides unnoticed. Both are tested against the same published
 * test vector (test/sandboxes/payment.test.ts, test/web/callback-signature.test.ts).
 *
 *   X-Payment-Timestamp: unix seconds when the attempt was sent
 *   X-Payment-Signature: lowercase hex HMAC-SHA256(secret, `${timestamp}.${rawBody}`)
 */
import crypto from 'node:crypto';

export const TIMESTAMP_HEADER = 'X-Payment-Timestamp';
export const SIGNATURE_HEADER = 'X-Payment-Signature';

/** The signature of the exact bytes sent, as the gateway computes it. */
export function gatewaySignature(secret: string, timestamp: number, rawBody: string): string {
  const signed = Buffer.concat([Buffer.from(String(timestamp), 'ascii'), Buffer.from('.', 'ascii'), Buffer.from(rawBody, 'utf8')]);
  return crypto.createHmac('sha256', Buffer.from(secret, 'utf8')).update(signed).digest('hex');
}
