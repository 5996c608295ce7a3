import crypto from 'node:crypto';
import type { RequestHandler } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../../config/log';
import { routePattern } from './route-pattern';

/** A request id a proxy in front of us may already have given (X-Request-Id), if it looks like one. */
const FORWARDED_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * One log line per answered request: its id (also sent back as X-Request-Id, and carried by
 * every line the request's handlers write through `req.log`), the method, the route pattern,
 * the status and the time taken. Never the URL, query, headers or body: they carry dossier
 * codes with their lookup secrets, signed links, search words and cookies.
 */
export function setUpRequestLog(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'reqId', responseTime: 'ms' },
    genReqId(req, res) {
      const given = req.headers['x-request-id'];
      const id = typeof given === 'string' && FORWARDED_ID.test(given) ? given : crypto.randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    serializers: {
      req: (req: { method: string }) => ({ method: req.method }),
      res: (res: { statusCode: number }) => ({ status: res.statusCode }),
    },
    // At the start the route is not known yet; the finished line carries it.
    customProps: (req, res) => (res.writableEnded ? { route: routePattern(req as Parameters<typeof routePattern>[0]) } : {}),
    customSuccessMessage: () => 'answered',
    customErrorMessage: () => 'failed',
    autoLogging: { ignore: (req) => /^\/(static\/|healthz|readyz|metrics)/.test(req.url ?? '') },
  });
}
