/**
 * Where to send someone next when the place comes from input (the `tiep` of the sign-in page, a
 * form's hidden `next`): a path of this site, or the default. The one check for every redirect
 * whose target a request can choose; nothing else may pass input to `res.redirect`.
 *
 * Browsers are lenient: they read `/\evil.example` and `/\t/evil.example` as `//evil.example`
 * (another site), and a target may arrive percent-encoded once or twice. So the target must be
 * printable ASCII starting with one `/`, and neither it nor any of its decoded forms may hold a
 * backslash, a control character, an empty path segment (`//`, also as `/.//`) or a scheme.
 */

/** Decoding rounds looked at: more layers of encoding than this are refused outright. */
const MAX_DECODINGS = 3;
const PRINTABLE_ASCII = /^[\x21-\x7e]*$/;
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const PROBE_ORIGIN = 'https://motcua.invalid';

/** One form of the target (as sent, or decoded): a plain absolute path of this site. */
function plainPath(form: string): boolean {
  return (
    form.startsWith('/') &&
    !form.split(/[?#]/, 1)[0].includes('//') &&
    !form.includes('\\') &&
    !CONTROL.test(form) &&
    !SCHEME.test(form)
  );
}

/** The target when it is a path of this site, otherwise undefined. */
export function sameSitePath(target: unknown): string | undefined {
  if (typeof target !== 'string' || target.length > 2000 || !PRINTABLE_ASCII.test(target)) return undefined;
  let form = target;
  for (let round = 0; ; round++) {
    if (!plainPath(form)) return undefined;
    let decoded: string;
    try {
      decoded = decodeURIComponent(form);
    } catch {
      return undefined; // a broken escape: nobody's link
    }
    if (decoded === form) break;
    if (round === MAX_DECODINGS) return undefined;
    form = decoded;
  }
  // Last, as a browser would resolve it: the same origin, or nothing.
  try {
    if (new URL(target, PROBE_ORIGIN).origin !== PROBE_ORIGIN) return undefined;
  } catch {
    return undefined;
  }
  return target;
}

/** The target when it is a path of this site, otherwise the fallback (the default landing page). */
export function sameSitePathOr(target: unknown, fallback = '/'): string {
  return sameSitePath(target) ?? fallback;
}
