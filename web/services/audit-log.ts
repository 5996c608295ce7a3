/**
 * The audit trail as supervisors and administrators read it (/nhat-ky), and the entries the web
 * writes when an official opens a dossier's full record or downloads its documents. Supervisors
 * read their agency's entries, administrators every entry (those of no agency included: calendar
 * changes, sign-ins of unknown names). Entries are read newest first, a page at a time by
 * sequence number (keyset), and exported oldest first with the hash columns, so an auditor can
 * recompute each entry's hash and check the links between consecutive entries.
 */
import { appendAudit, type AuditVerification, CHAINED_COLUMNS, type ChainedAuditEntry, type ChainedRow, fromRow, verifyAuditChain } from '../../db/audit';
import type { Orm } from '../../db/orm';
import { addCalendarDays, atLocalTime } from '../../domain/vietnam-time';
import type { SessionUser } from '../session-user';

/** Who may read the trail. */
export const AUDIT_ROLES = ['supervisor', 'admin'] as const;

export interface AuditFilter {
  /** Local days, inclusive. */
  from?: string;
  to?: string;
  actor?: string;
  action?: string;
  dossierCode?: string;
  /** Keyset: entries before this sequence number. */
  before?: number;
}

export interface AuditPage {
  rows: ChainedAuditEntry[];
  /** The sequence number to continue from, when there are more. */
  next?: number;
}

export interface ChainStatus extends AuditVerification {
  checkedAt: Date;
}

/** At most this many entries in one export. */
export const EXPORT_LIMIT = 100_000;
/** How long a verification of the whole chain is shown before it is made again. */
const STATUS_TTL_MS = 60_000;

/** What of a dossier was opened: its page, or one of its documents. */
export type OpenedWhat = 'page' | 'receipt-slip' | 'result' | 'apology-letter' | 'printed-form' | 'attachment' | 'fee-receipt';

export class AuditLogService {
  private status?: { key: string; status: Promise<ChainStatus> };

  constructor(
    private readonly orm: Orm,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The WHERE clause and its parameters for a user's scope and a filter. */
  private where(user: SessionUser, f: AuditFilter): { sql: string; params: unknown[] } {
    const clauses: string[] = [];
    const params: unknown[] = [];
    if (user.role !== 'admin') {
      clauses.push('agency_code = ?');
      params.push(user.agencyCode);
    }
    if (f.from) {
      clauses.push('at >= ?');
      params.push(atLocalTime(f.from));
    }
    if (f.to) {
      clauses.push('at < ?');
      params.push(atLocalTime(addCalendarDays(f.to, 1)));
    }
    if (f.actor) {
      clauses.push('actor = ?');
      params.push(f.actor);
    }
    if (f.action) {
      clauses.push('action = ?');
      params.push(f.action);
    }
    if (f.dossierCode) {
      clauses.push('dossier_code = ?');
      params.push(f.dossierCode);
    }
    return { sql: clauses.length ? `where ${clauses.join(' and ')}` : '', params };
  }

  /** A page of entries, newest first. */
  async page(user: SessionUser, filter: AuditFilter, size = 50): Promise<AuditPage> {
    const { sql, params } = this.where(user, filter);
    const keyset = filter.before !== undefined ? `${sql ? `${sql} and` : 'where'} seq < ?` : sql;
    const rows = await this.orm.em
      .fork()
      .getConnection()
      .execute<ChainedRow[]>(`select ${CHAINED_COLUMNS} from audit_event ${keyset} order by seq desc limit ?`, [
        ...params,
        ...(filter.before !== undefined ? [filter.before] : []),
        size + 1,
      ]);
    const entries = rows.slice(0, size).map(fromRow);
    return { rows: entries, next: rows.length > size ? entries[entries.length - 1].seq : undefined };
  }

  /** Every entry the filter selects (the page's filter, without the keyset), oldest first. */
  async export(user: SessionUser, filter: AuditFilter): Promise<ChainedAuditEntry[]> {
    const { sql, params } = this.where(user, { ...filter, before: undefined });
    const rows = await this.orm.em
      .fork()
      .getConnection()
      .execute<ChainedRow[]>(`select ${CHAINED_COLUMNS} from audit_event ${sql} order by seq limit ?`, [...params, EXPORT_LIMIT]);
    return rows.map(fromRow);
  }

  /**
   * The whole chain verified: again when entries were added or removed since, or after a minute
   * (an edit in place changes neither count); one verification at a time.
   */
  async chainStatus(): Promise<ChainStatus> {
    const [{ count, last }] = await this.orm.em
      .fork()
      .getConnection()
      .execute<{ count: string; last: string | null }[]>(`select count(*) as count, max(seq) as last from audit_event`);
    const key = `${count}:${last ?? 0}`;
    const cached = this.status;
    if (cached && cached.key === key) {
      const status = await cached.status;
      if (this.now().getTime() - status.checkedAt.getTime() < STATUS_TTL_MS) return status;
    }
    return this.verifyNow(key);
  }

  private verifyNow(key: string): Promise<ChainStatus> {
    const status = verifyAuditChain(this.orm.em.fork()).then((v) => ({ ...v, checkedAt: this.now() }));
    const entry = { key, status };
    this.status = entry;
    // A failed verification is not kept: the next page tries again.
    status.catch(() => {
      if (this.status === entry) this.status = undefined;
    });
    return status;
  }

  /**
   * An official opened a dossier's full record (its page with the applicant's personal data) or
   * downloaded one of its documents: who, which dossier, what, when; nothing of the dossier's content.
   */
  async opened(user: SessionUser, dossier: { code: string; agencyCode: string }, what: OpenedWhat, ip: string | undefined, document?: string): Promise<void> {
    await appendAudit(this.orm.em.fork(), {
      actor: user.username,
      action: what === 'page' ? 'dossier-opened' : 'document-downloaded',
      target: dossier.code,
      ip: ip ?? null,
      agencyCode: dossier.agencyCode,
      dossierCode: dossier.code,
      detail: what === 'page' ? null : { document: document ?? what },
    });
  }

  /** An official printed the agency's tracking ledger (form 07): personal data of many dossiers, so recorded like an opening. */
  async printedLedger(user: SessionUser, period: { from: string; to: string }, ip: string | undefined): Promise<void> {
    await appendAudit(this.orm.em.fork(), {
      actor: user.username,
      action: 'document-downloaded',
      target: `so-theo-doi ${period.from} ${period.to}`,
      ip: ip ?? null,
      agencyCode: user.agencyCode,
      dossierCode: null,
      detail: { document: `so-theo-doi-${user.agencyCode}-${period.from}-${period.to}.pdf` },
    });
  }
}
