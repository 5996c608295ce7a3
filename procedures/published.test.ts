/**
 * Every published version is frozen: its resolved definition (parsed, defaults filled in, shared
 * building blocks spread in, exactly as it travels in a workflow's input) must stay what its
 * snapshot in __snapshots__/published.test.ts.snap says. A change to a shared block in
 * procedures/shared/ that would alter a published version fails here, for every version using it.
 *
 * Publishing a new version: run `npx jest procedures/published.test.ts` once; it writes the new
 * version's snapshot (CI never writes one: a version without a snapshot fails there). Commit it.
 * Never update the snapshot of a version already published (no `-u`): copy it to a new version.
 */
import path from 'node:path';
import { checkedDefinitions } from '../config/catalogue';

const { entries, problems } = checkedDefinitions(path.join(__dirname));
const published = entries.filter((e) => e.definition.status === 'published');

test('the catalogue loads without problems', () => {
  expect(problems).toEqual([]);
  expect(published.length).toBeGreaterThan(0);
});

test.each(published.map((e) => [`${e.definition.code} v${e.definition.version}`, e] as const))(
  '%s is unchanged since it was published',
  (_name, entry) => {
    expect(entry.definition).toMatchSnapshot();
  },
);
