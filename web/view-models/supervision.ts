/**
 * The supervision pages: where things stand in the agency (dossiers, tasks, each official's
 * workload), the form that moves many tasks at once, and a batch's outcome. Every deadline is
 * classified by the legal clock's `deadlineState` (domain/legal-clock.ts), as the workflow and
 * the reports classify it. The applicant's name is masked when the procedure marks it personal.
 * Leaders see the same pages without the means to act.
 */
import { deadlineState } from '../../domain/legal-clock';
import { portalStatusLabel } from '../../domain/portal-status';
import { ROLE_LABELS, TASK_ROLES, type TaskRole } from '../../domain/roles';
import { formatVietnameseDate, localIsoDate } from '../../domain/vietnam-time';
import { workingDaysBetween } from '../../domain/working-days';
import type { ProcedureDefinition } from '../../engine/definition';
import { DEADLINE_LABELS, DEADLINE_STATE_LABELS, MOVE_STATUS_LABELS } from '../labels';
import type { AwayToday } from '../services/absences';
import type { BatchSummary, BatchView, Refusal } from '../services/reassignment';
import {
  type Counters,
  type DossierRow,
  type OfficialOption,
  type Page,
  SOON_WORKING_DAYS,
  type SupervisionClock,
  type SupervisionFilter,
  type SupervisionState,
  type TaskRow,
  type WorkloadRow,
} from '../services/supervision';
import type { SessionUser } from '../session-user';
import type { FieldErrors } from '../validation';
import { dateText, dateTimeText } from './format';
import { listedApplicantName } from './personal';

/** A link to a supervision page with the filter changed as given (the page number reset unless given), and other parameters. */
export type FilterLink = (changes: Partial<SupervisionFilter>, path: string, extra?: Record<string, string>) => string;

/** The words of the query string, and what they mean. */
export const STATE_SLUGS = { 'qua-han': 'overdue', 'sap-den-han': 'due-soon', 'tam-dung': 'paused', 'gan-co': 'flagged' } as const satisfies Record<string, SupervisionState>;
export const ROLE_SLUGS = { 'tiep-nhan': 'receiver', 'chuyen-vien': 'specialist', 'lanh-dao': 'leader' } as const satisfies Record<string, TaskRole>;

const slugOf = <T extends string>(slugs: Record<string, T>, value: T | undefined) => Object.entries(slugs).find(([, v]) => v === value)?.[0];
export const stateSlug = (state: SupervisionState | undefined) => slugOf<SupervisionState>(STATE_SLUGS, state);
export const roleSlug = (role: TaskRole | undefined) => slugOf<TaskRole>(ROLE_SLUGS, role);

/** The query string of a filter, for links that keep it. */
export function filterQuery(filter: Partial<SupervisionFilter>): Record<string, string> {
  const query: Record<string, string> = {};
  const state = stateSlug(filter.state);
  const role = roleSlug(filter.role);
  if (state) query.loc = state;
  if (filter.department) query.phong = filter.department;
  if (filter.officialId) query['can-bo'] = String(filter.officialId);
  if (role) query['vai-tro'] = role;
  if (filter.page && filter.page > 1) query.trang = String(filter.page);
  return query;
}

export interface Badge {
  tone: 'ok' | 'soon' | 'today' | 'overdue' | 'paused';
  label: string;
}

/** A due date as a badge: the state `deadlineState` gives, and how many working days are left or late. */
export function deadlineBadge(dueAt: Date | null, paused: boolean, clock: SupervisionClock): Badge | undefined {
  if (!dueAt) return undefined;
  const state = deadlineState(dueAt, { now: clock.now, paused, soonWorkingDays: SOON_WORKING_DAYS }, clock.calendar);
  const left = workingDaysBetween(localIsoDate(clock.now), localIsoDate(dueAt), clock.calendar);
  switch (state) {
    case 'paused':
      return { tone: 'paused', label: DEADLINE_STATE_LABELS.paused };
    case 'overdue':
      return { tone: 'overdue', label: DEADLINE_LABELS.overdue(Math.max(1, -left)) };
    case 'due-soon':
      return left <= 0 ? { tone: 'today', label: DEADLINE_LABELS.today } : { tone: 'soon', label: DEADLINE_LABELS.left(left) };
    default:
      return { tone: 'ok', label: DEADLINE_LABELS.left(left) };
  }
}

const FILTER_NAMES: Record<SupervisionState, string> = {
  overdue: 'quá hạn',
  'due-soon': 'sắp đến hạn',
  paused: 'tạm dừng',
  flagged: 'đã báo quá hạn cho giám sát',
};

