/**
 * Workflow code must stay deterministic: no Node built-ins, no I/O libraries, no activity code
 * (only its types). This reads every module the workflows reach and fails on a forbidden import.
 */
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../config/paths';

const ALLOWED_PACKAGES = ['@temporalio/workflow', '@temporalio/common'];

/**
 * Runtime imports, re-exports and side-effect imports of a TypeScript file (type-only ones are
 * erased and do not count). .dependency-cruiser.js checks what workflows/ imports itself; this
 * follows everything the bundle reaches, engine and domain modules included.
 */
function runtimeImports(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  const fromClauses = [...source.matchAll(/^(?:import|export)\s+(?!type\b)[^'";]*?from\s+['"]([^'"]+)['"]/gm)];
  const bare = [...source.matchAll(/^import\s+['"]([^'"]+)['"]/gm)];
  return [...fromClauses, ...bare].map((m) => m[1]);
}

function reachable(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    const imports = runtimeImports(file);
    seen.set(file, imports);
    for (const spec of imports.filter((s) => s.startsWith('.'))) {
      const base = path.resolve(path.dirname(file), spec);
      visit(fs.existsSync(`${base}.ts`) ? `${base}.ts` : path.join(base, 'index.ts'));
    }
  };
  visit(entry);
  return seen;
}

test('workflow code imports nothing but workflow-safe modules', () => {
  const modules = reachable(path.join(projectRoot, 'workflows', 'index.ts'));
  const problems: string[] = [];
  for (const [file, imports] of modules) {
    const where = path.relative(projectRoot, file);
    for (const spec of imports) {
      if (spec.startsWith('.')) {
        const target = path.relative(projectRoot, path.resolve(path.dirname(file), spec));
        if (/^(activities|db|web|worker|sandboxes|scripts)\//.test(`${target}/`)) problems.push(`${where}: ${spec}`);
      } else if (!ALLOWED_PACKAGES.includes(spec)) problems.push(`${where}: ${spec}`);
    }
  }
  expect(problems).toEqual([]);
  // The interpreter and the custom workflows are all in reach.
  expect([...modules.keys()].map((f) => path.relative(projectRoot, f))).toEqual(
    expect.arrayContaining(['workflows/dossier/steps.ts', 'workflows/custom/covid-support.ts', 'engine/conditions.ts']),
  );
});
