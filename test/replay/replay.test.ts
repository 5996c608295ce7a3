/**
 * Replays recorded histories of real dossiers against today's workflow code. A change to the
 * interpreter that would make a running dossier take a different path fails here, in CI,
 * instead of in production (a non-determinism error).
 */
import fs from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { checkedDefinitions } from '../../config/catalogue';
import { dataConverterFor } from '../../config/temporal-connection';
import { IN_PROCESS_SECRETS } from '../../scripts/lib/in-process-stack';
import { Catalog } from '../../engine/catalog';

const DIR = path.join(__dirname, 'histories');
const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.json'));

test('has recorded histories to replay, one at least for every version that takes new dossiers', () => {
  expect(files.length).toBeGreaterThanOrEqual(8);
  const current = new Catalog(checkedDefinitions().entries).published();
  const missing = current
    .map((d) => `catalogue-${d.code}-v${d.version}.json`)
    .filter((name) => !files.some((f) => f.endsWith(name)));
  // `npm run histories:record` records the first scenario of each procedure version's test.
  expect(missing).toEqual([]);
});

test('replays every recorded dossier without non-determinism', async () => {
  const histories = files.map((file) => ({
    workflowId: path.basename(file, '.json'),
    history: historyFromJSON(JSON.parse(fs.readFileSync(path.join(DIR, file), 'utf8'))),
  }));
  const failures: string[] = [];
  // Histories recorded before the payload codec are plaintext and pass through it; later ones are
  // encrypted with the test stack's key (config/payload-codec.ts).
  const dataConverter = dataConverterFor(IN_PROCESS_SECRETS.payloadKeys);
  for await (const result of Worker.runReplayHistories({ workflowBundle: { codePath: process.env.MOTCUA_TEST_WORKFLOW_BUNDLE! }, dataConverter }, histories)) {
    if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
  }
  expect(failures).toEqual([]);
});
