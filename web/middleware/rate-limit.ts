/**
 * Rate limits per client on the public doors (lookup, submission, the API, sign-in), counted
 * in PostgreSQL with rate-limiter-flexible's store (table `rate_limit`), so every web process
 * counts the same requests. Over the limit: 429 with Retry-After, a Vietnamese page or a JSON
 * error. The client is its address (`req.ip`, behind the proxies `trust proxy` names), or for an
 * authenticated API client its client id: API doors have budgets of their own, per client.
 */
import type { Knex } from '@mikro-orm/postgresql';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import type { RateLimit, RateLimits } from '../../config';
import type { Orm } from '../../db/orm';
import { errorPage } from '../view-models/error';

export const DEFAULT_RATE_LIMITS: RateLimits = {
  lookup: { points: 60, periodMs: 60_000 },
  submit: { points: 20, periodMs: 10 * 60_000 },
  api: { points: 600, periodMs: 60_000 },
  signIn: { points: 30, periodMs: 10 * 60_000 },
};

/** The middlewares, one per door; each counts apart from the others. */
export interface RateLimiters {
  lookupPage: RequestHandler;
  submitForm: RequestHandler;
  signIn: RequestHandler;
  apiSubmit: RequestHandler;
  apiLookup: RequestHandler;
}

const tooMany = (seconds: number) => `Ông/Bà đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau ${seconds} giây.`;

function limiter(knex: Knex, name: string, rule: RateLimit): RateLimiterPostgres {
  return new RateLimiterPostgres({
    storeClient: knex,
    storeType: 'knex',
    tableName: 'rate_limit',
    tableCreated: true, // by Migration20261204010000LookupSecret
    keyPrefix: name,
    points: rule.points,
    duration: Math.max(1, Math.round(rule.periodMs / 1000)),
  });
}

function limit(store: RateLimiterPostgres, answer: 'page' | 'json', log: (line: string) => void): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    // An authenticated API client is counted by its client id (web/middleware/api-auth.ts), whatever its address.
    const client = (res.locals.apiClient as { clientId?: string } | undefined)?.clientId;
    store.consume(client ? `client:${client}` : (req.ip ?? 'unknown')).then(
      () => next(),
      (refusal: unknown) => {
        if (!(refusal instanceof RateLimiterRes)) {
          // The store failed (database away): let the request through rather than close the door.
          log(`[web] rate limit ${store.keyPrefix} not counted: ${String(refusal)}`);
          return next();
        }
        const seconds = Math.max(1, Math.ceil(refusal.msBeforeNext / 1000));
        res.status(429).set('Retry-After', String(seconds));
        if (answer === 'json') {
          res.json({ error: 'rate_limited', message: tooMany(seconds), retryAfterSeconds: seconds });
        } else {
          res.render('error', errorPage('Quá nhiều yêu cầu', tooMany(seconds)));
        }
      },
    );
  };
}

export function createRateLimiters(orm: Orm, limits: RateLimits = DEFAULT_RATE_LIMITS, log: (line: string) => void = console.log): RateLimiters {
  const knex = orm.em.getConnection().getKnex();
  return {
    lookupPage: limit(limiter(knex, 'lookup', limits.lookup), 'page', log),
    submitForm: limit(limiter(knex, 'submit', limits.submit), 'page', log),
    signIn: limit(limiter(knex, 'sign-in', limits.signIn), 'page', log),
    apiSubmit: limit(limiter(knex, 'api-submit', limits.api), 'json', log),
    apiLookup: limit(limiter(knex, 'api-lookup', limits.api), 'json', log),
  };
}
