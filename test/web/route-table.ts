/**
 * The routes of an Express app, read from its router stack (routers mounted in routers, with
 * their mount paths), so a test that walks them covers a route added tomorrow without being told.
 */
import type express from 'express';

export interface AppRoute {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** The path as declared, e.g. `/ho-so/:code/nhan`. */
  path: string;
  /** `METHOD /path`, the key of web/route-access.ts. */
  key: string;
  /** Names of the path's parameters, in order. */
  params: string[];
}

interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  rawPath?: string | string[] | RegExp;
}

function walk(stack: readonly Layer[], prefix: string, out: AppRoute[]): void {
  for (const layer of stack) {
    if (layer.route) {
      const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
      for (const method of Object.keys(layer.route.methods).filter((m) => m !== '_all')) {
        for (const p of paths) {
          const path = `${prefix}${p}`;
          const upper = method.toUpperCase() as AppRoute['method'];
          out.push({ method: upper, path, key: `${upper} ${path}`, params: [...path.matchAll(/:(\w+)/g)].map((m) => m[1]) });
        }
      }
    } else if (layer.handle?.stack) {
      if (layer.rawPath !== undefined && typeof layer.rawPath !== 'string') throw new Error(`a router mounted on ${String(layer.rawPath)}: route-table.ts reads string mount paths only`);
      const mount = !layer.rawPath || layer.rawPath === '/' ? '' : layer.rawPath;
      walk(layer.handle.stack, prefix + mount, out);
    }
  }
}

export function appRoutes(app: express.Application): AppRoute[] {
  const out: AppRoute[] = [];
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '', out);
  return [...new Map(out.map((r) => [r.key, r])).values()];
}

/** The path with each parameter replaced by `value(name)` (sent as it is: encode what needs it). */
export function fillPath(route: AppRoute, value: (param: string) => string): string {
  return route.path.replace(/:(\w+)/g, (_, name: string) => value(name));
}

/**
 * A value each path parameter could really have, so the route finds something with it: the
 * dossier given, the renewal procedure, Hà Nội's traffic police, a day of the 2027 calendar. A
 * route with a parameter not known here makes the tests that walk the routes say so.
 */
export function plausibleParam(route: AppRoute, param: string, dossierCode: string): string {
  if (param === 'code' && route.path.startsWith('/thu-tuc/')) return 'GPLX-DOI';
  if (param === 'code' && route.path.startsWith('/quan-tri/gio-lam-viec/')) return 'CSGT-01';
  const values: Record<string, string> = {
    code: encodeURIComponent(dossierCode),
    procedure: 'GPLX-DOI',
    year: '2027',
    day: '2027-01-01',
    id: '1',
    batchId: '00000000-0000-4000-8000-000000000000',
    documentCode: 'KQ1',
  };
  const value = values[param];
  if (value === undefined) throw new Error(`no plausible value for :${param} (${route.key}): add one to plausibleParam in test/web/route-table.ts`);
  return value;
}
