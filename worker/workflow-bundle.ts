import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config/paths';

/** Where `npm run build` leaves the pre-built workflow bundle. */
export const WORKFLOW_BUNDLE = path.join(projectRoot, 'dist', 'workflow-bundle.js');

/** The pre-built bundle if there is one; otherwise the worker bundles workflows/ itself. */
export function prebuiltWorkflowBundle(): { codePath: string } | undefined {
  return fs.existsSync(WORKFLOW_BUNDLE) ? { codePath: WORKFLOW_BUNDLE } : undefined;
}
