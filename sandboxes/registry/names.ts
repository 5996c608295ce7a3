/**
 * How the population database compares a declared name with the stored one. Case, spacing and
 * Unicode form (NFC or NFD) do not matter; diacritics do: Nguyen is not Nguyễn. Nor does where
 * the tone mark sits: "Hoà" and "Hòa", "Thuý" and "Thúy" are one name in the new and the old
 * spelling convention, and keyboards produce both.
 */

/** Huyền, sắc, ngã, hỏi, nặng as combining marks; circumflex, breve and horn stay with the letter. */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;

function syllableKey(syllable: string): string {
  const decomposed = syllable.normalize('NFD');
  const tones = (decomposed.match(TONE_MARKS) ?? []).join('');
  return `${decomposed.replace(TONE_MARKS, '').normalize('NFC')}/${tones}`;
}

function nameKey(name: string): string {
  return name.toLowerCase().trim().split(/\s+/).map(syllableKey).join(' ');
}

export function sameName(declared: string, stored: string): boolean {
  return nameKey(declared) === nameKey(stored);
}
