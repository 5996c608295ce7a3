/**
 * Delivers the gateway's signed payment callbacks to the merchant, retrying until the merchant
 * answers 2xx or the retry delays run out, as payment gateways do.
 */
import { gatewaySignature, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './signature';

export interface Delivery {
  url: string;
  /** The exact bytes to send; a replay sends them again. */
  rawBody: string;
  merchantRef: string;
  transactionId: string;
}

export interface CallbackAttempt {
  merchantRef: string;
  transactionId: string;
  url: string;
  /** 1 for the first attempt of a delivery. */
  attempt: number;
  replay: boolean;
  timestamp: number;
  at: string;
  /** null: no answer (refused connection, timeout). */
  status: number | null;
  error?: string;
}

export interface SendOptions {
  replay?: boolean;
  /** Sign every attempt with this timestamp instead of the sending time: a captured request sent again. */
  timestamp?: number;
}

export interface CallbackSender {
  /** Starts a delivery in the background; returns the timestamp its first attempt is signed with. */
  send(delivery: Delivery, options?: SendOptions): number;
  attempts(): CallbackAttempt[];
  /** Stops pending retries and attempts in flight. */
  close(): void;
}

const ATTEMPT_TIMEOUT_MS = 10_000;
/** Bounds memory under a benchmark; the oldest attempts go first. */
const LOG_LIMIT = 10_000;

export function createCallbackSender(options: {
  secret: string;
  retryDelaysMs: number[];
  now: () => number;
}): CallbackSender {
  const log: CallbackAttempt[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const closing = new AbortController();
  const nowSeconds = () => Math.floor(options.now() / 1000);

  async function attempt(delivery: Delivery, number: number, timestamp: number, send: SendOptions): Promise<void> {
    let status: number | null = null;
    let error: string | undefined;
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          [TIMESTAMP_HEADER]: String(timestamp),
          [SIGNATURE_HEADER]: gatewaySignature(options.secret, timestamp, delivery.rawBody),
        },
        body: delivery.rawBody,
        redirect: 'manual',
        signal: AbortSignal.any([closing.signal, AbortSignal.timeout(ATTEMPT_TIMEOUT_MS)]),
      });
      status = response.status;
      await response.arrayBuffer();
    } catch (caught) {
      const cause = (caught as { cause?: { code?: string } }).cause;
      error = cause?.code ?? (caught instanceof Error ? caught.message : String(caught));
    }
    if (closing.signal.aborted) return;
    const { url, merchantRef, transactionId } = delivery;
    const at = new Date(options.now()).toISOString();
    log.push({ merchantRef, transactionId, url, attempt: number, replay: Boolean(send.replay), timestamp, at, status, error });
    if (log.length > LOG_LIMIT) log.shift();
    if (status !== null && status >= 200 && status < 300) return;
    const delay = options.retryDelaysMs[number - 1];
    if (delay === undefined) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      void attempt(delivery, number + 1, send.timestamp ?? nowSeconds(), send);
    }, delay);
    timers.add(timer);
  }

  return {
    send(delivery, send = {}) {
      const timestamp = send.timestamp ?? nowSeconds();
      void attempt(delivery, 1, timestamp, send);
      return timestamp;
    },
    attempts: () => [...log],
    close() {
      closing.abort();
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
