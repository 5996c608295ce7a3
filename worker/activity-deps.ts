/** Builds the activities' real dependencies from configuration. */
import type { Client } from '@temporalio/client';
import type { Config } from '../config';
import type { Endpoints } from '../config/endpoints';
import { createActivities } from '../activities';
import { createPaymentGateway } from '../activities/payment/gateway-client';
import { createRegistryClient } from '../activities/registries/registry-client';
import { applicantLinks } from '../domain/applicant-links';
import type { Orm } from '../db/orm';

export function activitiesFromConfig(
  config: Config,
  orm: Orm,
  /** For the activities that send dossier workflows Updates (bulk reassignment, absences). */
  temporal: Client,
  endpoints: Endpoints,
  linkSecret: string,
  log: (line: string) => void = console.log,
) {
  return createActivities({
    orm,
    registry: createRegistryClient({ url: endpoints.registryUrl, apiKey: config.registry.apiKey, timeoutMs: config.registry.timeoutMs }),
    payment: createPaymentGateway({
      url: endpoints.paymentUrl,
      merchantId: config.payment.merchantId,
      timeoutMs: config.registry.timeoutMs,
      callbackUrl: endpoints.paymentCallbackUrl,
      // Back to the status page with the code only: the gateway is not given the lookup secret, so
      // the page asks for it (the payer's browser came from that page, with it, moments before).
      returnUrl: (code) => `${endpoints.publicUrl}/tra-cuu?ma=${encodeURIComponent(code)}`,
    }),
    links: applicantLinks(endpoints.publicUrl, linkSecret),
    cutoffHour: config.office.cutoffHour,
    temporal,
    workflowIdPrefix: config.temporal.workflowIdPrefix,
    log,
  });
}
