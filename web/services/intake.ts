/**
 * Registers a submitted dossier: validates the form against its procedure, gives it a code
 * in the national format, stores it, then starts its workflow. The row is committed before the
 * workflow starts, so a dossier survives a Temporal outage; `startPendingWorkflows` starts the
 * ones left behind. The same idempotency key never makes two dossiers.
 */
import crypto from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { formatDossierCode, receiptDay } from '../../domain/dossier-code';
import { inScope } from '../../domain/api-credentials';
import { newLookupSecret } from '../../domain/lookup-secret';
import { findCommune } from '../../domain/communes';
import { findProvince } from '../../domain/provinces';
import { localIsoDate } from '../../domain/vietnam-time';
import { Agency, Dossier, type IAgency, type IDossier } from '../../db/entities';
import type { Orm } from '../../db/orm';
import type { Catalog } from '../../engine/catalog';
import type { ProcedureDefinition } from '../../engine/definition';
import { type FieldErrors, validateForm } from '../../engine/form';
import { dossierWorkflowId } from '../../workflows/ids';
import type { DossierInput } from '../../workflows/messages';
import type { WebMetrics } from '../metrics';
import { withinTemporalWait } from './temporal-wait';

const DOSSIER_WORKFLOW_TYPE = 'dossierWorkflow';

export interface Submission {
  procedureCode: string;
  form: Record<string, unknown>;
  channel: DossierInput['channel'];
  idempotencyKey?: string;
  /**
   * The API client submitting (issue 8): recorded on the dossier, and the agency the dossier goes
   * to must be in its scope. Its idempotency keys are namespaced by the caller (`api:<clientId>:<key>`).
   */
  apiClient?: { id: number; agencies: readonly string[] };
}

export type SubmissionResult =
  /** `lookupSecret`: the second factor of the public lookup, for the applicant only (domain/lookup-secret.ts). */
  | { kind: 'created' | 'existing'; code: string; lookupSecret: string }
  | { kind: 'invalid'; errors: FieldErrors; values: Record<string, string> }
  | { kind: 'unknown-procedure'; message: string }
  | { kind: 'key-reused'; message: string }
  /** The dossier would go to an agency outside the API client's scope. */
  | { kind: 'out-of-scope'; agencyCode: string; message: string };

export interface IntakeDeps {
  orm: Orm;
  temporal: Client;
  taskQueue: string;
  workflowIdPrefix: string;
  catalog: Catalog;
  paymentDeadlineMs: number;
  /** Working minutes before a task's deadline its official is reminded. */
  reminderLeadMinutes?: number;
  log?: (line: string) => void;
  metrics?: WebMetrics;
  /**
   * How long a submission waits for Temporal to start its workflow. The dossier is saved first;
   * past this wait the applicant gets their code at once and the workflow starts later
   * (startPendingWorkflows), so an outage does not hold the applicant for the client's retries.
   */
  startWaitMs?: number;
}

function submissionHash(procedure: ProcedureDefinition, values: Record<string, string>): string {
  const canonical = JSON.stringify([procedure.code, Object.entries(values).sort(([a], [b]) => a.localeCompare(b))]);
  return crypto.createHash('sha256').update(canonical).digest('hex');
}

/** The agency that receives the dossier: of the chosen province, or of the chosen commune. */
async function handlingAgency(
  em: EntityManager,
  procedure: ProcedureDefinition,
  values: Record<string, string>,
): Promise<{ agency: IAgency } | { error: Record<string, string> }> {
  const byCommune = procedure.level === 'commune';
  const field = (byCommune ? procedure.form.communeField : procedure.form.provinceField)!;
  const place = values[field];
  const agency = byCommune
    ? await em.findOne(Agency, { kind: procedure.agencyKind, communeCode: place, validTo: null })
    : await em.findOne(Agency, { kind: procedure.agencyKind, provinceCode: place, validTo: null });
  if (agency) return { agency };
  const name = (byCommune ? findCommune(place)?.name : findProvince(place)?.name) ?? place;
  return { error: { [field]: `${name} chưa tiếp nhận trực tuyến thủ tục này; vui lòng chọn nơi khác.` } };
}

async function nextDossierCode(em: EntityManager, unitCode: string, at: Date): Promise<string> {
  const day = receiptDay(at);
  const [{ last_value }] = await em.getConnection().execute<{ last_value: number }[]>(
    `insert into dossier_code_counter (unit_code, day, last_value) values (?, ?, 1)
     on conflict (unit_code, day) do update set last_value = dossier_code_counter.last_value + 1
     returning last_value`,
    [unitCode, day],
    'all',
    em.getTransactionContext(),
  );
  return formatDossierCode(unitCode, day, Number(last_value));
}

export class IntakeService {
  constructor(private readonly deps: IntakeDeps) {}

