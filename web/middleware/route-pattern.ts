import type { Request } from 'express';

/**
 * The route a request took, as declared ("/ho-so/:code"), for logs and metrics: never the URL
 * itself, which carries dossier codes, signed links and search words. Known once routing is
 * done; "unmatched" for a request no route took.
 */
export function routePattern(req: Request): string {
  if (req.route?.path) return `${req.baseUrl}${String(req.route.path)}`;
  return req.originalUrl.startsWith('/static/') ? '/static' : 'unmatched';
}
