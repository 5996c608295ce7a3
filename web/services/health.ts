/**
 * Is this web process able to serve (`/readyz`)? It needs its database and Temporal. Each is
 * asked with a short deadline, so a load balancer learns of an outage in seconds; the answer
 * names which part is missing, never a host name or an error text.
 */
import type { Client } from '@temporalio/client';
import type { Orm } from '../../db/orm';
import { withinTemporalWait } from './temporal-wait';

export type PartState = 'ok' | 'unreachable';

export interface Readiness {
  ready: boolean;
  database: PartState;
  temporal: PartState;
}

const CHECK_DEADLINE_MS = 2_000;

export class HealthService {
  constructor(
    private readonly orm: Orm,
    private readonly temporal: Client,
    private readonly deadlineMs = CHECK_DEADLINE_MS,
  ) {}

  private lastTemporalProbe?: { at: number; answer: Promise<boolean> };

  /**
   * Does Temporal answer? One probe serves every caller for a second: many decisions waiting at
   * once during an outage ask once, not each.
   */
  temporalReachable(): Promise<boolean> {
    const now = Date.now();
    if (!this.lastTemporalProbe || now - this.lastTemporalProbe.at > 1_000) {
      this.lastTemporalProbe = { at: now, answer: this.check(() => this.askTemporal()).then((state) => state === 'ok') };
    }
    return this.lastTemporalProbe.answer;
  }

  async readiness(): Promise<Readiness> {
    const [database, temporal] = await Promise.all([
      this.check(() => this.askDatabase()),
      this.check(() => this.askTemporal()),
    ]);
    return { ready: database === 'ok' && temporal === 'ok', database, temporal };
  }

  private async askDatabase(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const expiry = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${this.deadlineMs} ms`)), this.deadlineMs);
    });
    try {
      await Promise.race([this.orm.em.fork().getConnection().execute('select 1'), expiry]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** One cheap call, aborted with the check so the client's retries do not outlive it. */
  private async askTemporal(): Promise<void> {
    const { connection, workflowService } = this.temporal;
    await withinTemporalWait(this.temporal, this.deadlineMs, () =>
      connection.withDeadline(Date.now() + this.deadlineMs, () => workflowService.getSystemInfo({})),
    );
  }

  private async check(probe: () => Promise<unknown>): Promise<PartState> {
    try {
      await probe();
      return 'ok';
    } catch {
      return 'unreachable';
    }
  }
}
