/**
 * Not found, requests we cannot read (request-problems.ts: 4xx with the reason) and unexpected
 * errors (5xx, logged): a page for people, JSON for the API, never a stack trace.
 */
import type { NextFunction, Request, Response } from 'express';
import { requestProblem } from './request-problems';
import { routePattern } from './route-pattern';

/** Paths called by programs rather than people (the JSON API, the Temporal UI's codec): their errors are JSON. */
export const JSON_PATHS = ['/api/', '/codec/'];

export function answersJson(req: Request): boolean {
  return JSON_PATHS.some((prefix) => req.path.startsWith(prefix));
}

export function notFound(req: Request, res: Response): void {
  if (answersJson(req)) {
    res.status(404).json({ error: 'not_found', message: 'Không tìm thấy' });
    return;
  }
  res.status(404).render('error', { title: 'Không tìm thấy trang', message: 'Trang hoặc hồ sơ bạn tìm không tồn tại.' });
}

export function errorHandler(log: (line: string) => void) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    // A request we could not read (body parsers, percent-encoding): the client's problem, said plainly.
    const problem = requestProblem(error);
    if (problem) {
      if (res.headersSent) return;
      if (answersJson(req)) {
        res.status(problem.status).json({ error: problem.error, message: problem.message });
      } else {
        res.status(problem.status).render('error', { title: 'Yêu cầu không hợp lệ', message: problem.message });
      }
      return;
    }
    // Anything else is ours: a server error (5xx), logged, answered without details.
    const declared = (error as { status?: unknown } | null)?.status;
    const status = typeof declared === 'number' && declared >= 500 && declared < 600 ? declared : 500;
    // The route pattern and the request id, never the URL: it carries lookup secrets, signed links and search words.
    const line = `[web] ${req.method} ${routePattern(req)}${req.id ? ` (request ${String(req.id)})` : ''}: ${error instanceof Error ? error.stack : String(error)}`;
    // A server error always reaches stderr, whatever the configured log does with the rest.
    console.error(line);
    if (log !== console.error) log(line);
    if (res.headersSent) return;
    if (answersJson(req)) {
      res.status(status).json({ error: 'internal_error', message: 'Lỗi hệ thống' });
      return;
    }
    res.status(status).render('error', {
      title: 'Lỗi hệ thống',
      message: 'Đã có lỗi xảy ra. Dữ liệu của bạn không bị mất; vui lòng thử lại sau ít phút.',
    });
  };
}
