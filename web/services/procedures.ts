/**
 * The procedures on offer, as pages ask for them: the published ones, the version a dossier
 * runs on, the versions of one procedure. Wraps the engine's catalogue so routes ask a service
 * and never hold the catalogue itself.
 */
import type { Catalog, CatalogEntry } from '../../engine/catalog';
import type { ProcedureDefinition } from '../../engine/definition';
import { diagramSvg } from '../../engine/diagram';

export interface ProcedureVersions {
  /** The version shown: the one asked for, else the current one, else the newest. */
  shown: CatalogEntry;
  all: readonly CatalogEntry[];
  /** The version new dossiers start on, if any is published. */
  current?: ProcedureDefinition;
}

export class Procedures {
  constructor(private readonly catalog: Catalog) {}

  /** The current version of each procedure open to new dossiers, by name. */
  published(): ProcedureDefinition[] {
    return this.catalog.published();
  }

  /** The version new dossiers of this procedure start on. */
  current(code: string): ProcedureDefinition | undefined {
    return this.catalog.current(code);
  }

  /** The exact version a dossier was submitted on, or undefined once it is no longer shipped. */
  find(dossier: { procedureCode: string; procedureVersion: number }): ProcedureDefinition | undefined {
    return this.catalog.version(dossier.procedureCode, dossier.procedureVersion);
  }

  /** The version a dossier runs on; its absence is a deployment error, not a user's. */
  of(dossier: { code: string; procedureCode: string; procedureVersion: number }): ProcedureDefinition {
    const definition = this.find(dossier);
    if (!definition) throw new Error(`${dossier.code}: procedure ${dossier.procedureCode} v${dossier.procedureVersion} missing from the catalogue`);
    return definition;
  }

  /** A version's flow drawn as SVG (laid out once per version, then cached). */
  diagram(definition: ProcedureDefinition): Promise<string> {
    return diagramSvg(definition);
  }

  versions(code: string, asked?: number): ProcedureVersions | undefined {
    const all = this.catalog.versionsOf(code);
    const current = this.catalog.current(code);
    const shown = (asked !== undefined && all.find((v) => v.definition.version === asked)) || all.find((v) => v.definition === current) || all.at(-1);
    return shown ? { shown, all, current } : undefined;
  }
}
