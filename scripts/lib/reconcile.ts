/**
 * Compares the read model with the workflows, dossier by dossier: the workflow owns the truth,
 * the read model must show it. Reports every difference (status, step, outcome, dates, checks,
 * payment, results, open tasks, timeline length, messages sent, result numbers issued). A
 * dossier that is still moving may differ for a moment (its next batch is on its way), so a
 * dossier that differs is checked again a few times before it is reported.
 */
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { Dossier, type IDossier, Notification, Task, TimelineEvent } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { dossierWorkflowId } from '../../workflows/ids';
import { type DossierSnapshot, dossierStateQuery } from '../../workflows/messages';

export interface Difference {
  code: string;
  what: string;
  readModel: unknown;
  workflow: unknown;
}

export interface ReconcileOptions {
  orm: Orm;
  temporal: Client;
  workflowIdPrefix?: string;
  /** Only these dossiers (default: every dossier whose workflow has started). */
  codes?: string[];
  /** How often a differing dossier is looked at again before it counts (default 3, 1 s apart). */
  rechecks?: number;
  recheckDelayMs?: number;
}

export interface ReconcileReport {
  checked: number;
  differences: Difference[];
}

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);
/** JSON with object keys in order: PostgreSQL's jsonb does not keep the order they were written in. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}
const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

async function workflowState(temporal: Client, workflowId: string): Promise<DossierSnapshot | undefined> {
  const handle = temporal.workflow.getHandle(workflowId);
  try {
    const description = await handle.describe();
    return description.status.name === 'RUNNING' ? await handle.query(dossierStateQuery) : ((await handle.result()) as DossierSnapshot);
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return undefined;
    throw error;
  }
}

/** The differences between one dossier's row (and its tasks, timeline, outbox, numbers) and its workflow. */
async function compare(orm: Orm, row: IDossier, truth: DossierSnapshot | undefined): Promise<Difference[]> {
  const out: Difference[] = [];
  const diff = (what: string, readModel: unknown, workflow: unknown) => {
    if (!same(readModel, workflow)) out.push({ code: row.code, what, readModel, workflow });
  };
  if (!truth) return [{ code: row.code, what: 'workflow', readModel: 'exists', workflow: 'not found' }];
  const em = orm.em.fork();
  diff('status', row.status, truth.status);
  diff('step', row.stepId, truth.stepId);
  diff('outcome', row.outcome ?? null, truth.outcome ?? null);
  diff('acceptedAt', iso(row.acceptedAt), iso(truth.acceptedAt));
  diff('appointmentAt', iso(row.appointmentAt), iso(truth.appointmentAt));
  diff('completedAt', iso(row.completedAt), iso(truth.completedAt));
  diff('form', row.form, truth.form);
  diff('checks', row.checks.map((c) => [c.id, c.outcome]), truth.checks.map((c) => [c.id, c.outcome]));
  diff('payment', row.payment ? [row.payment.reference, row.payment.status] : null, truth.payment ? [truth.payment.reference, truth.payment.status] : null);
  const truthResults = truth.results ?? (truth.result ? [truth.result] : []);
  diff('results', row.results.map((r) => [r.documentCode, r.number]), truthResults.map((r) => [r.documentCode, r.number]));

  const openRows = await em.find(Task, { dossier: row.id, status: 'open' }, { orderBy: { taskKey: 'asc' } });
  diff('open tasks', openRows.map((t) => t.taskKey), truth.openTasks.map((t) => t.id).sort());
  const events = await em.count(TimelineEvent, { dossier: row.id });
  if (truth.events !== undefined) diff('timeline events', events, truth.events);
  const notified = await em.count(TimelineEvent, { dossier: row.id, type: 'notified' });
  diff('messages in the outbox', await em.count(Notification, { dossierCode: row.code }), notified);
  const numbers = await em
    .getConnection()
    .execute<{ document_code: string; number: string }[]>('select document_code, number from issued_number where dossier_code = ? order by document_code', [row.code]);
  diff('result numbers issued', numbers.map((n) => [n.document_code, n.number]), [...truthResults].sort((a, b) => a.documentCode.localeCompare(b.documentCode)).map((r) => [r.documentCode, r.number]));
  return out;
}

export async function reconcile(options: ReconcileOptions): Promise<ReconcileReport> {
  const { orm, temporal } = options;
  const rechecks = options.rechecks ?? 3;
  const delay = options.recheckDelayMs ?? 1000;
  const where = options.codes ? { code: { $in: options.codes } } : { workflowStartedAt: { $ne: null } };
  const codes = (await orm.em.fork().find(Dossier, where, { fields: ['code'], orderBy: { id: 'asc' } })).map((d) => d.code);
  const check = async (code: string) => {
    const row = await orm.em.fork().findOneOrFail(Dossier, { code });
    return compare(orm, row, await workflowState(temporal, dossierWorkflowId(code, options.workflowIdPrefix)));
  };
  const differences: Difference[] = [];
  for (const code of codes) {
    let found = await check(code);
    for (let i = 0; found.length && i < rechecks; i++) {
      await new Promise((resolve) => setTimeout(resolve, delay));
      found = await check(code);
    }
    differences.push(...found);
  }
  return { checked: codes.length, differences };
}

export function formatDifferences(report: ReconcileReport): string {
  if (!report.differences.length) return `${report.checked} dossier(s) checked: the read model matches the workflows.`;
  const lines = report.differences.map((d) => `${d.code}: ${d.what}: read model ${JSON.stringify(d.readModel)}, workflow ${JSON.stringify(d.workflow)}`);
  return `${report.checked} dossier(s) checked, ${report.differences.length} difference(s):\n${lines.join('\n')}`;
}
