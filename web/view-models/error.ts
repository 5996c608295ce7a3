/** A page that only explains: not found, not allowed, a request the site cannot read. */
import type { FieldErrors } from '../validation';

export function errorPage(title: string, message: string, errors: FieldErrors = {}) {
  return { title, message, details: Object.values(errors) };
}

export const REQUEST_INVALID = 'Yêu cầu không hợp lệ';
