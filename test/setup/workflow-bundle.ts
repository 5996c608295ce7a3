/**
 * The workflow bundle for a test run, built at most once. Bundling takes webpack many seconds on
 * two cores, and both the interpreter and the full-stack project need the same bundle, so:
 * 1. `npm test` has just built dist/workflow-bundle.js (scripts/setup.js): used as it is when it
 *    is newer than every source file the workflows can reach;
 * 2. otherwise (a plain `npx jest` after an edit) the bundle is built once into a cache file
 *    named by a hash of those sources, which the other project's setup, and the next run on
 *    an unchanged tree, find there.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { projectRoot } from '../../config/paths';
import { FAILURE_CONVERTER_PATH } from '../../config/temporal-connection';
import { workflowsPath } from '../../worker/create-worker';
import { WORKFLOW_BUNDLE } from '../../worker/workflow-bundle';

/**
 * Folders the workflow code may import from (the layering rules in .dependency-cruiser.js keep
 * it so), and the lock file that fixes the SDK's version.
 */
const SOURCE_FOLDERS = ['workflows', 'engine', 'domain'];
const LOCK_FILE = path.join(projectRoot, 'package-lock.json');
const CACHE_DIR = path.join(projectRoot, 'node_modules', '.cache', 'motcua');

function sourceFiles(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|js|json)$/.test(entry.name) && !/\.test\.ts$/.test(entry.name)) files.push(full);
    }
  };
  for (const folder of SOURCE_FOLDERS) walk(path.join(projectRoot, folder));
  return [...files, LOCK_FILE].sort();
}

function prebuiltIsFresh(files: readonly string[]): boolean {
  if (!fs.existsSync(WORKFLOW_BUNDLE)) return false;
  const built = fs.statSync(WORKFLOW_BUNDLE).mtimeMs;
  return files.every((file) => fs.statSync(file).mtimeMs < built);
}

function contentHash(files: readonly string[]): string {
  const hash = crypto.createHash('sha256');
  for (const file of files) hash.update(path.relative(projectRoot, file)).update('\0').update(fs.readFileSync(file)).update('\0');
  return hash.digest('hex').slice(0, 16);
}

const quiet = () => undefined;
const quietLogger = { log: quiet, trace: quiet, debug: quiet, info: quiet, warn: console.warn, error: console.error };

/** Both projects' global setups run in one process: the second one gets the first one's answer. */
let made: Promise<string> | undefined;

/** The path of a bundle of the current workflow code. */
export function workflowBundle(): Promise<string> {
  made ??= findOrBuild();
  return made;
}

async function findOrBuild(): Promise<string> {
  const files = sourceFiles();
  if (prebuiltIsFresh(files)) return WORKFLOW_BUNDLE;

  const cached = path.join(CACHE_DIR, `workflow-bundle-${contentHash(files)}.js`);
  if (fs.existsSync(cached)) return cached;

  const started = Date.now();
  const { code } = await bundleWorkflowCode({ workflowsPath: workflowsPath(), failureConverterPath: FAILURE_CONVERTER_PATH, logger: quietLogger });
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  // Written aside and renamed: another run in the same checkout may be reading the same name.
  const partial = `${cached}.${process.pid}.tmp`;
  fs.writeFileSync(partial, code);
  fs.renameSync(partial, cached);
  forgetOldBundles(cached);
  console.log(`\nworkflow bundle: built in ${((Date.now() - started) / 1000).toFixed(1)} s, ${path.relative(projectRoot, cached)}`);
  return cached;
}

/** Bundles of earlier trees are no use once a day has passed; each is a few MiB. */
function forgetOldBundles(keep: string): void {
  const dayAgo = Date.now() - 24 * 3600_000;
  for (const name of fs.readdirSync(CACHE_DIR)) {
    const file = path.join(CACHE_DIR, name);
    if (file !== keep && name.startsWith('workflow-bundle-') && fs.statSync(file).mtimeMs < dayAgo) fs.rmSync(file, { force: true });
  }
}
