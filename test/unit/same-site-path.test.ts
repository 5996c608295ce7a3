/**
 * Where the sign-in sends an official next (web/same-site-path.ts): paths of this site only, so
 * a link such as /dang-nhap?tiep=/\evil.example/x cannot land anyone on another site.
 */
import { sameSitePath, sameSitePathOr } from '../../web/same-site-path';
import { loginPage } from '../../web/view-models/login';

const ATTACKS: [string, unknown][] = [
  ['protocol-relative', '//evil.example/x'],
  ['protocol-relative, three slashes', '///evil.example/x'],
  ['slash and backslash', '/\\evil.example/x'],
  ['backslash first', '\\\\evil.example/x'],
  ['backslash later in the path', '/ho-so/..\\..\\evil'],
  ['encoded backslash', '/%5Cevil.example/x'],
  ['encoded backslash, lower case', '/%5cevil.example/x'],
  ['encoded slashes', '/%2F%2Fevil.example/x'],
  ['encoded second slash', '/%2Fevil.example/x'],
  ['double-encoded slash', '/%252Fevil.example/x'],
  ['double-encoded backslash', '/%255Cevil.example/x'],
  ['triple-encoded slash', '/%25252Fevil.example'],
  ['absolute https', 'https://evil.example/x'],
  ['absolute http, upper case', 'HTTP://evil.example'],
  ['javascript scheme', 'javascript:alert(1)'],
  ['data scheme', 'data:text/html,<script>alert(1)</script>'],
  ['scheme after decoding', '%2F%2Fevil.example'],
  ['tab between the slashes', '/\t/evil.example'],
  ['encoded tab between the slashes', '/%09/evil.example'],
  ['newline', '/\n/evil.example'],
  ['encoded newline (header splitting)', '/x%0d%0aSet-Cookie:%20a=b'],
  ['NUL', '/x\u0000'],
  ['encoded NUL', '/x%00'],
  ['space first', ' /ho-so'],
  ['leading spaces then slashes', ' //evil.example'],
  ['no leading slash', 'evil.example'],
  ['relative path', 'ho-so/1'],
  ['dot segments to another host', '/.//evil.example'],
  ['unicode line separator', '/x\u2028'],
  ['non-ASCII as sent', '/hồ-sơ'],
  ['broken escape', '/%E0%A4%A'],
  ['empty', ''],
  ['not a string', ['/ho-so', '//evil.example']],
  ['undefined', undefined],
  ['a number', 42],
];

describe('a redirect target from input', () => {
  test.each(ATTACKS)('refuses %s', (_name, target) => {
    expect(sameSitePath(target)).toBeUndefined();
    expect(sameSitePathOr(target)).toBe('/');
  });

  test.each([
    ['/'],
    ['/cong-viec'],
    ['/ho-so/000.00.31.H01-261202-0001'],
    ['/ho-so/000.00.31.H01-261202-0001?tab=lich-su#ket-qua'],
    ['/giam-sat?trang=2&vai-tro=tiep-nhan'],
    ['/tra-cuu?ma=000.00.31.H01-261202-0001%20'],
    ['/thu-tuc?q=%C4%91%E1%BB%95i%20gi%E1%BA%A5y%20ph%C3%A9p'],
    ['/bao-cao?tu=2026-01-01&den=2026-12-31'],
  ])('keeps the path of this site %s', (target) => {
    expect(sameSitePath(target)).toBe(target);
  });

  test('falls back to the given landing page', () => {
    expect(sameSitePathOr('//evil.example', '/cong-viec')).toBe('/cong-viec');
  });

  test('the sign-in form carries only a path of this site', () => {
    expect(loginPage({ next: '/\\evil.example/x' }).next).toBe('/');
    expect(loginPage({ next: '/giam-sat' }).next).toBe('/giam-sat');
  });
});
