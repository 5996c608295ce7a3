/**
 * The published procedures. Each entry is one immutable version; publishing a new version adds
 * an entry and leaves the old one, so dossiers started on it finish on it (the definition
 * travels in the workflow input). Definitions are validated when this module loads: a broken
 * one stops the worker and the web server at start-up with the checker's messages.
 */
import type { ProcedureDefinition, ProcedureInput } from './definition';
import { drivingLicenceRenewalV1 } from './driving-licence-renewal/v1';
import { validateDefinition } from './validate';

interface CatalogEntry {
  definition: ProcedureInput;
  /** Only published versions accept new dossiers. */
  published: boolean;
  /** Where the definition lives, for error messages. */
  file: string;
}

const ENTRIES: CatalogEntry[] = [
  { definition: drivingLicenceRenewalV1, published: true, file: 'procedures/driving-licence-renewal/v1.ts' },
];

export class Catalog {
  private readonly versions = new Map<string, { definition: ProcedureDefinition; published: boolean }[]>();

  constructor(entries: CatalogEntry[]) {
    const failures: string[] = [];
    for (const entry of entries) {
      const result = validateDefinition(entry.definition);
      if (!result.ok) {
        failures.push(...result.problems.map((p) => `${entry.file}: ${p.path}: ${p.message}`));
        continue;
      }
      const list = this.versions.get(result.definition.code) ?? [];
      list.push({ definition: result.definition, published: entry.published });
      list.sort((a, b) => a.definition.version - b.definition.version);
      this.versions.set(result.definition.code, list);
    }
    if (failures.length) throw new Error(`Invalid procedure definitions:\n${failures.join('\n')}`);
  }

  /** The newest published version, the one new dossiers start on. */
  current(code: string): ProcedureDefinition | undefined {
    return this.versions
      .get(code)
      ?.filter((v) => v.published)
      .at(-1)?.definition;
  }

  version(code: string, version: number): ProcedureDefinition | undefined {
    return this.versions.get(code)?.find((v) => v.definition.version === version)?.definition;
  }

  /** The current version of each procedure open to new dossiers. */
  published(): ProcedureDefinition[] {
    return [...this.versions.keys()].map((code) => this.current(code)).filter((d): d is ProcedureDefinition => !!d);
  }
}

let shared: Catalog | undefined;

/** The catalogue shipped in procedures/, validated once per process. */
export function catalog(): Catalog {
  shared ??= new Catalog(ENTRIES);
  return shared;
}
