import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * Every verified callback from the payment gateway, once per transaction. A replayed callback
 * finds its row and changes nothing; a forged one never gets here (signature check first).
 */
export const PaymentCallback = defineEntity({
  name: 'PaymentCallback',
  tableName: 'payment_callback',
  properties: {
    id: p.integer().primary().autoincrement(),
    transactionId: p.string().length(80).unique(),
    reference: p.string().length(80).index(),
    dossierCode: p.string().length(40).index(),
    amount: p.bigint('number'),
    paidAt: p.datetime(),
    receivedAt: p.datetime().onCreate(() => new Date()),
    /** How many times the gateway sent it; the first one is applied. */
    deliveries: p.integer().default(1),
    /** What the dossier made of it: applied, or why not. */
    outcome: p.string().length(200),
  },
});

export type IPaymentCallback = InferEntity<typeof PaymentCallback>;