const TABS = [
  { href: '/giam-sat', label: 'Hồ sơ' },
  { href: '/giam-sat/nhiem-vu', label: 'Nhiệm vụ' },
  { href: '/giam-sat/can-bo', label: 'Khối lượng theo cán bộ' },
  { href: '/giam-sat/vang-mat', label: 'Vắng mặt, ủy quyền' },
  { href: '/giam-sat/tin-nhan-loi', label: 'Tin nhắn gửi lỗi' },
];

/** The tabs of the supervision pages. */
export function supervisionTabs(current: string) {
  return TABS.map((t) => ({ ...t, current: t.href === current }));
}

const stateOptions = (states: readonly SupervisionState[], filter: SupervisionFilter) =>
  states.map((s) => ({ slug: stateSlug(s), label: FILTER_NAMES[s], selected: s === filter.state }));

/** The filter form's choices, and the filter in words. */
function filterBox(filter: SupervisionFilter, departments: readonly string[], officials: readonly OfficialOption[], link: FilterLink, path: string) {
  const parts = [
    filter.state && FILTER_NAMES[filter.state],
    filter.department,
    filter.officialId && (officials.find((o) => o.id === filter.officialId)?.name ?? `cán bộ số ${filter.officialId}`),
    filter.role && ROLE_LABELS[filter.role].toLowerCase(),
  ].filter(Boolean);
  return {
    departments: departments.map((d) => ({ value: d, selected: d === filter.department })),
    officials: officials.map((o) => ({ value: String(o.id), label: `${o.name} (${ROLE_LABELS[o.role]})`, selected: o.id === filter.officialId })),
    roles: TASK_ROLES.map((r) => ({ slug: roleSlug(r), label: ROLE_LABELS[r], selected: r === filter.role })),
    state: filter.state,
    described: parts.length ? `Lọc: ${parts.join(', ')}` : undefined,
    clear: parts.length ? link({ state: undefined, department: undefined, officialId: undefined, role: undefined }, path) : undefined,
  };
}

function pager(page: Page<unknown>, link: FilterLink, path: string) {
  return {
    page: page.page,
    pages: page.pages,
    total: page.total,
    previous: page.page > 1 ? link({ page: page.page - 1 }, path) : undefined,
    next: page.page < page.pages ? link({ page: page.page + 1 }, path) : undefined,
  };
}

function counterLinks(counters: Counters, link: FilterLink, path: string) {
  const of = (state: SupervisionState | undefined, label: string, count: number | undefined, tone: string) =>
    count === undefined ? [] : [{ href: link({ state }, path), label, count, tone }];
  return [
    ...of(undefined, 'đang mở', counters.open, ''),
    ...of('overdue', 'quá hạn', counters.overdue, 'overdue'),
    ...of('due-soon', 'sắp đến hạn', counters.dueSoon, 'soon'),
    ...of('paused', 'tạm dừng', counters.paused, ''),
    ...of('flagged', 'đã báo quá hạn', counters.flagged, 'overdue'),
  ];
}

interface Common {
  user: SessionUser;
  filter: SupervisionFilter;
  clock: SupervisionClock;
  departments: readonly string[];
  officials: readonly OfficialOption[];
  link: FilterLink;
}

const holderText = (h: DossierRow['holders'][number]) =>
  `${h.taskName}: ${h.assigneeName ?? (h.group ? `${h.group} (chưa ai nhận)` : `chưa nhận (${ROLE_LABELS[h.role]})`)}`;

/** Open dossiers of the agency, by how their deadline stands. */
export function supervisionPage(
  input: Common & { counters: { dossiers: Counters; tasks: Counters }; dossiers: Page<DossierRow>; definitionOf: (d: DossierRow) => ProcedureDefinition | undefined },
) {
  const { clock, link } = input;
  const rows = input.dossiers.rows.map((d) => {
    const deadline = deadlineBadge(d.appointmentAt, d.pausedSince !== null, clock);
    return {
      code: d.code,
      href: `/ho-so/${encodeURIComponent(d.code)}`,
      procedureName: d.procedureName,
      applicantName: listedApplicantName(d.applicantName, input.definitionOf(d)),
      statusLabel: portalStatusLabel(d.status),
      stepName: d.stepName,
      holders: d.holders.map(holderText),
      appointmentAt: dateText(d.appointmentAt) || '—',
      deadline,
      overdue: deadline?.tone === 'overdue',
    };
  });
  return {
    title: 'Giám sát tiến độ',
    subtitle: `${input.user.agencyName} · thời hạn tính theo ngày làm việc`,
    tabs: supervisionTabs('/giam-sat'),
    heading: input.filter.state ? `Hồ sơ ${FILTER_NAMES[input.filter.state]}` : 'Hồ sơ đang giải quyết',
    counters: counterLinks(input.counters.dossiers, link, '/giam-sat'),
    taskCounters: counterLinks(input.counters.tasks, link, '/giam-sat/nhiem-vu'),
    filters: filterBox(input.filter, input.departments, input.officials, link, '/giam-sat'),
    stateOptions: stateOptions(['overdue', 'due-soon', 'paused'], input.filter),
    rows,
    pager: pager(input.dossiers, link, '/giam-sat'),
  };
}

