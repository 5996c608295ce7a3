/**
 * Single sign-on of officials through OpenID Connect (openid-client 5: discovery, the
 * authorization code flow with PKCE, state and nonce, ID token checks). The identity provider
 * says who the person is; this service says which official that is, or refuses:
 *
 * - an official is found by the provider's subject (`official.sso_issuer`, `sso_subject`);
 * - a subject seen for the first time is linked to the official its username claim
 *   (OIDC_USERNAME_CLAIM, default `preferred_username`) names, if that official is active and
 *   has no subject yet; from then on only the subject counts: a later change of the claim does
 *   not move the official to another person, and another subject naming a linked official is
 *   refused. The link is audited (`sso-linked`);
 * - an unknown subject, or an inactive official, is refused with a Vietnamese message.
 *
 * Every outcome is audited like a password sign-in (`sign-in`, `sign-in-failed`), with
 * `{ method: 'sso' }` in the detail.
 */
import { errors, generators, Issuer, type BaseClient, type IdTokenClaims } from 'openid-client';
import type { Config } from '../../config';
import { SANDBOX_OIDC_CLIENT_SECRET, ssoRedirectUri } from '../../config/sso';
import { appendAudit } from '../../db/audit';
import { Official } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { type SessionUser, sessionUserOf } from '../session-user';

export interface SsoSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  /** Where the provider sends the browser after signing out there (registered with it): the sign-in page. */
  postLogoutRedirectUri: string;
  usernameClaim: string;
}

/** What the session keeps between sending an official to the provider and their return. */
export interface PendingSso {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** Where to go after signing in: a path of this site, checked before it is stored. */
  next: string;
  startedAt: number;
}

/** What the provider sent back to the callback (query parameters, each one value at most). */
export type SsoCallbackParams = {
  code?: string;
  state?: string;
  iss?: string;
  error?: string;
  error_description?: string;
};

export type SsoResult =
  /** `idToken`: kept in the session, so signing out can end the provider's session too. */
  | { kind: 'signed-in'; user: SessionUser; next: string; idToken?: string }
  /** 400: a request no sign-in of ours sent; 401: the provider refused; 403: no such official; 503: the provider could not be reached. */
  | { kind: 'refused'; status: 400 | 401 | 403 | 503; message: string };

/** A sign-in started longer ago than this is not finished. */
const PENDING_TTL_MS = 10 * 60_000;

export const SSO_MESSAGES = {
  invalid: 'Yêu cầu đăng nhập bằng tài khoản định danh không hợp lệ hoặc đã hết hạn. Vui lòng đăng nhập lại.',
  denied: 'Cổng định danh không xác thực được Ông/Bà. Vui lòng đăng nhập lại.',
  unknown: 'Tài khoản định danh này chưa được gắn với cán bộ nào của hệ thống. Vui lòng liên hệ quản trị viên.',
  inactive: 'Tài khoản cán bộ gắn với tài khoản định danh này đã ngừng hoạt động. Vui lòng liên hệ quản trị viên.',
  unreachable: 'Không kết nối được cổng định danh. Vui lòng thử lại sau hoặc đăng nhập bằng mật khẩu nếu được phép.',
} as const;

export class SsoService {
  private client?: Promise<BaseClient>;

  constructor(
    private readonly orm: Orm,
    readonly settings: SsoSettings,
    private readonly log: (line: string) => void,
  ) {}

  /** The provider's metadata, discovered once (again after a failure). */
  private clientOf(): Promise<BaseClient> {
    this.client ??= Issuer.discover(this.settings.issuer).then(
      (issuer) =>
        new issuer.Client({
          client_id: this.settings.clientId,
          client_secret: this.settings.clientSecret,
          redirect_uris: [this.settings.redirectUri],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_basic',
          id_token_signed_response_alg: 'RS256',
        }),
      (error: unknown) => {
        this.client = undefined;
        throw error;
      },
    );
    return this.client;
  }

  /** The provider's client, or the refusal to show when the provider cannot be reached. */
  private async reachableClient(): Promise<{ kind: 'client'; client: BaseClient } | { kind: 'refused'; status: 503; message: string }> {
    try {
      return { kind: 'client', client: await this.clientOf() };
    } catch (error) {
      this.log(`[web] identity provider ${this.settings.issuer} not reachable: ${String(error)}`);
      return { kind: 'refused', status: 503, message: SSO_MESSAGES.unreachable };
    }
  }

  /** The provider's authorization URL, and what to keep in the session until the official returns. */
  async begin(next: string): Promise<{ url: string; pending: PendingSso } | { kind: 'refused'; status: 503; message: string }> {
    const reached = await this.reachableClient();
    if (reached.kind === 'refused') return reached;
    const { client } = reached;
    const pending: PendingSso = { state: generators.state(), nonce: generators.nonce(), codeVerifier: generators.codeVerifier(), next, startedAt: Date.now() };
    const url = client.authorizationUrl({
      scope: 'openid profile email',
      response_type: 'code',
      state: pending.state,
      nonce: pending.nonce,
      code_challenge: generators.codeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
    });
    return { url, pending };
  }

