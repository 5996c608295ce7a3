/**
 * The web process: back office, public pages and the intake API. Needs DATABASE_URL and
 * TEMPORAL_ADDRESS (npm start sets both for it).
 */
import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '../config';
import { resolveEndpoints, resolveSecrets } from '../config/endpoints';
import { initORM } from '../db/orm';
import { catalogueOrExit } from '../config/catalogue';
import { temporalConnectionOptions } from '../config/temporal-connection';
import { createApp } from './app';
import { createWebServices } from './services';

async function main(): Promise<void> {
  // A broken procedure definition stops the web server here, before anything else.
  const catalog = catalogueOrExit('web');
  const config = loadConfig();
  if (!config.database.url) throw new Error('DATABASE_URL is not set');
  const orm = await initORM(config.database.url);
  const connection = await Connection.connect(temporalConnectionOptions(config));
  const services = createWebServices({
    orm,
    temporal: new Client({ connection, namespace: config.temporal.namespace }),
    taskQueue: config.temporal.taskQueue,
    workflowIdPrefix: config.temporal.workflowIdPrefix,
    catalog,
    endpoints: resolveEndpoints(config),
    secrets: resolveSecrets(config),
    paymentCallbackSecret: config.payment.callbackSecret,
    paymentDeadlineMs: config.payment.deadlineMs,
    reminderLeadMinutes: config.office.reminderLeadMinutes,
    updateWaitMs: config.temporal.updateWaitMs,
    mailboxPage: config.web.mailboxPage,
  });
  const server = createApp(services).listen(config.web.port, config.web.host, () => {
    console.log(`[web] listening on http://${config.web.host}:${config.web.port}`);
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
