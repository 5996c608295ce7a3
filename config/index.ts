/**
 * Every setting motcua reads from the environment, in one place. Components receive the parts
 * they need (never `process.env` directly), so tests can build a config of their own.
 * README.md lists the same variables for operators; keep the two in step.
 */
import path from 'node:path';
import { z } from 'zod';
import { projectRoot } from './paths';

const duration = z
  .string()
  .regex(/^\d+(ms|s|m|h|d)$/, 'a duration such as 500ms, 30s, 15m, 72h or 3d');

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
  /** How long the web waits for Temporal to confirm a decision before telling the official it could not. */
  TEMPORAL_UPDATE_WAIT: duration.default('20s'),
  /** Where local PostgreSQL and Temporal keep their data. */
  DATA_DIR: z.string().default(path.join(projectRoot, '.data')),

  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('127.0.0.1'),
  /** The address applicants and officials use; links in notifications are built from it. */
  PUBLIC_URL: z.string().url().optional(),
  /** Signs session cookies. Generated per data folder when unset. */
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
  /** Shared secret of the gateway's signed callbacks (HMAC-SHA256). */
  PAYMENT_CALLBACK_SECRET: z.string().min(16).default('sandbox-payment-secret-change-me'),
  /** How long a payment request stays open before the dossier is cancelled. */
  PAYMENT_DEADLINE: duration.default('72h'),

  /** Sandbox behaviour: latency range in ms ("30-250") and share of calls that fail transiently. */
  SANDBOX_LATENCY_MS: z.string().regex(/^\d+(-\d+)?$/).default('30-250'),
  SANDBOX_FAILURE_RATE: z.coerce.number().min(0).max(1).default(0.05),
  REGISTRY_SANDBOX_PORT: z.coerce.number().int().min(0).default(4010),
  PAYMENT_SANDBOX_PORT: z.coerce.number().int().min(0).default(4020),
  TEMPORAL_PORT: z.coerce.number().int().min(0).default(7233),
  TEMPORAL_UI_PORT: z.coerce.number().int().min(0).default(8233),
  POSTGRES_PORT: z.coerce.number().int().min(0).default(5433),

  /** Folder of procedure definitions to serve (default: the shipped procedures/). Read by procedures/catalog.ts. */
  PROCEDURES_DIR: z.string().optional(),
  /** Dossiers received after this local hour count from the next working day. */
  OFFICE_CUTOFF_HOUR: z.coerce.number().min(0).max(24).default(15),
  /** Working hours before a task's deadline its official is reminded (a step may set its own). */
  REMINDER_LEAD_HOURS: z.coerce.number().int().min(0).max(200).default(8),
  /** Show the development mailbox (/hop-thu) with every notification sent. */
  MAILBOX_PAGE: z.enum(['on', 'off']).optional(),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
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
    devServerPort: number;
    uiPort: number;
  };
  web: { host: string; port: number; publicUrl?: string; sessionSecret?: string; linkSecret?: string; mailboxPage: boolean };
  registry: { url?: string; apiKey: string; timeoutMs: number };
  payment: { url?: string; merchantId: string; callbackSecret: string; deadlineMs: number };
  sandbox: { latencyMs: [number, number]; failureRate: number; registryPort: number; paymentPort: number };
  office: { cutoffHour: number; reminderLeadMinutes: number };
  logLevel: Env['LOG_LEVEL'];
}

/** Parses a duration such as `72h` into milliseconds. */
export function parseDuration(text: string): number {
  const match = /^(\d+)(ms|s|m|h|d)$/.exec(text);
  if (!match) throw new Error(`not a duration: ${text}`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as 'ms'];
  return Number(match[1]) * unit;
}

/** Reads the environment; a wrong value stops start-up with the variable's name and the problem. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(source).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
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
      devServerPort: e.TEMPORAL_PORT,
      uiPort: e.TEMPORAL_UI_PORT,
    },
    web: {
      host: e.HOST,
      port: e.PORT,
      publicUrl: e.PUBLIC_URL,
      sessionSecret: e.SESSION_SECRET,
      linkSecret: e.LINK_SECRET,
      mailboxPage: e.MAILBOX_PAGE ? e.MAILBOX_PAGE === 'on' : e.NODE_ENV !== 'production',
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
    },
    office: { cutoffHour: e.OFFICE_CUTOFF_HOUR, reminderLeadMinutes: e.REMINDER_LEAD_HOURS * 60 },
    logLevel: e.LOG_LEVEL,
  };
}
