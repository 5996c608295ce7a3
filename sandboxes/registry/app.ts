/**
 * Registry sandbox: stands in for the national population database (identity verification), the
 * driving-licence database, the national business registration database, the social-insurance
 * database and the Vietnam Register's vehicle quality certificates, which motcua cannot reach
 * outside government networks. Same
 * boundary as the real gateway: an API key per client, JSON, slow and sometimes unavailable.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type RequestHandler } from 'express';
import { z } from 'zod';
import { sameNameUpToSpelling } from '../../domain/vietnamese-names';
import { createFaults, faultControlRoutes, type Faults } from '../faults';
import { jsonErrors, parseBody, sendInvalid } from '../http';
import { CITIZENS, ENTERPRISES, INSURANCE_CARDS, LICENCES, QUALITY_CERTIFICATES } from './data';

export interface RegistrySandboxOptions {
  apiKey: string;
  latencyMs: [number, number];
  failureRate: number;
  /** How long a 'slow' failure holds its answer; default 8000 ms, beyond a 5 s client timeout. */
  slowMs?: number;
  random?: () => number;
}

export interface RegistrySandbox {
  app: express.Express;
  control: Faults;
}

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD')
  .refine((value) => new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'not a calendar date');

const identityQuery = z.object({
  citizenId: z.string().regex(/^\d{12}$/, '12 digits'),
  fullName: z.string().trim().min(1).max(100),
  dateOfBirth: isoDate,
});

const citizensById = new Map(CITIZENS.map((c) => [c.citizenId, c]));
const licencesByNumber = new Map(LICENCES.map((l) => [l.number, l]));
const enterprisesByTaxCode = new Map(ENTERPRISES.map((e) => [e.taxCode, e]));
const cardsByCode = new Map(INSURANCE_CARDS.map((c) => [c.insuranceCode, c]));
const certificatesByFrame = new Map(QUALITY_CERTIFICATES.map((v) => [v.frameNumber, v]));

/** A GET by key: 400 for a malformed key, 404 `not_found` for an unknown one, else the record. */
function lookup<T>(param: string, pattern: RegExp, rule: string, records: ReadonlyMap<string, T>): RequestHandler {
  return (req, res) => {
    const key = String(req.params[param]);
    if (!pattern.test(key)) return sendInvalid(res, { [param]: rule });
    const record = records.get(key);
    if (!record) return void res.status(404).json({ error: 'not_found' });
    res.json(record);
  };
}

function requireApiKey(expected: string): RequestHandler {
  // Hashing first makes the comparison constant-time whatever the lengths.
  const digest = (value: string) => createHash('sha256').update(value).digest();
  const expectedDigest = digest(expected);
  return (req, res, next) => {
    const given = req.get('X-Api-Key');
    if (given && timingSafeEqual(digest(given), expectedDigest)) return next();
    res.status(401).json({ error: 'unauthorized' });
  };
}

export function createRegistrySandbox(options: RegistrySandboxOptions): RegistrySandbox {
  const faults = createFaults(options);
  const app = express();
  app.disable('x-powered-by');
  app.use('/__sandbox', faultControlRoutes(faults));

  const api = express.Router();
  api.use(faults.recordCalls, express.json({ limit: '16kb' }), faults.inject, requireApiKey(options.apiKey));

  // Like the real service, it says whether the declared data match; it never returns them.
  api.post('/population/v1/identity-verifications', (req, res) => {
    const query = parseBody(identityQuery, req, res);
    if (!query) return;
    const citizen = citizensById.get(query.citizenId);
    if (!citizen) return void res.status(404).json({ error: 'not_found' });
    res.json({
      found: true,
      matches: {
        fullName: sameNameUpToSpelling(query.fullName, citizen.fullName),
        dateOfBirth: query.dateOfBirth === citizen.dateOfBirth,
      },
    });
  });

  api.get('/driving-licences/v1/licences/:number', (req, res) => {
    if (!/^\d{12}$/.test(req.params.number)) {
      return void res.status(400).json({ error: 'invalid_request', fields: { number: '12 digits' } });
    }
    const licence = licencesByNumber.get(req.params.number);
    if (!licence) return void res.status(404).json({ error: 'not_found' });
    res.json(licence);
  });

  // Enterprise tax codes have 10 digits, a branch's 13 (with "-"); since July 2025 individuals and
  // household businesses may use their 12-digit citizen id.
  api.get(
    '/business/v1/enterprises/:taxCode',
    lookup('taxCode', /^(\d{10}(-\d{3})?|\d{12})$/, '10 digits, 10-3 digits or 12 digits', enterprisesByTaxCode),
  );
  api.get('/social-insurance/v1/cards/:insuranceCode', lookup('insuranceCode', /^\d{10}$/, '10 digits', cardsByCode));
  api.get(
    '/vehicles/v1/quality-certificates/:frameNumber',
    lookup('frameNumber', /^[A-HJ-NPR-Z0-9]{17}$/, '17 characters, capitals and digits without I, O, Q', certificatesByFrame),
  );

  // Distinct from a missing record, so that a client with a wrong base URL can tell.
  api.use((_req, res) => {
    res.status(404).json({ error: 'unknown_endpoint' });
  });
  app.use(api);
  app.use(jsonErrors);
  return { app, control: faults };
}
