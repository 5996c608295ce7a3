import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** Security-relevant events outside a dossier's own timeline: sign-ins, refused access. */
export const AuditEvent = defineEntity({
  name: 'AuditEvent',
  tableName: 'audit_event',
  properties: {
    id: p.integer().primary().autoincrement(),
    at: p.datetime().onCreate(() => new Date()),
    actor: p.string().length(60),
    action: p.string().length(60),
    target: p.string().length(200).nullable(),
    ip: p.string().length(60).nullable(),
    detail: p.text().nullable(),
  },
  indexes: [{ properties: ['at'] }],
});

export type IAuditEvent = InferEntity<typeof AuditEvent>;
