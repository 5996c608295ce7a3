/**
 * The outbox relay of a worker process (activities/delivery/relay.ts), with the adapters the
 * configuration names: e-mail to SMTP_URL, SMS to SMS_GATEWAY_URL (in development the mail and
 * SMS sandboxes). Every worker runs one; they share the outbox through SKIP LOCKED.
 */
import type { Config } from '../config';
import type { Endpoints } from '../config/endpoints';
import type { Orm } from '../db/orm';
import { emailAdapter } from '../activities/delivery/email';
import { OutboxRelay, type RelayOptions } from '../activities/delivery/relay';
import { smsAdapter } from '../activities/delivery/sms';

export function outboxRelay(config: Config, endpoints: Endpoints, orm: Orm, log: (line: string) => void, overrides: Partial<RelayOptions> = {}): OutboxRelay {
  const d = config.delivery;
  return new OutboxRelay(
    orm,
    {
      email: emailAdapter({ smtpUrl: endpoints.smtpUrl, from: d.mailFrom }),
      sms: smsAdapter({ url: endpoints.smsGatewayUrl, apiKey: d.smsKey, brandname: d.smsBrandname }),
    },
    { maxAttempts: d.maxAttempts, retryBaseMs: d.retryBaseMs, retryMaxMs: d.retryMaxMs, pollMs: d.pollMs, log, ...overrides },
  );
}
