/**
 * `npm run procedures:check [folder] [--no-write] [--no-types]`: checks every procedure
 * definition (the same checks the worker and web server run at start-up, with the same
 * messages), type-checks the folder's files and their tests with the project's tsconfig, and
 * draws each flow into docs/procedures/<code>-v<N>.svg and .mmd. Exits 1 when anything is wrong.
 *
 * The type check runs in a child process while the definitions are checked and drawn: it reads
 * the whole project's types and takes the longest; unchanged since its last clean run, it is
 * skipped (engine/type-check.ts).
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config/paths';
import { checkedDefinitions } from '../config/catalogue';
import { formatProblems } from '../engine/catalog';
import { toMermaid, toSvg } from '../engine/diagram';
import { formatTypeProblems, type TypeProblem, typeCheck } from '../engine/type-check';

const TYPES_ONLY = '--types-only';

function typeCheckAside(folder: string): Promise<TypeProblem[]> {
  return new Promise((resolve, reject) => {
    const child = fork(__filename, [TYPES_ONLY, folder], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (problems) => resolve(problems as TypeProblem[]));
    child.once('exit', (code) => reject(new Error(`the type check stopped (exit code ${code})`)));
  });
}

async function main(args: string[]): Promise<number> {
  const write = !args.includes('--no-write');
  const folder = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(projectRoot, 'procedures'));
  const types = args.includes('--no-types') ? Promise.resolve(undefined) : typeCheckAside(folder);

  const { entries, problems } = checkedDefinitions(folder);
  for (const entry of entries) {
    const d = entry.definition;
    console.log(`ok    ${entry.file}: ${d.code} v${d.version} ${d.name} (${d.status === 'published' ? 'published' : 'draft'})`);
  }
  if (write) {
    const out = path.join(projectRoot, 'docs', 'procedures');
    fs.mkdirSync(out, { recursive: true });
    for (const { definition: d } of entries) {
      const base = path.join(out, `${d.code}-v${d.version}`);
      fs.writeFileSync(`${base}.svg`, `${await toSvg(d)}\n`);
      fs.writeFileSync(`${base}.mmd`, toMermaid(d));
    }
    if (entries.length) console.log(`diagrams written to ${path.relative(process.cwd(), out) || '.'}`);
  }
  const typeProblems = (await types) ?? [];
  if (!args.includes('--no-types')) console.log(typeProblems.length ? '' : 'types: no errors');

  const count = problems.length + typeProblems.length;
  if (count) {
    const lines = [formatProblems(problems), formatTypeProblems(typeProblems)].filter(Boolean).join('\n');
    console.error(`\n${count} problem(s):\n${lines}`);
    return 1;
  }
  console.log(`\n${entries.length} definition(s), no problems.`);
  return 0;
}

const args = process.argv.slice(2);
if (args[0] === TYPES_ONLY) {
  process.send!(typeCheck(args[1]), () => process.exit(0));
} else {
  main(args).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
