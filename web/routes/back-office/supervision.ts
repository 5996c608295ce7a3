/**
 * Where things stand in the agency (what the pages show: view-models/supervision.ts): open
 * dossiers and tasks by how their deadline stands, by department and official, and each
 * official's workload. Supervisors may select tasks and move them (routes/back-office/reassign.ts);
 * leaders see the same pages without the form.
 */
import { type Request, type Response, Router } from 'express';
import { localIsoDate } from '../../../domain/vietnam-time';
import { currentUser, requireOfficial } from '../../middleware/auth';
import type { WebServices } from '../../services';
import type { SupervisionFilter } from '../../services/supervision';
import { parse } from '../../validation';
import { errorPage, REQUEST_INVALID } from '../../view-models/error';
import { type FilterLink, filterQuery, type ReassignForm, supervisionPage, supervisionTasksPage, workloadPage } from '../../view-models/supervision';
import { newRequestId } from '../../request-id';
import { supervisionQuery, supervisionTasksQuery, workloadQuery } from './supervision.schema';

/** Who may look: supervisors act, leaders watch. */
export const WATCHERS = ['supervisor', 'leader'] as const;

/** Links that keep the current filter, with some of it changed (the page number back to 1 unless given). */
export function filterLink(current: SupervisionFilter): FilterLink {
  return (changes, path, extra = {}) => {
    const query = new URLSearchParams({ ...filterQuery({ ...current, page: 1, ...changes }), ...extra }).toString();
    return query ? `${path}?${query}` : path;
  };
}

function badFilter(res: Response, errors: Record<string, string>) {
  res.status(400).render('error', errorPage(REQUEST_INVALID, 'Không hiểu bộ lọc được yêu cầu.', errors));
}

/** The task list, with the reassignment form as the supervisor left it (or empty). */
export async function renderTasks(
  s: WebServices,
  req: Request,
  res: Response,
  options: { filter: SupervisionFilter; selectPage?: boolean; form?: Partial<ReassignForm>; status?: number },
): Promise<void> {
  const user = currentUser(req);
  const { filter } = options;
  const clock = await s.supervision.clock();
  const [counters, tasks, departments, officials, away, recent] = await Promise.all([
    s.supervision.taskCounters(user, filter, clock),
    s.supervision.tasks(user, filter, clock),
    s.supervision.departments(user),
    s.supervision.officials(user),
    s.absences.awayOn(user.agencyId, localIsoDate(clock.now)),
    user.role === 'supervisor' ? s.reassignment.recent(user) : Promise.resolve([]),
  ]);
  const form: ReassignForm = { selected: new Set(), requestId: newRequestId(), ...options.form };
  res.status(options.status ?? 200).render(
    'supervision-tasks',
    supervisionTasksPage({
      user,
      filter,
      clock,
      departments,
      officials,
      link: filterLink(filter),
      counters,
      tasks,
      definitionOf: (t) => s.procedures.find(t),
      away,
      form,
      selectPage: options.selectPage ?? false,
      recent,
    }),
  );
}

export function supervisionRoutes(s: WebServices): Router {
  const router = Router();

  router.get('/giam-sat', requireOfficial(...WATCHERS), async (req, res) => {
    const query = parse(supervisionQuery, req.query);
    if (!query.ok) return badFilter(res, query.errors);
    const user = currentUser(req);
    const filter = query.value;
    const clock = await s.supervision.clock();
    const [dossierCounters, taskCounters, dossiers, departments, officials] = await Promise.all([
      s.supervision.dossierCounters(user, filter, clock),
      s.supervision.taskCounters(user, filter, clock),
      s.supervision.dossiers(user, filter, clock),
      s.supervision.departments(user),
      s.supervision.officials(user),
    ]);
    res.render(
      'supervision',
      supervisionPage({
        user,
        filter,
        clock,
        departments,
        officials,
        link: filterLink(filter),
        counters: { dossiers: dossierCounters, tasks: taskCounters },
        dossiers,
        definitionOf: (d) => s.procedures.find(d),
      }),
    );
  });

  router.get('/giam-sat/nhiem-vu', requireOfficial(...WATCHERS), async (req, res) => {
    const query = parse(supervisionTasksQuery, req.query);
    if (!query.ok) return badFilter(res, query.errors);
    await renderTasks(s, req, res, query.value);
  });

  router.get('/giam-sat/can-bo', requireOfficial(...WATCHERS), async (req, res) => {
    const query = parse(workloadQuery, req.query);
    if (!query.ok) return badFilter(res, query.errors);
    const user = currentUser(req);
    const filter = query.value;
    const clock = await s.supervision.clock();
    const [rows, unassigned, departments, away] = await Promise.all([
      s.supervision.workload(user, filter, clock),
      s.supervision.unassigned(user),
      s.supervision.departments(user),
      s.absences.awayOn(user.agencyId, localIsoDate(clock.now)),
    ]);
    res.render('supervision-workload', workloadPage({ user, filter, clock, departments, link: filterLink(filter), rows, away, unassigned }));
  });

  return router;
}
