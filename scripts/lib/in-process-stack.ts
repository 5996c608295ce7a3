/**
 * motcua in one process, on a given database and Temporal server: both sandboxes on free
 * ports, the web app, and (optionally) a worker with the real activities, on a task queue and a
 * workflow-id prefix of its own. Tests and the benchmark use it; `npm start` runs the same
 * parts as separate processes instead.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { type Config, loadConfig } from '../../config';
import type { Endpoints, Secrets } from '../../config/endpoints';
import { temporalDataConverter } from '../../config/temporal-connection';
import type { Orm } from '../../db/orm';
import { type Catalog } from '../../engine/catalog';
import type { Logger } from '../../config/log';
import { catalog } from '../../config/catalogue';
import { startPaymentSandbox } from '../../sandboxes/payment/main';
import { startRegistrySandbox } from '../../sandboxes/registry/main';
import { type RunningMailSandbox, startMailSandbox } from '../../sandboxes/mail/main';
import { type RunningSmsSandbox, startSmsSandbox } from '../../sandboxes/sms/main';
import type { OutboxRelay } from '../../activities/delivery/relay';
import { outboxRelay } from '../../worker/outbox-relay';
import { createApp } from '../../web/app';
import { createWebServices, type WebServices } from '../../web/services';
import { ssoSettings } from '../../web/services/sso';
import { activitiesFromConfig } from '../../worker/activity-deps';
import { createDossierWorker } from '../../worker/create-worker';
import { installRuntime } from '../../worker/runtime';

export interface InProcessOptions {
  orm: Orm;
  databaseUrl: string;
  temporalAddress: string;
  workflowBundlePath?: string;
  /** Extra environment for loadConfig, e.g. { PAYMENT_DEADLINE: '3s' }. */
  env?: Record<string, string>;
  /** Start a worker in this process (default true). */
  worker?: boolean;
  /** The procedures on offer (default: the shipped catalogue). */
  catalog?: Catalog;
  sandboxLatencyMs?: [number, number];
  log?: (line: string) => void;
  /** Logs each web request (JSON, with its id) through this logger; unset: requests are not logged. */
  logger?: Logger;
}

export interface InProcessStack {
  config: Config;
  endpoints: Endpoints;
  baseUrl: string;
  taskQueue: string;
  temporal: Client;
  services: WebServices;
  /** The mail and SMS sandboxes the relay delivers to (their control: faults, what arrived). */
  mail: RunningMailSandbox;
  sms: RunningSmsSandbox;
  /** The outbox relay, running beside the worker (started and stopped with it). */
  relay(): OutboxRelay | undefined;
  /** Environment for a worker process of this stack (`node dist/worker/main.js`). */
  workerEnv: NodeJS.ProcessEnv;
  startWorker(): Promise<void>;
  stopWorker(): Promise<void>;
  stop(): Promise<void>;
}

/** The secrets of every in-process stack (config/secret-rules.ts refuses them outside development). */
export const IN_PROCESS_SECRETS: Secrets = {
  sessionSecret: 'in-process-session-secret-0123456789',
  linkSecret: 'in-process-link-secret-0123456789',
  paymentCallbackSecret: 'in-process-callback-secret-0123456789',
  payloadKeys: 'in-process:Zj2fgNbRRSLnthEc1fr5CN0aDbnp4RWbOB3dBX/daqs=',
};
const CALLBACK_SECRET = IN_PROCESS_SECRETS.paymentCallbackSecret;
const REGISTRY_KEY = 'in-process-registry-key';
const SMS_KEY = 'in-process-sms-gateway-key';

