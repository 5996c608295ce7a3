/**
 * A broken definition never reaches a worker: the catalogue loader names every mistake with its
 * file and its path by ids (the commands that print them are tested in test/tools).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../config/paths';
import { Catalog, formatProblems } from '../../engine/catalog';
import { checkedDefinitions } from '../../config/catalogue';
import { IntakeService } from '../../web/services/intake';

const BROKEN = path.join(projectRoot, 'test', 'fixtures', 'broken-procedures');

test('passes every definition shipped in procedures/', () => {
  const { entries, problems } = checkedDefinitions(path.join(projectRoot, 'procedures'));
  expect(problems).toEqual([]);
  expect(entries.length).toBeGreaterThan(0);
});

test('names each mistake with its file and path', () => {
  const { entries, problems } = checkedDefinitions(BROKEN);
  expect(entries.map((e) => e.definition.code)).toEqual(['TEST-FINE']);
  expect(formatProblems(problems).split('\n')).toEqual([
    'test/fixtures/broken-procedures/bad-flow/v1.ts: steps.route.cases[0].when.field: form field "vehicleKind" does not exist (fields: fullName, citizenId, province)',
    'test/fixtures/broken-procedures/bad-flow/v1.ts: steps: step time shares add up to 4 working days, more than the 3 allowed',
    'test/fixtures/broken-procedures/bad-flow/v1.ts: steps.orphan: step "orphan" can never be reached',
    'test/fixtures/broken-procedures/bad-role/v1.ts: steps.intake.role: role "clerk" is not known (known: receiver, specialist, leader)',
    'test/fixtures/broken-procedures/no-export/v1.ts: (file): exports no definition (export one object, e.g. `export const procedure = {...}`)',
    'test/fixtures/broken-procedures/wrong-version/v2.ts: version: the file is v2 but the definition says version 1',
  ]);
});

test('skips procedures/shared/ and the folders of tools', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'motcua-shared-'));
  try {
    for (const folder of ['shared', '__snapshots__']) {
      fs.mkdirSync(path.join(dir, folder));
      fs.writeFileSync(path.join(dir, folder, 'v1.ts'), 'export const block = { steps: [] };\n');
    }
    expect(checkedDefinitions(dir)).toEqual({ entries: [], problems: [] });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
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
