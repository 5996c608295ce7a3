/**
 * Fault injection shared by the sandboxes: latency on every API call, random transient
 * failures, failures forced by a test, and a log of the calls. Real government systems are slow
 * and sometimes down; our adapters and Temporal's retries are only proven if the sandboxes are too.
 */
import express, { type RequestHandler } from 'express';
import { z } from 'zod';
import { parseBody } from './http';

export type FailureKind = 'unavailable' | 'error' | 'slow';

export interface FaultSettings {
  /** Each call waits a uniformly drawn time in this range before it is handled. */
  latencyMs: [number, number];
  /** Share of calls that fail transiently, 0 to 1. */
  failureRate: number;
  /** How long a 'slow' failure holds its (otherwise normal) answer: beyond a client's timeout. */
  slowMs: number;
}

export interface FaultOptions {
  latencyMs: [number, number];
  failureRate: number;
  slowMs?: number;
  /** Source of randomness in [0, 1); tests pass a fixed sequence. */
  random?: () => number;
}

export interface ApiCall {
  method: string;
  path: string;
  /** null: the client hung up before the answer. */
  status: number | null;
  at: string;
  fault?: FailureKind;
}

export interface Faults {
  /** Mount first: logs every API call, including those refused before they reach a route. */
  recordCalls: RequestHandler;
  /**
   * Mount after the body parser: a request whose client gave up during a slow failure is still
   * handled, as by a real server that already had the whole request.
   */
  inject: RequestHandler;
  /** Returns the settings now in force. */
  configure(changes: Partial<FaultSettings>): FaultSettings;
  failNext(count: number, kind: FailureKind): void;
  calls(): ApiCall[];
  clearCalls(): void;
  /** Drops the timers of held calls so that a closing server does not wait for them. */
  close(): void;
}

/** Bounds memory under a benchmark; the oldest calls go first. */
const CALL_LOG_LIMIT = 10_000;

export function createFaults(options: FaultOptions): Faults {
  const random = options.random ?? Math.random;
  let settings: FaultSettings = {
    latencyMs: options.latencyMs,
    failureRate: options.failureRate,
    slowMs: options.slowMs ?? 8000,
  };
  const forced: FailureKind[] = [];
  const log: ApiCall[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const hold = (ms: number) =>
    new Promise<void>((resolve) => {
      if (ms <= 0) return resolve();
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });

  function drawFault(): FailureKind | undefined {
    if (forced.length > 0) return forced.shift();
    if (random() >= settings.failureRate) return undefined;
    // Outages mostly look like a gateway refusing work; crashes and hangs are rarer.
    const kind = random();
    return kind < 0.7 ? 'unavailable' : kind < 0.9 ? 'error' : 'slow';
  }

  const recordCalls: RequestHandler = (req, res, next) => {
    const at = new Date().toISOString();
    res.on('close', () => {
      const status = res.writableFinished ? res.statusCode : null;
      log.push({ method: req.method, path: req.originalUrl, status, at, fault: res.locals.fault });
      if (log.length > CALL_LOG_LIMIT) log.shift();
    });
    next();
  };

  const inject: RequestHandler = async (_req, res, next) => {
    const fault = drawFault();
    res.locals.fault = fault;
    const [low, high] = settings.latencyMs;
    await hold(low + random() * (high - low));
    if (fault === 'unavailable') {
      res.status(503).set('Retry-After', '1').json({ error: 'unavailable' });
    } else if (fault === 'error') {
      res.status(500).json({ error: 'internal_error' });
    } else {
      if (fault === 'slow') await hold(settings.slowMs);
      next();
    }
  };

  const snapshot = (): FaultSettings => ({ ...settings, latencyMs: [...settings.latencyMs] });

  return {
    recordCalls,
    inject,
    configure(changes) {
      settings = { ...settings, ...changes };
      return snapshot();
    },
    failNext(count, kind) {
      for (let i = 0; i < count; i++) forced.push(kind);
    },
    calls: () => [...log],
    clearCalls: () => {
      log.length = 0;
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

const configSchema = z
  .object({
    latencyMs: z
      .tuple([z.number().int().min(0), z.number().int().min(0)])
      .refine(([low, high]) => low <= high, 'the lower bound comes first'),
    failureRate: z.number().min(0).max(1),
    slowMs: z.number().int().min(0),
  })
  .partial()
  .strict();

const failNextSchema = z.object({
  count: z.number().int().min(1).max(1000),
  kind: z.enum(['unavailable', 'error', 'slow']),
});

/** `/__sandbox` routes that steer the faults; open, since only tests and operators call them. */
export function faultControlRoutes(faults: Faults): express.Router {
  const router = express.Router();
  router.use(express.json());
  router.put('/config', (req, res) => {
    const changes = parseBody(configSchema, req, res);
    if (changes) res.json(faults.configure(changes as Partial<FaultSettings>));
  });
  router.post('/fail-next', (req, res) => {
    const order = parseBody(failNextSchema, req, res);
    if (!order) return;
    faults.failNext(order.count, order.kind);
    res.json(order);
  });
  router.get('/calls', (_req, res) => {
    res.json(faults.calls());
  });
  router.delete('/calls', (_req, res) => {
    faults.clearCalls();
    res.status(204).end();
  });
  return router;
}
