import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * The outbox of messages to applicants. Written once per idempotency key; a relay delivers
 * (in development the mailbox page shows them and the log prints them).
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
    sentAt: p.datetime().nullable(),
  },
});

export type INotification = InferEntity<typeof Notification>;
