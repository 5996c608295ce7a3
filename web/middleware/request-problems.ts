/**
 * What a request the app could not even read did wrong, said once for every route: the errors
 * of the body parsers (JSON that is not JSON, a body over the limit, too many fields, a charset
 * or a compression we do not read), a path whose percent-encoding cannot be decoded, and a body
 * of a kind a route does not take. The error handler answers them 4xx with these messages, as an
 * HTML page or as JSON under /api; they are the client's, so nothing reaches the error log.
 */

export interface RequestProblem {
  status: number;
  /** Machine-readable, for the JSON API's `error`. */
  error: string;
  /** One Vietnamese sentence saying what is wrong. */
  message: string;
}

const BY_PARSER_TYPE: Record<string, RequestProblem> = {
  'entity.parse.failed': { status: 400, error: 'malformed_json', message: 'Nội dung gửi lên không phải JSON hợp lệ (sai cú pháp).' },
  'entity.too.large': { status: 413, error: 'payload_too_large', message: 'Nội dung gửi lên quá lớn, vượt giới hạn cho phép.' },
  'parameters.too.many': { status: 413, error: 'too_many_fields', message: 'Biểu mẫu gửi lên có quá nhiều trường.' },
  'querystring.parse.rangeError': { status: 400, error: 'too_deep', message: 'Biểu mẫu gửi lên lồng nhau quá sâu.' },
  'charset.unsupported': { status: 415, error: 'unsupported_charset', message: 'Nội dung phải dùng bảng mã UTF-8; bảng mã đã khai báo không được hỗ trợ.' },
  'encoding.unsupported': {
    status: 415,
    error: 'unsupported_encoding',
    message: 'Nội dung được nén theo cách không được hỗ trợ (chỉ nhận gzip, deflate, br hoặc không nén).',
  },
  'request.size.invalid': { status: 400, error: 'bad_length', message: 'Độ dài nội dung không khớp với độ dài đã khai báo.' },
  'request.aborted': { status: 400, error: 'aborted', message: 'Yêu cầu bị ngắt giữa chừng.' },
  'entity.verify.failed': { status: 403, error: 'rejected', message: 'Nội dung gửi lên không được chấp nhận.' },
};

export const BAD_ENCODING: RequestProblem = {
  status: 400,
  error: 'bad_encoding',
  message: 'Địa chỉ hoặc nội dung có ký tự mã hóa sai (dấu % phải đi kèm hai chữ số hệ mười sáu).',
};

export const BAD_REQUEST: RequestProblem = { status: 400, error: 'bad_request', message: 'Yêu cầu không hợp lệ.' };

/** A body of a kind the route does not take (415), saying what it takes. */
export function unsupportedMediaType(accepted: string): RequestProblem {
  return { status: 415, error: 'unsupported_media_type', message: `Nội dung phải được gửi dạng ${accepted}; dạng đã gửi không được chấp nhận.` };
}

/**
 * The problem of a request the app could not read, or undefined for an error of ours (a 5xx:
 * logged and answered as a server error). Other errors that carry a 4xx status (http-errors)
 * read as a bad request.
 */
export function requestProblem(error: unknown): RequestProblem | undefined {
  if (error instanceof URIError) return BAD_ENCODING;
  if (typeof error !== 'object' || error === null) return undefined;
  const { type, status, message } = error as { type?: unknown; status?: unknown; message?: unknown };
  if (typeof type === 'string' && BY_PARSER_TYPE[type]) return BY_PARSER_TYPE[type];
  if (typeof status !== 'number' || status < 400 || status >= 500) return undefined;
  // The router's own words for a parameter it cannot decode (it sets 400 on the URIError).
  if (typeof message === 'string' && message.startsWith('Failed to decode param')) return BAD_ENCODING;
  // A compressed body that does not inflate (zlib's error, made 400 by the body parser).
  if ((error as { code?: unknown }).code === 'Z_DATA_ERROR' || (error as { errno?: unknown }).errno === -3) {
    return { status: 400, error: 'bad_compression', message: 'Nội dung nén bị hỏng, không giải nén được.' };
  }
  return { ...BAD_REQUEST, status };
}
