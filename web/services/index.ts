/**
 * What the web layer needs, built once per process and handed to createApp. Routes get named
 * services only; the ORM and the Temporal client stay in here (and the session store, which
 * app.ts wires).
 */
import type { Client } from '@temporalio/client';
import type { Endpoints, Secrets } from '../../config/endpoints';
import type { Orm } from '../../db/orm';
import type { Catalog } from '../../engine/catalog';
import { PgSessionStore, type SessionSettings } from '../middleware/session';
import { AbsenceService } from './absences';
import { ApplicantAccess } from './applicant-access';
import { CalendarAdmin } from './calendar-admin';
import { type CalendarChanges, TemporalCalendarChanges } from './calendar-changes';
import { OfficeHoursAdmin } from './calendar-office-hours';
import { DossierActions } from './dossier-actions';
import { ReadModelWatch } from './read-model-watch';
import { DossierDocuments } from './documents';
import { InboxService } from './inbox';
import { IntakeService } from './intake';
import { PaymentCallbackService } from './payment-callbacks';
import { Procedures } from './procedures';
import { ReadModel } from './read-model';
import { ReassignmentService } from './reassignment';
import { ReportService } from './reports';
import { SignInService } from './sign-in';
import { SupervisionService } from './supervision';
import { TaskService } from './tasks';

export interface WebServices {
  procedures: Procedures;
  intake: IntakeService;
  actions: DossierActions;
  readModel: ReadModel;
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
  signIn: SignInService;
  paymentCallbacks: PaymentCallbackService;
  applicantAccess: ApplicantAccess;
  /** Where applicants reach this site, for links shown to them. */
  publicUrl: string;
  mailboxPage: boolean;
  /** App wiring, not for routes. */
  sessions: SessionSettings;
  log: (line: string) => void;
}

export interface WebServiceOptions {
  orm: Orm;
  temporal: Client;
  taskQueue: string;
  workflowIdPrefix: string;
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
  /** Tells open dossiers the calendar changed (default: nobody is told). */
  calendarChanges?: CalendarChanges;
}

export function createWebServices(o: WebServiceOptions): WebServices {
  const log = o.log ?? console.log;
  const calendarChanges = o.calendarChanges ?? new TemporalCalendarChanges(o.temporal, o.taskQueue, o.workflowIdPrefix);
  const readModel = new ReadModel(o.orm);
  const actions = new DossierActions(o.temporal, {
    workflowIdPrefix: o.workflowIdPrefix,
    updateWaitMs: o.updateWaitMs,
    readModel: new ReadModelWatch(o.orm, log),
    log,
  });
  const workflows = { temporal: o.temporal, taskQueue: o.taskQueue, workflowIdPrefix: o.workflowIdPrefix };
  const absences = new AbsenceService(o.orm, workflows, log);
  return {
    procedures: new Procedures(o.catalog),
    intake: new IntakeService({
      orm: o.orm,
      temporal: o.temporal,
      taskQueue: o.taskQueue,
      workflowIdPrefix: o.workflowIdPrefix,
      catalog: o.catalog,
      paymentDeadlineMs: o.paymentDeadlineMs,
      reminderLeadMinutes: o.reminderLeadMinutes,
      log,
    }),
    actions,
    readModel,
    supervision: new SupervisionService(o.orm, readModel.calendar),
    reassignment: new ReassignmentService(o.orm, workflows, absences, log),
    absences,
    inbox: new InboxService(o.orm),
    reports: new ReportService(o.orm, readModel.calendar),
    tasks: new TaskService(readModel),
    calendarAdmin: new CalendarAdmin(o.orm, calendarChanges, log),
    officeHours: new OfficeHoursAdmin(o.orm, calendarChanges),
    documents: new DossierDocuments(o.orm, o.endpoints.publicUrl),
    signIn: new SignInService(o.orm),
    paymentCallbacks: new PaymentCallbackService(o.orm, actions, o.paymentCallbackSecret, log),
    applicantAccess: new ApplicantAccess(o.secrets.linkSecret),
    publicUrl: o.endpoints.publicUrl,
    mailboxPage: o.mailboxPage,
    sessions: {
      store: new PgSessionStore(o.orm),
      secret: o.secrets.sessionSecret,
      secureCookies: o.endpoints.publicUrl.startsWith('https://'),
    },
    log,
  };
}
