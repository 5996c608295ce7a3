/**
 * Connection settings for a Temporal service: the local dev server, a self-hosted cluster
 * (mTLS) or Temporal Cloud (API key). Worker and web share them.
 */
import fs from 'node:fs';
import type { Config } from '.';

export interface TemporalConnectionOptions {
  address: string;
  apiKey?: string;
  tls?: boolean | { clientCertPair: { crt: Buffer; key: Buffer } };
}

export function temporalConnectionOptions(config: Config, address = config.temporal.address): TemporalConnectionOptions {
  if (!address) throw new Error('TEMPORAL_ADDRESS is not set (npm start runs a local Temporal server; a worker started on its own needs the address)');
  const { apiKey, tls } = config.temporal;
  if (tls?.certPath && tls.keyPath) {
    return { address, apiKey, tls: { clientCertPair: { crt: fs.readFileSync(tls.certPath), key: fs.readFileSync(tls.keyPath) } } };
  }
  return { address, apiKey, tls: apiKey ? true : undefined };
}
