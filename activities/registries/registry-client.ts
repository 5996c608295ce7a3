/**
 * Client of the registry gateway: the national population database (identity verification) and
 * the driving-licence database. In development it talks to sandboxes/registry.
 */
import { z } from 'zod';
import { callJson, confirmNotFound, readAnswer } from '../http';

export interface RegistryClientOptions {
  url: string;
  apiKey: string;
  timeoutMs: number;
}

export interface IdentityQuery {
  citizenId: string;
  fullName: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
}

/** The population database says whether declared data match; it never returns them. */
export type IdentityVerification = { found: false } | { found: true; matches: { fullName: boolean; dateOfBirth: boolean } };

const identityAnswer = z.object({
  found: z.literal(true),
  matches: z.object({ fullName: z.boolean(), dateOfBirth: z.boolean() }),
});

const licenceAnswer = z.object({
  number: z.string(),
  citizenId: z.string(),
  holderName: z.string(),
  class: z.string(),
  issuedAt: z.string(),
  /** null: no term (motorbike classes). */
  expiresAt: z.string().nullable(),
  issuingProvince: z.string(),
  status: z.enum(['valid', 'revoked', 'suspended']),
});

export type LicenceRecord = z.output<typeof licenceAnswer>;

export interface RegistryClient {
  verifyIdentity(query: IdentityQuery): Promise<IdentityVerification>;
  /** undefined: no licence with that number. */
  findLicence(number: string): Promise<LicenceRecord | undefined>;
}

export function createRegistryClient(options: RegistryClientOptions): RegistryClient {
  const base = options.url.replace(/\/+$/, '');
  const headers = { 'X-Api-Key': options.apiKey };
  return {
    async verifyIdentity(query) {
      const operation = 'registry: verify identity';
      const answer = await callJson({
        operation,
        method: 'POST',
        url: `${base}/population/v1/identity-verifications`,
        headers,
        body: query,
        timeoutMs: options.timeoutMs,
      });
      if (answer.found) return readAnswer(operation, identityAnswer, answer.body);
      confirmNotFound(operation, answer);
      return { found: false };
    },
    async findLicence(number) {
      const operation = 'registry: find licence';
      const answer = await callJson({
        operation,
        method: 'GET',
        url: `${base}/driving-licences/v1/licences/${encodeURIComponent(number)}`,
        headers,
        timeoutMs: options.timeoutMs,
      });
      if (answer.found) return readAnswer(operation, licenceAnswer, answer.body);
      confirmNotFound(operation, answer);
      return undefined;
    },
  };
}
