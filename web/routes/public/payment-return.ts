/**
 * Where the payment gateway sends the payer back (domain/applicant-links.ts paymentReturnUrl):
 * the payment as received, or as being confirmed while the gateway's callback has not arrived,
 * never a second request to pay. The link's token opens this page for this dossier only; a link
 * that cannot be read or checked is answered 400 with an explanation, whatever is wrong with it.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { WebServices } from '../../services';
import { parse, requiredText } from '../../validation';
import { errorPage } from '../../view-models/error';
import { paymentReturnPage } from '../../view-models/payment-return';

const params = z.object({ code: requiredText('mã hồ sơ', 60) });
const query = z.object({ t: requiredText('mã xác thực của liên kết', 100) });

const INVALID = errorPage(
  'Liên kết không hợp lệ',
  'Liên kết trở về từ cổng thanh toán không đúng hoặc không đầy đủ. Khoản thanh toán (nếu có) không bị ảnh hưởng; vui lòng tra cứu hồ sơ bằng mã hồ sơ và mã bảo mật.',
);

export const PAYMENT_RETURN_PATH = '/thanh-toan/:code';

export function paymentReturnRoutes(s: WebServices): Router {
  const router = Router();
  router.get(PAYMENT_RETURN_PATH, async (req, res) => {
    const p = parse(params, req.params);
    const q = parse(query, req.query);
    if (!p.ok || !q.ok || !s.applicantAccess.maySeePaymentReturn(p.value.code, q.value.t)) return res.status(400).render('error', INVALID);
    const dossier = await s.readModel.publicDossier(p.value.code);
    if (!dossier) return res.status(400).render('error', INVALID);
    // Never cached: a reload must show the confirmation once it arrives.
    res.setHeader('Cache-Control', 'no-store');
    res.render('payment-return', paymentReturnPage(dossier));
  });
  return router;
}
