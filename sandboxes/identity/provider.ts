/**
 * The identity-provider sandbox: an OpenID Connect provider (oidc-provider, the certified
 * implementation) standing in for the national single sign-on. Discovery, JWKS with an RS256
 * key made at start, the authorization code flow with PKCE required, ID tokens and userinfo
 * carrying `name`, `preferred_username` and `email`; its own Vietnamese sign-in page; consent is
 * given without asking (the back office is the provider's own relying party). Sessions, codes and
 * tokens are kept in memory: a restart signs everybody out of the sandbox.
 *
 * oidc-provider 9 is an ES module: loaded with import(), so this runs as its own process (npm
 * start, the SSO tests), never inside Jest, which loads CommonJS only.
 */
import crypto from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import express from 'express';
import type { Configuration, default as ProviderType } from 'oidc-provider' with { 'resolution-mode': 'import' };
import { listen, type ListenAddress, type RunningSandbox } from '../http';
import { knownAccounts, type KnownAccount, type SandboxAccount } from './accounts';
import { loginPage, logoutPage, messagePage } from './page';

export interface IdentityClient {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}

export interface IdentitySandboxOptions extends ListenAddress {
  /** The issuer URL; default: this server's own address once it listens. */
  issuer?: string;
  client: IdentityClient;
  accounts: readonly SandboxAccount[];
}

const WRONG = 'Tên đăng nhập hoặc mật khẩu không đúng.';
/** The interaction pages' path (sign-in, consent). */
const INTERACTION = '/xac-thuc';

// Kept as a real import() by the CommonJS build (module node16), so the ES module loads.
const loadProvider = () => import('oidc-provider');

function signingKey(): crypto.JsonWebKey {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: crypto.randomBytes(8).toString('hex'), use: 'sig', alg: 'RS256' };
}

