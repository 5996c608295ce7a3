/**
 * For the machines that run us: `/healthz` (the process answers), `/readyz` (it can serve: its
 * database and Temporal answer) and `/metrics` (Prometheus). Metrics tell how busy each route is
 * and how the outbox fares: they are for the operators' network, so they answer a client on
 * this host (as `trust proxy` resolves it) or one that presents METRICS_TOKEN, and nobody else.
 */
import crypto from 'node:crypto';
import { Router, type Request } from 'express';
import type { WebServices } from '../services';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

function sameSecret(given: string, expected: string): boolean {
  const a = crypto.createHash('sha256').update(given).digest();
  const b = crypto.createHash('sha256').update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

function mayReadMetrics(req: Request, token: string | undefined): boolean {
  if (req.ip && LOOPBACK.has(req.ip)) return true;
  const presented = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
  return !!token && !!presented && sameSecret(presented, token);
}

export function healthRoutes(s: WebServices): Router {
  const router = Router();

  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });

  router.get('/readyz', async (_req, res) => {
    const readiness = await s.health.readiness();
    res.status(readiness.ready ? 200 : 503).json({
      status: readiness.ready ? 'ready' : 'not-ready',
      database: readiness.database,
      temporal: readiness.temporal,
    });
  });

  router.get('/metrics', async (req, res) => {
    if (!mayReadMetrics(req, s.metricsToken)) {
      res.status(404).json({ error: 'not_found', message: 'Không tìm thấy' });
      return;
    }
    res.type(s.metrics.registry.contentType).send(await s.metrics.registry.metrics());
  });

  return router;
}
