/**
 * The migration that chains the audit trail (Migration20261205010000AuditChain) on a database
 * that already has entries: they are chained in id order, the agency of an office-hours change is
 * the agency changed, the chain verifies, and new entries continue it.
 */
import crypto from 'node:crypto';
import { appendAudit, verifyAuditChain } from '../../db/audit';
import { initORM, type Orm } from '../../db/orm';
import { admin } from '../support/database';

let orm: Orm;
let name: string;


beforeAll(async () => {
  name = `motcua_test_${crypto.randomBytes(5).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(process.env.MOTCUA_TEST_TEMPLATE_URL!);
  url.pathname = `/${name}`;
  orm = await initORM(url.toString());
});
afterAll(async () => {
  await orm?.close(true);
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
});

test('chains the entries written before it, in id order, and the trail continues from them', async () => {
  await orm.getMigrator().up({ to: 'Migration20261204010000LookupSecret' });
  const sql = (query: string, params: unknown[] = []) => orm.em.fork().getConnection().execute(query, params);
  await sql(`insert into audit_event (at, actor, action, target, ip, detail) values
    (now() - interval '2 days', 'hn.tiepnhan', 'sign-in', null, '10.0.0.1', null),
    (now() - interval '3 days', 'hn.quantri', 'office-hours-changed', 'co-quan:STP-01', null, '{"before":null,"after":null}'),
    (clock_timestamp(), 'ai-do', 'sign-in-failed', null, '10.0.0.2', null)`);

  await orm.getMigrator().up();
  const rows = await sql(`select id, seq, agency_code, prev_hash, hash from audit_event order by id`);
  expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3]);
  expect(rows.map((r) => r.agency_code)).toEqual([null, 'STP-01', null]);
  expect(rows[1].prev_hash).toBe(rows[0].hash);
  const before = await verifyAuditChain(orm.em.fork());
  expect(before).toMatchObject({ verified: 3, breaks: [] });

  await appendAudit(orm.em.fork(), { actor: 'hn.giamsat', action: 'sign-in', agencyCode: 'CSGT-01' });
  const after = await verifyAuditChain(orm.em.fork());
  expect(after).toMatchObject({ verified: 4, breaks: [], head: { seq: 4 } });
  await expect(sql(`delete from audit_event where seq = 1`)).rejects.toThrow(/append-only/);
});
