import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * The audit trail: sign-ins, administrative changes, every action on a dossier, every opening
 * of a dossier's full record. Append-only and chained by hashes: written only through
 * db/audit.ts `appendAudit` (never with em.create or insert), which assigns `seq`, `prevHash`
 * and `hash`; a trigger refuses UPDATE and DELETE.
 */
export const AuditEvent = defineEntity({
  name: 'AuditEvent',
  tableName: 'audit_event',
  properties: {
    id: p.integer().primary().autoincrement(),
    seq: p.bigint('number').unique(),
    at: p.datetime(),
    actor: p.string().length(60),
    action: p.string().length(60),
    target: p.string().length(200).nullable(),
    ip: p.string().length(60).nullable(),
    agencyCode: p.string().length(40).nullable(),
    dossierCode: p.string().length(40).nullable(),
    eventKey: p.string().length(160).nullable().unique(),
    detail: p.text().nullable(),
    prevHash: p.string().length(64),
    hash: p.string().length(64),
  },
  indexes: [{ properties: ['at'] }],
});

export type IAuditEvent = InferEntity<typeof AuditEvent>;
