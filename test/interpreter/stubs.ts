/**
 * In-memory stand-ins for every activity of the dossier workflow (activities/contract.ts), so the
 * interpreter runs without a database, a registry or a payment gateway. They answer at once and
 * remember what they were asked; tests read that memory. All stubs live in this one file: when
 * the activity contract changes, this is the one place to adapt.
 */
import { ApplicationFailure } from '@temporalio/common';
import type {
  CancelPaymentOutput,
  DossierActivities,
  FindAgencyInput,
  IssueResultInput,
  NotifyInput,
  PlanDeadlineInput,
  PlanDeadlineOutput,
  RequestPaymentInput,
  RunCheckInput,
} from '../../activities/contract';
import { CALENDAR_DAYS } from '../../db/seeds/calendar';
import type { CalendarEntry } from '../../domain/calendar';
import { DEFAULT_OFFICE_HOURS } from '../../domain/legal-clock';
import type { CheckKind } from '../../engine/definition';
import type { AgencyRef, CheckResult, DossierSnapshot, ProjectionBatch, ResultRecord, TaskSnapshot, TimelineEvent } from '../../workflows/messages';

/**
 * The read model as the projection would leave it, per dossier, plus every batch as it arrived.
 * Like the real projection, a batch only replaces the dossier when it is newer than the last one
 * applied; tasks are rows by id, events rows by sequence number.
 */
export class InMemoryReadModel {
  private readonly received = new Map<string, ProjectionBatch[]>();
  private readonly applied = new Map<string, { version: number; dossier: DossierSnapshot; tasks: Map<string, TaskSnapshot>; events: Map<number, TimelineEvent> }>();

  readonly projectDossier = async (batch: ProjectionBatch): Promise<void> => {
    const code = batch.dossier.code;
    this.received.set(code, [...(this.received.get(code) ?? []), structuredClone(batch)]);
    const row = this.applied.get(code);
    if (row && row.version >= batch.version) return;
    const tasks = new Map(row?.tasks);
    const events = new Map(row?.events);
    for (const task of batch.tasks) tasks.set(task.id, structuredClone(task));
    for (const event of batch.events) events.set(event.seq, structuredClone(event));
    this.applied.set(code, { version: batch.version, dossier: structuredClone(batch.dossier), tasks, events });
  };

  /** Every batch the workflow sent for the dossier, in arrival order (retries included). */
  batches(code: string): ProjectionBatch[] {
    return this.received.get(code) ?? [];
  }

  /** The dossier row, or undefined before its first batch. */
  dossier(code: string): (DossierSnapshot & { version: number }) | undefined {
    const row = this.applied.get(code);
    return row && { ...row.dossier, version: row.version };
  }

  /** Task rows, open and closed, in the order they were first written. */
  tasks(code: string): TaskSnapshot[] {
    return [...(this.applied.get(code)?.tasks.values() ?? [])];
  }

  /** The timeline, by sequence number. */
  timeline(code: string): TimelineEvent[] {
    return [...(this.applied.get(code)?.events.values() ?? [])].sort((a, b) => a.seq - b.seq);
  }

  /** Messages to the applicant carried in the batches (the outbox written with the changes). */
  outbox(code: string): ApplicantMessage[] {
    return this.batches(code).flatMap((b) => b.notifications ?? []);
  }
}

/** What a registry answers for a check: a definite answer, or 'error' (the registry refuses, not transiently). */
export type RegistryAnswer = CheckResult['outcome'];

/** Registries that answer per dossier and check kind (default: everything matches). */
export class RegistryStub {
  private readonly answers = new Map<string, Partial<Record<CheckKind, RegistryAnswer | ((input: RunCheckInput) => RegistryAnswer)>>>();
  readonly calls: RunCheckInput[] = [];

  answer(dossierCode: string, answers: Partial<Record<CheckKind, RegistryAnswer | ((input: RunCheckInput) => RegistryAnswer)>>): void {
    this.answers.set(dossierCode, { ...this.answers.get(dossierCode), ...answers });
  }

  readonly runCheck = async (input: RunCheckInput): Promise<CheckResult> => {
    this.calls.push(structuredClone(input));
    const rule = this.answers.get(input.dossierCode)?.[input.check] ?? 'match';
    const outcome = typeof rule === 'function' ? rule(input) : rule;
    const subject = Object.values(input.params).join(', ');
    switch (outcome) {
      case 'match':
        return { outcome, summary: `Khớp dữ liệu (${subject}).`, facts: { 'Đối chiếu': 'Khớp' } };
      case 'mismatch':
        return { outcome, summary: `Không khớp dữ liệu (${subject}).`, facts: { 'Đối chiếu': 'Không khớp' } };
      case 'error':
        throw ApplicationFailure.nonRetryable('Cơ sở dữ liệu từ chối yêu cầu', 'RegistryRefused');
    }
  };
}

/** A payment gateway: requests stay pending until a test pays them, or the workflow cancels them. */
export class PaymentStub {
  private readonly requests = new Map<string, RequestPaymentInput & { status: 'pending' | 'paid' | 'cancelled'; transactionId?: string; paidAt?: string }>();

  readonly requestPayment = async (input: RequestPaymentInput) => {
    if (!this.requests.has(input.reference)) this.requests.set(input.reference, { ...input, status: 'pending' });
    return { reference: input.reference, payUrl: `https://thanh-toan.test/pay/${input.reference}` };
  };

  readonly cancelPayment = async ({ reference }: { reference: string }): Promise<CancelPaymentOutput> => {
    const request = this.requests.get(reference);
    if (request?.status === 'paid') return { status: 'paid', transactionId: request.transactionId, paidAt: request.paidAt, amount: request.amount };
    if (request) request.status = 'cancelled';
    return { status: 'cancelled' };
  };

