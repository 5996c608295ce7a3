import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Official } from './official';

/** An official away for a range of days, with the colleague who takes their tasks meanwhile. */
export const OfficialAbsence = defineEntity({
  name: 'OfficialAbsence',
  tableName: 'official_absence',
  properties: {
    id: p.integer().primary().autoincrement(),
    official: () => p.manyToOne(Official),
    delegate: () => p.manyToOne(Official),
    fromDay: p.date(),
    toDay: p.date(),
    reason: p.text(),
    createdBy: p.string().length(60),
    createdAt: p.datetime().onCreate(() => new Date()),
    cancelledAt: p.datetime().nullable(),
  },
  indexes: [{ properties: ['official', 'fromDay'] }],
});

export type IOfficialAbsence = InferEntity<typeof OfficialAbsence>;
