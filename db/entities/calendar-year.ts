import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * A year of the working calendar whose government announcement (days off, swapped days, make-up
 * Saturdays) an administrator has entered and confirmed. A year without one is computed from the
 * Labour Code's rules and the lunar calendar, and marked provisional.
 */
export const CalendarYear = defineEntity({
  name: 'CalendarYear',
  tableName: 'calendar_year',
  properties: {
    year: p.integer().primary(),
    /** The announcement, e.g. "Thông báo 6150/TB-BLĐTBXH". */
    announcement: p.string().length(300).nullable(),
    confirmedAt: p.datetime().nullable(),
    confirmedBy: p.string().length(60).nullable(),
  },
});

export type ICalendarYear = InferEntity<typeof CalendarYear>;