/** What the reassignment form holds: the chosen tasks and target, the reason, the request id (the batch's id). */
export interface ReassignForm {
  selected: ReadonlySet<number>;
  target?: string;
  reason?: string;
  requestId: string;
  errors?: FieldErrors;
  refusal?: Refusal;
}

/** Open tasks of the agency, and (for supervisors) the form that moves the chosen ones. */
export function supervisionTasksPage(
  input: Common & {
    counters: Counters;
    tasks: Page<TaskRow>;
    definitionOf: (t: TaskRow) => ProcedureDefinition | undefined;
    away: ReadonlyMap<number, AwayToday>;
    form: ReassignForm;
    selectPage: boolean;
    recent: BatchSummary[];
  },
) {
  const { clock, link, form } = input;
  const canReassign = input.user.role === 'supervisor';
  const refusal = form.refusal;
  const rows = input.tasks.rows.map((t) => {
    const deadline = deadlineBadge(t.dueAt, t.pausedSince !== null, clock);
    const refused = refusal?.tasks.get(t.id);
    return {
      id: String(t.id),
      checked: input.selectPage || form.selected.has(t.id),
      code: t.dossierCode,
      href: `/ho-so/${encodeURIComponent(t.dossierCode)}`,
      procedureName: t.procedureName,
      applicantName: listedApplicantName(t.applicantName, input.definitionOf(t)),
      taskName: t.name,
      roleLabel: ROLE_LABELS[t.role],
      holder: t.assigneeName ?? (t.assignedGroup ? `${t.assignedGroup} (chưa ai nhận)` : 'Chưa ai nhận'),
      department: t.department ?? '—',
      openedAt: dateTimeText(t.createdAt),
      dueAt: dateTimeText(t.dueAt) || '—',
      deadline,
      flagged: t.escalatedAt ? `Đã báo giám sát lúc ${dateTimeText(t.escalatedAt)}` : undefined,
      refused: refused?.reason,
      highlight: !!refused || deadline?.tone === 'overdue',
    };
  });
  // Refusals of tasks no longer on this page (finished meanwhile, another agency's) are listed too.
  const onPage = new Set(input.tasks.rows.map((t) => t.id));
  const elsewhere = [...(refusal?.tasks ?? [])].filter(([id]) => !onPage.has(id)).map(([, r]) => (r.task ? `${r.task}: ${r.reason}` : r.reason));
  const targets = {
    officials: input.officials
      .filter((o) => o.active)
      .map((o) => {
        const away = input.away.get(o.id);
        const value = `can-bo:${o.id}`;
        return {
          value,
          label: `${o.name} · ${ROLE_LABELS[o.role]}${o.department ? ` · ${o.department}` : ''}${away ? ` (vắng mặt đến ${formatVietnameseDate(away.toDay)})` : ''}`,
          selected: form.target === value,
        };
      }),
    // Departments with someone who works tasks: the others could take none.
    groups: input.departments
      .filter((d) => input.officials.some((o) => o.active && o.department === d))
      .map((d) => ({ value: `phong:${d}`, label: d, selected: form.target === `phong:${d}` })),
  };
  return {
    title: 'Giám sát nhiệm vụ',
    subtitle: `${input.user.agencyName} · ${canReassign ? 'chọn nhiệm vụ để phân công lại' : 'chỉ xem'}`,
    tabs: supervisionTabs('/giam-sat/nhiem-vu'),
    heading: input.filter.state ? `Nhiệm vụ ${FILTER_NAMES[input.filter.state]}` : 'Nhiệm vụ đang mở',
    counters: counterLinks(input.counters, link, '/giam-sat/nhiem-vu'),
    filters: filterBox(input.filter, input.departments, input.officials, link, '/giam-sat/nhiem-vu'),
    stateOptions: stateOptions(['overdue', 'due-soon', 'paused', 'flagged'], input.filter),
    rows,
    pager: pager(input.tasks, link, '/giam-sat/nhiem-vu'),
    canReassign,
    selectPageHref: link({ page: input.tasks.page }, '/giam-sat/nhiem-vu', { chon: 'trang' }),
    form: {
      targets,
      reason: form.reason ?? '',
      requestId: form.requestId,
      errors: form.errors ?? {},
      /** The list's filter travels in the address, so a refusal shows the same list. */
      action: link({ page: input.tasks.page }, '/giam-sat/phan-cong'),
    },
    refusal: refusal && {
      summary: `Không phân công lại: ${refusal.general.length ? 'yêu cầu chưa hợp lệ' : `${refusal.tasks.size} nhiệm vụ không chuyển được`}. Chưa nhiệm vụ nào bị thay đổi.`,
      general: refusal.general,
      elsewhere,
    },
    recent: input.recent.map((b) => ({
      href: `/giam-sat/phan-cong/${encodeURIComponent(b.id)}`,
      text: `${dateTimeText(b.createdAt)} · ${b.actorName} giao ${b.taskCount} nhiệm vụ cho ${b.targetLabel}${b.finishedAt ? '' : ' (đang chuyển)'}`,
    })),
  };
}

