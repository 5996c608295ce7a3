/**
 * `npm run calendar -- <year>`: one line per day that breaks the Monday-to-Friday rule (ISO date,
 * kind, name, "provisional" where it applies), computed without a database, merged from the
 * database with one. It starts processes, so it lives with the full-stack tests.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CalendarDay } from '../../db/entities';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { runProcess, tsx } from '../support/process';

// No local database either: `npm start`'s would be found under DATA_DIR.
const emptyDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-calendar-'));

const run = (command: string, args: string[], env: Record<string, string>) => runProcess(command, args, { DATA_DIR: emptyDataDir, ...env });

const calendar = (year: string, env: Record<string, string> = {}) => run(tsx, ['scripts/calendar.ts', year], env);
const LINE = /^\d{4}-\d{2}-\d{2}\t(holiday|working-weekend)\t[^\t]+(\tprovisional)?$/;

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.drop();
  fs.rmSync(emptyDataDir, { recursive: true, force: true });
});

test('without a database: the days the Labour Code gives, each provisional (npm run calendar -- 2031)', async () => {
  const result = await run('npm', ['run', '--silent', 'calendar', '--', '2031'], { DATABASE_URL: '' });
  expect(result.status).toBe(0);
  const lines = result.stdout.trimEnd().split('\n');
  expect(lines).toHaveLength(11);
  for (const line of lines) expect(line).toMatch(LINE);
  expect(lines.every((l) => l.endsWith('\tprovisional'))).toBe(true);
  expect(lines).toContain('2031-01-23\tholiday\tTết Nguyên đán Tân Hợi (mùng 1)\tprovisional');
  expect(lines).toContain('2031-01-28\tholiday\tNghỉ bù Tết Nguyên đán Tân Hợi (mùng 4), trùng Chủ nhật 26/01/2031\tprovisional');
  expect(result.stderr).toContain('no database; computed from the Labour Code');
});

test('with a database: a confirmed year as announced, swapped days included', async () => {
  const result = await calendar('2026', { DATABASE_URL: db.url });
  expect(result.status).toBe(0);
  const lines = result.stdout.trimEnd().split('\n');
  for (const line of lines) expect(line).toMatch(LINE);
  expect(lines).toContain('2026-01-02\tholiday\tNghỉ hoán đổi Tết Dương lịch (làm bù thứ Bảy 10/01/2026)');
  expect(lines).toContain('2026-01-10\tworking-weekend\tLàm bù cho ngày nghỉ thứ Sáu 02/01/2026');
  // Only what no text settles yet is provisional in a confirmed year.
  expect(lines.filter((l) => l.endsWith('\tprovisional'))).toEqual(['2026-11-24\tholiday\tNgày Văn hóa Việt Nam (24/11)\tprovisional']);
  expect(result.stderr).toContain('from the database');
});

test('with a database: a year not confirmed is computed, overlaid by what administrators entered', async () => {
  await db.orm.em.fork().insert(CalendarDay, { day: '2031-03-01', kind: 'working-weekend', name: 'Làm bù (thử)', provisional: false, updatedBy: 'hn.quantri', updatedAt: new Date() });
  const result = await calendar('2031', { DATABASE_URL: db.url });
  expect(result.status).toBe(0);
  const lines = result.stdout.trimEnd().split('\n');
  expect(lines).toHaveLength(12);
  expect(lines).toContain('2031-03-01\tworking-weekend\tLàm bù (thử)\tprovisional');
  expect(lines).toContain('2031-01-23\tholiday\tTết Nguyên đán Tân Hợi (mùng 1)\tprovisional');
});

test('a database that does not answer is an error; a year that is not one, the usage', async () => {
  const [down, ...usages] = await Promise.all([
    calendar('2026', { DATABASE_URL: 'postgres://postgres:x@127.0.0.1:1/motcua' }),
    ...['27', 'năm-sau', '1899'].map((year) => calendar(year, { DATABASE_URL: '' })),
  ]);
  expect(down.status).toBe(1);
  expect(down.stdout).toBe('');
  expect(down.stderr).toMatch(/^calendar: /m);
  for (const usage of usages) {
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('usage: npm run calendar -- <year>');
  }
});
