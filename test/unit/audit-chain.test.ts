/**
 * The audit trail's hash chain without a database: the canonical form is fixed (field order,
 * times in UTC with microseconds, the previous hash and the sequence number inside), and the
 * checker names each kind of tampering with the entry where it shows.
 */
import { createHash } from 'node:crypto';
import { AUDIT_GENESIS, AuditChainChecker, auditHash, canonicalAuditEntry, canonicalTime, type ChainedAuditEntry, chainEntries } from '../../db/audit';

const entry = (n: number) => ({
  at: canonicalTime(new Date(Date.UTC(2026, 11, 2, 8, 0, n))),
  actor: 'hn.giamsat',
  action: 'sign-in',
  target: null,
  ip: '10.0.0.1',
  agencyCode: 'UBND-01',
  dossierCode: null,
  key: null,
  detail: n % 2 ? JSON.stringify({ n, text: 'Lý do: nghỉ ốm' }) : null,
});

const chain = (count: number): ChainedAuditEntry[] => chainEntries({ seq: 0, hash: AUDIT_GENESIS }, Array.from({ length: count }, (_, i) => entry(i + 1)));

const check = (entries: readonly ChainedAuditEntry[]) => {
  const checker = new AuditChainChecker();
  for (const e of entries) checker.add(e);
  return checker.result();
};

test('serialises an entry canonically: fixed field order, microsecond UTC time, previous hash and sequence number inside', () => {
  const e = { ...entry(1), seq: 7, prevHash: 'ab'.repeat(32) };
  expect(canonicalTime(new Date('2026-12-02T08:00:01.5Z'))).toBe('2026-12-02T08:00:01.500000Z');
  expect(canonicalAuditEntry(e)).toBe(
    `[1,7,"${'ab'.repeat(32)}","2026-12-02T08:00:01.000000Z","hn.giamsat","sign-in",null,"10.0.0.1","UBND-01",null,null,"{\\"n\\":1,\\"text\\":\\"Lý do: nghỉ ốm\\"}"]`,
  );
  expect(auditHash(e)).toBe(createHash('sha256').update(canonicalAuditEntry(e), 'utf8').digest('hex'));
  // Any field, the sequence number and the previous hash included, changes the hash.
  for (const changed of [{ seq: 8 }, { prevHash: 'cd'.repeat(32) }, { actor: 'hn.quantri' }, { at: '2026-12-02T08:00:01.000001Z' }, { detail: null }]) {
    expect(auditHash({ ...e, ...changed })).not.toBe(auditHash(e));
  }
});

test('chains entries one after another from the genesis hash', () => {
  const entries = chain(3);
  expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
  expect(entries[0].prevHash).toBe(AUDIT_GENESIS);
  expect(entries[1].prevHash).toBe(entries[0].hash);
  expect(entries[2].prevHash).toBe(entries[1].hash);
  expect(check(entries)).toEqual({ verified: 3, head: { seq: 3, at: entries[2].at, hash: entries[2].hash }, breaks: [] });
});

test('names an edited entry, deleted entries and a replaced one, each where it shows', () => {
  const entries = chain(8);
  const edited = { ...entries[1], actor: 'ke.gian' };
  // Entry 6 replaced by one correctly hashed but chained to something else.
  const replaced = chainEntries({ seq: 5, hash: 'f'.repeat(64) }, [entry(6)])[0];
  const tampered = [entries[0], edited, entries[2], /* 4 and 5 deleted */ replaced, entries[6], entries[7]];
  const result = check(tampered);
  expect(result.verified).toBe(6);
  expect(result.breaks.map((b) => [b.kind, b.seq])).toEqual([
    ['edited', 2],
    ['deleted', 6],
    // Entry 7 follows the original 6, not the replacement.
    ['relinked', 7],
  ]);
  expect(result.breaks[1].missing).toEqual({ from: 4, to: 5 });
  expect(result.breaks[0].message).toContain(entries[1].at);
});

test('finds entries deleted at the start of the chain', () => {
  const result = check(chain(4).slice(2));
  expect(result.breaks).toEqual([expect.objectContaining({ kind: 'deleted', seq: 3, missing: { from: 1, to: 2 } })]);
});
