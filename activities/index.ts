/**
 * Builds the activities from their dependencies (no globals), as
 * samples-typescript/activities-dependency-injection does: the worker passes real clients,
 * tests may pass others.
 */
import type { ApplicantLinks } from '../domain/applicant-links';
import type { Orm } from '../db/orm';
import { createAgencyFinder } from './agencies';
import type { DossierActivities } from './contract';
import { cachedWorkingCalendar } from '../db/calendar';
import { createDeadlinePlanner } from './deadlines';
import { createNotifier } from './notifications';
import type { PaymentGateway } from './payment/gateway-client';
import { createProjection } from './projection';
import type { RegistryClient } from './registries/registry-client';
import { createCheckRunner } from './registries/checks';
import { createResultIssuer } from './results';

export interface ActivityDeps {
  orm: Orm;
  registry: RegistryClient;
  payment: PaymentGateway;
  links: ApplicantLinks;
  cutoffHour: number;
  log: (line: string) => void;
}

export function createActivities(deps: ActivityDeps): DossierActivities {
  return {
    projectDossier: createProjection(deps.orm, deps.links, deps.log),
    planDeadline: createDeadlinePlanner(deps.orm, deps.cutoffHour),
    findAgency: createAgencyFinder(deps.orm),
    runCheck: createCheckRunner(deps.registry, { calendar: cachedWorkingCalendar(deps.orm) }),
    requestPayment: (input) => deps.payment.requestPayment(input),
    cancelPayment: (input) => deps.payment.cancelPayment(input),
    issueResult: createResultIssuer(deps.orm),
    notifyApplicant: createNotifier(deps.orm, deps.links, deps.log),
  };
}
