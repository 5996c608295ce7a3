/**
 * The commands policy teams and operators meet: `npm run procedures:check`, and the start-up of
 * `npm start`, the worker and the web server on a broken catalogue, each printing the loader's
 * messages (file, path by ids, what is wrong) once, without a stack trace, and exiting 1. These
 * start processes (no database, no Temporal), so they live with the full-stack tests.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CHECK_CONTEXT, checkedDefinitions } from '../../config/catalogue';
import { projectRoot } from '../../config/paths';
import { formatProblems, loadCatalog } from '../../engine/catalog';
import { type ProcessResult, runProcess, tsx } from '../support/process';

const BROKEN = path.join(projectRoot, 'test', 'fixtures', 'broken-procedures');

test('the check command and the catalogue loader print the same messages', () => {
  const expected = formatProblems(checkedDefinitions(BROKEN).problems);
  const cli = spawnSync(tsx, ['scripts/procedures-check.ts', BROKEN, '--no-write', '--no-types'], { cwd: projectRoot, encoding: 'utf8' });
  expect(cli.status).toBe(1);
  expect(cli.stderr).toContain(expected);
  expect(() => loadCatalog(BROKEN, CHECK_CONTEXT)).toThrow(`Invalid procedure definitions:\n${expected}`);
});

describe('start-up with a broken catalogue', () => {
  const expected = formatProblems(checkedDefinitions(BROKEN).problems);
  const SCRIPTS = { start: 'scripts/start.ts', worker: 'worker/main.ts', web: 'web/main.ts' };
  const results = new Map<string, ProcessResult>();

  // The three start together: each is a process of its own, and the machine's cores are shared.
  beforeAll(async () => {
    await Promise.all(
      Object.entries(SCRIPTS).map(async ([name, script]) => {
        // No database, no Temporal: the check comes before anything that would need them.
        results.set(name, await runProcess(tsx, [script], { PROCEDURES_DIR: BROKEN, DATABASE_URL: '', TEMPORAL_ADDRESS: '' }));
      }),
    );
  });

  test.each([
    ['npm start', 'start'],
    ['the worker', 'worker'],
    ['the web server', 'web'],
  ])('%s prints the problems once, without a stack trace, and exits 1', (_who, name) => {
    const result = results.get(name)!;
    expect(result.status).toBe(1);
    expect(result.stderr.split(expected)).toHaveLength(2);
    expect(result.stderr).toContain(`[${name}] 6 problem(s) in the procedure definitions; nothing was started.`);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stdout).toBe('');
  });
});

test('the check type-checks the definitions and their tests, as file:line: message', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-types-'));
  try {
    const fine = fs.readFileSync(path.join(BROKEN, 'fine', 'v1.ts'), 'utf8').replaceAll("'../../../../", `'${projectRoot}/`);
    fs.mkdirSync(path.join(dir, 'slip'));
    fs.writeFileSync(path.join(dir, 'slip', 'v1.ts'), fine);
    // A typing slip in a test: it runs under Jest (which does not type-check) but stops the build.
    fs.writeFileSync(path.join(dir, 'slip', 'v1.test.ts'), "import { fine } from './v1';\n\nconst version: string = fine.version;\nexport { version };\n");
    const cli = spawnSync(tsx, ['scripts/procedures-check.ts', dir, '--no-write'], { cwd: projectRoot, encoding: 'utf8' });
    expect(cli.status).toBe(1);
    const file = path.relative(projectRoot, path.join(dir, 'slip', 'v1.test.ts'));
    expect(cli.stderr).toContain(`1 problem(s):\n${file}:3: Type 'number' is not assignable to type 'string'.`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

