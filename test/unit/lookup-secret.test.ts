/** The lookup secret: what it is made of, how it is read back, how it is compared. */
import { formatLookupSecret, lookupSecretMatches, newLookupSecret, normalizeLookupSecret } from '../../domain/lookup-secret';
import { delayAfter } from '../../web/services/sign-in-throttle';

test('makes 8 characters of Crockford base 32, different each time', () => {
  const secrets = Array.from({ length: 500 }, newLookupSecret);
  for (const secret of secrets) expect(secret).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
  expect(new Set(secrets).size).toBe(secrets.length);
});

test('reads a secret as people copy it: lower case, grouped, O for 0, I or L for 1', () => {
  expect(normalizeLookupSecret(' 7kq2-m9xd ')).toBe('7KQ2M9XD');
  expect(normalizeLookupSecret('O1IL AB')).toBe('0111AB');
  expect(formatLookupSecret('7KQ2M9XD')).toBe('7KQ2-M9XD');
  expect(lookupSecretMatches('7KQ2M9XD', '7kq2-m9xd')).toBe(true);
  expect(lookupSecretMatches('70Q2M1XD', '7oq2-mlxd')).toBe(true);
});

test('matches nothing for an unknown dossier, an empty or a wrong secret', () => {
  expect(lookupSecretMatches(undefined, 'XXXXXXXX')).toBe(false);
  expect(lookupSecretMatches(null, '')).toBe(false);
  expect(lookupSecretMatches('7KQ2M9XD', '')).toBe(false);
  expect(lookupSecretMatches('7KQ2M9XD', undefined)).toBe(false);
  expect(lookupSecretMatches('7KQ2M9XD', '7KQ2M9XE')).toBe(false);
  expect(lookupSecretMatches('7KQ2M9XD', '7KQ2M9XD0')).toBe(false);
});

test('sign-in waits start after the free failures, double, and stop at the cap', () => {
  const rule = { freeFailures: 3, firstDelayMs: 1000, maxDelayMs: 5000 };
  expect([1, 2, 3, 4, 5, 6, 7, 100].map((n) => delayAfter(rule, n))).toEqual([0, 0, 0, 1000, 2000, 4000, 5000, 5000]);
});
