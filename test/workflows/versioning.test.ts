/**
 * Publishing a new version changes new dossiers only. A renewal started while only version 1
 * was published keeps version 1 to the end (its definition travels in its workflow input),
 * while dossiers submitted after version 2 is published follow version 2.
 */
import { Catalog } from '../../engine/catalog';
import { checkedDefinitions } from '../../config/catalogue';
import { IntakeService } from '../../web/services/intake';
import { decide, expectDone, pay, renewalForm, waitForDossier } from '../support/scenario';
import { startStack, type Stack } from '../support/stack';

const shipped = checkedDefinitions().entries.filter((e) => e.definition.code === 'GPLX-DOI');
const onlyV1 = new Catalog(shipped.filter((e) => e.definition.version === 1));
const withV2 = new Catalog(shipped);

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ catalog: onlyV1 });
});
afterAll(() => stack?.stop());

test('a dossier started on version 1 finishes on version 1 after version 2 is published', async () => {
  expect(withV2.current('GPLX-DOI')?.version).toBe(2);
  const v1Form = { ...renewalForm() };
  delete (v1Form as Record<string, string>).deliveryMethod;
  const before = await stack.services.intake.submit({ procedureCode: 'GPLX-DOI', form: v1Form, channel: 'api' });
  if (before.kind !== 'created') throw new Error(JSON.stringify(before));
  expectDone(await decide(stack, before.code, 'intake', 'hn.tiepnhan', 'accept'));
  await waitForDossier(stack, before.code, (d) => d.payment?.status === 'pending');

  // Version 2 is published: a new release of the web layer serves the new catalogue.
  const published = new IntakeService({
    orm: stack.db.orm,
    temporal: stack.temporal,
    taskQueue: stack.taskQueue,
    workflowIdPrefix: stack.taskQueue,
    catalog: withV2,
    paymentDeadlineMs: stack.config.payment.deadlineMs,
  });
  const after = await published.submit({
    procedureCode: 'GPLX-DOI',
    form: renewalForm('carHolderHanoi', { deliveryMethod: 'buu-chinh', address: 'Số 1 Tràng Tiền, phường Hoàn Kiếm, Hà Nội' }),
    channel: 'api',
  });
  if (after.kind !== 'created') throw new Error(JSON.stringify(after));
  expect((await stack.dossier(after.code)).procedureVersion).toBe(2);

  // The version-1 dossier goes on as version 1 knew it: no postage, no dispatch step.
  await pay(stack, before.code);
  expectDone(await decide(stack, before.code, 'review', 'hn.chuyenvien', 'propose-approval'));
  expectDone(await decide(stack, before.code, 'approval', 'hn.lanhdao', 'approve'));
  const old = await waitForDossier(stack, before.code, (d) => d.completedAt !== null);
  expect([old.procedureVersion, old.status, old.outcome, old.payment?.amount]).toEqual([1, 10, 'completed', 135_000]);
  const steps = (await stack.services.readModel.timelineOf(old)).filter((e) => e.type === 'step').map((e) => e.stepId);
  expect(steps).not.toContain('dispatch');
  expect(steps).not.toContain('delivery-route');

  // The version-2 dossier follows version 2: postage added, the result dispatched by post.
  expectDone(await decide(stack, after.code, 'intake', 'hn.tiepnhan', 'accept'));
  const v2 = await waitForDossier(stack, after.code, (d) => d.payment?.status === 'pending');
  expect(v2.payment?.amount).toBe(160_000);
});
