/**
 * What the worker tells Prometheus about the systems it calls (registries, the payment gateway):
 * calls by system and outcome, and their latency. One registry per worker process (module
 * state: activities are built many times in tests, their metrics once). Labels carry the
 * system's name and the kind of outcome, never a URL (paths carry personal data).
 */
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export const workerMetrics = new Registry();
collectDefaultMetrics({ register: workerMetrics, prefix: 'motcua_worker_' });

export type CallOutcome = 'ok' | 'not-found' | 'transient' | 'refused' | 'unreadable';

const calls = new Counter({
  name: 'motcua_external_calls_total',
  help: 'Calls to outside systems, by system (registry, payment) and outcome; transient ones are retried by Temporal.',
  labelNames: ['system', 'outcome'] as const,
  registers: [workerMetrics],
});

const duration = new Histogram({
  name: 'motcua_external_call_duration_seconds',
  help: 'Time until an outside system answered (or the call failed), by system.',
  labelNames: ['system'] as const,
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [workerMetrics],
});

/** `operation` reads "registry: find licence": the system is what comes before the colon. */
export function recordExternalCall(operation: string, outcome: CallOutcome, seconds: number): void {
  const system = operation.split(':', 1)[0].trim() || 'unknown';
  calls.inc({ system, outcome });
  duration.observe({ system }, seconds);
}
