/**
 * What the web layer needs, built once per process and handed to createApp. Routes get named
 * services only; the ORM and the Temporal client stay in here (and the session store, which
 * app.ts wires).
 */
import type { Client } from '@temporalio/client';
import type { Endpoints, Secrets } from '../../config/endpoints';
import type { Orm } from '../../db/orm';
import { lineLog, type Logger } from '../../config/log';
import { WebMetrics } from '../metrics';
import { HealthService } from './health';
import type { Catalog } from '../../engine/catalog';
import { PgSessionStore, type SessionSettings } from '../middleware/session';
import { createRateLimiters, type RateLimiters } from '../middleware/rate-limit';
import type { RateLimits } from '../../config';
import { AbsenceService } from './absences';
import { ApiClientAuth } from './api-clients';
import { ApplicantAccess } from './applicant-access';
import { AttachmentService, DEFAULT_ATTACHMENT_LIMITS } from './attachments';
import { CounterService } from './counter';
import { HandoverService } from './handover';
import { createFileStore, type FileStoreSettings } from '../../db/file-store';
import { AuditLogService } from './audit-log';
import { CalendarAdmin } from './calendar-admin';
import { type CalendarChanges, TemporalCalendarChanges } from './calendar-changes';
import { OfficeHoursAdmin } from './calendar-office-hours';
import { PayloadCodecService } from './payload-codec';
import { appendAudit } from '../../db/audit';
import { DossierActions } from './dossier-actions';
import { ReadModelWatch } from './read-model-watch';
import { DossierDocuments } from './documents';
import { DeliveryService } from './delivery';
import { PrintedForms } from './printed-forms';
import { InboxService } from './inbox';
import { LanguagePreferences } from './language';
import { IntakeService } from './intake';
import { PaymentCallbackService } from './payment-callbacks';
import { Procedures } from './procedures';
import { ReadModel } from './read-model';
import { QueueService } from './queues';
import { ReassignmentService } from './reassignment';
import { ReportService } from './reports';
import { SignInService } from './sign-in';
import { SsoService, type SsoSettings } from './sso';
import { SupervisionService } from './supervision';
import { TaskService } from './tasks';

export interface WebServices {
  procedures: Procedures;
  intake: IntakeService;
  /** API clients' credentials (/api/v1): who is calling, and what they may submit for. */
  apiClients: ApiClientAuth;
  actions: DossierActions;
  readModel: ReadModel;
  /** Officials' queues, the agency's archive and search (issue 9). */
  queues: QueueService;
  /** The supervisor's levers: where things stand, bulk reassignment, absences; and the officials' inbox. */
  supervision: SupervisionService;
  reassignment: ReassignmentService;
  absences: AbsenceService;
  inbox: InboxService;
  reports: ReportService;
  tasks: TaskService;
  /** Administration: the working calendar and the offices' hours (/quan-tri). */
  calendarAdmin: CalendarAdmin;
  officeHours: OfficeHoursAdmin;
  documents: DossierDocuments;
  /** Documents handed in with dossiers, the counter's intake and fees, results handed over (issue 9). */
  attachments: AttachmentService;
  counter: CounterService;
  handover: HandoverService;
  /** Printed forms 02, 03, 05, 06 of a dossier and the agency's tracking ledger (07). */
  printedForms: PrintedForms;
  signIn: SignInService;
  /** Officials' choice of language (the header's switch, routes/language.ts). */
  languages: LanguagePreferences;
  /** Single sign-on through the identity provider (/dang-nhap/sso); unset: not configured. */
  sso?: SsoService;
  /** Whether the password form signs officials in (LOCAL_PASSWORDS). */
  localPasswords: boolean;
  /** The chained audit trail: /nhat-ky, and the openings of dossiers' full records. */
  auditLog: AuditLogService;
  paymentCallbacks: PaymentCallbackService;
  applicantAccess: ApplicantAccess;
  /** The Temporal UI's codec server (/codec): decrypts payloads for administrators. */
  codec: PayloadCodecService;
  /** Where applicants reach this site, for links shown to them. */
  publicUrl: string;
  mailboxPage: boolean;
  /** Messages to applicants: delivery on the dossier page, failed deliveries, the development mailbox. */
  deliveries: DeliveryService;
  /** Per-client rate limits of the public doors, counted in PostgreSQL (middleware/rate-limit.ts). */
  rateLimits: RateLimiters;
  health: HealthService;
  metrics: WebMetrics;
  /** Who else may read /metrics: a client presenting this bearer token (METRICS_TOKEN). */
  metricsToken?: string;
  /** Where each answered request is logged (JSON, with its request id); unset: requests are not logged. */
  requestLog?: Logger;
  /** App wiring, not for routes. */
  sessions: SessionSettings;
  log: (line: string) => void;
}

