/**
 * Forms that carry files (issue 9: the counter intake, a dossier's documents, an applicant's
 * supplement) are sent as multipart/form-data. They are read here, before the CSRF check, so the
 * token travels in the form as in every other one; only on the paths listed, only POST, and with
 * limits (multer, memory storage): any other multipart request stays refused (415, form-body.ts).
 * A limit broken by the request as a whole (a file past the hard cap, too many files) does not
 * end in an error page: the route gets what was read, with `res.locals.uploadProblem` telling why.
 * Back-office paths are read only for a signed-in official: anyone else is stopped by the guards.
 * A request declaring more than `maxTotalBytes` is not read at all (413), so the memory one
 * request may take stays bounded (browsers always declare the length of a form they send).
 */
import type { RequestHandler } from 'express';
import multer from 'multer';
import { formatSize } from '../services/attachments';

export interface MultipartRoute {
  path: RegExp;
  /** Read the files only for a signed-in official. */
  officialsOnly: boolean;
}

export interface MultipartLimits {
  /** The hard cap of one file (the per-file limit itself is checked by the service, per file, with its message). */
  maxFileBytes: number;
  maxFiles: number;
  /** The largest request read at all (its declared Content-Length): files and fields together. */
  maxTotalBytes: number;
}

const PROBLEMS: Record<string, (limits: MultipartLimits) => string> = {
  LIMIT_FILE_SIZE: (l) => `Một tệp vượt quá ${formatSize(l.maxFileBytes)} nên biểu mẫu không được nhận đầy đủ; vui lòng chọn tệp nhỏ hơn.`,
  LIMIT_FILE_COUNT: (l) => `Chỉ gửi tối đa ${l.maxFiles} tệp mỗi lần.`,
  LIMIT_PART_COUNT: () => 'Biểu mẫu có quá nhiều mục.',
  LIMIT_FIELD_COUNT: () => 'Biểu mẫu có quá nhiều mục.',
  LIMIT_FIELD_VALUE: () => 'Một mục của biểu mẫu quá dài.',
  LIMIT_FIELD_KEY: () => 'Tên một mục của biểu mẫu quá dài.',
};

export function setUpMultipart(routes: readonly MultipartRoute[], limits: MultipartLimits): RequestHandler {
  const parse = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: limits.maxFileBytes, files: limits.maxFiles, fields: 300, fieldSize: 100 * 1024, parts: 300 + limits.maxFiles },
  }).any();
  return (req, res, next) => {
    if (req.method !== 'POST' || !req.is('multipart/form-data')) return next();
    const route = routes.find((r) => r.path.test(req.path));
    if (!route || (route.officialsOnly && !req.session?.user)) return next();
    res.locals.multipart = true;
    const declared = Number(req.get('content-length') ?? 0);
    if (declared > limits.maxTotalBytes) {
      // Not read at all: the memory a request may take stays bounded. Drained, so the browser sees the answer.
      req.resume();
      return res.status(413).render('error', {
        title: 'Tệp gửi quá lớn',
        message: `Tổng dung lượng gửi lên (${formatSize(declared)}) vượt quá ${formatSize(limits.maxTotalBytes)} cho một lần gửi. Vui lòng quay lại, chọn tệp nhỏ hơn hoặc gửi từng tệp.`,
      });
    }
    parse(req, res, (error?: unknown) => {
      if (error) {
        const code = (error as { code?: string }).code ?? '';
        res.locals.uploadProblem = (PROBLEMS[code] ?? (() => 'Không đọc được biểu mẫu đã gửi; vui lòng gửi lại.'))(limits);
        req.files = [];
        req.body ??= {};
      }
      // Plain objects from here on: multer makes the body without a prototype.
      req.body = { ...(req.body as Record<string, unknown>) };
      next();
    });
  };
}

/** The files read from the request (none when it was not multipart). */
export function uploadedFiles(req: Express.Request): Express.Multer.File[] {
  return Array.isArray(req.files) ? req.files : [];
}
