/**
 * API clients' credentials (issue 8): a client id (public, `cl_` and 16 hex digits) and secrets
 * of 32 random bytes (base64url). Only the SHA-256 of a secret is stored: the secret has 256
 * bits of entropy, so a slow hash (bcrypt, scrypt) would add nothing against guessing and cost
 * every API request tens of milliseconds. Compared in constant time.
 * Uses node:crypto: never import this from workflow code.
 */
import crypto from 'node:crypto';

export const CLIENT_ID_PATTERN = /^cl_[0-9a-f]{16}$/;
/** 32 bytes in base64url: 43 characters. */
export const SECRET_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function newClientId(): string {
  return `cl_${crypto.randomBytes(8).toString('hex')}`;
}

export function newClientSecret(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** Hex SHA-256 of the secret, as stored in `api_client_secret.secret_hash`. */
export function hashClientSecret(secret: string): string {
  return crypto.createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Whether `secret` hashes to `storedHash`; always the same work, whatever matches. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const given = Buffer.from(hashClientSecret(secret), 'hex');
  const stored = Buffer.from(storedHash.padEnd(64, '0').slice(0, 64), 'hex');
  return given.length === stored.length && crypto.timingSafeEqual(given, stored);
}

/** What a client presents: `<clientId>.<secret>` as a bearer token, or the same as HTTP Basic user and password. */
export interface PresentedCredentials {
  clientId: string;
  secret: string;
}

/** The credentials in an Authorization header; undefined when there is none or it cannot be read. */
export function credentialsOf(authorization: string | undefined): PresentedCredentials | 'malformed' | undefined {
  if (!authorization) return undefined;
  const [scheme, value = ''] = authorization.trim().split(/\s+/, 2);
  if (/^bearer$/i.test(scheme)) {
    const dot = value.indexOf('.');
    if (dot < 1) return 'malformed';
    return { clientId: value.slice(0, dot), secret: value.slice(dot + 1) };
  }
  if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 1) return 'malformed';
    return { clientId: decoded.slice(0, colon), secret: decoded.slice(colon + 1) };
  }
  return 'malformed';
}

/** A client's scope: agency codes and procedure codes it may submit for; `'*'` is every one, an empty list none. */
export interface ApiClientScope {
  agencies: readonly string[];
  procedures: readonly string[];
}

export const inScope = (list: readonly string[], code: string) => list.includes('*') || list.includes(code);

/** `7d`, `12h`, `30m`, `0` (now) as milliseconds; undefined when not understood. */
export function durationMs(text: string): number | undefined {
  const m = /^(\d+)\s*(d|h|m|s)?$/.exec(text.trim());
  if (!m) return undefined;
  const unit = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000 }[(m[2] ?? 's') as 'd' | 'h' | 'm' | 's'];
  return Number(m[1]) * unit;
}