  /** What the gateway was asked for. */
  request(reference: string) {
    return this.requests.get(reference);
  }

  /** The applicant pays at the gateway (the callback is for the test to send, or to lose). */
  pay(reference: string, paidAt: string): { transactionId: string; amount: number } {
    const request = this.requests.get(reference);
    if (!request) throw new Error(`no payment request ${reference}`);
    request.status = 'paid';
    request.transactionId = `GD-${reference}`;
    request.paidAt = paidAt;
    return { transactionId: request.transactionId, amount: request.amount };
  }
}

/** Result documents numbered in issue order, as a register would. */
export class ResultStub {
  readonly issued: IssueResultInput[] = [];

  readonly issueResult = async (input: IssueResultInput): Promise<ResultRecord> => {
    this.issued.push(structuredClone(input));
    const n = this.issued.length;
    const ofDossier = this.issued.filter((i) => i.dossierCode === input.dossierCode).length;
    return {
      number: `${String(n).padStart(5, '0')}/KQ`,
      documentCode: `${input.dossierCode}-KQ${ofDossier}`,
      issuedAt: new Date().toISOString(),
      title: input.document.title,
    };
  };
}

const DAY = 24 * 3600_000;
const VIETNAM_OFFSET = 7 * 3600_000;

/**
 * Working days counted naively: Monday to Friday, no holidays, starting the day after `from`
 * (Vietnam time); due at 17:00 of the last one. The real calendar is tested in test/unit.
 */
export function naiveDeadline({ from, workingDays }: PlanDeadlineInput): PlanDeadlineOutput {
  const localDay = (t: number) => new Date(Math.floor((t + VIETNAM_OFFSET) / DAY) * DAY);
  const isWorking = (d: Date) => d.getUTCDay() !== 0 && d.getUTCDay() !== 6;
  let day = localDay(Date.parse(from));
  let startDay: Date | undefined;
  for (let counted = 0; counted < workingDays; ) {
    day = new Date(day.getTime() + DAY);
    if (!isWorking(day)) continue;
    startDay ??= day;
    counted++;
  }
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return { startDay: iso(startDay ?? day), dueDay: iso(day), dueAt: new Date(day.getTime() + 17 * 3600_000 - VIETNAM_OFFSET).toISOString() };
}

/** Agencies of other kinds in the dossier's place: `<KIND>-<province>`, e.g. POLICE-RECORDS-01. */
export async function findAgency({ kind, provinceCode, communeCode }: FindAgencyInput): Promise<AgencyRef> {
  const code = `${kind.toUpperCase()}-${provinceCode}`;
  return { code, name: `Cơ quan ${kind} (${provinceCode})`, unitCode: code, provinceCode, communeCode };
}

/** A message to the applicant, however the workflow sent it. */
export interface ApplicantMessage {
  key: string;
  template: { subject: string; body: string };
  values: Record<string, string>;
  supplementRound?: number;
}

export interface Stubs {
  activities: DossierActivities;
  readModel: InMemoryReadModel;
  registry: RegistryStub;
  gateway: PaymentStub;
  results: ResultStub;
  /** Messages the workflow asked to send through the notify activity (before the outbox carried them). */
  notified: NotifyInput[];
  deadlinesPlanned: PlanDeadlineInput[];
  /**
   * The working calendar the dossiers count with (loadClock): the announced days of 2025–2027 as
   * seeded. Tests may replace it (a calendar change), then signal the dossiers.
   */
  calendar: CalendarEntry[];
  /**
   * Every message to the applicant of a dossier, once each (by key), in order: from the outbox
   * in projection batches, or from the notify activity of dossiers started before it.
   */
  messagesTo(dossierCode: string): ApplicantMessage[];
}

export function createStubs(): Stubs {
  const readModel = new InMemoryReadModel();
  const registry = new RegistryStub();
  const gateway = new PaymentStub();
  const results = new ResultStub();
  const notified: NotifyInput[] = [];
  const deadlinesPlanned: PlanDeadlineInput[] = [];
  const stubs = { calendar: CALENDAR_DAYS.map((d) => ({ ...d, provisional: !!d.provisional })) as CalendarEntry[] };
  const activities: DossierActivities = {
    projectDossier: readModel.projectDossier,
    planDeadline: async (input) => {
      deadlinesPlanned.push(input);
      return naiveDeadline(input);
    },
    findAgency,
    loadClock: async ({ fromYear, toYear }) => {
      const entries = stubs.calendar.filter((e) => Number(e.day.slice(0, 4)) >= fromYear && Number(e.day.slice(0, 4)) <= toYear);
      return { entries, hours: DEFAULT_OFFICE_HOURS, version: `${entries.length}:${JSON.stringify(entries).length}` };
    },
    runCheck: registry.runCheck,
    requestPayment: gateway.requestPayment,
    cancelPayment: gateway.cancelPayment,
    issueResult: results.issueResult,
    notifyApplicant: async (input) => {
      notified.push(structuredClone(input));
    },
  };
  const messagesTo = (code: string) => {
    const all = [...readModel.outbox(code), ...notified.filter((n) => n.dossierCode === code)];
    return [...new Map(all.map((m) => [m.key, m])).values()];
  };
  return {
    activities,
    readModel,
    registry,
    gateway,
    results,
    notified,
    deadlinesPlanned,
    get calendar() {
      return stubs.calendar;
    },
    set calendar(entries: CalendarEntry[]) {
      stubs.calendar = entries;
    },
    messagesTo,
  };
}
