/**
 * Which language a page is written in: the signed-in official's choice (kept on the official,
 * copied into the session at sign-in), else an anonymous visitor's cookie, else Vietnamese.
 * Every view gets `lang` (for `<html lang>`) and `t()` (web/i18n), and `currentUrl`, where the
 * header's switch brings the reader back.
 */
import type { Request, RequestHandler } from 'express';
import { DEFAULT_LANGUAGE, isLanguage, type Language, translator } from '../i18n';
import { sameSitePath } from '../same-site-path';

/** The anonymous visitor's choice. */
export const LANGUAGE_COOKIE = 'lang';
const ONE_YEAR_S = 365 * 24 * 3600;

function cookieLanguage(req: Request): Language | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, value] = part.split('=');
    if (name?.trim() === LANGUAGE_COOKIE) return isLanguage(value?.trim()) ? (value.trim() as Language) : undefined;
  }
  return undefined;
}

export function languageOf(req: Request): Language {
  const chosen = req.session?.user?.language;
  return isLanguage(chosen) ? chosen : (cookieLanguage(req) ?? DEFAULT_LANGUAGE);
}

/** The cookie that keeps an anonymous visitor's language (a year; readable by the server only). */
export function languageCookie(language: Language, secure: boolean): string {
  return `${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=${ONE_YEAR_S}; HttpOnly; SameSite=Lax${secure ? '; Secure' : ''}`;
}

/**
 * Query parameters never carried into the switch's form: those naming where to go next (the
 * sign-in's `tiep`), and the lookup's secret (`bm`), which a page never echoes back.
 */
const DROPPED_PARAMETERS = ['tiep', 'next', 'bm'];

/**
 * Where the switch brings the reader back: this page, with its query (a search, filters), but
 * without the parameters above, and only a path of this site.
 */
export function switchTarget(originalUrl: string): string {
  const [path, query = ''] = originalUrl.split('?', 2);
  const params = new URLSearchParams(query);
  for (const name of DROPPED_PARAMETERS) params.delete(name);
  const rest = params.toString();
  return sameSitePath(rest ? `${path}?${rest}` : path) ?? '/';
}

/** Sets `lang`, `t` and `currentUrl` for the views; run before the sessions (cookie only) and after them. */
export function setUpLanguage(): RequestHandler {
  return (req, res, next) => {
    const language = languageOf(req);
    res.locals.lang = language;
    res.locals.t = translator(language);
    res.locals.currentUrl = switchTarget(req.originalUrl);
    next();
  };
}
