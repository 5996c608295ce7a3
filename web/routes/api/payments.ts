/**
 * The payment gateway's callback. Order matters: the signature is checked on the raw bytes
 * first (a forged callback stops here, 401), then the transaction is recorded once (a replay
 * finds it and changes nothing), then the dossier's workflow is told. A 2xx tells the gateway to
 * stop retrying; a dossier that is not ready yet answers 409 so the gateway tries again later.
 */
import express, { Router } from 'express';
import { z } from 'zod';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyCallback } from '../../payments/callback-signature';
import type { WebServices } from '../../services';

const callbackBody = z.object({
  merchantRef: z.string().min(1).max(80),
  transactionId: z.string().min(1).max(80),
  amount: z.number().int().positive(),
  status: z.literal('paid'),
  paidAt: z.string().datetime({ offset: true }),
});

/** References are `<dossier code>-TT<round>` (workflows/dossier/steps.ts). */
export function dossierCodeOfReference(reference: string): string | undefined {
  return /^(.+)-TT\d+$/.exec(reference)?.[1];
}

export function paymentCallbackRoutes(s: WebServices): Router {
  const router = Router();

  router.post('/payments/callback', express.raw({ type: '*/*', limit: '20kb' }), async (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const verified = verifyCallback({
      secret: s.paymentCallbackSecret,
      rawBody: raw,
      timestamp: req.get(TIMESTAMP_HEADER),
      signature: req.get(SIGNATURE_HEADER),
      nowSeconds: Math.floor(Date.now() / 1000),
    });
    if (!verified.ok) {
      s.log(`[payment] refused a callback: ${verified.reason}`);
      return res.status(401).json({ error: 'invalid_signature', reason: verified.reason });
    }
    let parsed: z.infer<typeof callbackBody>;
    try {
      parsed = callbackBody.parse(JSON.parse(raw.toString('utf8')));
    } catch {
      return res.status(400).json({ error: 'malformed_body' });
    }
    const code = dossierCodeOfReference(parsed.merchantRef);
    if (!code) return res.status(400).json({ error: 'unknown_reference' });

    const connection = s.orm.em.getConnection();
    const [row] = await connection.execute<{ outcome: string; deliveries: number }[]>(
      `insert into payment_callback (transaction_id, reference, dossier_code, amount, paid_at, received_at, deliveries, outcome)
       values (?, ?, ?, ?, ?, now(), 1, 'pending')
       on conflict (transaction_id) do update set deliveries = payment_callback.deliveries + 1
       returning outcome, deliveries`,
      [parsed.transactionId, parsed.merchantRef, code, parsed.amount, new Date(parsed.paidAt)],
    );
    if (row.outcome === 'applied') return res.json({ status: 'duplicate' });

    const outcome = await s.actions.confirmPayment(code, {
      reference: parsed.merchantRef,
      transactionId: parsed.transactionId,
      amount: parsed.amount,
      paidAt: parsed.paidAt,
    });
    const recorded = outcome.kind === 'done' ? 'applied' : `${outcome.kind}: ${outcome.message}`.slice(0, 200);
    await connection.execute('update payment_callback set outcome = ? where transaction_id = ?', [recorded, parsed.transactionId]);
    if (outcome.kind === 'done') return res.json({ status: 'applied' });
    s.log(`[payment] ${parsed.transactionId} for ${code} not applied: ${outcome.message}`);
    res.status(outcome.kind === 'refused' ? 409 : 503).json({ error: 'not_applied', message: outcome.message });
  });

  return router;
}
