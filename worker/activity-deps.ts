/** Builds the activities' real dependencies from configuration. */
import type { Client } from '@temporalio/client';
import type { Config } from '../config';
import type { Endpoints } from '../config/endpoints';
import { createActivities } from '../activities';
import { createPaymentGateway } from '../activities/payment/gateway-client';
import { createRegistryClient } from '../activities/registries/registry-client';
import { applicantLinks, paymentReturnUrl } from '../domain/applicant-links';
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
      // Back to a page that shows the payment as received or being confirmed, never a second request
      // to pay (web/routes/public/payment-return.ts); its token opens that page only, not the lookup.
      returnUrl: (code) => paymentReturnUrl(endpoints.publicUrl, linkSecret, code),
    }),
    links: applicantLinks(endpoints.publicUrl, linkSecret),
    cutoffHour: config.office.cutoffHour,
    temporal,
    workflowIdPrefix: config.temporal.workflowIdPrefix,
    log,
  });
}
