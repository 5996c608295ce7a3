import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Dossier } from './dossier';

/**
 * The handover of a dossier's result to the applicant (issue 9): at the counter (who collected it,
 * the identity document checked, their relation to the applicant) or by post (tracking number).
 * One per dossier: a second one is refused.
 */
export const ResultHandover = defineEntity({
  name: 'ResultHandover',
  tableName: 'result_handover',
  properties: {
    id: p.integer().primary().autoincrement(),
    dossier: () => p.manyToOne(Dossier).unique(),
    method: p.enum(['counter', 'post'] as const),
    collectorName: p.string().length(120),
    /** The identity document the official checked (counter). */
    collectorIdNumber: p.string().length(20).nullable(),
    /** The collector's relation to the applicant ("Chính chủ", "Người được ủy quyền", …). */
    relation: p.string().length(60).nullable(),
    /** The postal tracking number (post). */
    trackingNumber: p.string().length(40).nullable(),
    handedOverAt: p.datetime(),
    officialId: p.string().length(60),
    officialName: p.string().length(120),
    note: p.text().nullable(),
    /** The form's request id: the same form sent twice is one handover. */
    requestId: p.string().length(80).nullable().unique(),
  },
});

export type IResultHandover = InferEntity<typeof ResultHandover>;