function configuration(options: IdentitySandboxOptions, accounts: Map<string, KnownAccount>): Configuration {
  return {
    clients: [
      {
        client_id: options.client.clientId,
        client_secret: options.client.clientSecret,
        redirect_uris: options.client.redirectUris,
        post_logout_redirect_uris: options.client.postLogoutRedirectUris,
        response_types: ['code'],
        grant_types: ['authorization_code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    jwks: { keys: [signingKey() as never] },
    cookies: { keys: [crypto.randomBytes(32).toString('base64url')] },
    pkce: { required: () => true },
    scopes: ['openid', 'profile', 'email'],
    claims: { openid: ['sub'], profile: ['name', 'preferred_username'], email: ['email', 'email_verified'] },
    // The ID token carries the claims of the scopes asked for, not only userinfo.
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: false },
      // Signing out of motcua ends the session here too (the relying party sends the browser to /session/end).
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = 'html';
          ctx.body = logoutPage(form);
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.type = 'html';
          ctx.body = messagePage('Đã đăng xuất', 'Ông/Bà đã đăng xuất khỏi cổng định danh.');
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `${INTERACTION}/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return {
        accountId: sub,
        claims: () => ({ sub, name: account.name, preferred_username: account.username, email: account.email, email_verified: true }),
      };
    },
    renderError: (ctx, out) => {
      ctx.type = 'html';
      ctx.body = messagePage('Không thể xác thực', `${String(out.error_description ?? out.error)}`);
    },
    ttl: { AuthorizationCode: 60, IdToken: 3600, AccessToken: 3600, Interaction: 600, Session: 8 * 3600, Grant: 8 * 3600 },
  };
}

/** The sign-in and consent steps of an authorization request (`/xac-thuc/:uid`). */
function interactionRoutes(provider: () => ProviderType, accounts: readonly KnownAccount[]): express.Router {
  const router = express.Router();
  router.use(express.urlencoded({ extended: false, limit: '10kb' }));
  const req2 = (req: express.Request) => req as unknown as IncomingMessage;
  const res2 = (res: express.Response) => res as unknown as ServerResponse;

  router.get(`${INTERACTION}/:uid`, async (req, res, next) => {
    try {
      const p = provider();
      const details = await p.interactionDetails(req2(req), res2(res));
      if (details.uid !== req.params.uid) return res.status(400).type('html').send(messagePage('Không thể xác thực', 'Phiên xác thực không khớp.'));
      if (details.prompt.name === 'login') {
        return res.type('html').send(loginPage({ action: `${INTERACTION}/${details.uid}`, cancel: `${INTERACTION}/${details.uid}/huy`, client: String(details.params.client_id) }));
      }
      // Consent: given for the scopes and claims asked for, without a page.
      const { missingOIDCScope, missingOIDCClaims } = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
      const grant = details.grantId
        ? await p.Grant.find(details.grantId)
        : new p.Grant({ accountId: details.session?.accountId, clientId: String(details.params.client_id) });
      if (!grant) throw new Error('grant not found');
      if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(' '));
      if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
      const grantId = await grant.save();
      await p.interactionFinished(req2(req), res2(res), { consent: { grantId } }, { mergeWithLastSubmission: true });
    } catch (error) {
      next(error);
    }
  });

  router.post(`${INTERACTION}/:uid`, async (req, res, next) => {
    try {
      const p = provider();
      const details = await p.interactionDetails(req2(req), res2(res));
      const body = (req.body ?? {}) as Record<string, unknown>;
      const username = typeof body.username === 'string' ? body.username.trim().toLowerCase() : '';
      const password = typeof body.password === 'string' ? body.password : '';
      const account = accounts.find((a) => a.username === username);
      const valid = account !== undefined && crypto.timingSafeEqual(hash(account.password), hash(password));
      if (details.prompt.name !== 'login' || !valid) {
        return res
          .status(401)
          .type('html')
          .send(loginPage({ action: `${INTERACTION}/${details.uid}`, cancel: `${INTERACTION}/${details.uid}/huy`, client: String(details.params.client_id), username, error: WRONG }));
      }
      await p.interactionFinished(req2(req), res2(res), { login: { accountId: account.subject } }, { mergeWithLastSubmission: false });
    } catch (error) {
      next(error);
    }
  });

  router.post(`${INTERACTION}/:uid/huy`, async (req, res, next) => {
    try {
      await provider().interactionFinished(req2(req), res2(res), { error: 'access_denied', error_description: 'Người dùng đã hủy đăng nhập.' }, { mergeWithLastSubmission: false });
    } catch (error) {
      next(error);
    }
  });

  // An interaction that expired or belongs to another browser: a page, never a stack trace.
  router.use(((error, _req, res, _next) => {
    res.status(400).type('html').send(messagePage('Không thể xác thực', `Phiên xác thực đã hết hạn hoặc không hợp lệ; vui lòng quay lại ứng dụng và đăng nhập lại. (${String((error as Error)?.message ?? error)})`));
  }) as express.ErrorRequestHandler);
  return router;
}

const hash = (text: string) => crypto.createHash('sha256').update(text).digest();

export async function startIdentitySandbox(options: IdentitySandboxOptions): Promise<RunningSandbox & { issuer: string }> {
  const accounts = knownAccounts(options.accounts);
  const bySubject = new Map(accounts.map((a) => [a.subject, a]));
  let provider: ProviderType | undefined;
  const app = express();
  app.disable('x-powered-by');
  app.use(interactionRoutes(() => provider!, accounts));
  app.use((req, res) => {
    if (!provider) return res.status(503).type('html').send(messagePage('Chưa sẵn sàng', 'Cổng định danh đang khởi động.'));
    provider.callback()(req, res);
  });
  const running = await listen(app, options, () => undefined);
  const issuer = options.issuer ?? running.url;
  const { default: Provider } = await loadProvider();
  provider = new Provider(issuer, configuration(options, bySubject));
  return { ...running, issuer };
}
