/**
 * Once per run of the interpreter project: the workflow bundle and Temporal's Java time-skipping
 * test server. Each test file starts its own server (test/interpreter/harness.ts); nothing
 * else (no database, no dev server) is needed.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../config/paths';
import { workflowBundle } from './workflow-bundle';

/** Where scripts/ensure-test-server.sh leaves its wrapper. */
const BUILT_TEST_SERVER = path.join(projectRoot, '.tools', 'temporal-test-server');

function testServer(): string {
  if (process.env.TEMPORAL_TEST_SERVER_PATH) return process.env.TEMPORAL_TEST_SERVER_PATH;
  // `npm test` ran the script already, a plain `npx jest` on a fresh clone has not; when all is
  // in place it returns at once.
  execFileSync('bash', [path.join(projectRoot, 'scripts', 'ensure-test-server.sh')], { stdio: 'inherit' });
  // Empty without Java or Maven: the harness lets the SDK download its own test server.
  return fs.existsSync(BUILT_TEST_SERVER) ? BUILT_TEST_SERVER : '';
}

export default async function interpreterSetup(): Promise<void> {
  process.env.MOTCUA_TEST_SERVER = testServer();
  process.env.MOTCUA_TEST_WORKFLOW_BUNDLE = await workflowBundle();
}
