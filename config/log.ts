/**
 * Structured logs (pino): one JSON object a line on stdout, with the process's name, an ISO
 * time and, for web requests, the request id. What reaches a log never holds personal data:
 * messages name dossiers by code, recipients masked; objects logged are stripped of the keys
 * below (a cookie, a password, a citizen's ID, phone, e-mail or name) should one slip in.
 */
import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Keys never written, at the top level or one level down (`req.headers.cookie`, `form.phone`...). */
const PERSONAL_KEYS = ['password', 'cookie', 'authorization', 'citizenId', 'phone', 'email', 'applicantName', 'recipient', 'form', 'secret'];

export const REDACTED_PATHS = [
  ...PERSONAL_KEYS,
  ...PERSONAL_KEYS.map((key) => `*.${key}`),
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
];

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

/** The logger of one process ("web", "worker", ...); `destination` is for tests that read what was written. */
export function createLogger(processName: string, level: LogLevel, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      base: { process: processName },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: REDACTED_PATHS, censor: '[ẩn]' },
    },
    destination,
  );
}

/** The line logger services take (`log(line)`), writing through `logger`. */
export function lineLog(logger: Logger): (line: string) => void {
  return (line) => logger.info(line);
}
