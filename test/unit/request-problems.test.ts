/** What the error handler says of a request it could not read: 4xx with a reason, never a server error. */
import { requestProblem } from '../../web/middleware/request-problems';
import { optionalText, requiredText } from '../../web/validation';

/** An error as the body parsers make them (http-errors): a status, and a type naming the problem. */
const createError = (status: number, message: string, extra: { type?: string } = {}) => Object.assign(new Error(message), { status, ...extra });

describe('requestProblem', () => {
  test.each([
    ['entity.parse.failed', 400, 'malformed_json'],
    ['entity.too.large', 413, 'payload_too_large'],
    ['parameters.too.many', 413, 'too_many_fields'],
    ['charset.unsupported', 415, 'unsupported_charset'],
    ['encoding.unsupported', 415, 'unsupported_encoding'],
    ['request.size.invalid', 400, 'bad_length'],
    ['request.aborted', 400, 'aborted'],
  ])('reads the body parser error %s as %i %s', (type, status, error) => {
    expect(requestProblem(createError(status, 'x', { type }))).toMatchObject({ status, error });
  });

  test('reads a path it cannot decode as a bad encoding (400)', () => {
    const routerError = Object.assign(new URIError("Failed to decode param '%E0%A4%A'"), { status: 400 });
    expect(requestProblem(routerError)).toMatchObject({ status: 400, error: 'bad_encoding' });
    expect(requestProblem(createError(400, "Failed to decode param '%ZZ'"))).toMatchObject({ status: 400, error: 'bad_encoding' });
  });

  test('leaves our own errors to the server error path', () => {
    expect(requestProblem(new Error('boom'))).toBeUndefined();
    expect(requestProblem(createError(500, 'stream is not readable', { type: 'stream.not.readable' }))).toBeUndefined();
    expect(requestProblem('a string')).toBeUndefined();
  });

  test('keeps any other 4xx as a bad request with its status', () => {
    expect(requestProblem(createError(405, 'nope'))).toMatchObject({ status: 405, error: 'bad_request' });
  });
});

describe('text fields', () => {
  test('refuse NUL and other control characters, which PostgreSQL would refuse as a server error', () => {
    for (const schema of [requiredText('mã hồ sơ', 60), optionalText('mã hồ sơ', 60)]) {
      expect(schema.safeParse('a\u0000b').error?.issues[0].message).toBe('Mã hồ sơ chứa ký tự không hợp lệ.');
      expect(schema.safeParse('a\u001bb').success).toBe(false);
      expect(schema.safeParse('dòng 1\ndòng 2\tcột').success).toBe(true);
    }
  });
});
