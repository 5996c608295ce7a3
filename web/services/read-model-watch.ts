/**
 * Waits until the read model shows a dossier at a given version. An accepted Update returns as
 * soon as Temporal has recorded it; the projection writes it to PostgreSQL right after (a regular
 * activity, so nothing shows before it is durable), and the web answers the official once the
 * page they see next shows it. The projection's transaction sends `NOTIFY dossier_projected`;
 * one listening connection per process wakes the waiters, and a slow poll covers a lost
 * connection.
 */
import { Client } from 'pg';
import { DOSSIER_PROJECTED } from '../../db/channels';
import type { Orm } from '../../db/orm';

const POLL_MS = 250;

interface Waiter {
  version: number;
  wake: () => void;
}

export class ReadModelWatch {
  private listener?: Promise<Client | undefined>;
  private readonly waiters = new Map<string, Set<Waiter>>();
  private closed = false;

  constructor(
    private readonly orm: Orm,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  /** True once the dossier's row is at `version` or later; false after `timeoutMs`. */
  async waitFor(code: string, version: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    void this.listen();
    let wake: () => void = () => undefined;
    const waiter: Waiter = { version, wake: () => wake() };
    const set = this.waiters.get(code) ?? new Set();
    set.add(waiter);
    this.waiters.set(code, set);
    try {
      // Registered before the first read: a notification between the read and the wait is not lost.
      for (;;) {
        if ((await this.currentVersion(code)) >= version) return true;
        const left = deadline - Date.now();
        if (left <= 0 || this.closed) return false;
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, Math.min(POLL_MS, left));
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    } finally {
      set.delete(waiter);
      if (!set.size) this.waiters.delete(code);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const set of this.waiters.values()) for (const w of set) w.wake();
    const client = await this.listener?.catch(() => undefined);
    await client?.end().catch(() => undefined);
  }

  private async currentVersion(code: string): Promise<number> {
    const rows = await this.orm.em.getConnection().execute<{ version: number }[]>('select version from dossier where code = ?', [code]);
    return rows[0]?.version ?? -1;
  }

  /** One LISTEN connection, opened on first use and again after it is lost. */
  private listen(): Promise<Client | undefined> {
    if (this.listener || this.closed) return this.listener ?? Promise.resolve(undefined);
    const client = new Client({ connectionString: String(this.orm.config.get('clientUrl')) });
    const forget = () => {
      if (this.listener) this.listener = undefined;
    };
    client.on('error', (error) => {
      this.log(`[web] read-model listener lost (${error.message}); polling until it is back`);
      forget();
      client.end().catch(() => undefined);
    });
    client.on('end', forget);
    client.on('notification', (message) => {
      const [code, version] = (message.payload ?? '').split(/:(?=\d+$)/);
      for (const waiter of this.waiters.get(code) ?? []) if (Number(version) >= waiter.version) waiter.wake();
    });
    this.listener = client
      .connect()
      .then(() => client.query(`LISTEN ${DOSSIER_PROJECTED}`))
      .then(() => client)
      .catch((error: Error) => {
        this.log(`[web] cannot listen for read-model changes (${error.message}); polling`);
        forget();
        return undefined;
      });
    return this.listener;
  }
}
