/**
 * Every setting motcua reads from the environment, in one place. Components receive the parts
 * they need (never `process.env` directly), so tests can build a config of their own.
 * README.md lists the same variables for operators; keep the two in step.
 */
import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from './paths';
import { secretProblems } from './secret-rules';
import { payloadKeysProblem } from './payload-codec';

const duration = z
  .string()
  .regex(/^\d+(ms|s|m|h|d)$/, 'a duration such as 500ms, 30s, 15m, 72h or 3d');

/** Requests allowed per client and period, e.g. `60/1m`. */
const rate = z.string().regex(/^\d+\/\d+(ms|s|m|h|d)$/, 'a rate such as 60/1m (requests per period)');

const schema = z.object({
  /** PostgreSQL connection string; unset: `npm start` runs an embedded PostgreSQL under DATA_DIR. */
  DATABASE_URL: z.string().optional(),
  /** Temporal frontend host:port; unset: `npm start` runs a local Temporal dev server. */
  TEMPORAL_ADDRESS: z.string().optional(),
  TEMPORAL_NAMESPACE: z.string().default('default'),
  TEMPORAL_TASK_QUEUE: z.string().default('motcua-dossiers'),
  /** Prefix of workflow ids, for installations sharing one Temporal namespace. */
  TEMPORAL_WORKFLOW_ID_PREFIX: z.string().regex(/^[a-zA-Z0-9._-]*$/).default(''),
  /** Temporal Cloud API key; implies TLS. */
  TEMPORAL_API_KEY: z.string().optional(),
  /** Client certificate and key for mTLS (Temporal Cloud or a self-hosted cluster). */
  TEMPORAL_TLS_CERT: z.string().optional(),
  TEMPORAL_TLS_KEY: z.string().optional(),
  /** Path to a Temporal CLI binary for the local dev server (default: .tools/temporal, else the SDK downloads one). */
  TEMPORAL_CLI_PATH: z.string().optional(),
  /**
   * Keys that encrypt Temporal payloads (config/payload-codec.ts): `kid:base64,…`, 32-byte keys,
   * the first encrypts, all decrypt (rotation: put a new one first, keep the old ones). Generated
   * per data folder when unset (development only).
   */
  PAYLOAD_KEYS: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      const problem = value === undefined ? undefined : payloadKeysProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  /** The Temporal UI's origin, allowed to call the codec endpoint (/codec) with officials' cookies; development default http://localhost:<TEMPORAL_UI_PORT>. */
  TEMPORAL_UI_ORIGIN: z.string().url().optional(),
  /** How long the web waits for Temporal to confirm a decision before telling the official it could not. */
  TEMPORAL_UPDATE_WAIT: duration.default('20s'),
  /** Where local PostgreSQL and Temporal keep their data. */
  DATA_DIR: z.string().default(path.join(projectRoot, '.data')),

  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** The address applicants and officials use; links in notifications are built from it. */
  PUBLIC_URL: z.string().url().optional(),
  /** Signs session cookies. Generated per data folder when unset (development only: config/secret-rules.ts). */
  SESSION_SECRET: z.string().min(16).optional(),
  /** Signs applicant links (supplement answers). Generated per data folder when unset. */
  LINK_SECRET: z.string().min(16).optional(),
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),

  /** Registry gateway (population, driving licences); unset: the local registry sandbox. */
  REGISTRY_URL: z.string().url().optional(),
  REGISTRY_API_KEY: z.string().default('sandbox-registry-key'),
  /** Per-call timeout towards registries; Temporal retries transient failures. */
  REGISTRY_TIMEOUT: duration.default('5s'),
  /** Payment gateway; unset: the local payment sandbox. */
  PAYMENT_URL: z.string().url().optional(),
  PAYMENT_MERCHANT_ID: z.string().default('MOTCUA'),
  /** Shared secret of the gateway's signed callbacks (HMAC-SHA256). Generated per data folder when unset (development only). */
  PAYMENT_CALLBACK_SECRET: z.string().min(16).optional(),
  /** How long a payment request stays open before the dossier is cancelled. */
  PAYMENT_DEADLINE: duration.default('72h'),

  /** Sandbox behaviour: latency range in ms ("30-250") and share of calls that fail transiently. */
  SANDBOX_LATENCY_MS: z.string().regex(/^\d+(-\d+)?$/).default('30-250'),
  SANDBOX_FAILURE_RATE: z.coerce.number().min(0).max(1).default(0.05),
  REGISTRY_SANDBOX_PORT: z.coerce.number().int().min(0).default(4010),
  PAYMENT_SANDBOX_PORT: z.coerce.number().int().min(0).default(4020),
  /**
   * Messages to applicants (activities/delivery): the SMTP server (smtp://user:pass@host:port,
   * smtps:// for TLS) and the SMS brandname gateway (JSON over HTTP, its API key). Unset: the mail
   * and SMS sandboxes `npm start` runs; required outside development.
   */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).max(200).default('Bộ phận Một cửa <khong-tra-loi@motcua.local>'),
  SMS_GATEWAY_URL: z.string().url().optional(),
  SMS_GATEWAY_KEY: z.string().default('sandbox-sms-gateway-key'),
  SMS_BRANDNAME: z.string().min(1).max(11).default('MOTCUA'),
  /** The outbox relay: attempts before a message is marked failed, the first wait (doubled each time, up to the max), how often it looks. */
  DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(50).default(8),
  DELIVERY_RETRY_BASE: duration.default('30s'),
  DELIVERY_RETRY_MAX: duration.default('1h'),
  DELIVERY_POLL: duration.default('2s'),
  MAIL_SANDBOX_SMTP_PORT: z.coerce.number().int().min(0).max(65535).default(4025),
  MAIL_SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(4026),
  SMS_SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(4040),
  TEMPORAL_PORT: z.coerce.number().int().min(0).default(7233),
  TEMPORAL_UI_PORT: z.coerce.number().int().min(0).default(8233),
  POSTGRES_PORT: z.coerce.number().int().min(0).default(5433),

  /** Folder of procedure definitions to serve (default: the shipped procedures/). Read by procedures/catalog.ts. */
  PROCEDURES_DIR: z.string().optional(),
  /** Dossiers received after this local hour count from the next working day. */
  OFFICE_CUTOFF_HOUR: z.coerce.number().min(0).max(24).default(15),
  /** Working hours before a task's deadline its official is reminded (a step may set its own). */
  REMINDER_LEAD_HOURS: z.coerce.number().int().min(0).max(200).default(8),
  /** The development mailbox (/hop-thu, for administrators and supervisors): on unless off; never in production. */
  MAILBOX_PAGE: z.enum(['on', 'off']).optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
  /**
   * Rate limits per client address, counted in PostgreSQL across web processes (answer: 429 and
   * Retry-After). Public lookup (/tra-cuu, the confirmation page), the submission form, the
   * API (its submissions and its lookups, each), and sign-in requests.
   */
  RATE_LIMIT_LOOKUP: rate.default('60/1m'),
  RATE_LIMIT_SUBMIT: rate.default('20/10m'),
  RATE_LIMIT_API: rate.default('600/1m'),
  RATE_LIMIT_SIGN_IN: rate.default('30/10m'),
  /**
   * Single sign-on of officials through OpenID Connect (web/services/sso.ts). The identity
   * provider's issuer URL; unset: officials sign in with passwords only. In development `npm start`
   * runs the identity-provider sandbox (sandboxes/identity) when SSO_SANDBOX=on.
   */
  OIDC_ISSUER: z.string().url().optional(),
  /** This application's client id at the identity provider. */
  OIDC_CLIENT_ID: z.string().min(1).max(200).default('motcua'),
  /** Its client secret, issued by the identity provider (required outside development when OIDC_ISSUER is set). */
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  /** Where the identity provider sends officials back; default PUBLIC_URL + /dang-nhap/sso/callback. */
  OIDC_REDIRECT_URI: z.string().url().optional(),
  /** The claim that names the official (their motcua user name) the first time a subject signs in. */
  OIDC_USERNAME_CLAIM: z.string().min(1).max(100).default('preferred_username'),
  /** Local passwords (the sign-in form): on unless off; off leaves single sign-on only (needs OIDC_ISSUER). */
  LOCAL_PASSWORDS: z.enum(['on', 'off']).default('on'),
  /** Port of the identity-provider sandbox `npm start` runs with SSO_SANDBOX=on. */
  IDENTITY_SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(4030),
  /** Bearer token that lets a scraper off this host read /metrics (unset: only this host may). */
  METRICS_TOKEN: z.string().min(16).optional(),
  /** Port of the worker's /metrics (Prometheus) on 127.0.0.1; unset: the worker serves none. */
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Where uploaded documents are kept (db/file-store.ts): PostgreSQL (bytea) or a folder under DATA_DIR (`<DATA_DIR>/files`). */
  ATTACHMENT_STORE: z.enum(['postgres', 'folder']).default('postgres'),
  /** Largest uploaded file, in megabytes. */
  ATTACHMENT_MAX_FILE_MB: z.coerce.number().positive().max(1024).default(10),
  /** Largest total of one dossier's current documents, in megabytes. */
  ATTACHMENT_MAX_DOSSIER_MB: z.coerce.number().positive().max(10240).default(50),
});