  async submit(submission: Submission, now = new Date()): Promise<SubmissionResult> {
    const procedure = this.deps.catalog.current(submission.procedureCode);
    if (!procedure) {
      return { kind: 'unknown-procedure', message: `Thủ tục "${submission.procedureCode}" không tồn tại hoặc chưa được công bố.` };
    }
    const checked = validateForm(procedure, submission.form, localIsoDate(now));
    if (!checked.ok) return { kind: 'invalid', errors: checked.errors, values: checked.values };
    const values = checked.values;
    const hash = submissionHash(procedure, values);
    const em = this.deps.orm.em.fork();

    if (submission.idempotencyKey) {
      const earlier = await em.findOne(Dossier, { idempotencyKey: submission.idempotencyKey });
      if (earlier) return this.repeat(earlier, hash);
    }

    const routed = await handlingAgency(em, procedure, values);
    if ('error' in routed) return { kind: 'invalid', errors: routed.error, values };
    const agency = routed.agency;
    if (submission.apiClient && !inScope(submission.apiClient.agencies, agency.code)) {
      return { kind: 'out-of-scope', agencyCode: agency.code, message: `Hệ thống gọi API không được phép nộp hồ sơ đến cơ quan ${agency.name} (${agency.code}).` };
    }

    const applicant = procedure.form.applicant;
    let dossier: IDossier;
    try {
      dossier = await em.transactional(async (tx) => {
        const code = await nextDossierCode(tx, agency.unitCode, now);
        return tx.create(Dossier, {
          code,
          lookupSecret: newLookupSecret(),
          procedureCode: procedure.code,
          procedureVersion: procedure.version,
          procedureName: procedure.name,
          procedureLevel: procedure.level,
          agency,
          channel: submission.channel,
          status: 1,
          stepId: procedure.start,
          stepName: procedure.steps.find((s) => s.id === procedure.start)!.name,
          form: values,
          applicantName: values[applicant.nameField],
          applicantCitizenId: values[applicant.citizenIdField],
          applicantEmail: (applicant.emailField && values[applicant.emailField]) || null,
          applicantPhone: (applicant.phoneField && values[applicant.phoneField]) || null,
          submittedAt: now,
          idempotencyKey: submission.idempotencyKey ?? null,
          submittedBy: submission.apiClient?.id ?? null,
          submissionHash: hash,
        });
      });
    } catch (error) {
      // The same key submitted twice at the same moment: the other request made the dossier.
      if (error instanceof UniqueConstraintViolationException && submission.idempotencyKey) {
        const winner = await this.deps.orm.em.fork().findOneOrFail(Dossier, { idempotencyKey: submission.idempotencyKey });
        return this.repeat(winner, hash);
      }
      throw error;
    }
    await this.startWorkflow(dossier, procedure, agency).catch((error) =>
      this.deps.log?.(`[intake] ${dossier.code} saved; its workflow will start later: ${String(error)}`),
    );
    return { kind: 'created', code: dossier.code, lookupSecret: dossier.lookupSecret };
  }

  private async repeat(earlier: IDossier, hash: string): Promise<SubmissionResult> {
    if (earlier.submissionHash !== hash) {
      return { kind: 'key-reused', message: 'Khóa Idempotency-Key này đã được dùng cho một hồ sơ khác.' };
    }
    if (!earlier.workflowStartedAt) await this.startPending(earlier);
    // The same key and the same data: the caller sent this very submission, secret included.
    return { kind: 'existing', code: earlier.code, lookupSecret: earlier.lookupSecret };
  }

  private async startPending(row: IDossier): Promise<void> {
    const procedure = this.deps.catalog.version(row.procedureCode, row.procedureVersion);
    if (!procedure) throw new Error(`${row.code}: procedure ${row.procedureCode} v${row.procedureVersion} is not in the catalogue`);
    const agency = await this.deps.orm.em.fork().findOneOrFail(Agency, { id: row.agency.id });
    await this.startWorkflow(row, procedure, agency);
  }

  private async startWorkflow(row: IDossier, procedure: ProcedureDefinition, agency: IAgency): Promise<void> {
    const input: DossierInput = {
      code: row.code,
      procedure,
      agency: {
        code: agency.code,
        name: agency.name,
        unitCode: agency.unitCode,
        provinceCode: agency.provinceCode,
        ...(agency.communeCode ? { communeCode: agency.communeCode } : {}),
      },
      form: row.form,
      submittedAt: row.submittedAt.toISOString(),
      channel: row.channel,
      settings: {
        paymentDeadlineMs: this.deps.paymentDeadlineMs,
        ...(this.deps.reminderLeadMinutes !== undefined ? { reminderLeadMinutes: this.deps.reminderLeadMinutes } : {}),
      },
    };
    try {
      // One workflow type for every dossier; custom steps come from the definition's `workflow`.
      // Started by name: the web layer knows the workflow's contract (messages.ts), not its code.
      await withinTemporalWait(this.deps.temporal, this.deps.startWaitMs ?? 5_000, () =>
        this.deps.temporal.workflow.start(DOSSIER_WORKFLOW_TYPE, {
          taskQueue: this.deps.taskQueue,
          workflowId: dossierWorkflowId(row.code, this.deps.workflowIdPrefix),
          args: [input],
          workflowIdConflictPolicy: 'USE_EXISTING',
        }),
      );
      this.deps.metrics?.workflowStarted('started');
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) {
        this.deps.metrics?.workflowStarted('failed');
        throw error;
      }
      this.deps.metrics?.workflowStarted('already-running');
    }
    await this.deps.orm.em.fork().nativeUpdate(Dossier, { id: row.id }, { workflowStartedAt: new Date() });
  }

  /** Starts the workflows of dossiers saved while Temporal was unreachable. */
  async startPendingWorkflows(olderThanMs = 10_000): Promise<number> {
    const em = this.deps.orm.em.fork();
    const pending = await em.find(
      Dossier,
      { workflowStartedAt: null, submittedAt: { $lt: new Date(Date.now() - olderThanMs) } },
      { limit: 100, orderBy: { id: 'asc' } },
    );
    let started = 0;
    for (const row of pending) {
      try {
        await this.startPending(row);
        started++;
      } catch (error) {
        this.deps.log?.(`[intake] could not start ${row.code} yet: ${String(error)}`);
      }
    }
    return started;
  }
}
