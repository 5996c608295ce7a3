/**
 * Activities run again when Temporal retries them, sometimes while the first attempt is still
 * running. These tests run them twice, and concurrently, against the real database.
 */
import { MockActivityEnvironment } from '@temporalio/testing';
import { createNotifier } from '../../activities/notifications';
import { allocateNumber } from '../../activities/numbering';
import { createProjection } from '../../activities/projection';
import { createResultIssuer } from '../../activities/results';
import { applicantLinks } from '../../domain/applicant-links';
import { Agency, Dossier, DossierDocument, IssuedNumber, Notification, Task, TimelineEvent } from '../../db/entities';
import type { ProjectionBatch, ResultRecord } from '../../workflows/messages';
import { createTestDatabase, type TestDatabase } from '../support/database';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db?.drop());

let dossiers = 0;
async function dossierRow(): Promise<string> {
  const em = db.orm.em.fork();
  const agency = await em.findOneOrFail(Agency, { code: 'CSGT-01' });
  const code = `000.00.31.H01-261124-${String(9000 + ++dossiers)}`;
  em.create(Dossier, {
    code,
    procedureCode: 'GPLX-DOI',
    procedureVersion: 1,
    procedureName: 'Đổi giấy phép lái xe',
    agency,
    channel: 'api',
    status: 1,
    stepId: 'intake',
    stepName: 'Tiếp nhận hồ sơ',
    form: { fullName: 'Nguyễn Thị Hương', dateOfBirth: '1990-05-17', citizenId: '001190000001', licenceClass: 'B' },
    applicantName: 'Nguyễn Thị Hương',
    applicantCitizenId: '001190000001',
    submittedAt: new Date(),
    submissionHash: 'x'.repeat(64),
  });
  await em.flush();
  return code;
}

test('hands out one number per dossier, even to concurrent attempts', async () => {
  const codes = await Promise.all([dossierRow(), dossierRow(), dossierRow()]);
  const attempts = codes.flatMap((code) =>
    [1, 2, 3].map(() => allocateNumber(db.orm, { scheme: 'test-scheme', prefix: '0126', format: (n) => `0126${String(n).padStart(8, '0')}`, dossierCode: code, documentCode: `${code}-KQ1` })),
  );
  const results = await Promise.all(attempts);
  const byDossier = codes.map((_, i) => new Set(results.slice(i * 3, i * 3 + 3).map((r) => r.number)));
  expect(byDossier.every((set) => set.size === 1)).toBe(true);
  const numbers = byDossier.map((set) => [...set][0]);
  expect(new Set(numbers).size).toBe(3);
  expect(numbers.sort()).toEqual(['012600000001', '012600000002', '012600000003']);
  expect(await db.orm.em.fork().count(IssuedNumber, { scheme: 'test-scheme' })).toBe(3);
});

test('issues a result once when the activity is retried', async () => {
  const code = await dossierRow();
  const issue = createResultIssuer(db.orm);
  const input = {
    dossierCode: code,
    procedureCode: 'GPLX-DOI',
    document: { template: 'driving-licence' as const, title: 'Giấy phép lái xe', numbering: 'driving-licence' as const },
    agency: { code: 'CSGT-01', name: 'Phòng Cảnh sát giao thông – Công an thành phố Hà Nội', provinceCode: '01' },
    form: { fullName: 'Nguyễn Thị Hương', dateOfBirth: '1990-05-17', citizenId: '001190000001', licenceClass: 'B' },
    signedBy: 'Phạm Quốc Hùng',
  };
  const env = new MockActivityEnvironment();
  const [a, b] = (await Promise.all([env.run(issue, input), env.run(issue, input)])) as ResultRecord[];
  const c = await env.run(issue, input);
  expect(a.number).toBe(b.number);
  expect(c).toEqual(a);
  expect(a.documentCode).toBe(`${code}-KQ1`);
  expect(await db.orm.em.fork().count(DossierDocument, { code: `${code}-KQ1` })).toBe(1);
});

test('writes a projection batch once, and never lets an older batch overwrite a newer one', async () => {
  const code = await dossierRow();
  const project = createProjection(db.orm, applicantLinks('https://motcua.example.vn', 'secret-for-links-0123456789'), () => undefined);
  const batch = (version: number, status: 1 | 4, seq: number): ProjectionBatch => ({
    version,
    dossier: {
      code,
      procedureCode: 'GPLX-DOI',
      procedureVersion: 1,
      agencyCode: 'CSGT-01',
      status,
      stepId: status === 1 ? 'intake' : 'verify',
      stepName: status === 1 ? 'Tiếp nhận hồ sơ' : 'Đối chiếu cơ sở dữ liệu',
      form: { fullName: 'Nguyễn Thị Hương' },
      checks: [],
      openTasks: [],
    },
    tasks: [{ id: 'intake-1', stepId: 'intake', name: 'Tiếp nhận hồ sơ', role: 'receiver', agencyCode: 'CSGT-01', status: status === 1 ? 'open' : 'done', createdAt: new Date().toISOString() }],
    events: [{ seq, at: new Date().toISOString(), actor: { kind: 'system', name: 'Hệ thống' }, type: 'step', stepId: 'intake' }],
  });
  await project(batch(3, 1, 1));
  await project(batch(3, 1, 1)); // a retry
  await project(batch(7, 4, 2));
  await project(batch(3, 1, 1)); // a late retry of the older batch
  const em = db.orm.em.fork();
  const d = await em.findOneOrFail(Dossier, { code });
  expect([d.version, d.status, d.stepId]).toEqual([7, 4, 'verify']);
  expect(await em.count(TimelineEvent, { dossier: d.id })).toBe(2);
  const tasks = await em.find(Task, { dossier: d.id });
  expect(tasks.map((t) => [t.taskKey, t.status])).toEqual([['intake-1', 'done']]);
});

test('puts a notification in the outbox once per key, with working links', async () => {
  const code = await dossierRow();
  const lines: string[] = [];
  const notify = createNotifier(db.orm, applicantLinks('https://motcua.example.vn', 'secret-for-links-0123456789'), (l) => lines.push(l));
  const input = {
    key: `${code}:1:supplement`,
    dossierCode: code,
    to: { name: 'Nguyễn Thị Hương', email: 'huong@example.vn' },
    template: { subject: 'Yêu cầu bổ sung hồ sơ {{code}}', body: 'Bổ sung: {{reason}} tại {{supplementLink}} ({{unknown}})' },
    values: { code, reason: 'Ảnh chân dung mờ' },
    supplementRound: 1,
  };
  await notify(input);
  await notify(input);
  const rows = await db.orm.em.fork().find(Notification, { dossierCode: code });
  expect(rows).toHaveLength(1);
  expect(rows[0].subject).toBe(`Yêu cầu bổ sung hồ sơ ${code}`);
  expect(rows[0].body).toContain(`https://motcua.example.vn/bo-sung/${encodeURIComponent(code)}?lan=1&t=`);
  expect(rows[0].body).toContain('({{unknown}})');
  expect(lines).toHaveLength(1);
});
