import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** How one attempt ended: still running (or cut short by a crash), accepted, or failed. */
export const ATTEMPT_OUTCOMES = ['sending', 'delivered', 'transient', 'permanent'] as const;

/** One attempt of the outbox relay to hand a message to its provider. */
export const NotificationAttempt = defineEntity({
  name: 'NotificationAttempt',
  tableName: 'notification_attempt',
  properties: {
    id: p.integer().primary().autoincrement(),
    notificationId: p.integer().index(),
    /** 1 for the first attempt of the message. */
    attempt: p.integer(),
    startedAt: p.datetime(),
    finishedAt: p.datetime().nullable(),
    outcome: p.enum([...ATTEMPT_OUTCOMES]),
    /** Our own words for the failure (no personal data). */
    error: p.string().length(300).nullable(),
    providerMessageId: p.string().length(200).nullable(),
  },
});

export type INotificationAttempt = InferEntity<typeof NotificationAttempt>;
