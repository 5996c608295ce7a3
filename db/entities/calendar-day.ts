import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A day that breaks the Monday-to-Friday rule: a holiday, or a weekend day worked in exchange. */
export const CalendarDay = defineEntity({
  name: 'CalendarDay',
  tableName: 'calendar_day',
  properties: {
    day: p.date().primary(),
    kind: p.enum(['holiday', 'working-weekend'] as const),
    name: p.string().length(200),
    /** Not yet confirmed by the government's announcement for that year. */
    provisional: p.boolean().default(false),
    /** Why it was entered or changed (e.g. the announcement's number). */
    note: p.text().nullable(),
    updatedAt: p.datetime().nullable(),
    updatedBy: p.string().length(60).nullable(),
  },
});

export type ICalendarDay = InferEntity<typeof CalendarDay>;
