/**
 * The catalogue: every definition file under procedures/<procedure>/v<N>.ts, found on disk, so
 * a policy team adds a procedure or a version with one file and no change elsewhere. Each file
 * is one immutable version; publishing a new version adds a file and leaves the old one, so
 * dossiers started on it finish on it (the definition travels in the workflow input).
 *
 * Definitions are checked when the catalogue loads: a broken one stops the worker and the web
 * server at start-up, with the same messages `npm run procedures:check` prints.
 *
 * Folders that are not procedures are skipped: procedures/shared/ holds the building blocks
 * definitions import (intake actions, the refused end, fields, notification texts), and
 * folders such as __snapshots__ belong to the tests.
 */
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../config/paths';
import type { ProcedureDefinition } from './definition';
import { type CheckContext, type DefinitionProblem, NO_CUSTOM_WORKFLOWS, validateDefinition } from './validate';

export interface CatalogEntry {
  definition: ProcedureDefinition;
  /** The definition's source file, relative to the project (procedures/x/v1.ts). */
  file: string;
}

export interface FileProblem extends DefinitionProblem {
  file: string;
}

const VERSION_FILE = /^v(\d+)\.(ts|js)$/;

/** procedures/shared/ (building blocks), and folders of tools: __snapshots__, .cache. */
const NOT_A_PROCEDURE = /^(shared|_.*|\..*)$/;

/** Where the policy teams' definitions live: procedures/ (dist/procedures/ once compiled). */
export const PROCEDURES_DIR = path.join(__dirname, '..', 'procedures');

/** The source file a message should name, also when the code runs from dist/. */
function sourceName(file: string): string {
  return path.relative(projectRoot, file).replace(/^dist[\\/]/, '').replace(/\.js$/, '.ts').split(path.sep).join('/');
}

/** The definition a file exports: its default export, or its only exported object with steps. */
function exportedDefinition(module: Record<string, unknown>): unknown {
  if (module.default) return module.default;
  const candidates = Object.values(module).filter((v) => typeof v === 'object' && v !== null && 'steps' in v);
  return candidates.length === 1 ? candidates[0] : undefined;
}

/** Loads and checks every definition file under `dir`; returns the good ones and every problem. */
export function loadDefinitions(dir: string = PROCEDURES_DIR, context: CheckContext = NO_CUSTOM_WORKFLOWS): { entries: CatalogEntry[]; problems: FileProblem[] } {
  const entries: CatalogEntry[] = [];
  const problems: FileProblem[] = [];
  const folders = fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !NOT_A_PROCEDURE.test(d.name))
    .map((d) => d.name)
    .sort();
  for (const folder of folders) {
    for (const name of fs.readdirSync(path.join(dir, folder)).sort()) {
      const match = VERSION_FILE.exec(name);
      if (!match) continue;
      const full = path.join(dir, folder, name);
      const file = sourceName(full);
      let exported: unknown;
      try {
        exported = exportedDefinition(require(full));
      } catch (error) {
        problems.push({ file, path: '(file)', message: `cannot be loaded: ${error instanceof Error ? error.message : String(error)}` });
        continue;
      }
      if (exported === undefined) {
        problems.push({ file, path: '(file)', message: 'exports no definition (export one object, e.g. `export const procedure = {...}`)' });
        continue;
      }
      const result = validateDefinition(exported, context);
      const version = (exported as { version?: unknown } | undefined)?.version;
      const misnamed = typeof version === 'number' && version !== Number(match[1]);
      if (misnamed) problems.push({ file, path: 'version', message: `the file is v${match[1]} but the definition says version ${version}` });
      if (!result.ok) problems.push(...result.problems.map((p) => ({ file, ...p })));
      if (!result.ok || misnamed) continue;
      const twin = entries.find((e) => e.definition.code === result.definition.code && e.definition.version === result.definition.version);
      if (twin) {
        problems.push({ file, path: 'code', message: `${result.definition.code} version ${result.definition.version} is also defined in ${twin.file}` });
        continue;
      }
      entries.push({ definition: result.definition, file });
    }
  }
  return { entries, problems };
}

export function formatProblems(problems: readonly FileProblem[]): string {
  return problems.map((p) => `${p.file}: ${p.path}: ${p.message}`).join('\n');
}

export class Catalog {
  private readonly versions = new Map<string, CatalogEntry[]>();

  constructor(entries: readonly CatalogEntry[]) {
    for (const entry of entries) {
      const list = this.versions.get(entry.definition.code) ?? [];
      list.push(entry);
      list.sort((a, b) => a.definition.version - b.definition.version);
      this.versions.set(entry.definition.code, list);
    }
  }

  /** The newest published version, the one new dossiers start on. */
  current(code: string): ProcedureDefinition | undefined {
    return this.versions
      .get(code)
      ?.filter((e) => e.definition.status === 'published')
      .at(-1)?.definition;
  }

  /** A given version, published or not: running dossiers and their pages need old ones. */
  version(code: string, version: number): ProcedureDefinition | undefined {
    return this.versions.get(code)?.find((e) => e.definition.version === version)?.definition;
  }

  /** Every version of a procedure, oldest first, with its file. */
  versionsOf(code: string): readonly CatalogEntry[] {
    return this.versions.get(code) ?? [];
  }

  /** The current version of each procedure open to new dossiers, by name. */
  published(): ProcedureDefinition[] {
    return [...this.versions.keys()]
      .map((code) => this.current(code))
      .filter((d): d is ProcedureDefinition => !!d)
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
  }
}

/** Loads and checks the definitions of a folder; throws with every problem when one is broken. */
export function loadCatalog(dir: string, context: CheckContext = NO_CUSTOM_WORKFLOWS): Catalog {
  const { entries, problems } = loadDefinitions(dir, context);
  if (problems.length) throw new Error(`Invalid procedure definitions:\n${formatProblems(problems)}`);
  return new Catalog(entries);
}
