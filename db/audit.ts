/**
 * The audit trail (`audit_event`): append-only, chained by hashes. Every entry carries its
 * sequence number, the hash of the entry before it and its own hash, SHA-256 over a canonical
 * serialisation of its fields (`canonicalAuditEntry`). Whoever edits an entry breaks its hash;
 * whoever deletes one leaves a gap in the sequence; `verifyAuditChain` (and `npm run
 * audit:verify`) finds both. A trigger refuses UPDATE, DELETE and TRUNCATE on the table
 * (migration AuditChain), so only the table's owner, disabling it, can tamper.
 *
 * Every writer goes through `appendAudit`: it takes one transaction-scoped advisory lock, so the
 * web processes and the workers chain their entries in a single line, each entry committed with
 * the change it records. Call it last in a transaction (after the change is flushed): the lock
 * is held until the commit, and taking other locks after it could deadlock.
 */
import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

/** The previous hash of the first entry. */
export const AUDIT_GENESIS = '0'.repeat(64);

/** pg_advisory_xact_lock(AUDIT_LOCK_SPACE, AUDIT_LOCK): one appender at a time, across processes. */
export const AUDIT_LOCK_SPACE = 7_200;
export const AUDIT_LOCK = 1;

/** The canonical form's version, first in it: a later form can be told apart. */
const CANONICAL_VERSION = 1;

/** What a writer says happened. */
export interface AuditEntry {
  /** Who: an official's user name, 'he-thong' for the system, the CLI user for operators. */
  actor: string;
  /** What, as a code (`sign-in`, `calendar-day-added`, `dossier-opened`, `dossier-accepted`…). */
  action: string;
  /** On what (`lich:2026-09-02`, `co-quan:…`, a dossier code…). */
  target?: string | null;
  ip?: string | null;
  /** The agency whose supervisors see the entry; null: administrators only. */
  agencyCode?: string | null;
  dossierCode?: string | null;
  /** Idempotency key: an entry with a key already in the trail is not appended again. */
  key?: string | null;
  /** Further facts as JSON; never personal data of applicants. */
  detail?: unknown;
  /** When it happened; default: now. */
  at?: Date;
}

/** An entry as it is stored and chained. */
export interface ChainedAuditEntry {
  seq: number;
  /** UTC, ISO 8601 with microseconds (as PostgreSQL keeps it): 2026-12-02T11:10:51.123000Z */
  at: string;
  actor: string;
  action: string;
  target: string | null;
  ip: string | null;
  agencyCode: string | null;
  dossierCode: string | null;
  key: string | null;
  /** The detail's JSON text, as stored. */
  detail: string | null;
  prevHash: string;
  hash: string;
}

/** A JavaScript time as the canonical form writes it (PostgreSQL keeps microseconds; JavaScript has milliseconds). */
export function canonicalTime(at: Date): string {
  return at.toISOString().replace(/Z$/, '000Z');
}

/** The bytes the hash is taken over: a JSON array of the fields in a fixed order, the previous hash included. */
export function canonicalAuditEntry(e: Omit<ChainedAuditEntry, 'hash'>): string {
  return JSON.stringify([
    CANONICAL_VERSION,
    e.seq,
    e.prevHash,
    e.at,
    e.actor,
    e.action,
    e.target,
    e.ip,
    e.agencyCode,
    e.dossierCode,
    e.key,
    e.detail,
  ]);
}

export function auditHash(e: Omit<ChainedAuditEntry, 'hash'>): string {
  return createHash('sha256').update(canonicalAuditEntry(e), 'utf8').digest('hex');
}

/** Chains entries after (seq, hash). */
export function chainEntries(after: { seq: number; hash: string }, entries: readonly Omit<ChainedAuditEntry, 'seq' | 'prevHash' | 'hash'>[]): ChainedAuditEntry[] {
  let { seq, hash } = after;
  return entries.map((e) => {
    const unhashed = { ...e, seq: seq + 1, prevHash: hash };
    const chained = { ...unhashed, hash: auditHash(unhashed) };
    ({ seq, hash } = chained);
    return chained;
  });
}

const text = (value: string | null | undefined, max: number) => (value === undefined || value === null ? null : value.slice(0, max));

