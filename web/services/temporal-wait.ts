import type { Client } from '@temporalio/client';

export class TemporalWaitExceeded extends Error {
  constructor(ms: number) {
    super(`Temporal did not answer within ${ms} ms`);
  }
}

/**
 * Runs one call to Temporal for at most `ms`: then the call is aborted (so the client's own
 * retries do not outlive the request that made it) and TemporalWaitExceeded is thrown. While
 * Temporal is out of reach the client keeps reconnecting and may notice the abort late: the
 * caller does not wait for it.
 */
export async function withinTemporalWait<T>(client: Client, ms: number, call: () => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const expiry = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new TemporalWaitExceeded(ms));
    }, ms);
  });
  const attempt = client.connection.withAbortSignal(controller.signal, call);
  attempt.catch(() => undefined);
  try {
    return await Promise.race([attempt, expiry]);
  } finally {
    clearTimeout(timer);
  }
}
