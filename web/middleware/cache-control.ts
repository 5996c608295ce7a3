/**
 * Nothing dynamic is kept by a browser or a proxy: back-office pages, applicants' pages behind
 * signed links, lookup results, receipts, results and apology letters all carry personal data,
 * and a page kept in the history shows it again after sign-out (the Back button) or to the
 * next user of a shared computer. Mounted after /static, so only the static assets (which
 * hold no personal data) keep their caching; a route that wants caching sets its own header.
 */
import type { RequestHandler } from 'express';

export function setUpNoStore(): RequestHandler {
  return (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Pragma', 'no-cache'); // HTTP/1.0 proxies
    next();
  };
}
