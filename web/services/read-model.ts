/**
 * Reads for the back office and the public pages, from the PostgreSQL read model. Every query
 * an official triggers is scoped to the official's agency here, not in the routes, so a route
 * cannot forget it.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { cachedWorkingCalendar } from '../../db/calendar';
import {
  Dossier,
  type IDossier,
  type ITask,
  type ITimelineEvent,
  Notification,
  Official,
  Task,
  TimelineEvent,
} from '../../db/entities';
import type { Orm } from '../../db/orm';
import type { WorkingCalendar } from '../../domain/working-days';
import type { ResultRecord } from '../../workflows/messages';
import type { SessionUser } from '../session-user';
import { isTaskRole } from '../../domain/roles';
import type { LegalCalendar } from '../../domain/calendar';

/**
 * A dossier's results as its read-model row records them; rows written before a dossier could
 * have several only hold the first in `result`.
 */
export function resultsOf(dossier: { result?: ResultRecord | null; results?: ResultRecord[] | null }): ResultRecord[] {
  if (dossier.results?.length) return dossier.results;
  return dossier.result ? [dossier.result] : [];
}

export interface QueueRow {
  task: ITask;
  dossier: IDossier;
}

export class ReadModel {
  /** The working calendar, for deadlines shown in working days. */
  readonly calendar: () => Promise<LegalCalendar>;

  constructor(private readonly orm: Orm) {
    this.calendar = cachedWorkingCalendar(orm);
  }

  private em(): EntityManager {
    return this.orm.em.fork();
  }

  /**
   * Open tasks of the official's role in the official's agency: theirs, and those nobody holds,
   * unless given to a group (department) the official is not in.
   */
  async queue(user: SessionUser): Promise<QueueRow[]> {
    const role = user.role;
    if (!isTaskRole(role)) return [];
    const em = this.em();
    const department = (await em.findOne(Official, user.id, { fields: ['department'] }))?.department;
    const tasks = await em.find(
      Task,
      {
        agency: user.agencyId,
        role,
        status: 'open',
        $or: [
          { assignee: user.id },
          { assignee: null, assignedGroup: null },
          ...(department ? [{ assignee: null, assignedGroup: department }] : []),
        ],
      },
      { populate: ['dossier'], orderBy: { dueAt: 'asc nulls last', createdAt: 'asc' }, limit: 200 },
    );
    return tasks.map((task) => ({ task, dossier: task.dossier as IDossier }));
  }

  /**
   * A dossier of the official's agency, or one the agency is consulted on (it has a task of
   * it); `null` for any other, so existence elsewhere is not revealed.
   */
  async dossierFor(user: SessionUser, code: string): Promise<IDossier | null> {
    const em = this.em();
    const dossier = await em.findOne(Dossier, { code }, { populate: ['agency'] });
    if (!dossier) return null;
    if (dossier.agency.id === user.agencyId) return dossier;
    return (await em.count(Task, { dossier: dossier.id, agency: user.agencyId })) > 0 ? dossier : null;
  }

  async tasksOf(dossier: IDossier): Promise<ITask[]> {
    return this.em().find(Task, { dossier: dossier.id }, { orderBy: { createdAt: 'asc', id: 'asc' } });
  }

  /** One task of a dossier by the workflow's task id, open or not. */
  async taskOf(dossier: IDossier, taskKey: string): Promise<ITask | null> {
    return this.em().findOne(Task, { dossier: dossier.id, taskKey });
  }

  async timelineOf(dossier: IDossier): Promise<ITimelineEvent[]> {
    return this.em().find(TimelineEvent, { dossier: dossier.id }, { orderBy: { seq: 'asc' } });
  }

  /** The agency's dossiers for supervision: unfinished first, soonest appointment first. */
  async agencyDossiers(user: SessionUser, filter: { open?: boolean; status?: number }, limit = 100): Promise<IDossier[]> {
    const where: Record<string, unknown> = { agency: user.agencyId };
    if (filter.open) where.completedAt = null;
    if (filter.status) where.status = filter.status;
    return this.em().find(Dossier, where, {
      orderBy: { appointmentAt: 'asc nulls last', submittedAt: 'desc' },
      limit,
    });
  }

  async openTasksOfAgency(user: SessionUser, dossierIds: number[]): Promise<ITask[]> {
    if (!dossierIds.length) return [];
    return this.em().find(Task, { agency: user.agencyId, status: 'open', dossier: { $in: dossierIds } });
  }

  /** Active officials of the official's agency, e.g. to reassign a task. */
  async colleagues(user: SessionUser) {
    return this.em().find(Official, { agency: user.agencyId, active: true }, { orderBy: { fullName: 'asc' } });
  }

  async colleague(user: SessionUser, id: number) {
    return this.em().findOne(Official, { id, agency: user.agencyId, active: true });
  }

  /** For the public status page and API: by code only, without personal data beyond the name. */
  async publicDossier(code: string): Promise<IDossier | null> {
    return this.em().findOne(Dossier, { code }, { populate: ['agency'] });
  }

  /** The newest messages of the outbox, to one recipient when given. */
  async mailbox(limit = 100, recipient?: string) {
    return this.em().find(Notification, recipient ? { recipient } : {}, { orderBy: { id: 'desc' }, limit });
  }
}