export type Env = z.infer<typeof schema>;

export interface Config {
  env: Env['NODE_ENV'];
  dataDir: string;
  database: { url?: string; embeddedPort: number };
  temporal: {
    address?: string;
    namespace: string;
    taskQueue: string;
    workflowIdPrefix: string;
    apiKey?: string;
    tls?: { certPath?: string; keyPath?: string };
    cliPath?: string;
    /** How long the web waits for an Update to be confirmed. */
    updateWaitMs: number;
    /** PAYLOAD_KEYS as given: unset in development until resolveSecrets (endpoints.ts) generates it. */
    payloadKeys?: string;
    /** Origin of the Temporal UI, which may call the codec endpoint; unset: none may. */
    uiOrigin?: string;
    devServerPort: number;
    uiPort: number;
  };
  web: { host: string; port: number; publicUrl?: string; sessionSecret?: string; linkSecret?: string; mailboxPage: boolean };
  registry: { url?: string; apiKey: string; timeoutMs: number };
  /** callbackSecret: unset in development until resolveSecrets (endpoints.ts) generates it. */
  payment: { url?: string; merchantId: string; callbackSecret?: string; deadlineMs: number };
  sandbox: { latencyMs: [number, number]; failureRate: number; registryPort: number; paymentPort: number; mailSmtpPort: number; mailPort: number; smsPort: number };
  /** Messages to applicants: where they go and how the relay retries (activities/delivery). */
  delivery: { smtpUrl?: string; mailFrom: string; smsUrl?: string; smsKey: string; smsBrandname: string; maxAttempts: number; retryBaseMs: number; retryMaxMs: number; pollMs: number };
  office: { cutoffHour: number; reminderLeadMinutes: number };
  logLevel: Env['LOG_LEVEL'];
  rateLimits: RateLimits;
  metrics: { token?: string; workerPort?: number };
  /** Uploaded documents (issue 9): where they are kept and how large they may be. */
  attachments: { store: 'postgres' | 'folder'; folder: string; maxFileBytes: number; maxDossierBytes: number };
  /** Single sign-on (OIDC_*); unset without OIDC_ISSUER. */
  sso?: SsoConfig;
  /** Whether officials may sign in with a local password (LOCAL_PASSWORDS). */
  localPasswords: boolean;
  /** Port of the identity-provider sandbox (IDENTITY_SANDBOX_PORT). */
  identitySandboxPort: number;
}

