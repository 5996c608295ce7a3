/**
 * The catalogue this process serves: the definitions under procedures/ (or PROCEDURES_DIR),
 * checked against the custom workflows registered in workflows/custom. Worker and web server
 * load it at start-up, so a broken definition stops them before any dossier sees it.
 */
import path from 'node:path';
import { Catalog, formatProblems, loadCatalog, loadDefinitions, PROCEDURES_DIR } from '../engine/catalog';
import type { CheckContext } from '../engine/validate';
import { CUSTOM_WORKFLOW_STEPS } from '../workflows/custom';

/** What definitions are checked against in this build. */
export const CHECK_CONTEXT: CheckContext = { customWorkflows: CUSTOM_WORKFLOW_STEPS };

export function proceduresDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.PROCEDURES_DIR ? path.resolve(env.PROCEDURES_DIR) : PROCEDURES_DIR;
}

/** Every definition of a folder (default: the served one), checked, with every problem. */
export function checkedDefinitions(dir: string = proceduresDir()) {
  return loadDefinitions(dir, CHECK_CONTEXT);
}

let shared: Catalog | undefined;

/** The served catalogue, loaded once; throws with every problem when a definition is broken. */
export function catalog(): Catalog {
  shared ??= loadCatalog(proceduresDir(), CHECK_CONTEXT);
  return shared;
}

/**
 * The first thing a process does at start-up (`npm start`, the worker, the web server): load the
 * served catalogue, or print its problems once, without a stack trace, and end with exit code 1
 * before anything else starts. `npm start` checks before it starts its children, so they never
 * print the list a second time.
 */
export function catalogueOrExit(processName: string): Catalog {
  if (shared) return shared;
  const { entries, problems } = checkedDefinitions();
  if (problems.length) {
    console.error(
      `[${processName}] ${problems.length} problem(s) in the procedure definitions; nothing was started.\n` +
        `${formatProblems(problems)}\n` +
        `[${processName}] npm run procedures:check shows the same problems with the type errors and diagrams.`,
    );
    process.exit(1);
  }
  shared = new Catalog(entries);
  return shared;
}
