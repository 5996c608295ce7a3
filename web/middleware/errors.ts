/** Not found and unexpected errors: a page for people, JSON for the API, never a stack trace. */
import type { NextFunction, Request, Response } from 'express';

export function notFound(req: Request, res: Response): void {
  if (req.path.startsWith('/api/')) {
    res.status(404).json({ error: 'not_found', message: 'Không tìm thấy' });
    return;
  }
  res.status(404).render('error', { title: 'Không tìm thấy trang', message: 'Trang hoặc hồ sơ bạn tìm không tồn tại.' });
}

export function errorHandler(log: (line: string) => void) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const status = (error as { status?: number }).status ?? 500;
    if (status >= 500) {
      const line = `[web] ${req.method} ${req.originalUrl}: ${error instanceof Error ? error.stack : String(error)}`;
      // A server error always reaches stderr, whatever the configured log does with the rest.
      console.error(line);
      if (log !== console.error) log(line);
    }
    if (res.headersSent) return;
    if (req.path.startsWith('/api/')) {
      res.status(status).json({ error: status >= 500 ? 'internal_error' : 'bad_request', message: status >= 500 ? 'Lỗi hệ thống' : 'Yêu cầu không hợp lệ' });
      return;
    }
    res.status(status).render('error', {
      title: status >= 500 ? 'Lỗi hệ thống' : 'Yêu cầu không hợp lệ',
      message: status >= 500 ? 'Đã có lỗi xảy ra. Dữ liệu của bạn không bị mất; vui lòng thử lại sau ít phút.' : 'Yêu cầu không hợp lệ.',
    });
  };
}
