/**
 * The shipped catalogue plus test definitions (test/fixtures), each checked as the loader checks
 * a file: a stack started on it serves both.
 */
import { CHECK_CONTEXT, checkedDefinitions } from '../../config/catalogue';
import { Catalog } from '../../engine/catalog';
import { validateDefinition } from '../../engine/validate';

export function catalogueWith(...fixtures: { definition: unknown; file: string }[]): Catalog {
  const extra = fixtures.map(({ definition, file }) => {
    const checked = validateDefinition(definition, CHECK_CONTEXT);
    if (!checked.ok) throw new Error(`${file}: ${JSON.stringify(checked.problems)}`);
    return { definition: checked.definition, file };
  });
  return new Catalog([...checkedDefinitions().entries, ...extra]);
}
