/** Finds the agency of a kind in a place (for consultations between agencies, liên thông). */
import { ApplicationFailure } from '@temporalio/common';
import { Agency } from '../db/entities';
import type { Orm } from '../db/orm';
import type { AgencyRef } from '../workflows/messages';
import type { FindAgencyInput } from './contract';

export function createAgencyFinder(orm: Orm) {
  return async function findAgency(input: FindAgencyInput): Promise<AgencyRef> {
    const where = { kind: input.kind, provinceCode: input.provinceCode, validTo: null };
    const em = orm.em.fork();
    const agency =
      (input.communeCode ? await em.findOne(Agency, { ...where, communeCode: input.communeCode }) : null) ??
      (await em.findOne(Agency, where, { orderBy: { id: 'asc' } }));
    if (!agency) {
      // Reference data is missing: retrying will not create it; an administrator must.
      throw ApplicationFailure.nonRetryable(`no ${input.kind} agency in province ${input.provinceCode}`, 'AgencyMissing');
    }
    return {
      code: agency.code,
      name: agency.name,
      unitCode: agency.unitCode,
      provinceCode: agency.provinceCode,
      communeCode: agency.communeCode ?? undefined,
    };
  };
}
