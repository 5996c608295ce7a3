import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** Where a message of the outbox stands: waiting (first try or a retry), delivered, or given up. */
export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/**
 * The outbox of messages to applicants. Written once per idempotency key by the projection;
 * the outbox relay (activities/delivery/relay.ts) delivers each row through its channel's
 * adapter, retried with doubling waits, each attempt in `notification_attempt`.
 */
export const Notification = defineEntity({
  name: 'Notification',
  tableName: 'notification',
  properties: {
    id: p.integer().primary().autoincrement(),
    key: p.string().length(200).unique(),
    dossierCode: p.string().length(40).index(),
    channel: p.enum(['email', 'sms'] as const),
    recipient: p.string().length(200),
    recipientName: p.string().length(120),
    subject: p.string().length(300),
    body: p.text(),
    createdAt: p.datetime().onCreate(() => new Date()),
    /** When the provider accepted it (delivered). */
    sentAt: p.datetime().nullable(),
    status: p.enum([...DELIVERY_STATUSES]).default('pending'),
    /** Attempts made so far (a manual retry adds one more). */
    attempts: p.integer().default(0),
    /** When the relay may try (again); while an attempt runs, when its lease ends. */
    nextAttemptAt: p.datetime().defaultRaw('now()'),
    /** Why the last attempt failed, in our own words (no address, no provider text). */
    lastError: p.string().length(300).nullable(),
    /** The provider's id of the accepted message (SMTP Message-ID, the gateway's id). */
    providerMessageId: p.string().length(200).nullable(),
  },
});

export type INotification = InferEntity<typeof Notification>;
