/**
 * The catalogue this process serves: the definitions under procedures/ (or PROCEDURES_DIR),
 * checked against the custom workflows registered in workflows/custom. Worker and web server
 * load it at start-up, so a broken definition stops them before any dossier sees it.
 */
import path from 'node:path';
import { type Catalog, loadCatalog, loadDefinitions, PROCEDURES_DIR } from '../engine/catalog';
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
