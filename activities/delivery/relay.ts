/**
 * The outbox relay: delivers the messages the projection wrote to `notification`, through each
 * channel's adapter, and records every attempt. Several relays (one per worker process) share the
 * work: a batch is claimed with FOR UPDATE SKIP LOCKED and, in the same statement, given a lease
 * (next_attempt_at moves past the send's longest time) and an attempt row, so no two relays send
 * one message at the same time, and a relay that dies mid-send leaves the message to be claimed
 * again when its lease ends.
 *
 * Never sent twice: the outbox key is the provider's idempotency key (the SMS gateway answers a
 * repeated key with the message it accepted; e-mail carries a Message-ID derived from it). A crash
 * between the provider's answer and the record is resolved by that dedupe on the next attempt.
 *
 * Retries: a transient failure waits DELIVERY_RETRY_BASE, doubled each time up to
 * DELIVERY_RETRY_MAX; after DELIVERY_MAX_ATTEMPTS attempts, or at once for a permanent refusal,
 * the message is `failed` and shows on the dossier page and the supervisor's list, where
 * "gửi lại" makes it due again for one more attempt.
 */
import { Counter } from 'prom-client';
import type { Orm } from '../../db/orm';
import { workerMetrics } from '../metrics';
import { type DeliveryAdapter, DeliveryFailure } from './adapter';

export type Channel = 'email' | 'sms';

export interface RelayOptions {
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** Wait between looks at an outbox with nothing due. */
  pollMs: number;
  batchSize?: number;
  /** How long a claimed message is left alone (longer than any send takes). */
  leaseMs?: number;
  log?: (line: string) => void;
  /**
   * Fault injection for tests: runs after the provider accepted a message and before the record;
   * a throw here is a relay that died at that moment (nothing is recorded).
   */
  beforeRecord?: (key: string) => void | Promise<void>;
}

interface Claimed {
  id: number;
  key: string;
  channel: Channel;
  recipient: string;
  recipient_name: string;
  subject: string;
  body: string;
  attempts: number;
  attempt_id: number;
}

const delivered = new Counter({
  name: 'motcua_outbox_delivered_total',
  help: 'Messages to applicants their provider accepted, by channel.',
  labelNames: ['channel'] as const,
  registers: [workerMetrics],
});
const failed = new Counter({
  name: 'motcua_outbox_failed_total',
  help: 'Messages given up on (a permanent refusal, or the last attempt failed), by channel.',
  labelNames: ['channel'] as const,
  registers: [workerMetrics],
});
const attemptFailures = new Counter({
  name: 'motcua_outbox_attempt_failures_total',
  help: 'Delivery attempts that failed, by channel and kind (transient ones are retried).',
  labelNames: ['channel', 'kind'] as const,
  registers: [workerMetrics],
});

/** The wait before attempt `attempts + 1`: base, doubled per attempt made, at most max. */
export function retryDelayMs(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(attempts - 1, 30)));
}

const CLAIM = `
with due as (
  select id from notification
  where status = 'pending' and next_attempt_at <= now()
  order by next_attempt_at, id
  limit ?
  for update skip locked
), claimed as (
  update notification n set attempts = n.attempts + 1, next_attempt_at = now() + (? * interval '1 millisecond')
  from due where n.id = due.id
  returning n.id, n.key, n.channel, n.recipient, n.recipient_name, n.subject, n.body, n.attempts
), logged as (
  insert into notification_attempt (notification_id, attempt, started_at, outcome)
  select id, attempts, now(), 'sending' from claimed
  returning id, notification_id
)
select c.*, l.id as attempt_id from claimed c join logged l on l.notification_id = c.id order by c.id`;

const RECORD_DELIVERED = `
with attempt as (
  update notification_attempt set outcome = 'delivered', finished_at = now(), provider_message_id = ? where id = ? returning 1
)
update notification set status = 'delivered', sent_at = coalesce(sent_at, now()), provider_message_id = ?, last_error = null
where id = ? and status <> 'delivered'
returning id`;

