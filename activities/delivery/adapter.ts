/**
 * What a delivery adapter does: hand one outbox message to its provider, with the outbox key as
 * the provider's idempotency key, and say how it went. A failure is `transient` (try again
 * later: the provider is down, slow or busy) or `permanent` (the provider refused this message
 * for good: an unknown mailbox, a number that is no mobile number). Its reason is in our own
 * words and carries no address, number or provider text (it is stored and shown to officials).
 */
import { createHash } from 'node:crypto';

export interface OutgoingMessage {
  /** The outbox key: the provider's idempotency key (SMS), the source of the Message-ID (e-mail). */
  key: string;
  recipient: string;
  recipientName: string;
  subject: string;
  body: string;
}

export interface Delivered {
  providerMessageId: string;
}

export class DeliveryFailure extends Error {
  constructor(
    readonly kind: 'transient' | 'permanent',
    reason: string,
  ) {
    super(reason);
    this.name = 'DeliveryFailure';
  }
}

export interface DeliveryAdapter {
  send(message: OutgoingMessage): Promise<Delivered>;
  close?(): void;
}

/** The Message-ID of an outbox message: the same for every attempt, so a receiver can drop a second copy. */
export function messageIdOf(key: string): string {
  return `<${createHash('sha256').update(key).digest('hex').slice(0, 40)}@outbox.motcua>`;
}

/** A provider's code, kept only when it is a plain code (never free text, which may quote the recipient). */
export function plainCode(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Za-z0-9_.-]{1,40}$/.test(value) ? value : undefined;
}
