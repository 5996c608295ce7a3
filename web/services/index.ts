/** What the web layer needs, built once per process and handed to createApp. */
import type { Client } from '@temporalio/client';
import type { Endpoints, Secrets } from '../../config/endpoints';
import type { Orm } from '../../db/orm';
import type { Catalog } from '../../engine/catalog';
import { DossierActions } from './dossier-actions';
import { IntakeService } from './intake';
import { ReadModel } from './read-model';

export interface WebServices {
  orm: Orm;
  temporal: Client;
  catalog: Catalog;
  intake: IntakeService;
  actions: DossierActions;
  readModel: ReadModel;
  endpoints: Endpoints;
  secrets: Secrets;
  paymentCallbackSecret: string;
  mailboxPage: boolean;
  secureCookies: boolean;
  log: (line: string) => void;
}

export interface WebServiceOptions {
  orm: Orm;
  temporal: Client;
  taskQueue: string;
  workflowIdPrefix: string;
  catalog: Catalog;
  endpoints: Endpoints;
  secrets: Secrets;
  paymentCallbackSecret: string;
  paymentDeadlineMs: number;
  mailboxPage: boolean;
  log?: (line: string) => void;
}

export function createWebServices(o: WebServiceOptions): WebServices {
  const log = o.log ?? console.log;
  return {
    orm: o.orm,
    temporal: o.temporal,
    catalog: o.catalog,
    intake: new IntakeService({
      orm: o.orm,
      temporal: o.temporal,
      taskQueue: o.taskQueue,
      workflowIdPrefix: o.workflowIdPrefix,
      catalog: o.catalog,
      paymentDeadlineMs: o.paymentDeadlineMs,
      log,
    }),
    actions: new DossierActions(o.temporal, o.workflowIdPrefix),
    readModel: new ReadModel(o.orm),
    endpoints: o.endpoints,
    secrets: o.secrets,
    paymentCallbackSecret: o.paymentCallbackSecret,
    mailboxPage: o.mailboxPage,
    secureCookies: o.endpoints.publicUrl.startsWith('https://'),
    log,
  };
}
