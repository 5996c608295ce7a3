/**
 * The lookup secret: the second factor of the public status lookup (/tra-cuu and the API's
 * GET). Dossier codes are sequential, so a code alone lets anyone walk every dossier; the secret
 * is 8 random characters of Crockford's base 32 (no I, L, O, U: nothing to misread on paper),
 * 40 bits, printed on the receipt (form 01) and sent to the applicant. It is kept plainly in the
 * dossier row (db/migrations/Migration20261204010000LookupSecret.ts says why).
 * Uses node:crypto: never import this from workflow code.
 */
import crypto from 'node:crypto';

export const LOOKUP_SECRET_LENGTH = 8;
export const LOOKUP_SECRET_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new secret: 8 characters, each 5 random bits. */
export function newLookupSecret(): string {
  return [...crypto.randomBytes(LOOKUP_SECRET_LENGTH)].map((b) => LOOKUP_SECRET_ALPHABET[b & 31]).join('');
}

/**
 * The secret as typed, in canonical form: upper case, spaces and dashes dropped, and the
 * letters Crockford reads as digits (O as 0, I and L as 1) turned into them.
 */
export function normalizeLookupSecret(typed: string): string {
  return typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/** Printed in two groups of four, easier to copy: `7KQ2-M9XD`. */
export function formatLookupSecret(secret: string): string {
  return secret.length === LOOKUP_SECRET_LENGTH ? `${secret.slice(0, 4)}-${secret.slice(4)}` : secret;
}

const NO_SECRET = 'X'.repeat(LOOKUP_SECRET_LENGTH);

/**
 * Whether `typed` is the dossier's secret, in constant time (a digest of each side is compared,
 * so neither the length nor the first wrong character shows in the time taken). `expected` is
 * undefined for an unknown code: the same work is done and the answer is no.
 */
export function lookupSecretMatches(expected: string | null | undefined, typed: string | null | undefined): boolean {
  const digest = (text: string) => crypto.createHash('sha256').update(text).digest();
  const given = digest(normalizeLookupSecret(typed ?? ''));
  const same = crypto.timingSafeEqual(digest(expected ?? NO_SECRET), given);
  return same && !!expected && !!typed;
}
