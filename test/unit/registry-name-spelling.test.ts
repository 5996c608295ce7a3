/**
 * The identity check against a registry that compares names exactly (as a real one may): a name
 * that differs only in tone-mark convention is asked again in the other convention and matches;
 * a different name still does not.
 */
import { createCheckRunner } from '../../activities/registries/checks';
import type { IdentityQuery, RegistryClient } from '../../activities/registries/registry-client';

function exactRegistry(stored: { citizenId: string; fullName: string; dateOfBirth: string }) {
  const asked: string[] = [];
  const client = {
    async verifyIdentity(query: IdentityQuery) {
      asked.push(query.fullName);
      if (query.citizenId !== stored.citizenId) return { found: false as const };
      return { found: true as const, matches: { fullName: query.fullName === stored.fullName, dateOfBirth: query.dateOfBirth === stored.dateOfBirth } };
    },
  } as unknown as RegistryClient;
  return { client, asked };
}

const stored = { citizenId: '001190012345', fullName: 'Nguyễn Thị Hòa', dateOfBirth: '1990-05-01' };
const check = (fullName: string) => ({ dossierCode: 'X-1', check: 'population.identity' as const, params: { citizenId: stored.citizenId, fullName, dateOfBirth: stored.dateOfBirth } });

test('the other tone-mark convention is no mismatch', async () => {
  const { client, asked } = exactRegistry(stored);
  const result = await createCheckRunner(client)(check('Nguyễn Thị Hoà'));
  expect(result.outcome).toBe('match');
  expect(asked).toEqual(['Nguyễn Thị Hoà', 'Nguyễn Thị Hòa']);
});

test('decomposed text and extra spaces are sent composed and single-spaced', async () => {
  const { client, asked } = exactRegistry(stored);
  expect((await createCheckRunner(client)(check('  Nguyễn  Thị Hòa '.normalize('NFD')))).outcome).toBe('match');
  expect(asked).toEqual(['Nguyễn Thị Hòa']);
});

test('a different name is still a mismatch', async () => {
  const { client } = exactRegistry(stored);
  const result = await createCheckRunner(client)(check('Nguyễn Thị Hoa'));
  expect(result).toMatchObject({ outcome: 'mismatch', summary: expect.stringContaining('Họ tên không khớp') });
});