// A late failure (its lease ran out and another attempt began) leaves the newer attempt's state alone.
const RECORD_FAILED = `
with attempt as (
  update notification_attempt set outcome = ?, finished_at = now(), error = ? where id = ? returning 1
)
update notification set last_error = ?, status = ?, next_attempt_at = now() + (? * interval '1 millisecond')
where id = ? and status = 'pending' and attempts = ?
returning status`;

export class OutboxRelay {
  private running: Promise<void> | undefined;
  private stopping = false;
  private wake: (() => void) | undefined;
  private readonly log: (line: string) => void;

  constructor(
    private readonly orm: Orm,
    private readonly adapters: Record<Channel, DeliveryAdapter>,
    private readonly options: RelayOptions,
  ) {
    this.log = options.log ?? (() => undefined);
  }

  private execute<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.orm.em.fork().getConnection().execute<T[]>(sql, params as never[]);
  }

  /** Claims the messages due now (one batch) and delivers them; returns how many it claimed. */
  async runOnce(): Promise<number> {
    const batch = await this.execute<Claimed>(CLAIM, [this.options.batchSize ?? 20, this.options.leaseMs ?? 120_000]);
    // Every send of the batch ends before the round does; a record that failed is reported after.
    const settled = await Promise.allSettled(batch.map((message) => this.deliver(message)));
    const broken = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (broken) throw broken.reason;
    return batch.length;
  }

  private async deliver(message: Claimed): Promise<void> {
    const adapter = this.adapters[message.channel];
    let providerMessageId: string;
    try {
      // Nothing to send to (an applicant who left neither e-mail nor phone): no provider is asked.
      if (!message.recipient.trim()) throw new DeliveryFailure('permanent', 'Không có địa chỉ nhận.');
      ({ providerMessageId } = await adapter.send({
        key: message.key,
        recipient: message.recipient,
        recipientName: message.recipient_name,
        subject: message.subject,
        body: message.body,
      }));
    } catch (error) {
      const failure = error instanceof DeliveryFailure ? error : new DeliveryFailure('transient', 'Lỗi không xác định khi gửi.');
      const givesUp = failure.kind === 'permanent' || message.attempts >= this.options.maxAttempts;
      const wait = retryDelayMs(message.attempts, this.options.retryBaseMs, this.options.retryMaxMs);
      const reason = failure.message.slice(0, 300);
      attemptFailures.inc({ channel: message.channel, kind: failure.kind });
      const rows = await this.execute<{ status: string }>(RECORD_FAILED, [
        failure.kind,
        reason,
        message.attempt_id,
        reason,
        givesUp ? 'failed' : 'pending',
        givesUp ? 0 : wait,
        message.id,
        message.attempts,
      ]);
      if (rows[0]?.status === 'failed') {
        failed.inc({ channel: message.channel });
        this.log(`[thông báo] ${message.key}: không gửi được sau ${message.attempts} lần (${failure.kind})`);
      }
      return;
    }
    // A throw from here on leaves the message claimed and unrecorded: the next attempt, after the
    // lease, is answered from the provider's dedupe.
    await this.options.beforeRecord?.(message.key);
    const rows = await this.execute<{ id: number }>(RECORD_DELIVERED, [providerMessageId, message.attempt_id, providerMessageId, message.id]);
    if (rows.length) delivered.inc({ channel: message.channel });
  }

  /** Delivers in a loop until stop(): a full batch is followed at once by the next, otherwise it waits pollMs. */
  start(): void {
    if (this.running) return;
    this.stopping = false;
    this.running = (async () => {
      while (!this.stopping) {
        let claimed = 0;
        try {
          claimed = await this.runOnce();
        } catch (error) {
          // The database out of reach, or a relay cut short before recording: the next round, or
          // the lease's end, takes the messages up again. No message content in the log.
          this.log(`[thông báo] vòng gửi bị gián đoạn: ${(error as Error)?.name ?? 'Error'}: ${String((error as Error)?.message ?? '').slice(0, 120)}`);
        }
        if (claimed >= (this.options.batchSize ?? 20) || this.stopping) continue;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.options.pollMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = undefined;
      }
    })();
  }

  /** Finishes the round in progress (its sends are recorded) and stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.running;
    this.running = undefined;
  }

  /** Closes the adapters' connections (after stop). */
  close(): void {
    for (const adapter of Object.values(this.adapters)) adapter.close?.();
  }
}
