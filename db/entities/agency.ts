import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { OfficeHours } from '../../domain/legal-clock';

/**
 * An agency that receives and handles dossiers (e.g. a province's traffic police department).
 * Agencies merge and split: rows are never renamed in place; a successor link and validity
 * dates keep old dossier-code prefixes findable.
 */
export const Agency = defineEntity({
  name: 'Agency',
  tableName: 'agency',
  properties: {
    id: p.integer().primary().autoincrement(),
    code: p.string().length(40).unique(),
    name: p.string().length(200),
    /** Receiving unit identifier: the prefix of the dossier codes it issues. */
    unitCode: p.string().length(20).unique(),
    provinceCode: p.string().length(2),
    /** Set for commune-level agencies (Ủy ban nhân dân cấp xã). */
    communeCode: p.string().length(10).nullable(),
    /** Matches a procedure's `agencyKind`. */
    kind: p.string().length(40),
    validFrom: p.date(),
    validTo: p.date().nullable(),
    successorCode: p.string().length(40).nullable(),
    /** The office's own sessions and cut-off (domain/legal-clock.ts OfficeHours); null: the default. */
    officeHours: p.json<OfficeHours>().nullable(),
  },
  indexes: [{ properties: ['kind', 'provinceCode'] }],
});

export type IAgency = InferEntity<typeof Agency>;
