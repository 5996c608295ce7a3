/**
 * Pages post plain HTML forms (application/x-www-form-urlencoded). A body of any other kind
 * (JSON, multipart) sent to a page is not read as empty: it is answered 415 with a message, so
 * a client that sends the wrong thing learns why instead of seeing every field reported missing.
 */
import type { RequestHandler } from 'express';
import { errorPage } from '../view-models/error';
import { unsupportedMediaType } from './request-problems';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function setUpFormBodies(): RequestHandler {
  return (req, res, next) => {
    if (!WITH_BODY.has(req.method) || req.path.startsWith('/api/')) return next();
    // A form with files, read by middleware/multipart.ts on the paths that take them.
    if (res.locals.multipart) return next();
    // req.is() is null for a request without a body: nothing to refuse, the schema reports what is missing.
    const kind = req.is('application/x-www-form-urlencoded');
    if (kind === null || kind) return next();
    res
      .status(415)
      .render('error', errorPage('Yêu cầu không hợp lệ', 'Biểu mẫu phải được gửi từ trang web (dạng application/x-www-form-urlencoded); nội dung dạng khác không được chấp nhận.'));
  };
}

/**
 * The JSON API reads JSON only: a body of another kind (a form, multipart, text, none declared)
 * is answered 415 with what it takes, instead of being read as missing fields.
 */
export function jsonBodiesOnly(): RequestHandler {
  return (req, res, next) => {
    if (!WITH_BODY.has(req.method) || req.is(['application/json', '+json']) !== false) return next();
    const problem = unsupportedMediaType('JSON (Content-Type: application/json)');
    res.status(problem.status).json({ error: problem.error, message: problem.message });
  };
}
