/**
 * SMS sandbox: a stand-in for a Vietnamese SMS brandname gateway. The sender posts JSON with its
 * API key and an Idempotency-Key per message; the gateway answers with its message id. A second
 * request with the same key (the relay retrying after a crash, or after a timeout whose answer
 * it never read) gets the same id and sends nothing again. Latency and transient failures come
 * from sandboxes/faults.ts (configurable, forced by tests through /__sandbox); a number that is
 * no Vietnamese mobile number is refused for good (422), as real gateways do.
 *
 * `GET /messages` lists what was "sent to phones" (the development mailbox, tests).
 */
import { randomUUID } from 'node:crypto';
import express from 'express';
import { z } from 'zod';
import { createFaults, faultControlRoutes, type Faults } from '../faults';
import { jsonErrors, parseBody } from '../http';

export interface SmsSandboxOptions {
  apiKey: string;
  latencyMs: [number, number];
  failureRate: number;
  slowMs?: number;
  random?: () => number;
  keep?: number;
}

export interface SentSms {
  messageId: string;
  idempotencyKey: string;
  to: string;
  brandname: string;
  text: string;
  reference?: string;
  receivedAt: string;
}

export interface SmsSandboxControl {
  faults: Faults;
  messages(): SentSms[];
  /** Requests that repeated an idempotency key already sent. */
  duplicates(): number;
  close(): void;
}

/** Vietnamese mobile numbers: 0 or +84 / 84, then 9 digits starting 3, 5, 7, 8 or 9. */
const MOBILE = /^(0|\+?84)[35789]\d{8}$/;

const messageSchema = z.object({
  to: z.string().trim().min(1).max(20),
  text: z.string().min(1).max(1600),
  brandname: z.string().min(1).max(11),
  reference: z.string().max(200).optional(),
});

export function createSmsSandbox(options: SmsSandboxOptions): { app: express.Express; control: SmsSandboxControl } {
  const faults = createFaults({ latencyMs: options.latencyMs, failureRate: options.failureRate, slowMs: options.slowMs, random: options.random });
  const keep = options.keep ?? 5000;
  const sent: SentSms[] = [];
  const byKey = new Map<string, SentSms>();
  let duplicates = 0;

  const app = express();
  app.use(faults.recordCalls);
  app.use('/__sandbox', faultControlRoutes(faults));
  app.get('/messages', (req, res) => {
    const to = typeof req.query.to === 'string' ? req.query.to : undefined;
    res.json({ messages: sent.filter((m) => !to || m.to === to).reverse(), duplicates });
  });
  app.post('/v1/messages', express.json({ limit: '64kb' }), (req, res, next) => {
    if (req.get('authorization') !== `Bearer ${options.apiKey}`) return res.status(401).json({ error: 'unauthorized' });
    next();
  }, faults.inject, (req, res) => {
    const key = req.get('idempotency-key') ?? '';
    if (!/^[\x21-\x7e]{1,200}$/.test(key)) return res.status(400).json({ error: 'invalid_request', fields: { 'Idempotency-Key': 'required, 1 to 200 visible characters' } });
    const body = parseBody(messageSchema, req, res);
    if (!body) return;
    const earlier = byKey.get(key);
    if (earlier) {
      duplicates++;
      return res.status(200).json({ messageId: earlier.messageId, status: 'accepted', duplicate: true });
    }
    if (!MOBILE.test(body.to.replace(/[\s.-]/g, ''))) return res.status(422).json({ error: 'invalid_recipient' });
    const message: SentSms = { messageId: `SMS-${randomUUID()}`, idempotencyKey: key, ...body, receivedAt: new Date().toISOString() };
    sent.push(message);
    byKey.set(key, message);
    if (sent.length > keep) byKey.delete(sent.shift()!.idempotencyKey);
    res.status(201).json({ messageId: message.messageId, status: 'accepted' });
  });
  app.use(jsonErrors);
  return {
    app,
    control: { faults, messages: () => [...sent], duplicates: () => duplicates, close: () => faults.close() },
  };
}
