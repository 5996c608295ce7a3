/**
 * Payment sandbox: a stand-in for the national portal's payment platform. The merchant (motcua)
 * opens a payment request, the payer pays on the gateway's page, and the gateway tells the
 * merchant through a signed callback (see activities/payment/signature.ts), retried until the
 * merchant acknowledges it.
 *
 * State lives in memory: a restart forgets every request, which is fine for a sandbox and keeps
 * it free of a database. merchantRef is unique across the sandbox, as each deployment has one merchant.
 */
import { randomInt, randomUUID } from 'node:crypto';
import express, { type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import { localIsoDate } from '../../domain/vietnam-time';
import { createFaults, faultControlRoutes, type Faults } from '../faults';
import { jsonErrors, parseBody, sendInvalid } from '../http';
import { createCallbackSender, type CallbackAttempt } from './callbacks';
import { PAYMENT_METHODS, renderMessagePage, renderPaymentPage, type PaymentMethod } from './page';

export interface PaymentSandboxOptions {
  callbackSecret: string;
  /** Base of the payUrl handed to merchants; default: the address the API was called on. */
  publicUrl?: string;
  latencyMs: [number, number];
  failureRate: number;
  slowMs?: number;
  random?: () => number;
  /** Waits between callback attempts; the first attempt goes at once. */
  callbackRetryDelaysMs?: number[];
  /** Epoch milliseconds; tests move time to expire requests. */
  now?: () => number;
}

export interface PaymentSandboxControl {
  faults: Faults;
  callbackAttempts(): CallbackAttempt[];
  /** Stops timers and callbacks in flight, so the process can exit. */
  close(): void;
}

export interface PaymentSandbox {
  app: express.Express;
  control: PaymentSandboxControl;
}

type PaymentStatus = 'pending' | 'paid' | 'cancelled' | 'expired';

interface PaymentRequest {
  id: string;
  merchantId: string;
  merchantRef: string;
  amount: number;
  description: string;
  callbackUrl: string;
  returnUrl: string;
  expiresAt: string;
  createdAt: string;
  payUrl: string;
  /** 'expired' is not stored: it follows from expiresAt. */
  state: 'pending' | 'paid' | 'cancelled';
  transactionId?: string;
  paidAt?: string;
  method?: PaymentMethod;
  /** The callback as first sent, so that a replay sends the same bytes. */
  callback?: { rawBody: string; timestamp: number };
}

const DEFAULT_RETRY_DELAYS_MS = [1000, 2000, 5000, 10000, 30000];

const webUrl = z.url({ protocol: /^https?$/, error: 'an http(s) URL' });

const createSchema = z.object({
  merchantRef: z.string().regex(/^[A-Za-z0-9._:-]{1,64}$/, '1 to 64 letters, digits or . _ : -'),
  amount: z.number().int('a whole number of đồng').positive().max(1_000_000_000_000),
  description: z.string().trim().min(1).max(255),
  callbackUrl: webUrl,
  returnUrl: webUrl,
  expiresAt: z.iso.datetime({ offset: true, error: 'an ISO 8601 date-time' }),
});

const methodSchema = z.object({
  method: z.enum(PAYMENT_METHODS.map(([value]) => value) as [PaymentMethod, ...PaymentMethod[]]).default('vietcombank'),
});

/** reuseSignature: resend the first attempt's timestamp and signature, as an attacker replaying a capture would. */
const replaySchema = z.object({ reuseSignature: z.boolean().default(false) });

const merchantOf = (req: Request) => req.get('X-Merchant-Id') ?? '';

const requireMerchant: RequestHandler = (req, res, next) => {
  if (/^[A-Za-z0-9_-]{1,32}$/.test(merchantOf(req))) return next();
  res.status(401).json({ error: 'unauthorized', message: 'X-Merchant-Id is required' });
};

export function createPaymentSandbox(options: PaymentSandboxOptions): PaymentSandbox {
  const now = options.now ?? Date.now;
  const faults = createFaults(options);
  const callbacks = createCallbackSender({
    secret: options.callbackSecret,
    retryDelaysMs: options.callbackRetryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS,
    now,
  });
  const byRef = new Map<string, PaymentRequest>();
  const byId = new Map<string, PaymentRequest>();

  const statusOf = (r: PaymentRequest): PaymentStatus =>
    r.state === 'pending' && now() >= Date.parse(r.expiresAt) ? 'expired' : r.state;

  const view = (r: PaymentRequest) => ({
    id: r.id,
    merchantRef: r.merchantRef,
    amount: r.amount,
    currency: 'VND',
    description: r.description,
    status: statusOf(r),
    payUrl: r.payUrl,
    expiresAt: r.expiresAt,
    createdAt: r.createdAt,
    ...(r.state === 'paid' ? { transactionId: r.transactionId, paidAt: r.paidAt, method: r.method } : {}),
  });

  const transaction = (r: PaymentRequest) => ({
    merchantRef: r.merchantRef,
    status: 'paid' as const,
    transactionId: r.transactionId,
    paidAt: r.paidAt,
    amount: r.amount,
  });

  const deliveryOf = (r: PaymentRequest, rawBody: string) => ({
    url: r.callbackUrl,
    rawBody,
    merchantRef: r.merchantRef,
    transactionId: r.transactionId!,
  });

  /** Same effects from the page and the control API; paying twice changes nothing. */
  function pay(r: PaymentRequest, method: PaymentMethod): { ok: true } | { ok: false; status: PaymentStatus } {
    const status = statusOf(r);
    if (status === 'paid') return { ok: true };
    if (status !== 'pending') return { ok: false, status };
    const at = now();
    r.state = 'paid';
    r.method = method;
    r.paidAt = new Date(at).toISOString();
    r.transactionId = `SBX${localIsoDate(new Date(at)).replaceAll('-', '')}${String(randomInt(100_000_000)).padStart(8, '0')}`;
    const rawBody = JSON.stringify({
      merchantRef: r.merchantRef,
      paymentId: r.id,
      transactionId: r.transactionId,
      amount: r.amount,
      currency: 'VND',
      status: 'paid',
      paidAt: r.paidAt,
    });
    r.callback = { rawBody, timestamp: callbacks.send(deliveryOf(r, rawBody)) };
    return { ok: true };
  }

  const app = express();
  app.disable('x-powered-by');

  const control = faultControlRoutes(faults);
  control.post('/payment-requests/:merchantRef/pay', (req, res) => {
    const r = byRef.get(req.params.merchantRef);
    if (!r) return void res.status(404).json({ error: 'not_found' });
    const body = parseBody(methodSchema, req, res);
    if (!body) return;
    const outcome = pay(r, body.method);
    if (!outcome.ok) return void res.status(409).json({ error: outcome.status });
    res.json(transaction(r));
  });
  control.post('/payment-requests/:merchantRef/replay-callback', (req, res) => {
    const r = byRef.get(req.params.merchantRef);
    if (!r) return void res.status(404).json({ error: 'not_found' });
    if (!r.callback) return void res.status(409).json({ error: 'not_paid' });
    const body = parseBody(replaySchema, req, res);
    if (!body) return;
    const { rawBody, timestamp } = r.callback;
    callbacks.send(deliveryOf(r, rawBody), { replay: true, timestamp: body.reuseSignature ? timestamp : undefined });
    res.status(202).json(transaction(r));
  });
  control.get('/callbacks', (_req, res) => {
    res.json(callbacks.attempts());
  });
  app.use('/__sandbox', control);

  const api = express.Router();
  api.use(faults.recordCalls, express.json({ limit: '16kb' }), faults.inject, requireMerchant);

  api.post('/payment-requests', (req, res) => {
    const input = parseBody(createSchema, req, res);
    if (!input) return;
    const existing = byRef.get(input.merchantRef);
    if (existing) {
      if (existing.merchantId === merchantOf(req) && existing.amount === input.amount) return void res.json(view(existing));
      return void res.status(409).json({
        error: 'conflict',
        message: `merchantRef ${input.merchantRef} is already used for another payment request`,
      });
    }
    if (Date.parse(input.expiresAt) <= now()) return sendInvalid(res, { expiresAt: 'must be in the future' });
    const id = randomUUID();
    const base = (options.publicUrl ?? `${req.protocol}://${req.get('host')}`).replace(/\/+$/, '');
    const created: PaymentRequest = {
      ...input,
      id,
      merchantId: merchantOf(req),
      createdAt: new Date(now()).toISOString(),
      payUrl: `${base}/pay/${id}`,
      state: 'pending',
    };
    byRef.set(created.merchantRef, created);
    byId.set(id, created);
    res.status(201).json(view(created));
  });

  const findOwn = (req: Request) => {
    const r = byRef.get(req.params.merchantRef as string);
    return r && r.merchantId === merchantOf(req) ? r : undefined;
  };

  api.get('/payment-requests/:merchantRef', (req, res) => {
    const r = findOwn(req);
    if (!r) return void res.status(404).json({ error: 'not_found' });
    res.json(view(r));
  });

  // Cancelling loses to a payment that came first: the money has moved, so the payment stands.
  api.post('/payment-requests/:merchantRef/cancel', (req, res) => {
    const r = findOwn(req);
    if (!r) return void res.status(404).json({ error: 'not_found' });
    if (r.state === 'paid') return void res.json(transaction(r));
    r.state = 'cancelled';
    res.json({ merchantRef: r.merchantRef, status: 'cancelled' });
  });

  // Distinct from a missing record, so that a client with a wrong base URL can tell.
  api.use((_req, res) => {
    res.status(404).json({ error: 'unknown_endpoint' });
  });
  app.use('/api/v1', api);

  // The page needs nothing but its inline style; no form-action, so the redirect to returnUrl passes.
  app.use('/pay', (_req, res, next) => {
    res.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    next();
  });

  app.get('/pay/:id', (req, res) => {
    const r = byId.get(req.params.id);
    if (!r) {
      return void res.status(404).type('html').send(renderMessagePage('Không tìm thấy yêu cầu thanh toán', 'Đường dẫn thanh toán không đúng hoặc đã bị thay đổi.'));
    }
    res.type('html').send(renderPaymentPage({ ...r, status: statusOf(r) }));
  });

  app.post('/pay/:id/confirm', express.urlencoded({ extended: false, limit: '4kb' }), (req, res) => {
    const r = byId.get(req.params.id);
    const method = methodSchema.safeParse(req.body ?? {});
    if (!r || !method.success) {
      return void res.status(r ? 400 : 404).type('html').send(renderMessagePage('Không thể thanh toán', 'Yêu cầu thanh toán hoặc phương thức thanh toán không hợp lệ.'));
    }
    const outcome = pay(r, method.data.method);
    if (!outcome.ok) return void res.status(409).type('html').send(renderPaymentPage({ ...r, status: outcome.status }));
    res.redirect(303, r.returnUrl);
  });

  app.use(jsonErrors);

  return {
    app,
    control: {
      faults,
      callbackAttempts: callbacks.attempts,
      close() {
        faults.close();
        callbacks.close();
      },
    },
  };
}
