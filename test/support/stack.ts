/**
 * The whole system for one test file, in-process and real: its own PostgreSQL database, the
 * shared Temporal dev server with a task queue of its own, both sandboxes, the worker with the
 * real activities, and the web app on a free port. Tests drive it as users and systems would.
 */
import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, type Worker } from '@temporalio/worker';
import { type Config, loadConfig } from '../../config';
import type { Endpoints } from '../../config/endpoints';
import { Dossier, type IDossier } from '../../db/entities';
import { catalog } from '../../procedures/catalog';
import { startPaymentSandbox } from '../../sandboxes/payment/main';
import { startRegistrySandbox } from '../../sandboxes/registry/main';
import { createApp } from '../../web/app';
import { createWebServices, type WebServices } from '../../web/services';
import { activitiesFromConfig } from '../../worker/activity-deps';
import { createDossierWorker } from '../../worker/create-worker';
import { createTestDatabase, type TestDatabase } from './database';

export interface StackOptions {
  /** Extra environment for loadConfig, e.g. { PAYMENT_DEADLINE: '3s' }. */
  env?: Record<string, string>;
  /** Start an in-process worker (default); false when a test runs the worker as a process. */
  worker?: boolean;
}

export interface Stack {
  config: Config;
  db: TestDatabase;
  endpoints: Endpoints;
  baseUrl: string;
  taskQueue: string;
  temporal: Client;
  services: WebServices;
  /** Environment for a worker process of this stack (`node dist/worker/main.js`). */
  workerEnv: NodeJS.ProcessEnv;
  startWorker(): Promise<void>;
  stopWorker(): Promise<void>;
  /** The read-model row of a dossier, freshly read. */
  dossier(code: string): Promise<IDossier>;
  stop(): Promise<void>;
}

export const TEST_SECRETS = {
  sessionSecret: 'test-session-secret-0123456789abcdef',
  linkSecret: 'test-link-secret-0123456789abcdef',
};
const CALLBACK_SECRET = 'test-callback-secret-0123456789';
const REGISTRY_KEY = 'test-registry-key';

let runtimeInstalled = false;

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  if (!runtimeInstalled) {
    // One native runtime per Jest worker process; warnings and errors only.
    Runtime.install({ logger: new DefaultLogger('WARN') });
    runtimeInstalled = true;
  }
  const db = await createTestDatabase();
  const registry = await startRegistrySandbox({ apiKey: REGISTRY_KEY, latencyMs: [0, 0], failureRate: 0, slowMs: 300, host: '127.0.0.1', port: 0 });
  const payment = await startPaymentSandbox({
    callbackSecret: CALLBACK_SECRET,
    latencyMs: [0, 0],
    failureRate: 0,
    callbackRetryDelaysMs: [200, 500, 1000, 2000],
    host: '127.0.0.1',
    port: 0,
  });
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const taskQueue = `motcua-test-${crypto.randomBytes(4).toString('hex')}`;

  const env: Record<string, string> = {
    NODE_ENV: 'test',
    DATABASE_URL: db.url,
    TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? '',
    TEMPORAL_TASK_QUEUE: taskQueue,
    TEMPORAL_WORKFLOW_ID_PREFIX: taskQueue,
    REGISTRY_URL: registry.url,
    REGISTRY_API_KEY: REGISTRY_KEY,
    REGISTRY_TIMEOUT: '2s',
    PAYMENT_URL: payment.url,
    PAYMENT_CALLBACK_SECRET: CALLBACK_SECRET,
    PUBLIC_URL: baseUrl,
    SESSION_SECRET: TEST_SECRETS.sessionSecret,
    LINK_SECRET: TEST_SECRETS.linkSecret,
    MAILBOX_PAGE: 'on',
    ...options.env,
  };
  const config = loadConfig(env);
  const endpoints: Endpoints = {
    registryUrl: registry.url,
    paymentUrl: payment.url,
    publicUrl: baseUrl,
    paymentCallbackUrl: `${baseUrl}/api/v1/payments/callback`,
  };

  const connection = await Connection.connect({ address: config.temporal.address! });
  const temporal = new Client({ connection, namespace: config.temporal.namespace });
  const logs: string[] = [];
  const log = (line: string) => logs.push(line);
  const services = createWebServices({
    orm: db.orm,
    temporal,
    taskQueue,
    workflowIdPrefix: taskQueue,
    catalog: catalog(),
    endpoints,
    secrets: TEST_SECRETS,
    paymentCallbackSecret: CALLBACK_SECRET,
    paymentDeadlineMs: config.payment.deadlineMs,
    mailboxPage: true,
    log,
  });
  server.on('request', createApp(services));

  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  let nativeConnection: NativeConnection | undefined;
  const startWorker = async () => {
    nativeConnection ??= await NativeConnection.connect({ address: config.temporal.address! });
    worker = await createDossierWorker({
      connection: nativeConnection,
      namespace: config.temporal.namespace,
      taskQueue,
      activities: activitiesFromConfig(config, db.orm, endpoints, TEST_SECRETS.linkSecret, log),
      workflowBundle: { codePath: process.env.MOTCUA_TEST_WORKFLOW_BUNDLE! },
    });
    running = worker.run();
  };
  const stopWorker = async () => {
    if (worker && worker.getState() === 'RUNNING') worker.shutdown();
    await running;
    worker = undefined;
  };
  if (options.worker !== false) await startWorker();

  return {
    config,
    db,
    endpoints,
    baseUrl,
    taskQueue,
    temporal,
    services,
    workerEnv: { ...process.env, ...env },
    startWorker,
    stopWorker,
    dossier: (code) => db.orm.em.fork().findOneOrFail(Dossier, { code }, { populate: ['agency'] }),
    async stop() {
      await stopWorker();
      await nativeConnection?.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await registry.close();
      await payment.close();
      await connection.close();
      await db.drop();
    },
  };
}
