/**
 * The payment gateway's callbacks. Order matters: the signature is checked on the raw bytes
 * first (a forged callback stops there), then the delivery is recorded once per transaction in
 * `payment_callback` (a replay finds its row, counts the delivery and changes nothing once the
 * payment is applied), then the dossier's workflow is told, and what it answered is stored.
 */
import { raw, UniqueConstraintViolationException } from '@mikro-orm/core';
import { PaymentCallback } from '../../db/entities';
import type { IPaymentCallback } from '../../db/entities/payment-callback';
import type { Orm } from '../../db/orm';
import { type CallbackVerification, SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyCallback } from '../payments/callback-signature';
import type { DossierActions } from './dossier-actions';

export { SIGNATURE_HEADER, TIMESTAMP_HEADER };

/** A verified callback's content (web/routes/api/payments.schema.ts checks its shape). */
export interface PaidCallback {
  merchantRef: string;
  transactionId: string;
  amount: number;
  paidAt: string;
}

export type CallbackOutcome =
  | { kind: 'applied' }
  /** Applied by an earlier delivery of the same transaction. */
  | { kind: 'duplicate' }
  | { kind: 'unknown-reference' }
  /** The workflow refused it (409: the gateway tries again later) or did not confirm it (503). */
  | { kind: 'not-applied'; refused: boolean; message: string };

const APPLIED = 'applied';

/** References are `<dossier code>-TT<round>` (workflows/dossier/steps.ts). */
export function dossierCodeOfReference(reference: string): string | undefined {
  return /^(.+)-TT\d+$/.exec(reference)?.[1];
}

export class PaymentCallbackService {
  constructor(
    private readonly orm: Orm,
    private readonly actions: DossierActions,
    private readonly secret: string,
    private readonly log: (line: string) => void,
  ) {}

  verify(rawBody: Buffer, timestamp: string | undefined, signature: string | undefined): CallbackVerification {
    const verified = verifyCallback({ secret: this.secret, rawBody, timestamp, signature, nowSeconds: Math.floor(Date.now() / 1000) });
    if (!verified.ok) this.log(`[payment] refused a callback: ${verified.reason}`);
    return verified;
  }

  async receive(callback: PaidCallback): Promise<CallbackOutcome> {
    const code = dossierCodeOfReference(callback.merchantRef);
    if (!code) return { kind: 'unknown-reference' };
    const delivery = await this.recordDelivery(callback, code);
    if (delivery.outcome === APPLIED) return { kind: 'duplicate' };

    const outcome = await this.actions.confirmPayment(code, {
      reference: callback.merchantRef,
      transactionId: callback.transactionId,
      amount: callback.amount,
      paidAt: callback.paidAt,
    });
    const recorded = outcome.kind === 'done' ? APPLIED : `${outcome.kind}: ${outcome.message}`.slice(0, 200);
    await this.orm.em.fork().nativeUpdate(PaymentCallback, { transactionId: callback.transactionId }, { outcome: recorded });
    if (outcome.kind === 'done') return { kind: 'applied' };
    this.log(`[payment] ${callback.transactionId} for ${code} not applied: ${outcome.message}`);
    return { kind: 'not-applied', refused: outcome.kind === 'refused', message: outcome.message };
  }

  /** The transaction's row, made at its first delivery; each later delivery is counted. */
  private async recordDelivery(callback: PaidCallback, dossierCode: string): Promise<IPaymentCallback> {
    const em = this.orm.em.fork();
    try {
      await em.insert(PaymentCallback, {
        transactionId: callback.transactionId,
        reference: callback.merchantRef,
        dossierCode,
        amount: callback.amount,
        paidAt: new Date(callback.paidAt),
        receivedAt: new Date(),
        deliveries: 1,
        outcome: 'pending',
      });
    } catch (error) {
      // Another delivery of the same transaction made the row first (a replay, or a race).
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      await em.nativeUpdate(PaymentCallback, { transactionId: callback.transactionId }, { deliveries: raw('deliveries + 1') });
    }
    return em.findOneOrFail(PaymentCallback, { transactionId: callback.transactionId });
  }
}
