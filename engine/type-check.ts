/**
 * Type-checks the policy teams' files (definitions, shared blocks and their tests) with the
 * project's tsconfig, so that a typing slip in a test is found by `npm run procedures:check`
 * and not later by the build that `npm start` runs.
 *
 * Kept fast: only the files below the folder are checked (the rest of the project is read for
 * its types), the compiler's state is kept under node_modules/.cache/motcua, and when no file
 * of the last clean check has changed since, the check is not run again.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { projectRoot } from '../config/paths';

export interface TypeProblem {
  /** Relative to the project: procedures/x/v1.test.ts. */
  file: string;
  line: number;
  message: string;
}

/** What the last clean check read: each file with its size and time of change. */
interface CleanState {
  typescript: string;
  roots: string[];
  files: [string, number, number][];
}

/** The .ts files below a folder, tests included. */
function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name.startsWith('.') ? [] : sourceFiles(full);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [full] : [];
    })
    .sort();
}

function stamp(file: string): [number, number] | undefined {
  try {
    const stat = fs.statSync(file);
    return [stat.size, stat.mtimeMs];
  } catch {
    return undefined;
  }
}

function stillClean(stateFile: string, roots: string[]): boolean {
  let state: CleanState;
  try {
    state = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as CleanState;
  } catch {
    return false;
  }
  return (
    state.typescript === ts.version &&
    state.roots.join('\n') === roots.join('\n') &&
    state.files.every(([file, size, mtime]) => {
      const now = stamp(file);
      return now !== undefined && now[0] === size && now[1] === mtime;
    })
  );
}

/** Type errors in the files below `dir` (not in the rest of the project they import). */
export function typeCheck(dir: string, root: string = projectRoot): TypeProblem[] {
  const tsconfig = path.join(root, 'tsconfig.json');
  const roots = sourceFiles(dir);
  const cache = path.join(root, 'node_modules', '.cache', 'motcua');
  const key = crypto.createHash('sha1').update(path.resolve(dir)).digest('hex').slice(0, 12);
  const stateFile = path.join(cache, `procedures-${key}.clean.json`);
  if (stillClean(stateFile, [tsconfig, ...roots])) return [];

  const configFile = ts.readConfigFile(tsconfig, (f) => ts.sys.readFile(f));
  const config = ts.parseJsonConfigFileContent(configFile.config, ts.sys, root);
  fs.mkdirSync(cache, { recursive: true });
  const options: ts.CompilerOptions = {
    ...config.options,
    // A folder of drafts may lie outside the project: nothing is emitted, so no root is needed.
    rootDir: undefined,
    noEmit: true,
    incremental: true,
    tsBuildInfoFile: path.join(cache, `procedures-${key}.tsbuildinfo`),
  };
  const builder = ts.createIncrementalProgram({ rootNames: roots, options });
  const program = builder.getProgram();
  const ours = program.getSourceFiles().filter((f) => roots.includes(path.resolve(f.fileName)));
  const diagnostics = [
    ...builder.getConfigFileParsingDiagnostics(),
    ...builder.getOptionsDiagnostics(),
    ...builder.getGlobalDiagnostics(),
    ...ours.flatMap((f) => [...builder.getSyntacticDiagnostics(f), ...builder.getSemanticDiagnostics(f)]),
  ];
  builder.emit(); // with noEmit, writes only the compiler's state
  const problems = diagnostics.map((d) => {
    const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
    if (!d.file) return { file: 'tsconfig.json', line: 0, message };
    const { line } = d.file.getLineAndCharacterOfPosition(d.start ?? 0);
    return { file: path.relative(root, d.file.fileName).split(path.sep).join('/'), line: line + 1, message };
  });

  if (problems.length) fs.rmSync(stateFile, { force: true });
  else {
    const files = [tsconfig, ...program.getSourceFiles().map((f) => path.resolve(f.fileName))].flatMap((file) => {
      const now = stamp(file);
      return now ? [[file, ...now] as [string, number, number]] : [];
    });
    const state: CleanState = { typescript: ts.version, roots: [tsconfig, ...roots], files };
    fs.writeFileSync(stateFile, JSON.stringify(state));
  }
  return problems;
}

export function formatTypeProblems(problems: readonly TypeProblem[]): string {
  return problems.map((p) => `${p.file}:${p.line}: ${p.message}`).join('\n');
}
