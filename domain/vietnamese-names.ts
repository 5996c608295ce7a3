/**
 * Vietnamese personal names as two spellings of one name. Keyboards and registries disagree on
 * conventions that do not change the name: where the tone mark sits ("Hoà" and "Hòa", "Thuỷ" and
 * "Thủy", "Thuý" and "Thúy"), Unicode form (composed NFC or decomposed NFD), spacing and letter
 * case. Diacritics themselves do matter: "Nguyen" is not "Nguyễn", "Hoa" is not "Hòa".
 *
 * The name printed on a result is the one the population registry holds when the two differ only
 * in those conventions; the applicant's spelling is kept (the form is never rewritten) and shown
 * beside it. Pure: used by the registry checks, the result issuer and the dossier page.
 */

/** Huyền, sắc, ngã, hỏi, nặng as combining marks; circumflex, breve and horn stay with the letter. */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** A name as people write it: composed (NFC), single spaces, no spaces at either end. */
export function tidyName(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** One syllable without its tone mark, and the tone apart: where the mark sat no longer matters. */
function syllableKey(syllable: string): string {
  const decomposed = syllable.normalize('NFD');
  const tones = (decomposed.match(TONE_MARKS) ?? []).sort().join('');
  return `${decomposed.replace(TONE_MARKS, '').normalize('NFC')}/${tones}`;
}

/** What two spellings of one name share: lower case, spaces normalised, each syllable's tone apart from its letters. */
export function nameKey(name: string): string {
  const tidy = tidyName(name).toLocaleLowerCase('vi');
  return tidy ? tidy.split(' ').map(syllableKey).join(' ') : '';
}

/** Whether two spellings are one name under Vietnamese spelling conventions. */
export function sameNameUpToSpelling(a: string, b: string): boolean {
  const key = nameKey(a);
  return key !== '' && key === nameKey(b);
}

/** "NGUYỄN THỊ HÒA" as "Nguyễn Thị Hòa": a registry in capitals prints as a name is written. */
function titleCase(name: string): string {
  if (name !== name.toLocaleUpperCase('vi')) return name;
  return name
    .split(' ')
    .map((w) => w.charAt(0) + w.slice(1).toLocaleLowerCase('vi'))
    .join(' ');
}

export interface NameOnResult {
  /** What the result prints. */
  printed: string;
  /** The applicant's own spelling, when it differs from what is printed (kept, and shown beside it). */
  applicantSpelling?: string;
  /** Where the printed name comes from. */
  source: 'registry' | 'applicant';
}

/**
 * The name a result prints: the registry's spelling when it is the applicant's name in another
 * convention, otherwise the applicant's (a different name is the identity check's business, not
 * the printer's: it never silently replaces what the applicant declared).
 */
export function nameOnResult(applicantName: string, registryName?: string): NameOnResult {
  const declared = tidyName(applicantName);
  if (!registryName || !sameNameUpToSpelling(declared, registryName)) return { printed: declared, source: 'applicant' };
  const printed = titleCase(tidyName(registryName));
  return printed === declared ? { printed, source: 'registry' } : { printed, applicantSpelling: declared, source: 'registry' };
}

/**
 * One syllable in both tone-mark conventions when they differ: a syllable ending in "oa", "oe" or
 * "uy" (no final consonant; "qu" is a consonant) takes the mark on the first vowel in the older
 * convention ("hòa", "thủy") and on the second in the newer one ("hoà", "thuỷ").
 */
function syllableSpellings(syllable: string): string[] {
  const decomposed = syllable.normalize('NFD');
  const tone = decomposed.match(TONE_MARKS);
  if (!tone || tone.length !== 1) return [syllable];
  const base = decomposed.replace(TONE_MARKS, '').normalize('NFC');
  const pair = /(?<!q)(o[ae]|uy)$/i.exec(base);
  if (!pair) return [syllable];
  const at = (i: number) => (base.slice(0, i + 1) + tone[0] + base.slice(i + 1)).normalize('NFC');
  return [at(pair.index), at(pair.index + 1)];
}

/**
 * The spellings of a name a registry may hold under the two tone-mark conventions, the given
 * (tidied) one first; at most `limit`. For a registry that compares names exactly: asking again
 * with the other convention is not a different person.
 */
export function conventionalSpellings(name: string, limit = 4): string[] {
  let spellings = [''];
  for (const syllable of tidyName(name).split(' ')) {
    const options = syllableSpellings(syllable);
    spellings = spellings.flatMap((prefix) => options.map((o) => (prefix ? `${prefix} ${o}` : o))).slice(0, limit * 2);
  }
  const tidy = tidyName(name);
  return [tidy, ...spellings.filter((s) => s !== tidy)].slice(0, limit);
}

/** The check fact under which a registry's spelling of the applicant's name is recorded. */
export const REGISTRY_NAME_FACT = 'Họ và tên theo cơ sở dữ liệu';
