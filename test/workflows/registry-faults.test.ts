/**
 * Registries fail in two ways. Transient faults (503, 500, timeouts) are retried by Temporal
 * until the answer comes; a definite refusal (here: our credentials are rejected) reaches the
 * receiver as the reason the dossier could not be checked.
 */
import { decide, expectDone, openTask, submit, waitForDossier } from '../support/scenario';
import { startStack, type Stack } from '../support/stack';

describe('transient registry faults', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.stop());

  test('are retried until the registry answers', async () => {
    const code = await submit(stack);
    await fetch(`${stack.endpoints.registryUrl}/__sandbox/fail-next`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ count: 3, kind: 'unavailable' }),
    });
    expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'accept'));
    const d = await waitForDossier(stack, code, (x) => x.payment?.status === 'pending', 60_000);
    expect(d.checks.map((c) => c.outcome)).toEqual(['match', 'match']);
    const calls = (await fetch(`${stack.endpoints.registryUrl}/__sandbox/calls`).then((r) => r.json())) as { status: number }[];
    expect(calls.filter((c) => c.status === 503)).toHaveLength(3);
  });
});

describe('a registry that refuses our credentials', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack({ env: { REGISTRY_API_KEY: 'a-revoked-api-key' } });
  });
  afterAll(() => stack?.stop());

  test('returns the dossier to the receiver with the reason, without retrying forever', async () => {
    const code = await submit(stack);
    expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'accept'));
    expect(await openTask(stack, code, 'intake')).toBe('intake-2');
    const d = await stack.dossier(code);
    expect(d.checks.map((c) => c.outcome)).toEqual(['error', 'error']);
    expect(d.checks[0].summary).toMatch(/^Không đối chiếu được với Cơ sở dữ liệu quốc gia về dân cư: /);
  });
});
