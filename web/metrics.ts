/**
 * What the web process tells Prometheus (`GET /metrics`): HTTP latency by route, dossier
 * workflows started, how long Temporal takes to confirm an official's decision, and the outbox
 * of messages to applicants. Each app gets its own registry (tests build many apps in one
 * process; the default global registry would refuse the second). Labels never carry a URL, a
 * dossier code or anything a person typed: only route patterns, methods and outcomes.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Orm } from '../db/orm';

export type UpdateOutcome = 'done' | 'refused' | 'timeout' | 'unavailable';

export class WebMetrics {
  readonly registry = new Registry();

  private readonly httpDuration = new Histogram({
    name: 'motcua_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method, route pattern and status class.',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 20],
    registers: [this.registry],
  });

  private readonly workflowStarts = new Counter({
    name: 'motcua_workflow_starts_total',
    help: 'Dossier workflows the web started, by outcome (started, already-running, failed: saved, started later).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  private readonly updateDuration = new Histogram({
    name: 'motcua_update_duration_seconds',
    help: 'From sending an Update (an official decision, a supplement, a payment) until its effect shows in the read model, or its refusal; by update and outcome.',
    labelNames: ['update', 'outcome'] as const,
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30],
    registers: [this.registry],
  });

  constructor(orm?: Orm) {
    collectDefaultMetrics({ register: this.registry, prefix: 'motcua_web_' });
    if (orm) this.watchOutbox(orm);
  }

  /** Records one answered request; `route` is the matched pattern ("/ho-so/:code"), or "unmatched". */
  observeRequest(method: string, route: string, status: number, seconds: number): void {
    this.httpDuration.observe({ method, route, status: `${Math.floor(status / 100)}xx` }, seconds);
  }

  workflowStarted(outcome: 'started' | 'already-running' | 'failed'): void {
    this.workflowStarts.inc({ outcome });
  }

  updateAnswered(update: string, outcome: UpdateOutcome, seconds: number): void {
    this.updateDuration.observe({ update, outcome }, seconds);
  }

  /** The outbox, read when Prometheus scrapes: how many messages wait and for how long the oldest has. */
  private watchOutbox(orm: Orm): void {
    let last: Promise<{ pending: number; oldestSeconds: number; failed: number }> | undefined;
    // Both gauges come from one query per scrape.
    const read = () =>
      (last ??= orm.em
        .fork()
        .getConnection()
        .execute<{ pending: string; oldest: string | null; failed: string }[]>(
          // The relay (activities/delivery/relay.ts) delivers pending messages; failed ones wait for a supervisor.
          `select count(*) filter (where status = 'pending') as pending,
                  extract(epoch from now() - min(created_at) filter (where status = 'pending')) as oldest,
                  count(*) filter (where status = 'failed') as failed
           from notification where status <> 'delivered'`,
        )
        .then(([row]) => ({ pending: Number(row?.pending ?? 0), oldestSeconds: Number(row?.oldest ?? 0), failed: Number(row?.failed ?? 0) }))
        // The database out of reach: the scrape still answers, and says it does not know.
        .catch(() => ({ pending: Number.NaN, oldestSeconds: Number.NaN, failed: Number.NaN }))
        .finally(() => setTimeout(() => (last = undefined), 1000).unref()));
    new Gauge({
      name: 'motcua_outbox_pending',
      help: 'Messages to applicants written to the outbox and not yet delivered.',
      registers: [this.registry],
      async collect() {
        this.set((await read()).pending);
      },
    });
    new Gauge({
      name: 'motcua_outbox_failed',
      help: 'Messages to applicants given up on (shown to supervisors under /giam-sat/tin-nhan-loi).',
      registers: [this.registry],
      async collect() {
        this.set((await read()).failed);
      },
    });
    new Gauge({
      name: 'motcua_outbox_lag_seconds',
      help: 'Age of the oldest message not yet delivered (0 when none waits).',
      registers: [this.registry],
      async collect() {
        this.set((await read()).oldestSeconds);
      },
    });
  }
}
