/** The sign-in form: what was typed (never the password), the errors, and where to go after. */
import type { FieldErrors } from '../validation';

/** Only paths inside this site: never an open redirect. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function loginPage(input: { username?: string; errors?: FieldErrors; next?: unknown } = {}) {
  const errors = input.errors ?? {};
  // A problem with the form as a whole (wrong password, locked) shows above it; so does a field
  // the form has no place for (a forged or broken request).
  const placed = new Set(['username', 'password']);
  const notice = [errors.form, ...Object.entries(errors).filter(([k]) => k !== 'form' && !placed.has(k)).map(([, m]) => m)].filter(Boolean).join(' ');
  return {
    title: 'Đăng nhập',
    username: input.username ?? '',
    errors: { username: errors.username, password: errors.password },
    notice: notice || undefined,
    next: safeNext(input.next),
  };
}