/** Each official's open tasks, overdue ones and their average age. */
export function workloadPage(input: Omit<Common, 'officials'> & { rows: WorkloadRow[]; away: ReadonlyMap<number, AwayToday>; unassigned: { role: TaskRole; group: string | null; open: number }[] }) {
  const { link } = input;
  const rows = input.rows.map((r) => {
    const away = input.away.get(r.id);
    return {
      name: r.name,
      roleLabel: ROLE_LABELS[r.role],
      department: r.department ?? '—',
      state: !r.active ? 'Ngừng hoạt động' : away ? `Vắng mặt đến ${formatVietnameseDate(away.toDay)} (ủy quyền cho ${away.delegateName})` : 'Đang làm việc',
      open: r.open,
      overdue: r.overdue,
      flagged: r.flagged,
      averageAge: r.averageAgeDays === null ? '—' : `${r.averageAgeDays.toFixed(1).replace('.', ',')} ngày làm việc`,
      tasksHref: link({ officialId: r.id, department: undefined, role: undefined, state: undefined }, '/giam-sat/nhiem-vu'),
      overdueHref: link({ officialId: r.id, department: undefined, role: undefined, state: 'overdue' }, '/giam-sat/nhiem-vu'),
      highlight: r.overdue > 0,
    };
  });
  return {
    title: 'Khối lượng công việc theo cán bộ',
    subtitle: `${input.user.agencyName} · tuổi nhiệm vụ tính theo ngày làm việc`,
    tabs: supervisionTabs('/giam-sat/can-bo'),
    filters: filterBox(input.filter, input.departments, [], link, '/giam-sat/can-bo'),
    rows,
    totals: {
      open: input.rows.reduce((n, r) => n + r.open, 0),
      overdue: input.rows.reduce((n, r) => n + r.overdue, 0),
    },
    unassigned: input.unassigned.map((u) => ({
      label: u.group ? `Giao cho ${u.group} (${ROLE_LABELS[u.role].toLowerCase()})` : `Chờ ${ROLE_LABELS[u.role].toLowerCase()} nhận`,
      open: u.open,
    })),
  };
}

/** A batch of moves and what became of each task; the page reloads itself until every task has an outcome. */
export function batchPage(user: SessionUser, batch: BatchView) {
  const count = (status: string) => batch.items.filter((i) => i.status === status).length;
  const pending = count('pending');
  const finished = batch.finishedAt !== null && pending === 0;
  return {
    title: 'Kết quả phân công lại',
    subtitle: `${user.agencyName} · ${dateTimeText(batch.createdAt)}`,
    tabs: supervisionTabs(''),
    finished,
    heading:
      batch.kind === 'absence'
        ? `Ủy quyền cho ${batch.targetLabel}`
        : `${batch.actorName} giao ${batch.taskCount} nhiệm vụ cho ${batch.targetLabel}`,
    reason: batch.reason,
    summary: [
      { label: MOVE_STATUS_LABELS.moved, count: count('moved'), tone: 'ok' },
      { label: MOVE_STATUS_LABELS.refused, count: count('refused'), tone: 'overdue' },
      { label: MOVE_STATUS_LABELS.skipped, count: count('skipped'), tone: '' },
      { label: MOVE_STATUS_LABELS.failed, count: count('failed'), tone: 'overdue' },
      { label: MOVE_STATUS_LABELS.pending, count: pending, tone: 'soon' },
    ].filter((s) => s.count > 0),
    items: batch.items.map((i) => ({
      code: i.dossierCode,
      href: `/ho-so/${encodeURIComponent(i.dossierCode)}`,
      taskName: i.taskName,
      direction: i.direction === 'back' ? 'Trả lại' : 'Chuyển đi',
      status: i.status,
      statusLabel: MOVE_STATUS_LABELS[i.status],
      tone: i.status === 'moved' ? 'ok' : i.status === 'pending' ? 'soon' : i.status === 'skipped' ? '' : 'overdue',
      message: i.message ?? '',
    })),
    showDirection: batch.kind === 'absence',
  };
}
