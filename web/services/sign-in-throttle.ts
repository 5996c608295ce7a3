/**
 * The brake on password guessing, kept in PostgreSQL (`sign_in_throttle`) so every web process
 * sees the same failures. Nothing is ever locked: after a few failures the next attempt waits,
 * and the wait doubles with each further failure, up to a cap. Three counters, so that guessing
 * cannot lock out the owner of an account:
 * - per account *and* client: the guesser's own attempts at one account slow down quickly;
 *   the owner, signing in from another client, is not affected;
 * - per client, over every account: trying the next name does not start afresh;
 * - per account, over every client: much looser and capped at a short wait, it only slows
 *   guessing spread over many addresses, never keeps the owner out for long.
 * Counters are forgotten some time after their last failure; a correct password clears its
 * account-and-client counter only (clearing the client's would let a guesser with an account
 * of their own reset it).
 */
import type { Orm } from '../../db/orm';

export interface SignInAttempt {
  /** The user name as typed (trimmed, lower case), whether or not such an account exists. */
  username: string;
  /** The client's address. */
  client: string;
}

export interface SignInBrake {
  /** Milliseconds until this attempt may be checked; 0 when it may be now. */
  wait(attempt: SignInAttempt): Promise<number>;
  failed(attempt: SignInAttempt): Promise<void>;
  succeeded(attempt: SignInAttempt): Promise<void>;
}

export interface ThrottleRule {
  /** Failures that cost nothing. */
  freeFailures: number;
  /** The wait after the first failure beyond the free ones; each further failure doubles it. */
  firstDelayMs: number;
  maxDelayMs: number;
}

export interface SignInThrottlePolicy {
  accountFromClient: ThrottleRule;
  client: ThrottleRule;
  account: ThrottleRule;
  /** A counter is forgotten this long after its last failure (or its wait, if later). */
  forgetAfterMs: number;
}

export const DEFAULT_SIGN_IN_THROTTLE: SignInThrottlePolicy = {
  accountFromClient: { freeFailures: 3, firstDelayMs: 2_000, maxDelayMs: 15 * 60_000 },
  client: { freeFailures: 10, firstDelayMs: 2_000, maxDelayMs: 15 * 60_000 },
  account: { freeFailures: 20, firstDelayMs: 1_000, maxDelayMs: 30_000 },
  forgetAfterMs: 60 * 60_000,
};

/** The wait after the `failures`-th failure under `rule`. */
export function delayAfter(rule: ThrottleRule, failures: number): number {
  const beyond = failures - rule.freeFailures;
  if (beyond <= 0) return 0;
  return Math.min(rule.maxDelayMs, rule.firstDelayMs * 2 ** Math.min(beyond - 1, 30));
}

type Keyed = { key: string; rule: ThrottleRule };

export class PgSignInThrottle implements SignInBrake {
  constructor(
    private readonly orm: Orm,
    private readonly policy: SignInThrottlePolicy = DEFAULT_SIGN_IN_THROTTLE,
  ) {}

  private keys({ username, client }: SignInAttempt): Keyed[] {
    return [
      { key: `account-client:${username}\n${client}`, rule: this.policy.accountFromClient },
      { key: `client:${client}`, rule: this.policy.client },
      { key: `account:${username}`, rule: this.policy.account },
    ];
  }

  private execute<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.orm.em.getConnection().execute<T[]>(sql, params, 'all');
  }

  async wait(attempt: SignInAttempt): Promise<number> {
    const keys = this.keys(attempt).map((k) => k.key);
    const [row] = await this.execute<{ wait_ms: string | number | null }>(
      `select ceil(extract(epoch from max(blocked_until) - now()) * 1000) as wait_ms
       from sign_in_throttle where key in (?, ?, ?) and blocked_until > now()`,
      keys,
    );
    return Math.max(0, Number(row?.wait_ms ?? 0));
  }

  async failed(attempt: SignInAttempt): Promise<void> {
    for (const { key, rule } of this.keys(attempt)) {
      const [{ failures }] = await this.execute<{ failures: number }>(
        `insert into sign_in_throttle (key, failures, blocked_until, forget_at) values (?, 1, null, now() + ? * interval '1 millisecond')
         on conflict (key) do update set
           failures = case when sign_in_throttle.forget_at <= now() then 1 else sign_in_throttle.failures + 1 end,
           blocked_until = case when sign_in_throttle.forget_at <= now() then null else sign_in_throttle.blocked_until end,
           forget_at = greatest(excluded.forget_at, sign_in_throttle.blocked_until)
         returning failures`,
        [key, this.policy.forgetAfterMs],
      );
      const delay = delayAfter(rule, Number(failures));
      if (delay > 0) {
        await this.execute(
          `update sign_in_throttle set
             blocked_until = greatest(blocked_until, now() + ? * interval '1 millisecond'),
             forget_at = greatest(forget_at, now() + ? * interval '1 millisecond')
           where key = ?`,
          [delay, delay + this.policy.forgetAfterMs, key],
        );
      }
    }
    // Now and then, drop counters long forgotten (names typed once, clients gone).
    if (Math.random() < 0.05) await this.execute(`delete from sign_in_throttle where forget_at < now()`, []);
  }

  async succeeded(attempt: SignInAttempt): Promise<void> {
    await this.execute(`delete from sign_in_throttle where key = ?`, [this.keys(attempt)[0].key]);
  }
}