  /** Finishes a sign-in: the provider's answer checked, the official found (or linked), audited. */
  async complete(params: SsoCallbackParams, pending: PendingSso | undefined, ip: string | undefined): Promise<SsoResult> {
    if (!pending || !params.state || Date.now() - pending.startedAt > PENDING_TTL_MS) {
      return { kind: 'refused', status: 400, message: SSO_MESSAGES.invalid };
    }
    const reached = await this.reachableClient();
    if (reached.kind === 'refused') return reached;
    const { client } = reached;
    let claims: IdTokenClaims;
    let idToken: string | undefined;
    try {
      // Checks state, the provider's error, iss (RFC 9207), exchanges the code with the PKCE
      // verifier, and checks the ID token: signature (JWKS), issuer, audience, nonce, expiry.
      const tokens = await client.callback(this.settings.redirectUri, params, {
        response_type: 'code',
        state: pending.state,
        nonce: pending.nonce,
        code_verifier: pending.codeVerifier,
      });
      claims = tokens.claims();
      idToken = tokens.id_token;
      if (typeof claims[this.settings.usernameClaim] !== 'string' && tokens.access_token) {
        // Some providers keep profile claims to userinfo; its subject is checked against the ID token's.
        claims = { ...(await client.userinfo(tokens)), ...claims };
      }
    } catch (error) {
      if (error instanceof errors.OPError) {
        // The provider refused: the person cancelled, or the code was used already (a replay).
        await this.audit('sso:-', 'sign-in-failed', ip, undefined, { method: 'sso', reason: error.error });
        return { kind: 'refused', status: 401, message: SSO_MESSAGES.denied };
      }
      if (error instanceof errors.RPError) {
        // What came back fails our checks: a state, nonce, issuer or signature that does not match.
        await this.audit('sso:-', 'sign-in-failed', ip, undefined, { method: 'sso', reason: error.message });
        return { kind: 'refused', status: 400, message: SSO_MESSAGES.invalid };
      }
      this.log(`[web] single sign-on failed at ${this.settings.issuer}: ${String(error)}`);
      return { kind: 'refused', status: 503, message: SSO_MESSAGES.unreachable };
    }
    const result = await this.officialFor(claims, pending.next, ip);
    return result.kind === 'signed-in' ? { ...result, idToken } : result;
  }

  /**
   * Where to send the browser after the local session ended, so the provider's ends too
   * (RP-initiated logout); undefined when the provider cannot be reached or offers none: the
   * local sign-out stands on its own.
   */
  async endSessionUrl(idToken: string): Promise<string | undefined> {
    try {
      const client = await this.clientOf();
      if (!client.issuer.metadata.end_session_endpoint) return undefined;
      return client.endSessionUrl({ id_token_hint: idToken, post_logout_redirect_uri: this.settings.postLogoutRedirectUri });
    } catch (error) {
      this.log(`[web] identity provider ${this.settings.issuer} not reachable at sign-out: ${String(error)}`);
      return undefined;
    }
  }

  private async officialFor(claims: IdTokenClaims, next: string, ip: string | undefined): Promise<SsoResult> {
    const { issuer, usernameClaim } = this.settings;
    const subject = claims.sub;
    const claimed = typeof claims[usernameClaim] === 'string' ? (claims[usernameClaim] as string).trim().toLowerCase().slice(0, 60) : undefined;
    const em = this.orm.em.fork();
    let official = await em.findOne(Official, { ssoIssuer: issuer, ssoSubject: subject }, { populate: ['agency'] });
    if (!official && claimed) {
      const named = await em.findOne(Official, { username: claimed }, { populate: ['agency'] });
      if (named && named.ssoSubject === null && named.active) {
        // The first sign-in of this subject: linked once, unless another request linked it meanwhile.
        const linked = await em.nativeUpdate(Official, { id: named.id, ssoSubject: null }, { ssoIssuer: issuer, ssoSubject: subject, ssoLinkedAt: new Date() });
        if (linked === 1) {
          await this.audit(named.username, 'sso-linked', ip, named.agency.code, { method: 'sso', issuer, subject });
          official = await em.fork().findOne(Official, { id: named.id }, { populate: ['agency'] });
        }
      } else if (named && named.ssoSubject !== null) {
        await this.audit(named.username, 'sign-in-failed', ip, named.agency.code, { method: 'sso', subject, reason: 'linked-to-another-subject' });
        return { kind: 'refused', status: 403, message: SSO_MESSAGES.unknown };
      } else if (named && !named.active) {
        await this.audit(named.username, 'sign-in-failed', ip, named.agency.code, { method: 'sso', subject, reason: 'inactive' });
        return { kind: 'refused', status: 403, message: SSO_MESSAGES.inactive };
      }
    }
    if (!official) {
      await this.audit(claimed ?? `sso:${subject}`, 'sign-in-failed', ip, undefined, { method: 'sso', subject, reason: 'unknown-subject' });
      return { kind: 'refused', status: 403, message: SSO_MESSAGES.unknown };
    }
    if (!official.active) {
      await this.audit(official.username, 'sign-in-failed', ip, official.agency.code, { method: 'sso', subject, reason: 'inactive' });
      return { kind: 'refused', status: 403, message: SSO_MESSAGES.inactive };
    }
    await this.audit(official.username, 'sign-in', ip, official.agency.code, { method: 'sso', subject });
    return {
      kind: 'signed-in',
      next,
      user: sessionUserOf(official),
    };
  }

  private audit(actor: string, action: string, ip: string | undefined, agencyCode: string | undefined, detail: unknown): Promise<unknown> {
    return appendAudit(this.orm.em.fork(), { actor, action, ip: ip ?? null, agencyCode: agencyCode ?? null, detail });
  }
}

/** The settings from the configuration (OIDC_*), or undefined when single sign-on is not configured. */
export function ssoSettings(config: Config, publicUrl: string): SsoSettings | undefined {
  if (!config.sso) return undefined;
  return {
    issuer: config.sso.issuer,
    clientId: config.sso.clientId,
    // Unset only in development and tests (config/secret-rules.ts): the sandbox's client.
    clientSecret: config.sso.clientSecret ?? SANDBOX_OIDC_CLIENT_SECRET,
    redirectUri: ssoRedirectUri(config, publicUrl),
    postLogoutRedirectUri: `${publicUrl.replace(/\/$/, '')}/dang-nhap`,
    usernameClaim: config.sso.usernameClaim,
  };
}
