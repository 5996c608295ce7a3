/**
 * Reads for the back office and the public pages, from the PostgreSQL read model (the queues and
 * the archive: services/queues.ts). Every query
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
  Official,
  Task,
  TimelineEvent,
} from '../../db/entities';
import type { Orm } from '../../db/orm';
import type { WorkingCalendar } from '../../domain/working-days';
import { lookupSecretMatches } from '../../domain/lookup-secret';
import type { ResultRecord } from '../../workflows/messages';
import type { SessionUser } from '../session-user';
import type { LegalCalendar } from '../../domain/calendar';

/**
 * A dossier's results as its read-model row records them; rows written before a dossier could
 * have several only hold the first in `result`.
 */
export function resultsOf(dossier: { result?: ResultRecord | null; results?: ResultRecord[] | null }): ResultRecord[] {
  if (dossier.results?.length) return dossier.results;
  return dossier.result ? [dossier.result] : [];
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

  /** By code only: for pages whose link already proves who follows it (signed applicant links). */
  async publicDossier(code: string): Promise<IDossier | null> {
    return this.em().findOne(Dossier, { code }, { populate: ['agency'] });
  }

  /**
   * For the public status page and API: the dossier only when `secret` is its lookup secret
   * (compared in constant time); null alike for an unknown code and a wrong secret.
   */
  async lookedUp(code: string, secret: string | undefined): Promise<IDossier | null> {
    const dossier = code ? await this.publicDossier(code) : null;
    return lookupSecretMatches(dossier?.lookupSecret, secret) ? dossier : null;
  }

  /**
   * For the API: the dossier when the API client `apiClientId` submitted it (no secret needed),
   * otherwise as lookedUp, with its lookup secret. Another client's dossier is as unknown as a wrong secret.
   */
  async lookedUpBy(code: string, secret: string | undefined, apiClientId: number | undefined): Promise<IDossier | null> {
    const dossier = code ? await this.publicDossier(code) : null;
    if (dossier && apiClientId !== undefined && dossier.submittedBy?.id === apiClientId) return dossier;
    return lookupSecretMatches(dossier?.lookupSecret, secret) ? dossier : null;
  }
}
