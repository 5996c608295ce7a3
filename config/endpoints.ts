/**
 * Where the outside systems are: configured URLs, or the local sandboxes and web server that
 * `npm start` runs. Secrets come from the environment, or from a file generated once per data
 * folder in development so links and sessions survive a restart.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Config } from './index';

export interface Endpoints {
  registryUrl: string;
  paymentUrl: string;
  publicUrl: string;
  paymentCallbackUrl: string;
}

export function resolveEndpoints(config: Config): Endpoints {
  const publicUrl = (config.web.publicUrl ?? `http://localhost:${config.web.port}`).replace(/\/$/, '');
  return {
    registryUrl: config.registry.url ?? `http://127.0.0.1:${config.sandbox.registryPort}`,
    paymentUrl: config.payment.url ?? `http://127.0.0.1:${config.sandbox.paymentPort}`,
    publicUrl,
    paymentCallbackUrl: `${publicUrl}/api/v1/payments/callback`,
  };
}

export interface Secrets {
  sessionSecret: string;
  linkSecret: string;
}

/** Secrets from the environment; in development, generated once and kept in DATA_DIR/secrets.json. */
export function resolveSecrets(config: Config): Secrets {
  const { sessionSecret, linkSecret } = config.web;
  if (sessionSecret && linkSecret) return { sessionSecret, linkSecret };
  if (config.env === 'production') throw new Error('SESSION_SECRET and LINK_SECRET must be set in production');
  const file = path.join(config.dataDir, 'secrets.json');
  let stored: Partial<Secrets> = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, 'utf8'));
  const secrets = {
    sessionSecret: sessionSecret ?? stored.sessionSecret ?? crypto.randomBytes(32).toString('base64url'),
    linkSecret: linkSecret ?? stored.linkSecret ?? crypto.randomBytes(32).toString('base64url'),
  };
  if (secrets.sessionSecret !== stored.sessionSecret || secrets.linkSecret !== stored.linkSecret) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}
