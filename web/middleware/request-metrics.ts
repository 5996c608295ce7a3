import type { RequestHandler } from 'express';
import type { WebMetrics } from '../metrics';
import { routePattern } from './route-pattern';

/** Times every request and records it under its route pattern once answered. */
export function setUpRequestMetrics(metrics: WebMetrics): RequestHandler {
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      metrics.observeRequest(req.method, routePattern(req), res.statusCode, Number(process.hrtime.bigint() - started) / 1e9);
    });
    next();
  };
}
