/**
 * `npm run procedures:check [folder] [--no-write]`: checks every procedure definition (the
 * same checks the worker and web server run at start-up, with the same messages), and draws
 * each flow into docs/procedures/<code>-v<N>.svg and .mmd. Exits 1 when anything is wrong.
 */
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config/paths';
import { formatProblems } from '../engine/catalog';
import { checkedDefinitions } from '../config/catalogue';
import { toMermaid, toSvg } from '../engine/diagram';

const args = process.argv.slice(2);
const write = !args.includes('--no-write');
const folder = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(projectRoot, 'procedures'));

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
    fs.writeFileSync(`${base}.svg`, toSvg(d));
    fs.writeFileSync(`${base}.mmd`, toMermaid(d));
  }
  if (entries.length) console.log(`diagrams written to ${path.relative(process.cwd(), out) || '.'}`);
}
if (problems.length) {
  console.error(`\n${problems.length} problem(s):\n${formatProblems(problems)}`);
  process.exit(1);
}
console.log(`\n${entries.length} definition(s), no problems.`);
