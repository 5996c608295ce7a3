/**
 * Single sign-on settings shared by the web (the client) and the identity-provider sandbox (the
 * provider it talks to in development and tests).
 */
import type { Config } from './index';

/** The client secret of the sandbox's `motcua` client; refused outside development (secret-rules.ts). */
export const SANDBOX_OIDC_CLIENT_SECRET = 'sandbox-identity-client-secret-0123456789';

/** The path the identity provider sends officials back to. */
export const SSO_CALLBACK_PATH = '/dang-nhap/sso/callback';

/** OIDC_REDIRECT_URI, or the callback of this site's public address. */
export function ssoRedirectUri(config: Config, publicUrl: string): string {
  return config.sso?.redirectUri ?? `${publicUrl.replace(/\/$/, '')}${SSO_CALLBACK_PATH}`;
}