export async function startInProcessStack(options: InProcessOptions): Promise<InProcessStack> {
  installRuntime();
  const latencyMs = options.sandboxLatencyMs ?? [0, 0];
  const registry = await startRegistrySandbox({ apiKey: REGISTRY_KEY, latencyMs, failureRate: 0, slowMs: 300, host: '127.0.0.1', port: 0 });
  const payment = await startPaymentSandbox({
    callbackSecret: CALLBACK_SECRET,
    latencyMs,
    failureRate: 0,
    callbackRetryDelaysMs: [200, 500, 1000, 2000],
    host: '127.0.0.1',
    port: 0,
  });
  const mail = await startMailSandbox({ latencyMs, failureRate: 0, host: '127.0.0.1', smtpPort: 0, port: 0 });
  const sms = await startSmsSandbox({ apiKey: SMS_KEY, latencyMs, failureRate: 0, slowMs: 3000, host: '127.0.0.1', port: 0 });
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const taskQueue = `motcua-${crypto.randomBytes(4).toString('hex')}`;

  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: options.databaseUrl,
    TEMPORAL_ADDRESS: options.temporalAddress,
    TEMPORAL_TASK_QUEUE: taskQueue,
    TEMPORAL_WORKFLOW_ID_PREFIX: taskQueue,
    REGISTRY_URL: registry.url,
    REGISTRY_API_KEY: REGISTRY_KEY,
    REGISTRY_TIMEOUT: '2s',
    PAYMENT_URL: payment.url,
    PAYMENT_CALLBACK_SECRET: CALLBACK_SECRET,
    PUBLIC_URL: baseUrl,
    SESSION_SECRET: IN_PROCESS_SECRETS.sessionSecret,
    LINK_SECRET: IN_PROCESS_SECRETS.linkSecret,
    PAYLOAD_KEYS: IN_PROCESS_SECRETS.payloadKeys,
    MAILBOX_PAGE: 'on',
    SMTP_URL: mail.smtpUrl,
    SMS_GATEWAY_URL: sms.url,
    SMS_GATEWAY_KEY: SMS_KEY,
    // Retries within a test's patience; a test of the limits sets its own.
    DELIVERY_RETRY_BASE: '200ms',
    DELIVERY_RETRY_MAX: '2s',
    DELIVERY_POLL: '100ms',
    DELIVERY_MAX_ATTEMPTS: '4',
    // Tests and the benchmark send hundreds of requests from one address in minutes: the limits
    // are set out of reach here; a test of the limits sets its own through `env`.
    RATE_LIMIT_LOOKUP: '100000/1m',
    RATE_LIMIT_SUBMIT: '100000/1m',
    RATE_LIMIT_API: '100000/1m',
    RATE_LIMIT_SIGN_IN: '100000/1m',
    ...options.env,
  };
  const config = loadConfig(env);
  const endpoints: Endpoints = {
    registryUrl: registry.url,
    paymentUrl: payment.url,
    publicUrl: baseUrl,
    paymentCallbackUrl: `${baseUrl}/api/v1/payments/callback`,
    smtpUrl: mail.smtpUrl,
    smsGatewayUrl: sms.url,
    mailSandboxUrl: mail.url,
    smsSandboxUrl: sms.url,
  };
  const log = options.log ?? (() => undefined);

  const connection = await Connection.connect({ address: options.temporalAddress });
  // Payloads encrypted as in production (config/payload-codec.ts), by the web's client and the worker alike.
  const dataConverter = temporalDataConverter(config);
  const temporal = new Client({ connection, namespace: config.temporal.namespace, dataConverter });
  const services = createWebServices({
    orm: options.orm,
    temporal,
    taskQueue,
    workflowIdPrefix: taskQueue,
    temporalUiOrigin: config.temporal.uiOrigin,
    catalog: options.catalog ?? catalog(),
    endpoints,
    secrets: IN_PROCESS_SECRETS,
    paymentCallbackSecret: CALLBACK_SECRET,
    paymentDeadlineMs: config.payment.deadlineMs,
    reminderLeadMinutes: config.office.reminderLeadMinutes,
    updateWaitMs: config.temporal.updateWaitMs,
    metricsToken: config.metrics.token,
    logger: options.logger,
    mailboxPage: config.web.mailboxPage,
    rateLimits: config.rateLimits,
    sso: ssoSettings(config, baseUrl),
    localPasswords: config.localPasswords,
    attachments: { kind: config.attachments.store, folder: config.attachments.folder, maxFileBytes: config.attachments.maxFileBytes, maxDossierBytes: config.attachments.maxDossierBytes },
    log,
  });
  server.on('request', createApp(services));

  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  let nativeConnection: NativeConnection | undefined;
  const startWorker = async () => {
    nativeConnection ??= await NativeConnection.connect({ address: options.temporalAddress });
    worker = await createDossierWorker({
      connection: nativeConnection,
      namespace: config.temporal.namespace,
      taskQueue,
      dataConverter,
      activities: activitiesFromConfig(config, options.orm, temporal, endpoints, IN_PROCESS_SECRETS.linkSecret, log),
      workflowBundle: options.workflowBundlePath ? { codePath: options.workflowBundlePath } : undefined,
    });
    running = worker.run();
    relay ??= outboxRelay(config, endpoints, options.orm, log);
    relay.start();
  };
  let relay: OutboxRelay | undefined;
  const stopWorker = async () => {
    if (worker?.getState() === 'RUNNING') worker.shutdown();
    await running;
    worker = undefined;
    await relay?.stop();
    relay?.close();
    relay = undefined;
  };
  if (options.worker !== false) await startWorker();

  return {
    config,
    endpoints,
    baseUrl,
    taskQueue,
    temporal,
    services,
    mail,
    sms,
    relay: () => relay,
    workerEnv: { ...process.env, ...env },
    startWorker,
    stopWorker,
    async stop() {
      await stopWorker();
      await nativeConnection?.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await registry.close();
      await payment.close();
      await mail.close();
      await sms.close();
      await services.actions.close();
      await connection.close();
    },
  };
}
