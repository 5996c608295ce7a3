/**
 * JSON over HTTP for activities that call external systems. What matters is how a failure is
 * classified, because Temporal acts on it:
 * - transient (network error, timeout, 5xx, 408, 429): a plain Error, so the activity is retried;
 * - definite (other 4xx, an answer we cannot read): a non-retryable ApplicationFailure, since
 *   asking again would get the same answer;
 * - 404 is an answer ("no such record"), returned to the caller to interpret.
 * Messages name the operation, never the URL: paths carry personal data such as licence numbers.
 */
import { ApplicationFailure } from '@temporalio/common';
import { z } from 'zod';
import { type CallOutcome, recordExternalCall } from './metrics';

export interface JsonCall {
  /** Names the call in errors, e.g. "registry: find licence". */
  operation: string;
  method: 'GET' | 'POST';
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  timeoutMs: number;
}

export type JsonAnswer = { found: true; status: number; body: unknown } | { found: false; status: 404; body: unknown };

/** Failure types of definite refusals, for callers and workflows that tell them apart. */
export const HTTP_FAILURE_TYPES: Record<number, string> = {
  400: 'HttpBadRequest',
  401: 'HttpUnauthorized',
  403: 'HttpForbidden',
  409: 'HttpConflict',
  422: 'HttpUnprocessableEntity',
};
export const UNEXPECTED_ANSWER = 'UnexpectedAnswer';

const TRANSIENT_4XX = new Set([408, 429]);

export async function callJson(call: JsonCall): Promise<JsonAnswer> {
  const started = performance.now();
  let outcome: CallOutcome = 'transient';
  try {
    const answer = await callJsonOnce(call);
    outcome = answer.found ? 'ok' : 'not-found';
    return answer;
  } catch (error) {
    if (error instanceof ApplicationFailure && error.nonRetryable) outcome = error.type === UNEXPECTED_ANSWER ? 'unreadable' : 'refused';
    throw error;
  } finally {
    recordExternalCall(call.operation, outcome, (performance.now() - started) / 1000);
  }
}

async function callJsonOnce(call: JsonCall): Promise<JsonAnswer> {
  let status: number;
  let text: string;
  try {
    const response = await fetch(call.url, {
      method: call.method,
      headers: { Accept: 'application/json', ...(call.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...call.headers },
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      signal: AbortSignal.timeout(call.timeoutMs),
    });
    status = response.status;
    text = await response.text();
  } catch (error) {
    if (error instanceof DOMException && error.name === 'TimeoutError') {
      throw new Error(`${call.operation}: no answer within ${call.timeoutMs} ms`);
    }
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw new Error(`${call.operation}: network error${cause ? ` (${cause})` : ''}`, { cause: error });
  }

  const body = parseJson(text);
  if (status === 404) return { found: false, status, body };
  if (status >= 500 || TRANSIENT_4XX.has(status)) {
    throw new Error(`${call.operation}: answered ${status}${describe(body)}`);
  }
  if (status >= 400) {
    throw ApplicationFailure.nonRetryable(
      `${call.operation}: refused with ${status}${describe(body)}`,
      HTTP_FAILURE_TYPES[status] ?? 'HttpClientError',
      { status, body },
    );
  }
  if (status < 200 || status >= 300 || body === undefined) {
    throw ApplicationFailure.nonRetryable(`${call.operation}: unexpected answer ${status}`, UNEXPECTED_ANSWER);
  }
  return { found: true, status, body };
}

/** Checks an answer's shape; a gateway that breaks its contract will not mend on retry. */
export function readAnswer<S extends z.ZodType>(operation: string, schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; ');
  throw ApplicationFailure.nonRetryable(`${operation}: answer not understood (${problems})`, UNEXPECTED_ANSWER);
}

const notFoundBody = z.object({ error: z.literal('not_found') });

/**
 * Both gateways answer a missing record with `{"error":"not_found"}`. Any other 404 (a proxy's
 * page, a wrong path) means a wrong URL, which must not pass for "no such citizen".
 */
export function confirmNotFound(operation: string, answer: { status: 404; body: unknown }): void {
  readAnswer(`${operation} (404)`, notFoundBody, answer.body);
}

function parseJson(text: string): unknown {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The error code and message a gateway gives, kept short for logs and workflow history. */
function describe(body: unknown): string {
  if (typeof body !== 'object' || body === null) return '';
  const { error, message, fields } = body as { error?: unknown; message?: unknown; fields?: unknown };
  const parts = [error, message, fields && JSON.stringify(fields)].filter((p) => typeof p === 'string' && p !== '');
  return parts.length > 0 ? ` (${parts.join(': ').slice(0, 300)})` : '';
}
