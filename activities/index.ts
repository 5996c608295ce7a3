/**
 * Builds the activities from their dependencies (no globals), as
 * samples-typescript/activities-dependency-injection does: the worker passes real clients,
 * tests may pass others.
 */
import type { Client } from '@temporalio/client';
import type { ApplicantLinks } from '../domain/applicant-links';
import type { Orm } from '../db/orm';
import { createAgencyFinder } from './agencies';
import type { CalendarChangeActivities, DossierActivities, SupervisionActivities } from './contract';
import { cachedWorkingCalendar } from '../db/calendar';
import { createCalendarChangeActivities } from './calendar-change';
import { createClockLoader } from './clock';
import { createDeadlinePlanner } from './deadlines';
import { createNotifier } from './notifications';
import type { PaymentGateway } from './payment/gateway-client';
import { createProjection } from './projection';
import { createSupervisionActivities } from './reassignment';
import type { RegistryClient } from './registries/registry-client';
import { createCheckRunner } from './registries/checks';
import { createResultIssuer } from './results';

export interface ActivityDeps {
  orm: Orm;
  registry: RegistryClient;
  payment: PaymentGateway;
  links: ApplicantLinks;
  cutoffHour: number;
  /** Bulk reassignments and absences send the dossier workflows their Updates through it. */
  temporal: Client;
  /** The deployment's workflow-id prefix (TEMPORAL_WORKFLOW_ID_PREFIX), to find the dossiers' workflows. */
  workflowIdPrefix: string;
  log: (line: string) => void;
}

export function createActivities(deps: ActivityDeps): DossierActivities & SupervisionActivities & CalendarChangeActivities {
  return {
    ...createSupervisionActivities(deps),
    ...createCalendarChangeActivities(deps.orm),
    projectDossier: createProjection(deps.orm, deps.links, deps.log),
    planDeadline: createDeadlinePlanner(deps.orm, deps.cutoffHour),
    loadClock: createClockLoader(deps.orm),
    findAgency: createAgencyFinder(deps.orm),
    runCheck: createCheckRunner(deps.registry, { calendar: cachedWorkingCalendar(deps.orm) }),
    requestPayment: (input) => deps.payment.requestPayment(input),
    cancelPayment: (input) => deps.payment.cancelPayment(input),
    issueResult: createResultIssuer(deps.orm),
    notifyApplicant: createNotifier(deps.orm, deps.links, deps.log),
  };
}
