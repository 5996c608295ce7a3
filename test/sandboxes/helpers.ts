/** Starts sandboxes and a callback receiver in-process for tests, on free ports of 127.0.0.1. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { PaymentSandboxOptions } from '../../sandboxes/payment/app';
import { startPaymentSandbox } from '../../sandboxes/payment/main';
import type { RegistrySandboxOptions } from '../../sandboxes/registry/app';
import { startRegistrySandbox } from '../../sandboxes/registry/main';

export { eventually } from '../support/eventually';

export const REGISTRY_KEY = 'test-registry-key';
export const CALLBACK_SECRET = 'test-callback-secret-0123456789';
export const MERCHANT = 'MOTCUA';

const quiet = { latencyMs: [0, 0] as [number, number], failureRate: 0, host: '127.0.0.1', port: 0 };

export function startRegistry(overrides: Partial<RegistrySandboxOptions> = {}) {
  return startRegistrySandbox({ apiKey: REGISTRY_KEY, ...quiet, ...overrides });
}

export function startPayment(overrides: Partial<PaymentSandboxOptions> = {}) {
  return startPaymentSandbox({ callbackSecret: CALLBACK_SECRET, callbackRetryDelaysMs: [20, 20], ...quiet, ...overrides });
}

export async function json(url: string, init: RequestInit & { json?: unknown } = {}) {
  const { json: body, ...rest } = init;
  const response = await fetch(url, {
    ...rest,
    headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...rest.headers },
    body: body === undefined ? rest.body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

export interface ReceivedCallback {
  headers: http.IncomingHttpHeaders;
  rawBody: string;
}

/** A merchant's callback endpoint answering each call with the next status of `statuses` (the last repeats). */
export async function startReceiver(statuses: number[] = [200]) {
  const received: ReceivedCallback[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ headers: req.headers, rawBody: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(statuses[Math.min(received.length, statuses.length) - 1]).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/callbacks/payment`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
