/**
 * Steps of a dossier's life as the test files drive them: an applicant submits, officials act
 * through the same services the web layer uses, the payment sandbox is paid. Each waits for the
 * read model, since that is what users see.
 */
import { type IDossier, Official } from '../../db/entities';
import { DEMO_ENTERPRISES, DEMO_RECORDS } from '../../sandboxes/registry/data';
import type { Actor, UpdateResult } from '../../workflows/messages';
import type { ActionOutcome } from '../../web/services/dossier-actions';
import { eventually } from './eventually';
import type { Stack } from './stack';

export type DemoKey = keyof typeof DEMO_RECORDS;

/** A complete, valid renewal form for one of the registry sandbox's demo people. */
export function renewalForm(who: DemoKey = 'carHolderHanoi', overrides: Record<string, string> = {}): Record<string, string> {
  const record = DEMO_RECORDS[who];
  const licence = 'licence' in record ? record.licence : undefined;
  return {
    fullName: record.citizen.fullName,
    citizenId: record.citizen.citizenId,
    dateOfBirth: record.citizen.dateOfBirth,
    licenceNumber: licence?.number ?? '019999999999',
    licenceClass: licence?.class ?? 'B',
    renewalReason: 'het-han',
    healthCertificateNumber: '1520/GKSK-BVĐK',
    healthCertificateDate: '2026-11-02',
    province: '01',
    deliveryMethod: 'tai-quay',
    phone: '0912345678',
    email: `${record.citizen.citizenId}@example.vn`,
    ...overrides,
  };
}

/** Submits a dossier of any procedure through the intake API's service; returns its code. */
export async function submitTo(stack: Stack, procedure: string, form: Record<string, string>, key?: string): Promise<string> {
  const result = await stack.services.intake.submit({ procedureCode: procedure, form, channel: 'api', idempotencyKey: key });
  if (result.kind !== 'created' && result.kind !== 'existing') throw new Error(`submission refused: ${JSON.stringify(result)}`);
  return result.code;
}

/** Submits a driving-licence renewal. */
export function submit(stack: Stack, form: Record<string, string> = renewalForm(), key?: string): Promise<string> {
  return submitTo(stack, 'GPLX-DOI', form, key);
}

export async function actor(stack: Stack, username: string): Promise<Actor> {
  const o = await stack.db.orm.em.fork().findOneOrFail(Official, { username }, { populate: ['agency'] });
  return { id: String(o.id), username: o.username, name: o.fullName, role: o.role, agencyCode: o.agency.code };
}

let updates = 0;
const updateId = () => `test-${process.pid}-${Date.now()}-${++updates}`;

/** The open task of a dossier in the read model, once it appears. */
export async function openTask(stack: Stack, code: string, stepId: string, timeoutMs = 30_000): Promise<string> {
  const read = () =>
    stack.db.orm.em
      .getConnection()
      .execute<{ task_key: string }[]>(
        `select t.task_key from task t join dossier d on d.id = t.dossier_id where d.code = ? and t.step_id = ? and t.status = 'open'`,
        [code, stepId],
      );
  try {
    return (await eventually(read, (rows) => rows.length > 0, timeoutMs))[0].task_key;
  } catch {
    const d = await stack.dossier(code);
    throw new Error(`no open "${stepId}" task on ${code} within ${timeoutMs} ms (dossier is at ${d.stepId}, status ${d.status})`);
  }
}

export function expectDone(outcome: ActionOutcome): UpdateResult {
  if (outcome.kind !== 'done') throw new Error(`expected the action to be applied, got ${outcome.kind}: ${outcome.message}`);
  return outcome.result;
}

/** An official takes the open task of `stepId` and decides `action`. */
export async function decide(stack: Stack, code: string, stepId: string, username: string, action: string, reason?: string) {
  const taskId = await openTask(stack, code, stepId);
  const who = await actor(stack, username);
  return stack.services.actions.complete(code, { taskId, action, reason, actor: who }, updateId());
}

export function waitForDossier(stack: Stack, code: string, condition: (d: IDossier) => boolean, timeoutMs = 30_000): Promise<IDossier> {
  return eventually(() => stack.dossier(code), condition, timeoutMs);
}

/** Pays a pending payment through the sandbox, which then calls our callback endpoint. */
export async function pay(stack: Stack, code: string): Promise<string> {
  const d = await waitForDossier(stack, code, (x) => x.payment?.status === 'pending');
  const response = await fetch(`${stack.endpoints.paymentUrl}/__sandbox/payment-requests/${encodeURIComponent(d.payment!.reference)}/pay`, { method: 'POST' });
  if (!response.ok) throw new Error(`sandbox refused to pay: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { transactionId: string };
  return body.transactionId;
}

export { updateId };

const retailer = DEMO_ENTERPRISES.activeRetailer;
const inDays = (n: number) => new Date(Date.now() + 7 * 3_600_000 + n * 86_400_000).toISOString().slice(0, 10);

/** A promotion registration (SCT-KM-DK) of the demo retailer, its programme numbered `i`, starting in 20 days. */
export const promotionForm = (i: number): Record<string, string> => ({
  enterpriseName: retailer.name,
  taxCode: retailer.taxCode,
  enterpriseAddress: retailer.address,
  representativeName: 'Ngô Thanh Tùng',
  representativeCitizenId: '079082003387',
  phone: '0283829 1234',
  email: `khuyenmai${i}@phuongnam.example.vn`,
  province: '79',
  programmeName: `Cào thẻ trúng thưởng số ${i}`,
  startDate: inDays(20),
  endDate: inDays(60),
  promotedGoods: 'Mọi hàng hóa bán tại các siêu thị Phương Nam',
  prizes: 'Giải nhất; 01 xe máy; 31.000.000 đồng; 1 giải',
  totalPrizeValue: '31.000.000',
  winningEvidence: 'Thẻ cào in mã số dự thưởng',
});
