/**
 * A broken definition never reaches a worker: `npm run procedures:check`, the catalogue loader
 * and the worker's start-up refuse it, each with the same messages (file, path, what is wrong).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { projectRoot } from '../../config/paths';
import { Catalog, formatProblems, loadCatalog } from '../../engine/catalog';
import { checkedDefinitions, CHECK_CONTEXT } from '../../config/catalogue';
import { IntakeService } from '../../web/services/intake';

const BROKEN = path.join(projectRoot, 'test', 'fixtures', 'broken-procedures');
const tsx = path.join(projectRoot, 'node_modules', '.bin', 'tsx');

test('passes every definition shipped in procedures/', () => {
  const { entries, problems } = checkedDefinitions(path.join(projectRoot, 'procedures'));
  expect(problems).toEqual([]);
  expect(entries.length).toBeGreaterThan(0);
});

test('names each mistake with its file and path', () => {
  const { entries, problems } = checkedDefinitions(BROKEN);
  expect(entries.map((e) => e.definition.code)).toEqual(['TEST-FINE']);
  expect(formatProblems(problems).split('\n')).toEqual(
    expect.arrayContaining([
      'test/fixtures/broken-procedures/bad-flow/v1.ts: steps[1].cases[0].when.field: form field "vehicleKind" does not exist',
      'test/fixtures/broken-procedures/bad-flow/v1.ts: steps: step time shares add up to 4 working days, more than the 3 allowed',
      'test/fixtures/broken-procedures/bad-flow/v1.ts: steps[3]: step "orphan" can never be reached',
      'test/fixtures/broken-procedures/no-export/v1.ts: (file): exports no definition (export one object, e.g. `export const procedure = {...}`)',
      'test/fixtures/broken-procedures/wrong-version/v2.ts: version: the file is v2 but the definition says version 1',
    ]),
  );
  expect(problems.find((p) => p.file.includes('bad-role'))).toMatchObject({ path: 'steps[0].role' });
});

test('the check command and the start-up check print the same messages', () => {
  const expected = formatProblems(checkedDefinitions(BROKEN).problems);
  const cli = spawnSync(tsx, ['scripts/procedures-check.ts', BROKEN, '--no-write'], { cwd: projectRoot, encoding: 'utf8' });
  expect(cli.status).toBe(1);
  expect(cli.stderr).toContain(expected);
  expect(() => loadCatalog(BROKEN, CHECK_CONTEXT)).toThrow(`Invalid procedure definitions:\n${expected}`);
});

test('a worker refuses to start on a broken catalogue', () => {
  const worker = spawnSync(process.execPath, [path.join(projectRoot, 'dist', 'worker', 'main.js')], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: { ...process.env, PROCEDURES_DIR: path.join(projectRoot, 'dist', 'test', 'fixtures', 'broken-procedures') },
    timeout: 30_000,
  });
  expect(worker.status).toBe(1);
  expect(worker.stderr).toContain(formatProblems(checkedDefinitions(BROKEN).problems));
});

test('refuses a dossier for a procedure that is unknown or only a draft', async () => {
  const { entries } = checkedDefinitions(BROKEN);
  expect(entries.map((e) => [e.definition.code, e.definition.status])).toEqual([['TEST-FINE', 'draft']]);
  // The procedure check comes before any storage: no database or Temporal is needed to refuse.
  const intake = new IntakeService({ catalog: new Catalog(entries), orm: undefined as never, temporal: undefined as never, taskQueue: 'x', workflowIdPrefix: '', paymentDeadlineMs: 1 });
  for (const code of ['TEST-FINE', 'KHONG-CO']) {
    expect(await intake.submit({ procedureCode: code, form: {}, channel: 'api' })).toEqual({
      kind: 'unknown-procedure',
      message: `Thủ tục "${code}" không tồn tại hoặc chưa được công bố.`,
    });
  }
});
