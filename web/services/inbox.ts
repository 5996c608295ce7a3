/**
 * The officials' inbox: reminders before a deadline, escalations when it passed, tasks given to
 * someone, apologies, as the dossier workflow's projection writes them (`official_notification`).
 * An official sees the messages of their agency addressed to them, or to their role (and their
 * department, when the message names one). A message to a role is read by each of its officials
 * separately (`official_notification_read`).
 */
import type { Orm } from '../../db/orm';
import type { SessionUser } from '../session-user';
import { instant } from './supervision';

export const MESSAGES_PER_PAGE = 50;

export interface InboxMessage {
  id: number;
  dossierCode: string;
  taskKey: string | null;
  kind: string;
  text: string;
  createdAt: Date;
  /** To the official by name, rather than to their role or group. */
  personal: boolean;
  read: boolean;
}

export class InboxService {
  constructor(private readonly orm: Orm) {}

  private execute<T>(sql: string, params: unknown[]): Promise<T[]> {
    return this.orm.em.fork().getConnection().execute<T[]>(sql, params);
  }

  /** The messages the official may see: theirs, or their role's (and department's) in their agency. */
  private addressedTo(user: SessionUser): { sql: string; params: unknown[] } {
    return {
      sql: `n.agency_id = ? and (n.official_id = ? or (n.official_id is null and n.role = ?
              and (n.department is null or n.department = (select department from official where id = ?))))`,
      params: [user.agencyId, user.id, user.role, user.id],
    };
  }

  async unreadCount(user: SessionUser): Promise<number> {
    const to = this.addressedTo(user);
    const [{ unread }] = await this.execute<{ unread: string }>(
      `select count(*) as unread from official_notification n
       where ${to.sql} and not exists (select 1 from official_notification_read r where r.notification_id = n.id and r.official_id = ?)`,
      [...to.params, user.id],
    );
    return Number(unread);
  }

  /** Newest first, one page; unread only when asked. */
  async messages(user: SessionUser, options: { page: number; unreadOnly?: boolean }): Promise<{ rows: InboxMessage[]; total: number; page: number; pages: number }> {
    const to = this.addressedTo(user);
    const unread = options.unreadOnly ? 'and r.notification_id is null' : '';
    const from = `from official_notification n
       left join official_notification_read r on r.notification_id = n.id and r.official_id = ?
       where ${to.sql} ${unread}`;
    const params = [user.id, ...to.params];
    const [{ total }] = await this.execute<{ total: string }>(`select count(*) as total ${from}`, params);
    const pages = Math.max(1, Math.ceil(Number(total) / MESSAGES_PER_PAGE));
    const page = Math.min(Math.max(1, options.page), pages);
    const rows = await this.execute<{ id: number; dossier_code: string; task_key: string | null; kind: string; text: string; created_at: Date | string; official_id: number | null; read_at: Date | string | null }>(
      `select n.id, n.dossier_code, n.task_key, n.kind, n.text, n.created_at, n.official_id, r.read_at ${from}
       order by n.created_at desc, n.id desc limit ? offset ?`,
      [...params, MESSAGES_PER_PAGE, (page - 1) * MESSAGES_PER_PAGE],
    );
    return {
      total: Number(total),
      page,
      pages,
      rows: rows.map((r) => ({
        id: r.id,
        dossierCode: r.dossier_code,
        taskKey: r.task_key,
        kind: r.kind,
        text: r.text,
        createdAt: instant(r.created_at),
        personal: r.official_id !== null,
        read: r.read_at !== null,
      })),
    };
  }

  /** Marks messages read for this official: the ones given, or all they can see. Others' messages are left alone. */
  async markRead(user: SessionUser, ids?: number[]): Promise<number> {
    const to = this.addressedTo(user);
    const only = ids ? `and n.id in (${ids.map(() => '?').join(', ') || 'null'})` : '';
    const marked = await this.execute<{ notification_id: number }>(
      `insert into official_notification_read (notification_id, official_id, read_at)
       select n.id, ?, now() from official_notification n where ${to.sql} ${only}
       on conflict do nothing returning notification_id`,
      [user.id, ...to.params, ...(ids ?? [])],
    );
    // A message to one official is theirs alone: its own column says it was read too.
    await this.execute(`update official_notification set read_at = now() where official_id = ? and read_at is null ${ids ? `and id in (${ids.map(() => '?').join(', ') || 'null'})` : ''}`, [
      user.id,
      ...(ids ?? []),
    ]);
    return marked.length;
  }
}
