/** The open dossiers a calendar change must reach, read from the read model page by page. */
import { Dossier } from '../db/entities';
import type { Orm } from '../db/orm';
import type { CalendarChangeActivities } from './contract';

export function createCalendarChangeActivities(orm: Orm): CalendarChangeActivities {
  return {
    async openDossiersAfter({ afterId, limit }) {
      const rows = await orm.em
        .fork()
        .find(Dossier, { id: { $gt: afterId }, completedAt: null, workflowStartedAt: { $ne: null } }, { fields: ['id', 'code'], orderBy: { id: 'asc' }, limit });
      return rows.map((d) => ({ id: d.id, code: d.code }));
    },
  };
}
