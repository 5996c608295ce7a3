/**
 * Where the outside systems are: configured URLs, or the local sandboxes and web server that
 * `npm start` runs. Secrets come from the environment, or from a file generated once per data
 * folder in development so links and sessions survive a restart.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './index';
import { newPayloadKey } from './payload-codec';

export interface Endpoints {
  registryUrl: string;
  paymentUrl: string;
  publicUrl: string;
  paymentCallbackUrl: string;
  /** SMTP server of applicants' e-mail; SMS gateway. */
  smtpUrl: string;
  smsGatewayUrl: string;
  /** The sandboxes' reading endpoints (what arrived), for the development mailbox. */
  mailSandboxUrl: string;
  smsSandboxUrl: string;
}

export function resolveEndpoints(config: Config): Endpoints {
  const publicUrl = (config.web.publicUrl ?? `http://localhost:${config.web.port}`).replace(/\/$/, '');
  return {
    registryUrl: config.registry.url ?? `http://127.0.0.1:${config.sandbox.registryPort}`,
    paymentUrl: config.payment.url ?? `http://127.0.0.1:${config.sandbox.paymentPort}`,
    publicUrl,
    paymentCallbackUrl: `${publicUrl}/api/v1/payments/callback`,
    smtpUrl: config.delivery.smtpUrl ?? `smtp://127.0.0.1:${config.sandbox.mailSmtpPort}`,
    smsGatewayUrl: config.delivery.smsUrl ?? `http://127.0.0.1:${config.sandbox.smsPort}`,
    mailSandboxUrl: `http://127.0.0.1:${config.sandbox.mailPort}`,
    smsSandboxUrl: config.delivery.smsUrl ?? `http://127.0.0.1:${config.sandbox.smsPort}`,
  };
}

export interface Secrets {
  sessionSecret: string;
  linkSecret: string;
  /** Signs the payment gateway's callbacks; the payment sandbox signs with the same one. */
  paymentCallbackSecret: string;
  /** PAYLOAD_KEYS: encrypt Temporal payloads (config/payload-codec.ts); web, worker and scripts need the same. */
  payloadKeys: string;
}

/**
 * Secrets from the environment; in development, each one unset is generated once and kept in
 * DATA_DIR/secrets.json, so every process of `npm start` (web, worker, payment sandbox) and
 * every restart agrees. Outside development loadConfig has refused to start without them.
 */
export function resolveSecrets(config: Config): Secrets {
  const given = {
    sessionSecret: config.web.sessionSecret,
    linkSecret: config.web.linkSecret,
    paymentCallbackSecret: config.payment.callbackSecret,
    payloadKeys: config.temporal.payloadKeys,
  };
  const { sessionSecret, linkSecret, paymentCallbackSecret, payloadKeys } = given;
  if (sessionSecret && linkSecret && paymentCallbackSecret && payloadKeys) return { sessionSecret, linkSecret, paymentCallbackSecret, payloadKeys };
  if (config.env === 'production') throw new Error('SESSION_SECRET, LINK_SECRET, PAYMENT_CALLBACK_SECRET and PAYLOAD_KEYS must be set in production');
  const file = path.join(config.dataDir, 'secrets.json');
  let stored: Partial<Secrets> = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, 'utf8'));
  const generate = () => crypto.randomBytes(32).toString('base64url');
  const secrets: Secrets = {
    sessionSecret: sessionSecret ?? stored.sessionSecret ?? generate(),
    linkSecret: linkSecret ?? stored.linkSecret ?? generate(),
    paymentCallbackSecret: paymentCallbackSecret ?? stored.paymentCallbackSecret ?? generate(),
    // Losing it loses the payloads of every workflow it encrypted: it stays in the file.
    payloadKeys: payloadKeys ?? stored.payloadKeys ?? newPayloadKey('dev1'),
  };
  if ((Object.keys(secrets) as (keyof Secrets)[]).some((k) => secrets[k] !== stored[k])) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}
