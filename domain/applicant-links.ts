/**
 * Links that let an applicant act on a dossier without an account (answer a supplement request,
 * download the result). The token is an HMAC of the dossier code and the purpose: nothing to
 * store, the same link on every retry, and worthless for any other dossier or purpose.
 * Uses node:crypto: never import this from workflow code.
 */
import crypto from 'node:crypto';

export type LinkPurpose = `supplement-${number}` | 'result' | 'payment';

export function linkToken(secret: string, code: string, purpose: LinkPurpose): string {
  return crypto.createHmac('sha256', secret).update(`${code}\n${purpose}`).digest('base64url').slice(0, 32);
}

export function isValidLinkToken(secret: string, code: string, purpose: LinkPurpose, token: unknown): boolean {
  if (typeof token !== 'string') return false;
  const expected = Buffer.from(linkToken(secret, code, purpose));
  const given = Buffer.from(token);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/**
 * The public status page of one dossier: its code and lookup secret (domain/lookup-secret.ts),
 * the two factors the page asks for. Without the secret the page only asks for it.
 */
export function lookupPath(code: string, secret?: string | null): string {
  return `/tra-cuu?ma=${encodeURIComponent(code)}${secret ? `&bm=${encodeURIComponent(secret)}` : ''}`;
}

/**
 * Where the payment gateway sends the payer back (its returnUrl): a page that says whether the
 * payment has been received, never a second request to pay. The token covers that page only; the
 * gateway never sees the lookup secret.
 */
export function paymentReturnUrl(publicUrl: string, secret: string, code: string): string {
  return `${publicUrl.replace(/\/$/, '')}/thanh-toan/${encodeURIComponent(code)}?t=${linkToken(secret, code, 'payment')}`;
}

export interface ApplicantLinks {
  lookup(code: string, secret?: string | null): string;
  supplement(code: string, round: number): string;
  result(code: string): string;
}

export function applicantLinks(publicUrl: string, secret: string): ApplicantLinks {
  const base = publicUrl.replace(/\/$/, '');
  const code = (c: string) => encodeURIComponent(c);
  return {
    lookup: (c, secret) => `${base}${lookupPath(c, secret)}`,
    supplement: (c, round) => `${base}/bo-sung/${code(c)}?lan=${round}&t=${linkToken(secret, c, `supplement-${round}`)}`,
    result: (c) => `${base}/ket-qua/${code(c)}?t=${linkToken(secret, c, 'result')}`,
  };
}
