/**
 * Offices' own hours (agency.office_hours: sessions and the cut-off for counting the day), set by
 * an administrator for the agencies of their province; null means the default
 * (DEFAULT_OFFICE_HOURS). Each change is audited with its before and after.
 */
import { appendAudit } from '../../db/audit';
import { Agency } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { DEFAULT_OFFICE_HOURS, type OfficeHours } from '../../domain/legal-clock';
import type { SessionUser } from '../session-user';
import type { CalendarEditor } from './calendar-admin';
import { type CalendarChanges, NO_CALENDAR_CHANGES } from './calendar-changes';

export interface AgencyHours {
  code: string;
  name: string;
  /** The agency's own hours; undefined when it keeps the default. */
  own?: OfficeHours;
  /** What the clock uses. */
  hours: OfficeHours;
}

export class OfficeHoursAdmin {
  constructor(
    private readonly orm: Orm,
    /** Open dossiers count their deadlines in these hours: a change recomputes them, as a calendar change does. */
    private readonly changes: CalendarChanges = NO_CALENDAR_CHANGES,
  ) {}

  private async provinceOf(user: SessionUser): Promise<string> {
    const agency = await this.orm.em.fork().findOneOrFail(Agency, { id: user.agencyId }, { fields: ['provinceCode'] });
    return agency.provinceCode;
  }

  /** The agencies of the administrator's province that exist today, provincial ones first. */
  async agencies(user: SessionUser): Promise<AgencyHours[]> {
    const province = await this.provinceOf(user);
    const agencies = await this.orm.em
      .fork()
      .find(Agency, { provinceCode: province, validTo: null }, { orderBy: { communeCode: 'asc nulls first', name: 'asc' } });
    return agencies.map((a) => ({ code: a.code, name: a.name, own: a.officeHours ?? undefined, hours: a.officeHours ?? DEFAULT_OFFICE_HOURS }));
  }

  /** One agency of the administrator's province; undefined for any other. */
  async agency(user: SessionUser, code: string): Promise<AgencyHours | undefined> {
    const province = await this.provinceOf(user);
    const a = await this.orm.em.fork().findOne(Agency, { code, provinceCode: province });
    return a ? { code: a.code, name: a.name, own: a.officeHours ?? undefined, hours: a.officeHours ?? DEFAULT_OFFICE_HOURS } : undefined;
  }

  /** Sets an agency's hours (null: back to the default). False when the agency is not the administrator's to set. */
  async set(editor: CalendarEditor, user: SessionUser, code: string, hours: OfficeHours | null): Promise<boolean> {
    const province = await this.provinceOf(user);
    const changed = await this.orm.em.fork().transactional(async (em) => {
      const agency = await em.findOne(Agency, { code, provinceCode: province });
      if (!agency) return undefined;
      const before = agency.officeHours ?? null;
      agency.officeHours = hours;
      await em.flush();
      // Last in the transaction: the trail's lock is held until the commit.
      await appendAudit(em, {
        actor: editor.username,
        action: 'office-hours-changed',
        target: `co-quan:${code}`,
        ip: editor.ip ?? null,
        agencyCode: code,
        detail: { before, after: hours },
      });
      return JSON.stringify(before) === JSON.stringify(hours) ? '' : agency.name;
    });
    if (changed === undefined) return false;
    if (changed) await this.changes.announce(`Giờ làm việc của ${changed} được điều chỉnh`);
    return true;
  }
}
