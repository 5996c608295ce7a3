/** The sign-in form: what was typed (never the password), the errors, and where to go after. */
import { sameSitePathOr } from '../same-site-path';
import type { FieldErrors } from '../validation';

/** `sso`: the single sign-on button (OIDC_ISSUER set; default hidden); `passwords`: the password form (LOCAL_PASSWORDS; default shown). */
export function loginPage(input: { username?: string; errors?: FieldErrors; next?: unknown; sso?: boolean; passwords?: boolean } = {}) {
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
    next: sameSitePathOr(input.next),
    sso: input.sso ?? false,
    passwords: input.passwords ?? true,
  };
}
