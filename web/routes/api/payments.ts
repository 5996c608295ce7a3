/**
 * The payment gateway's callback. The signature is checked on the raw bytes first (a forged
 * callback stops here, 401); the payment callback service records the delivery once and tells
 * the dossier's workflow. A 2xx tells the gateway to stop retrying; a dossier that is not ready
 * yet answers 409 (refused) or 503 (not confirmed) so the gateway tries again later.
 */
import express, { Router } from 'express';
import type { WebServices } from '../../services';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../services/payment-callbacks';
import { parse } from '../../validation';
import { jsonOf, paymentCallbackBody } from './payments.schema';

export function paymentCallbackRoutes(s: WebServices): Router {
  const router = Router();

  router.post('/payments/callback', express.raw({ type: '*/*', limit: '20kb' }), async (req, res) => {
    const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const verified = s.paymentCallbacks.verify(raw, req.get(TIMESTAMP_HEADER), req.get(SIGNATURE_HEADER));
    if (!verified.ok) return res.status(401).json({ error: 'invalid_signature', message: 'Chữ ký của thông báo thanh toán không hợp lệ.', reason: verified.reason });
    const body = parse(paymentCallbackBody, jsonOf(raw), 'body');
    if (!body.ok) return res.status(400).json({ error: 'malformed_body', message: 'Nội dung thông báo thanh toán không đọc được.', fields: body.errors });

    const outcome = await s.paymentCallbacks.receive(body.value);
    switch (outcome.kind) {
      case 'applied':
      case 'duplicate':
        return res.json({ status: outcome.kind });
      case 'unknown-reference':
        return res.status(400).json({ error: 'unknown_reference', message: 'Không có khoản thanh toán với mã này.' });
      case 'not-applied':
        return res.status(outcome.refused ? 409 : 503).json({ error: 'not_applied', message: outcome.message });
    }
  });

  return router;
}
