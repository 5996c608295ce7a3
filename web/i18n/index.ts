/**
 * The interface's languages (issue 9, quality): Vietnamese by default, English available.
 *
 * Gettext style: the Vietnamese text itself is the key (no key or namespace separators), so a
 * string nobody has translated yet shows in Vietnamese, and a view wraps any text in `t()`
 * without inventing a key. The English catalogue is one JSON file (en.json), its variable parts
 * written as i18next interpolations (`{{count}}`) in both the key and the value. Values are not
 * HTML-escaped here: the views escape what they print (`<%= t(...) %>`).
 */
import i18next, { type TOptions } from 'i18next';
import en from './en.json';

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'vi';

/** What each language is called in itself, for the header's switch. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { vi: 'Tiếng Việt', en: 'English' };

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The English catalogue: Vietnamese source text → English. */
export const EN_CATALOGUE: Readonly<Record<string, string>> = en;

const i18n = i18next.createInstance();
void i18n.init({
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  supportedLngs: [...LANGUAGES],
  keySeparator: false,
  nsSeparator: false,
  initAsync: false,
  returnEmptyString: false,
  interpolation: { escapeValue: false },
  resources: { vi: { translation: {} }, en: { translation: EN_CATALOGUE } },
});

/** Translates a Vietnamese source text (with `{{name}}` interpolations) into the language. */
export type Translate = (text: string, values?: Record<string, unknown>) => string;

const INTERPOLATION = /\{\{\s*([^}\s,]+)[^}]*\}\}/g;

/**
 * Vietnamese is the source text itself: its variables are filled in without i18next (a page
 * calls `t` a hundred times; i18next's lookup and fallback chain cost about a millisecond a page).
 */
const vietnamese: Translate = (text, values) => {
  if (typeof text !== 'string') return String(text ?? '');
  return values && text.includes('{{') ? text.replace(INTERPOLATION, (_, name: string) => String(values[name] ?? '')) : text;
};

const translators = new Map<Language, Translate>(
  LANGUAGES.map((lng) => {
    if (lng === DEFAULT_LANGUAGE) return [lng, vietnamese];
    const fixed = i18n.getFixedT(lng);
    return [lng, (text: string, values?: Record<string, unknown>) => (typeof text === 'string' && text ? String(fixed(text, values as TOptions)) : String(text ?? ''))];
  }),
);

export function translator(language: Language): Translate {
  return translators.get(language)!;
}

/** The `{{name}}` variables of a text, sorted (the catalogue test compares keys with values). */
export function interpolations(text: string): string[] {
  return [...text.matchAll(INTERPOLATION)].map((m) => m[1]).sort();
}
