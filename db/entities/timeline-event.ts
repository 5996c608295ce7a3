import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Dossier } from './dossier';

/**
 * The audit trail of a dossier: who did what and when, append-only. `seq` is assigned by the
 * workflow, so a retried projection inserts nothing twice.
 */
export const TimelineEvent = defineEntity({
  name: 'TimelineEvent',
  tableName: 'timeline_event',
  properties: {
    id: p.integer().primary().autoincrement(),
    dossier: () => p.manyToOne(Dossier),
    seq: p.integer(),
    at: p.datetime(),
    type: p.string().length(40),
    actorKind: p.enum(['official', 'applicant', 'system', 'gateway'] as const),
    actorId: p.string().length(60).nullable(),
    actorName: p.string().length(120),
    actorRole: p.string().length(40).nullable(),
    stepId: p.string().length(60).nullable(),
    taskKey: p.string().length(80).nullable(),
    status: p.smallint().nullable(),
    note: p.text().nullable(),
    data: p.json<Record<string, string | number>>().nullable(),
  },
  uniques: [{ properties: ['dossier', 'seq'] }],
});

export type ITimelineEvent = InferEntity<typeof TimelineEvent>;
