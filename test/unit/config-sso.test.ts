/**
 * Single sign-on settings (OIDC_*, LOCAL_PASSWORDS): off unless OIDC_ISSUER is set; the client
 * secret is required outside development only when it is; passwords cannot be switched off
 * without single sign-on, or nobody could sign in.
 */
import { loadConfig } from '../../config';
import { secretProblems } from '../../config/secret-rules';
import { SANDBOX_OIDC_CLIENT_SECRET } from '../../config/sso';
import { ssoSettings } from '../../web/services/sso';
import { PRODUCTION_ENV, strongSecret as strong } from '../support/production-env';

const PRODUCTION = {
  ...PRODUCTION_ENV,
  PUBLIC_URL: 'https://motcua.example.gov.vn',
};

test('without OIDC_ISSUER there is no single sign-on, and passwords are on', () => {
  const config = loadConfig(PRODUCTION);
  expect(config.sso).toBeUndefined();
  expect(config.localPasswords).toBe(true);
  expect(ssoSettings(config, 'https://motcua.example.gov.vn')).toBeUndefined();
  expect(secretProblems(PRODUCTION)).toEqual([]);
});

test('with OIDC_ISSUER outside development the client secret is required, and checked like any secret', () => {
  const sso = { ...PRODUCTION, OIDC_ISSUER: 'https://sso.example.gov.vn' };
  expect(secretProblems(sso)).toEqual([expect.stringMatching(/^OIDC_CLIENT_SECRET: must be set outside development/)]);
  expect(secretProblems({ ...sso, OIDC_CLIENT_SECRET: SANDBOX_OIDC_CLIENT_SECRET })).toEqual([
    'OIDC_CLIENT_SECRET: is a default published in the motcua repository; set a secret of your own',
  ]);
  const config = loadConfig({ ...sso, OIDC_CLIENT_SECRET: strong('o'), LOCAL_PASSWORDS: 'off' });
  expect(config.localPasswords).toBe(false);
  expect(ssoSettings(config, 'https://motcua.example.gov.vn')).toEqual({
    issuer: 'https://sso.example.gov.vn',
    clientId: 'motcua',
    clientSecret: strong('o'),
    redirectUri: 'https://motcua.example.gov.vn/dang-nhap/sso/callback',
    postLogoutRedirectUri: 'https://motcua.example.gov.vn/dang-nhap',
    usernameClaim: 'preferred_username',
  });
});

test('in development the sandbox client secret is used when none is set', () => {
  const config = loadConfig({ NODE_ENV: 'development', OIDC_ISSUER: 'http://127.0.0.1:4030', OIDC_REDIRECT_URI: 'http://localhost:3000/sso' });
  expect(ssoSettings(config, 'http://localhost:3000')).toMatchObject({ clientSecret: SANDBOX_OIDC_CLIENT_SECRET, redirectUri: 'http://localhost:3000/sso' });
});

test('passwords cannot be switched off without single sign-on', () => {
  expect(() => loadConfig({ NODE_ENV: 'development', LOCAL_PASSWORDS: 'off' })).toThrow('LOCAL_PASSWORDS: off needs OIDC_ISSUER');
});
