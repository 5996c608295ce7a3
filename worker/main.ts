/**
 * The worker process: runs dossier workflows and activities. Needs DATABASE_URL and
 * TEMPORAL_ADDRESS (npm start sets both for it). Stops cleanly on SIGINT/SIGTERM: running
 * activities finish or are retried elsewhere, workflows resume on the next worker.
 */
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { loadConfig } from '../config';
import { resolveEndpoints, resolveSecrets } from '../config/endpoints';
import { initORM } from '../db/orm';
import { createLogger, lineLog } from '../config/log';
import { catalogueOrExit } from '../config/catalogue';
import { activitiesFromConfig } from './activity-deps';
import { createDossierWorker } from './create-worker';
import { temporalConnectionOptions, temporalDataConverter } from '../config/temporal-connection';
import { serveWorkerMetrics } from './metrics-server';
import { installRuntime } from './runtime';
import { outboxRelay } from './outbox-relay';
import { prebuiltWorkflowBundle } from './workflow-bundle';

async function main(): Promise<void> {
  // A broken procedure definition stops the worker here, before any dossier runs on it.
  catalogueOrExit('worker');
  const config = loadConfig();
  const logger = createLogger('worker', config.logLevel);
  // The SDK's own logs at warning level, unless LOG_LEVEL=debug.
  installRuntime(config.logLevel === 'debug' ? 'DEBUG' : 'WARN', logger);
  if (!config.database.url) throw new Error('DATABASE_URL is not set');
  const orm = await initORM(config.database.url);
  const connection = await NativeConnection.connect(temporalConnectionOptions(config));
  // Bulk reassignments and absences send the dossier workflows Updates from activities.
  const clientConnection = await Connection.connect(temporalConnectionOptions(config));
  const dataConverter = temporalDataConverter(config);
  const temporal = new Client({ connection: clientConnection, namespace: config.temporal.namespace, dataConverter });
  const worker = await createDossierWorker({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    dataConverter,
    activities: activitiesFromConfig(config, orm, temporal, resolveEndpoints(config), resolveSecrets(config).linkSecret, lineLog(logger)),
    workflowBundle: prebuiltWorkflowBundle(),
  });
  const metrics = config.metrics.workerPort !== undefined ? await serveWorkerMetrics(config.metrics.workerPort) : undefined;
  // Messages to applicants leave the outbox here (several workers share it: SKIP LOCKED).
  const relay = outboxRelay(config, resolveEndpoints(config), orm, lineLog(logger));
  relay.start();
  // Ctrl-C under `npm start` brings two signals (SIGINT from the terminal, SIGTERM from start.ts),
  // and the SDK's runtime shuts the worker down on them too: a second shutdown() of a worker
  // already stopping throws IllegalStateError ("Not running"), so ask only a running one.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
    });
  }
  logger.info(`polling task queue "${config.temporal.taskQueue}" on ${config.temporal.address}`);
  await worker.run();
  await relay.stop();
  relay.close();
  metrics?.close();
  await connection.close();
  await clientConnection.close();
  await orm.close();
}

main().catch((error) => {
  console.error('[worker] stopped:', error);
  process.exit(1);
});