export interface WebServiceOptions {
  orm: Orm;
  temporal: Client;
  taskQueue: string;
  workflowIdPrefix: string;
  /** The Temporal UI's origin (TEMPORAL_UI_ORIGIN), which may call /codec with officials' cookies. */
  temporalUiOrigin?: string;
  catalog: Catalog;
  endpoints: Endpoints;
  secrets: Secrets;
  paymentCallbackSecret: string;
  paymentDeadlineMs: number;
  reminderLeadMinutes?: number;
  /** How long to wait for Temporal to confirm a decision (TEMPORAL_UPDATE_WAIT). */
  updateWaitMs?: number;
  mailboxPage: boolean;
  log?: (line: string) => void;
  /** The process's structured logger: requests are logged through it, and `log` lines when `log` is unset. */
  logger?: Logger;
  metricsToken?: string;
  /** Per-client rate limits (RATE_LIMIT_*); default: middleware/rate-limit.ts DEFAULT_RATE_LIMITS. */
  rateLimits?: RateLimits;
  /** Tells open dossiers the calendar changed (default: nobody is told). */
  calendarChanges?: CalendarChanges;
  /** Single sign-on (web/services/sso.ts ssoSettings); unset: passwords only. */
  sso?: SsoSettings;
  /** Local passwords (LOCAL_PASSWORDS); default on. */
  localPasswords?: boolean;
  /** Uploaded documents (config attachments); default: in PostgreSQL, 10 MB a file, 50 MB a dossier. */
  attachments?: FileStoreSettings & { maxFileBytes: number; maxDossierBytes: number };
}

export function createWebServices(o: WebServiceOptions): WebServices {
  const log = o.log ?? (o.logger ? lineLog(o.logger) : console.log);
  const calendarChanges = o.calendarChanges ?? new TemporalCalendarChanges(o.temporal, o.taskQueue, o.workflowIdPrefix);
  const readModel = new ReadModel(o.orm);
  const metrics = new WebMetrics(o.orm);
  const health = new HealthService(o.orm, o.temporal);
  const actions = new DossierActions(o.temporal, {
    metrics,
    temporalReachable: () => health.temporalReachable(),
    workflowIdPrefix: o.workflowIdPrefix,
    updateWaitMs: o.updateWaitMs,
    readModel: new ReadModelWatch(o.orm, log),
    log,
  });
  const workflows = { temporal: o.temporal, taskQueue: o.taskQueue, workflowIdPrefix: o.workflowIdPrefix };
  const absences = new AbsenceService(o.orm, workflows, log);
  const attachments = new AttachmentService(
    o.orm,
    createFileStore(o.orm, o.attachments ?? { kind: 'postgres' }),
    o.attachments ? { maxFileBytes: o.attachments.maxFileBytes, maxDossierBytes: o.attachments.maxDossierBytes } : DEFAULT_ATTACHMENT_LIMITS,
  );
  const intake = new IntakeService({
    orm: o.orm,
    temporal: o.temporal,
    taskQueue: o.taskQueue,
    workflowIdPrefix: o.workflowIdPrefix,
    catalog: o.catalog,
    paymentDeadlineMs: o.paymentDeadlineMs,
    reminderLeadMinutes: o.reminderLeadMinutes,
    metrics,
    log,
  });
  return {
    procedures: new Procedures(o.catalog),
    intake,
    attachments,
    counter: new CounterService(o.orm, intake, attachments, actions),
    handover: new HandoverService(o.orm),
    apiClients: new ApiClientAuth(o.orm),
    actions,
    readModel,
    queues: new QueueService(o.orm, readModel.calendar),
    supervision: new SupervisionService(o.orm, readModel.calendar),
    reassignment: new ReassignmentService(o.orm, workflows, absences, log),
    absences,
    inbox: new InboxService(o.orm),
    reports: new ReportService(o.orm, readModel.calendar),
    tasks: new TaskService(readModel),
    calendarAdmin: new CalendarAdmin(o.orm, calendarChanges, log),
    officeHours: new OfficeHoursAdmin(o.orm, calendarChanges),
    documents: new DossierDocuments(o.orm, o.endpoints.publicUrl),
    printedForms: new PrintedForms(o.orm, o.endpoints.publicUrl),
    signIn: new SignInService(o.orm),
    languages: new LanguagePreferences(o.orm),
    sso: o.sso ? new SsoService(o.orm, o.sso, log) : undefined,
    localPasswords: o.localPasswords ?? true,
    auditLog: new AuditLogService(o.orm),
    paymentCallbacks: new PaymentCallbackService(o.orm, actions, o.paymentCallbackSecret, log),
    applicantAccess: new ApplicantAccess(o.secrets.linkSecret),
    codec: new PayloadCodecService(
      o.secrets.payloadKeys,
      { publicUrl: o.endpoints.publicUrl, temporalUi: o.temporalUiOrigin },
      (entry) => appendAudit(o.orm.em.fork(), entry),
      log,
    ),
    health,
    metrics,
    metricsToken: o.metricsToken,
    requestLog: o.logger,
    rateLimits: createRateLimiters(o.orm, o.rateLimits, log),
    publicUrl: o.endpoints.publicUrl,
    mailboxPage: o.mailboxPage,
    deliveries: new DeliveryService(o.orm, { mail: o.endpoints.mailSandboxUrl, sms: o.endpoints.smsSandboxUrl }),
    sessions: {
      store: new PgSessionStore(o.orm),
      secret: o.secrets.sessionSecret,
      secureCookies: o.endpoints.publicUrl.startsWith('https://'),
    },
    log,
  };
}
