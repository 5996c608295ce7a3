/**
 * Runs the identity-provider sandbox as its own process (`node dist/sandboxes/identity/main.js`,
 * or with tsx in tests). The accounts come from IDENTITY_SANDBOX_ACCOUNTS (JSON: username, name,
 * optionally email, password, subject); its one client is motcua as the web is configured
 * (OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URI or PUBLIC_URL).
 */
import { loadConfig } from '../../config';
import { resolveEndpoints } from '../../config/endpoints';
import { SANDBOX_OIDC_CLIENT_SECRET, ssoRedirectUri } from '../../config/sso';
import { runUntilSignalled } from '../http';
import { parseAccounts } from './accounts';
import { startIdentitySandbox } from './provider';

async function main(): Promise<void> {
  const config = loadConfig();
  const accounts = process.env.IDENTITY_SANDBOX_ACCOUNTS;
  if (!accounts) throw new Error('IDENTITY_SANDBOX_ACCOUNTS is not set (a JSON array of accounts)');
  const publicUrl = resolveEndpoints(config).publicUrl;
  const running = await startIdentitySandbox({
    host: '127.0.0.1',
    port: config.identitySandboxPort,
    issuer: config.sso?.issuer,
    client: {
      clientId: config.sso?.clientId ?? 'motcua',
      clientSecret: config.sso?.clientSecret ?? SANDBOX_OIDC_CLIENT_SECRET,
      redirectUris: [ssoRedirectUri(config, publicUrl)],
      postLogoutRedirectUris: [`${publicUrl}/dang-nhap`],
    },
    accounts: parseAccounts(accounts),
  });
  runUntilSignalled(`Identity sandbox (issuer ${running.issuer})`, running);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