function detailText(detail: unknown): string | null {
  if (detail === undefined || detail === null) return null;
  return typeof detail === 'string' ? detail : JSON.stringify(detail);
}

/** Appends one entry; undefined when its key is in the trail already. */
export async function appendAudit(em: EntityManager, entry: AuditEntry): Promise<ChainedAuditEntry | undefined> {
  const [appended] = await appendAuditEntries(em, [entry]);
  return appended;
}

/**
 * Appends entries in their order, in the transaction of `em` (a transaction of its own when
 * there is none), skipping those whose key is in the trail already. Returns what was appended.
 */
export async function appendAuditEntries(em: EntityManager, entries: readonly AuditEntry[]): Promise<ChainedAuditEntry[]> {
  if (!entries.length) return [];
  if (!em.isInTransaction()) return em.transactional((tx) => appendAuditEntries(tx, entries));
  const connection = em.getConnection();
  const context = em.getTransactionContext();
  const run = <T extends object[] = object[]>(sql: string, params: unknown[] = []) => connection.execute<T>(sql, params, 'all', context);

  await run(`select pg_advisory_xact_lock(${AUDIT_LOCK_SPACE}, ${AUDIT_LOCK})`);
  const keys = entries.map((e) => e.key).filter((k): k is string => Boolean(k));
  const known = new Set(
    keys.length
      ? (await run<{ event_key: string }[]>(`select event_key from audit_event where event_key in (select jsonb_array_elements_text(?::jsonb))`, [JSON.stringify(keys)])).map((r) => r.event_key)
      : [],
  );
  const fresh = entries.filter((e) => !e.key || !known.has(e.key)).filter((e, i, all) => !e.key || all.findIndex((o) => o.key === e.key) === i);
  if (!fresh.length) return [];

  const [last] = await run<{ seq: string | number; hash: string }[]>(`select seq, hash from audit_event order by seq desc limit 1`);
  const now = new Date();
  const chained = chainEntries(
    last ? { seq: Number(last.seq), hash: last.hash } : { seq: 0, hash: AUDIT_GENESIS },
    fresh.map((e) => ({
      at: canonicalTime(e.at ?? now),
      actor: text(e.actor || '-', 60)!,
      action: text(e.action, 60)!,
      target: text(e.target, 200),
      ip: text(e.ip, 60),
      agencyCode: text(e.agencyCode, 40),
      dossierCode: text(e.dossierCode, 40),
      key: text(e.key, 160),
      detail: detailText(e.detail),
    })),
  );
  await run(
    `insert into audit_event (seq, at, actor, action, target, ip, agency_code, dossier_code, event_key, detail, prev_hash, hash)
     select x.seq, x.at::timestamptz, x.actor, x.action, x.target, x.ip, x.agency_code, x.dossier_code, x.event_key, x.detail, x.prev_hash, x.hash
     from jsonb_to_recordset(?::jsonb) as x(seq bigint, at text, actor text, action text, target text, ip text, agency_code text, dossier_code text, event_key text, detail text, prev_hash text, hash text)`,
    [
      JSON.stringify(
        chained.map((c) => ({
          seq: c.seq,
          at: c.at,
          actor: c.actor,
          action: c.action,
          target: c.target,
          ip: c.ip,
          agency_code: c.agencyCode,
          dossier_code: c.dossierCode,
          event_key: c.key,
          detail: c.detail,
          prev_hash: c.prevHash,
          hash: c.hash,
        })),
      ),
    ],
  );
  return chained;
}

