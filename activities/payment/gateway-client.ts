/**
 * Client of the payment gateway (in development, sandboxes/payment). The payment reference is
 * the gateway's merchantRef, its idempotency key: a retried request finds the one already made.
 */
import { ApplicationFailure } from '@temporalio/common';
import { z } from 'zod';
import type { CancelPaymentOutput, RequestPaymentInput, RequestPaymentOutput } from '../contract';
import { callJson, confirmNotFound, readAnswer, UNEXPECTED_ANSWER } from '../http';

export interface PaymentGatewayOptions {
  url: string;
  merchantId: string;
  timeoutMs: number;
  /** Where the gateway posts its signed callbacks. */
  callbackUrl: string;
  /** Where the payer's browser goes after paying, per dossier. */
  returnUrl: (dossierCode: string) => string;
}

export interface PaymentGateway {
  requestPayment(input: RequestPaymentInput): Promise<RequestPaymentOutput>;
  cancelPayment(input: { reference: string }): Promise<CancelPaymentOutput>;
}

const paymentRequestAnswer = z.object({
  merchantRef: z.string(),
  payUrl: z.string(),
  status: z.enum(['pending', 'paid', 'cancelled', 'expired']),
});

const cancelAnswer = z.discriminatedUnion('status', [
  z.object({ status: z.literal('cancelled') }),
  z.object({ status: z.literal('paid'), transactionId: z.string(), paidAt: z.string(), amount: z.number() }),
]);

export function createPaymentGateway(options: PaymentGatewayOptions): PaymentGateway {
  const requests = `${options.url.replace(/\/+$/, '')}/api/v1/payment-requests`;
  const headers = { 'X-Merchant-Id': options.merchantId };
  return {
    async requestPayment(input) {
      const operation = 'payment gateway: request payment';
      const answer = await callJson({
        operation,
        method: 'POST',
        url: requests,
        headers,
        body: {
          merchantRef: input.reference,
          amount: input.amount,
          description: input.description,
          callbackUrl: options.callbackUrl,
          returnUrl: options.returnUrl(input.dossierCode),
          expiresAt: input.deadlineAt,
        },
        timeoutMs: options.timeoutMs,
      });
      if (!answer.found) throw ApplicationFailure.nonRetryable(`${operation}: 404, is the gateway URL right?`, UNEXPECTED_ANSWER);
      const request = readAnswer(operation, paymentRequestAnswer, answer.body);
      // Only a retry can meet an old request, and references are never reused after a cancel.
      if (request.status === 'cancelled' || request.status === 'expired') {
        throw ApplicationFailure.nonRetryable(
          `${operation}: reference ${input.reference} is already ${request.status}`,
          'PaymentRequestClosed',
        );
      }
      return { reference: request.merchantRef, payUrl: request.payUrl };
    },

    async cancelPayment({ reference }) {
      const operation = 'payment gateway: cancel payment';
      const answer = await callJson({
        operation,
        method: 'POST',
        url: `${requests}/${encodeURIComponent(reference)}/cancel`,
        headers,
        timeoutMs: options.timeoutMs,
      });
      // Never created (the request failed before reaching the gateway): nothing can be paid.
      if (!answer.found) {
        confirmNotFound(operation, answer);
        return { status: 'cancelled' };
      }
      return readAnswer(operation, cancelAnswer, answer.body);
    },
  };
}
