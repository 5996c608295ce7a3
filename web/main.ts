/**
 * The web process: back office, public pages and the intake API. Needs DATABASE_URL and
 * TEMPORAL_ADDRESS (npm start sets both for it).
 */
import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '../config';
import { resolveEndpoints, resolveSecrets } from '../config/endpoints';
import { initORM } from '../db/orm';
import { createLogger } from '../config/log';
import { catalogueOrExit } from '../config/catalogue';
import { temporalConnectionOptions, temporalDataConverter } from '../config/temporal-connection';
import { createApp } from './app';
import { createWebServices } from './services';
import { ssoSettings } from './services/sso';

async function main(): Promise<void> {
  // A broken procedure definition stops the web server here, before anything else.
  const catalog = catalogueOrExit('web');
  const config = loadConfig();
  const logger = createLogger('web', config.logLevel);
  if (!config.database.url) throw new Error('DATABASE_URL is not set');
  const orm = await initORM(config.database.url);
  const connection = await Connection.connect(temporalConnectionOptions(config));
  const secrets = resolveSecrets(config);
  const services = createWebServices({
    orm,
    temporal: new Client({ connection, namespace: config.temporal.namespace, dataConverter: temporalDataConverter(config) }),
    taskQueue: config.temporal.taskQueue,
    workflowIdPrefix: config.temporal.workflowIdPrefix,
    temporalUiOrigin: config.temporal.uiOrigin,
    catalog,
    endpoints: resolveEndpoints(config),
    secrets,
    paymentCallbackSecret: secrets.paymentCallbackSecret,
    paymentDeadlineMs: config.payment.deadlineMs,
    reminderLeadMinutes: config.office.reminderLeadMinutes,
    updateWaitMs: config.temporal.updateWaitMs,
    mailboxPage: config.web.mailboxPage,
    rateLimits: config.rateLimits,
    metricsToken: config.metrics.token,
    logger,
    sso: ssoSettings(config, resolveEndpoints(config).publicUrl),
    localPasswords: config.localPasswords,
    attachments: { kind: config.attachments.store, folder: config.attachments.folder, maxFileBytes: config.attachments.maxFileBytes, maxDossierBytes: config.attachments.maxDossierBytes },
  });
  const server = createApp(services).listen(config.web.port, config.web.host, () => {
    logger.info(`listening on http://${config.web.host}:${config.web.port}`);
  });
  // Dossiers saved while Temporal was away get their workflow as soon as it is back.
  const resume = setInterval(() => void services.intake.startPendingWorkflows().catch(() => undefined), 30_000);
  const stop = () => {
    clearInterval(resume);
    server.close(() => void Promise.all([services.actions.close(), connection.close(), orm.close()]).finally(() => process.exit(0)));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error) => {
  console.error('[web] stopped:', error);
  process.exit(1);
});
