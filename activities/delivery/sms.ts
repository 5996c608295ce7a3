/**
 * SMS through a brandname gateway: JSON over HTTP with the gateway's API key, one
 * Idempotency-Key per message (the outbox key), as Vietnamese brandname gateways take them. The
 * gateway answers a repeated key with the message it already accepted, so a retry after a crash
 * between sending and recording sends nothing twice.
 * Answers: 2xx accepted; 400, 404, 409, 413, 422 refused for good (the number, the text);
 * 401/403 (a key problem the operator fixes), 408, 429, 5xx, timeouts and network errors are
 * tried again later.
 */
import { recordExternalCall } from '../metrics';
import { type Delivered, type DeliveryAdapter, DeliveryFailure, type OutgoingMessage, plainCode } from './adapter';

export interface SmsOptions {
  /** Base URL of the gateway; messages are posted to <url>/v1/messages. */
  url: string;
  apiKey: string;
  brandname: string;
  timeoutMs?: number;
}

const PERMANENT = new Set([400, 404, 409, 413, 422]);

export function smsAdapter(options: SmsOptions): DeliveryAdapter {
  const endpoint = `${options.url.replace(/\/$/, '')}/v1/messages`;
  return {
    async send(message: OutgoingMessage): Promise<Delivered> {
      const started = performance.now();
      let outcome: 'ok' | 'refused' | 'transient' = 'transient';
      try {
        let response: Response;
        try {
          response = await fetch(endpoint, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${options.apiKey}`, 'Idempotency-Key': message.key },
            body: JSON.stringify({ to: message.recipient, text: message.body, brandname: options.brandname, reference: message.key }),
            signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
          });
        } catch (error) {
          const timedOut = (error as Error)?.name === 'TimeoutError';
          throw new DeliveryFailure('transient', timedOut ? 'Cổng SMS không trả lời kịp.' : 'Không kết nối được cổng SMS.');
        }
        const body = (await response.json().catch(() => undefined)) as { messageId?: unknown; error?: unknown } | undefined;
        if (response.ok) {
          const id = typeof body?.messageId === 'string' ? body.messageId : undefined;
          if (!id) throw new DeliveryFailure('transient', `Cổng SMS trả lời không đọc được (HTTP ${response.status}).`);
          outcome = 'ok';
          return { providerMessageId: id.slice(0, 200) };
        }
        const code = plainCode(body?.error);
        const what = `HTTP ${response.status}${code ? `: ${code}` : ''}`;
        if (PERMANENT.has(response.status)) {
          outcome = 'refused';
          throw new DeliveryFailure('permanent', `Cổng SMS từ chối tin nhắn (${what}).`);
        }
        throw new DeliveryFailure('transient', `Cổng SMS tạm thời không nhận tin (${what}).`);
      } finally {
        recordExternalCall('sms: send', outcome, (performance.now() - started) / 1000);
      }
    },
  };
}