/** The columns of a chained entry, as SQL selects them (`at` in the canonical form). */
export const AT_TEXT = `to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
export const CHAINED_COLUMNS = `seq, ${AT_TEXT} as at_text, actor, action, target, ip, agency_code, dossier_code, event_key, detail, prev_hash, hash`;

export interface ChainedRow {
  seq: string | number;
  at_text: string;
  actor: string;
  action: string;
  target: string | null;
  ip: string | null;
  agency_code: string | null;
  dossier_code: string | null;
  event_key: string | null;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

export function fromRow(r: ChainedRow): ChainedAuditEntry {
  return {
    seq: Number(r.seq),
    at: r.at_text,
    actor: r.actor,
    action: r.action,
    target: r.target,
    ip: r.ip,
    agencyCode: r.agency_code,
    dossierCode: r.dossier_code,
    key: r.event_key,
    detail: r.detail,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** One broken link of the chain. */
export interface AuditBreak {
  kind: 'edited' | 'deleted' | 'relinked';
  /** The entry where the break shows (for `deleted`: the first entry after the gap). */
  seq: number;
  at: string;
  /** For `deleted`: the sequence numbers missing. */
  missing?: { from: number; to: number };
  message: string;
}

export interface AuditVerification {
  /** Entries read. */
  verified: number;
  /** The last entry: an auditor who keeps it can tell later whether entries were cut off the end. */
  head?: { seq: number; at: string; hash: string };
  breaks: AuditBreak[];
}

/** Checks entries in sequence order, from a starting point (default: the beginning). */
export class AuditChainChecker {
  private verified = 0;
  private readonly breaks: AuditBreak[] = [];
  private previous: { seq: number; hash: string; at?: string };

  constructor(start: { seq: number; hash: string } = { seq: 0, hash: AUDIT_GENESIS }) {
    this.previous = start;
  }

  add(e: ChainedAuditEntry): void {
    this.verified++;
    const { hash, ...unhashed } = e;
    if (auditHash(unhashed) !== hash) {
      this.breaks.push({ kind: 'edited', seq: e.seq, at: e.at, message: `entry ${e.seq} (${e.at}) was changed after it was written: its hash does not match its content` });
    }
    if (e.seq > this.previous.seq + 1) {
      const missing = { from: this.previous.seq + 1, to: e.seq - 1 };
      const which = missing.from === missing.to ? `entry ${missing.from} is` : `entries ${missing.from}–${missing.to} are`;
      this.breaks.push({
        kind: 'deleted',
        seq: e.seq,
        at: e.at,
        missing,
        message: `${which} missing (deleted) between ${this.previous.seq ? `entry ${this.previous.seq}${this.previous.at ? ` (${this.previous.at})` : ''}` : 'the start'} and entry ${e.seq} (${e.at})`,
      });
    } else if (e.seq <= this.previous.seq) {
      this.breaks.push({ kind: 'relinked', seq: e.seq, at: e.at, message: `entry ${e.seq} (${e.at}) repeats or goes back in the sequence after entry ${this.previous.seq}` });
    } else if (e.prevHash !== this.previous.hash) {
      this.breaks.push({
        kind: 'relinked',
        seq: e.seq,
        at: e.at,
        message: `entry ${e.seq} (${e.at}) does not follow entry ${this.previous.seq}: the previous hash it carries is not that entry's (replaced or reordered)`,
      });
    }
    this.previous = { seq: e.seq, hash: e.hash, at: e.at };
  }

  result(): AuditVerification {
    const head = this.verified ? { seq: this.previous.seq, at: this.previous.at!, hash: this.previous.hash } : undefined;
    return { verified: this.verified, head, breaks: [...this.breaks] };
  }
}

/** Walks the whole chain in pages of `pageSize`, in sequence order. */
export async function verifyAuditChain(em: EntityManager, pageSize = 5_000): Promise<AuditVerification> {
  const checker = new AuditChainChecker();
  const connection = em.getConnection();
  let after = -1;
  for (;;) {
    const rows = await connection.execute<ChainedRow[]>(`select ${CHAINED_COLUMNS} from audit_event where seq > ? order by seq limit ?`, [after, pageSize]);
    for (const r of rows) checker.add(fromRow(r));
    if (rows.length < pageSize) break;
    after = Number(rows[rows.length - 1].seq);
  }
  return checker.result();
}

/** The verification as the command prints it. */
export function formatVerification(v: AuditVerification): string {
  if (!v.breaks.length) {
    return v.head
      ? `audit trail intact: ${v.verified} entries verified; last entry ${v.head.seq} at ${v.head.at}, hash ${v.head.hash}`
      : 'audit trail intact: no entries yet';
  }
  return [
    `audit trail BROKEN: ${v.breaks.length} broken link(s) in ${v.verified} entries read`,
    ...v.breaks.map((b) => `  seq ${b.seq} at ${b.at}: ${b.kind}: ${b.message}`),
  ].join('\n');
}
