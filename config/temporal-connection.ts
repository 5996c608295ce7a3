/**
 * Connection settings for a Temporal service: the local dev server, a self-hosted cluster
 * (mTLS) or Temporal Cloud (API key). Worker and web share them.
 */
import fs from 'node:fs';
import type { DataConverter } from '@temporalio/common';
import type { Config } from '.';
import { resolveSecrets } from './endpoints';
import { encryptionCodec } from './payload-codec';

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

/**
 * How every client and worker of motcua converts payloads: JSON, then encrypted with the keys of
 * PAYLOAD_KEYS (config/payload-codec.ts). The web's client, the worker (and the client its
 * activities use), scripts and the test stack all take it from here, or they could not read
 * each other's payloads.
 */
export function temporalDataConverter(config: Config): DataConverter {
  return dataConverterFor(resolveSecrets(config).payloadKeys);
}

/** The data converter for a PAYLOAD_KEYS value (replaying histories recorded with known keys). */
export function dataConverterFor(payloadKeys: string): DataConverter {
  return { payloadCodecs: [encryptionCodec(payloadKeys)], failureConverterPath: FAILURE_CONVERTER_PATH };
}

/**
 * Failures with their message and stack encoded (then encrypted): the workflow bundle is built
 * with the same module (scripts/bundle-workflows.ts, test/setup/workflow-bundle.ts).
 */
export const FAILURE_CONVERTER_PATH = require.resolve('../workflows/failure-converter');
