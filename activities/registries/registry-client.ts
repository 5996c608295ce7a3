/**
 * Client of the registry gateway: the national population database (identity verification), the
 * driving-licence database, the national business registration database, the social-insurance
 * database and the Vietnam Register's vehicle quality certificates. In development it talks to
 * sandboxes/registry. A lookup by key answers the record, or undefined for 404 `not_found`.
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

const enterpriseAnswer = z.object({
  taxCode: z.string(),
  name: z.string(),
  status: z.enum(['active', 'suspended', 'dissolved', 'tax-code-closed']),
  address: z.string(),
  legalRepresentative: z.string(),
  registeredAt: z.string(),
  kind: z.enum(['enterprise', 'household']),
});

export type EnterpriseRecord = z.output<typeof enterpriseAnswer>;

const insuranceCardAnswer = z.object({
  insuranceCode: z.string(),
  citizenId: z.string(),
  fullName: z.string(),
  dateOfBirth: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  /** Where the holder registered for primary care. */
  hospital: z.string(),
  benefitLevel: z.number().int().min(1).max(5),
  status: z.enum(['active', 'expired', 'revoked']),
});

export type InsuranceCardRecord = z.output<typeof insuranceCardAnswer>;

const qualityCertificateAnswer = z.object({
  frameNumber: z.string(),
  engineNumber: z.string(),
  certificateNumber: z.string(),
  brand: z.string(),
  model: z.string(),
  vehicleType: z.enum(['car', 'motorbike']),
  seats: z.number().int().positive(),
  manufactureYear: z.number().int(),
  origin: z.enum(['domestic', 'imported']),
  status: z.enum(['valid', 'revoked']),
});

export type QualityCertificateRecord = z.output<typeof qualityCertificateAnswer>;

export interface RegistryClient {
  verifyIdentity(query: IdentityQuery): Promise<IdentityVerification>;
  /** undefined: no licence with that number. */
  findLicence(number: string): Promise<LicenceRecord | undefined>;
  /** undefined: no enterprise or household business with that tax code. */
  findEnterprise(taxCode: string): Promise<EnterpriseRecord | undefined>;
  /** undefined: no health-insurance card with that social-insurance code. */
  findInsuranceCard(insuranceCode: string): Promise<InsuranceCardRecord | undefined>;
  /** undefined: no quality certificate for that frame number. */
  findQualityCertificate(frameNumber: string): Promise<QualityCertificateRecord | undefined>;
}

export function createRegistryClient(options: RegistryClientOptions): RegistryClient {
  const base = options.url.replace(/\/+$/, '');
  const headers = { 'X-Api-Key': options.apiKey };

  async function find<S extends z.ZodType>(operation: string, path: string, schema: S): Promise<z.output<S> | undefined> {
    const answer = await callJson({ operation, method: 'GET', url: `${base}${path}`, headers, timeoutMs: options.timeoutMs });
    if (answer.found) return readAnswer(operation, schema, answer.body);
    confirmNotFound(operation, answer);
    return undefined;
  }

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
    findLicence: (number) =>
      find('registry: find licence', `/driving-licences/v1/licences/${encodeURIComponent(number)}`, licenceAnswer),
    findEnterprise: (taxCode) =>
      find('registry: find enterprise', `/business/v1/enterprises/${encodeURIComponent(taxCode)}`, enterpriseAnswer),
    findInsuranceCard: (insuranceCode) =>
      find('registry: find insurance card', `/social-insurance/v1/cards/${encodeURIComponent(insuranceCode)}`, insuranceCardAnswer),
    findQualityCertificate: (frameNumber) =>
      find(
        'registry: find quality certificate',
        `/vehicles/v1/quality-certificates/${encodeURIComponent(frameNumber)}`,
        qualityCertificateAnswer,
      ),
  };
}
