/**
 * Records the histories that replay.test.ts replays: one per path through the driving-licence
 * renewal. Run `npm run histories:record` after a deliberate, versioned change of the workflow,
 * and commit the new files next to the old ones: old histories stay, because dossiers started
 * on older code may still be running.
 */
import fs from 'node:fs';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { dossierWorkflowId } from '../../workflows/ids';
import { actor, decide, expectDone, openTask, pay, renewalForm, submit, updateId, waitForDossier } from '../support/scenario';
import { startStack, type Stack } from '../support/stack';

const OUT = path.join(__dirname, 'histories');
let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { PAYMENT_DEADLINE: '3s' } });
});
afterAll(() => stack?.stop());

async function save(name: string, code: string) {
  const handle = stack.temporal.workflow.getHandle(dossierWorkflowId(code, stack.taskQueue));
  await handle.result();
  const history = await handle.fetchHistory();
  fs.writeFileSync(path.join(OUT, `${name}.json`), historyToJSON(history));
}

test('completed renewal, with a reassignment', async () => {
  const code = await submit(stack);
  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'accept'));
  await pay(stack, code);
  const taskId = await openTask(stack, code, 'review');
  const ha = await actor(stack, 'hn.chuyenvien2');
  expectDone(await stack.services.actions.claim(code, { taskId, actor: await actor(stack, 'hn.chuyenvien') }, updateId()));
  expectDone(await stack.services.actions.reassign(code, { taskId, to: { id: ha.id, name: ha.name, role: ha.role, agencyCode: ha.agencyCode }, actor: await actor(stack, 'hn.giamsat') }, updateId()));
  expectDone(await decide(stack, code, 'review', 'hn.chuyenvien2', 'propose-approval'));
  expectDone(await decide(stack, code, 'approval', 'hn.lanhdao', 'return-to-review', 'Bổ sung nhận xét về giấy khám sức khỏe'));
  expectDone(await decide(stack, code, 'review', 'hn.chuyenvien2', 'propose-approval'));
  expectDone(await decide(stack, code, 'approval', 'hn.lanhdao', 'approve'));
  await save('v1-completed-with-reassignment', code);
});

test('revoked licence, refused at intake', async () => {
  const code = await submit(stack, renewalForm('revokedLicence'));
  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'accept'));
  await openTask(stack, code, 'intake');
  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'refuse', 'Giấy phép đã bị thu hồi'));
  await save('v1-refused-after-mismatch', code);
});

test('supplement requested and answered, rejected by the leader', async () => {
  const code = await submit(stack, renewalForm('carHolderHanoi', { fullName: 'Nguyen Van An' }));
  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'request-supplement', 'Ghi họ tên có dấu'));
  const d = await waitForDossier(stack, code, (x) => x.status === 5);
  expectDone(await stack.services.actions.submitSupplement(code, { round: 1, form: { ...d.form, fullName: 'Nguyễn Văn An' } }, updateId()));
  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'accept'));
  await pay(stack, code);
  expectDone(await decide(stack, code, 'review', 'hn.chuyenvien', 'propose-rejection', 'Giấy khám sức khỏe quá hạn'));
  expectDone(await decide(stack, code, 'approval', 'hn.lanhdao', 'reject', 'Giấy khám sức khỏe quá hạn'));
  await save('v1-supplement-then-rejected', code);
});

test('fee not paid in time', async () => {
  const code = await submit(stack);
  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'accept'));
  await waitForDossier(stack, code, (x) => x.status === 8, 20_000);
  await save('v1-cancelled-unpaid', code);
});