/** This application as a client of the identity provider. */
export interface SsoConfig {
  issuer: string;
  clientId: string;
  /** Unset only in development (the sandbox's published secret is used then). */
  clientSecret?: string;
  /** Unset: PUBLIC_URL + /dang-nhap/sso/callback (resolved with the endpoints). */
  redirectUri?: string;
  usernameClaim: string;
}

/** Requests allowed per client within a period. */
export interface RateLimit {
  points: number;
  periodMs: number;
}

export interface RateLimits {
  /** /tra-cuu and the submission's confirmation page. */
  lookup: RateLimit;
  /** The public submission form (POST). */
  submit: RateLimit;
  /** The JSON API: its submissions and its lookups, each counted on its own. */
  api: RateLimit;
  /** Sign-in requests, whatever their outcome (guesses are braked apart: web/services/sign-in-throttle.ts). */
  signIn: RateLimit;
}

/** Parses a rate such as `60/1m`. */
export function parseRate(text: string): RateLimit {
  const [points, period] = text.split('/');
  return { points: Number(points), periodMs: parseDuration(period) };
}

/** Parses a duration such as `72h` into milliseconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(text);
  if (!match) throw new Error(`not a duration: ${text}`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as 'ms'];
  return Number(match[1]) * unit;
}

/**
 * Reads the environment; wrong values stop start-up with one message naming every variable and
 * its problem, secrets that are unset, short or published defaults outside development included.
 */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const given = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const parsed = schema.safeParse(given);
  const lines = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)),
    ...secretProblems(given),
    ...(given.LOCAL_PASSWORDS === 'off' && !given.OIDC_ISSUER ? ['LOCAL_PASSWORDS: off needs OIDC_ISSUER (nobody could sign in)'] : []),
    // Outside development messages go to real providers: no sandbox stands in.
    ...(['SMTP_URL', 'SMS_GATEWAY_URL'] as const).flatMap((v) => (given.NODE_ENV === 'production' && !given[v] ? [`${v}: must be set in production (the mail and SMS sandboxes are for development)`] : [])),
  ];
  if (!parsed.success || lines.length) throw new Error(`Invalid configuration:\n${lines.map((l) => `  ${l}`).join('\n')}`);
  const e = parsed.data;
  const [low, high] = e.SANDBOX_LATENCY_MS.split('-').map(Number);
  return {
    env: e.NODE_ENV,
    dataDir: path.resolve(e.DATA_DIR),
    database: { url: e.DATABASE_URL, embeddedPort: e.POSTGRES_PORT },
    temporal: {
      address: e.TEMPORAL_ADDRESS,
      namespace: e.TEMPORAL_NAMESPACE,
      taskQueue: e.TEMPORAL_TASK_QUEUE,
      workflowIdPrefix: e.TEMPORAL_WORKFLOW_ID_PREFIX,
      apiKey: e.TEMPORAL_API_KEY,
      tls:
        e.TEMPORAL_TLS_CERT || e.TEMPORAL_TLS_KEY
          ? { certPath: e.TEMPORAL_TLS_CERT, keyPath: e.TEMPORAL_TLS_KEY }
          : undefined,
      cliPath: e.TEMPORAL_CLI_PATH,
      updateWaitMs: parseDuration(e.TEMPORAL_UPDATE_WAIT),
      payloadKeys: e.PAYLOAD_KEYS,
      uiOrigin: e.TEMPORAL_UI_ORIGIN
        ? new URL(e.TEMPORAL_UI_ORIGIN).origin
        : e.NODE_ENV === 'development'
          ? `http://localhost:${e.TEMPORAL_UI_PORT}`
          : undefined,
      devServerPort: e.TEMPORAL_PORT,
      uiPort: e.TEMPORAL_UI_PORT,
    },
    web: {
      host: e.HOST,
      port: e.PORT,
      publicUrl: e.PUBLIC_URL,
      sessionSecret: e.SESSION_SECRET,
      linkSecret: e.LINK_SECRET,
      // Applicants' messages with working links: never in production, whatever MAILBOX_PAGE says.
      mailboxPage: e.NODE_ENV !== 'production' && e.MAILBOX_PAGE !== 'off',
    },
    registry: { url: e.REGISTRY_URL, apiKey: e.REGISTRY_API_KEY, timeoutMs: parseDuration(e.REGISTRY_TIMEOUT) },
    payment: {
      url: e.PAYMENT_URL,
      merchantId: e.PAYMENT_MERCHANT_ID,
      callbackSecret: e.PAYMENT_CALLBACK_SECRET,
      deadlineMs: parseDuration(e.PAYMENT_DEADLINE),
    },
    sandbox: {
      latencyMs: [low, high ?? low],
      failureRate: e.SANDBOX_FAILURE_RATE,
      registryPort: e.REGISTRY_SANDBOX_PORT,
      paymentPort: e.PAYMENT_SANDBOX_PORT,
      mailSmtpPort: e.MAIL_SANDBOX_SMTP_PORT,
      mailPort: e.MAIL_SANDBOX_PORT,
      smsPort: e.SMS_SANDBOX_PORT,
    },
    delivery: {
      smtpUrl: e.SMTP_URL,
      mailFrom: e.MAIL_FROM,
      smsUrl: e.SMS_GATEWAY_URL,
      smsKey: e.SMS_GATEWAY_KEY,
      smsBrandname: e.SMS_BRANDNAME,
      maxAttempts: e.DELIVERY_MAX_ATTEMPTS,
      retryBaseMs: parseDuration(e.DELIVERY_RETRY_BASE),
      retryMaxMs: parseDuration(e.DELIVERY_RETRY_MAX),
      pollMs: parseDuration(e.DELIVERY_POLL),
    },
    office: { cutoffHour: e.OFFICE_CUTOFF_HOUR, reminderLeadMinutes: e.REMINDER_LEAD_HOURS * 60 },
    logLevel: e.LOG_LEVEL,
    rateLimits: {
      lookup: parseRate(e.RATE_LIMIT_LOOKUP),
      submit: parseRate(e.RATE_LIMIT_SUBMIT),
      api: parseRate(e.RATE_LIMIT_API),
      signIn: parseRate(e.RATE_LIMIT_SIGN_IN),
    },
    metrics: { token: e.METRICS_TOKEN, workerPort: e.WORKER_METRICS_PORT },
    attachments: {
      store: e.ATTACHMENT_STORE,
      folder: path.join(path.resolve(e.DATA_DIR), 'files'),
      maxFileBytes: Math.round(e.ATTACHMENT_MAX_FILE_MB * 1024 * 1024),
      maxDossierBytes: Math.round(e.ATTACHMENT_MAX_DOSSIER_MB * 1024 * 1024),
    },
    sso: e.OIDC_ISSUER
      ? {
          issuer: e.OIDC_ISSUER,
          clientId: e.OIDC_CLIENT_ID,
          clientSecret: e.OIDC_CLIENT_SECRET,
          redirectUri: e.OIDC_REDIRECT_URI,
          usernameClaim: e.OIDC_USERNAME_CLAIM,
        }
      : undefined,
    localPasswords: e.LOCAL_PASSWORDS === 'on',
    identitySandboxPort: e.IDENTITY_SANDBOX_PORT,
  };
}
