/**
 * The queues (/cong-viec) and the archive (/ho-so): tabs with their counters, the search form
 * with what was typed, rows that tell dossiers apart (code, applicant, masked citizen ID,
 * procedure, status, due date and where it stands), claim and release buttons, and the link to
 * the next page. The applicant's name is masked when the procedure marks it personal.
 */
import { maskTail } from '../../domain/personal-data';
import { displayedStatus, endedWithoutResult, PORTAL_STATUS_CODES, portalStatusLabel } from '../../domain/portal-status';
import { ROLE_LABELS, isTaskRole } from '../../domain/roles';
import type { WorkingCalendar } from '../../domain/working-days';
import type { ProcedureDefinition } from '../../engine/definition';
import { newRequestId } from '../request-id';
import type { FieldErrors } from '../validation';
import type { SessionUser } from '../session-user';
import { type Channel, COUNT_CAP, type QueueListRow, type QueueResult, type QueueTab } from '../services/queues';
import { deadlineState, dossierDeadline } from './deadline';
import { dateText, dateTimeText } from './format';
import { listedApplicantName } from './personal';

export interface QueueRetry {
  code: string;
  taskId: string;
  /** The claim's request id, kept so claiming again retries the same update. */
  requestId: string;
}

/** Where each list lives: the archive has its own address, the queues one with `danh-sach`. */
const TAB_PATHS: Record<QueueTab, { path: string; slug?: string; label: string }> = {
  open: { path: '/cong-viec', label: 'Việc cần làm' },
  mine: { path: '/cong-viec', slug: 'cua-toi', label: 'Của tôi' },
  group: { path: '/cong-viec', slug: 'cho-nhan', label: 'Chờ nhận' },
  'due-soon': { path: '/cong-viec', slug: 'sap-den-han', label: 'Sắp đến hạn' },
  overdue: { path: '/cong-viec', slug: 'qua-han', label: 'Quá hạn' },
  returned: { path: '/cong-viec', slug: 'tra-lai', label: 'Bị trả lại' },
  handled: { path: '/cong-viec', slug: 'da-xu-ly', label: 'Đã xử lý' },
  archive: { path: '/ho-so', label: 'Tất cả hồ sơ' },
};

/** Every channel a dossier can come in by (a Record: a new channel fails to compile until it has its label here). */
const CHANNEL_NAMES: Record<Channel, string> = {
  online: 'Trực tuyến',
  api: 'Qua API (Cổng Dịch vụ công)',
  counter: 'Tại quầy',
  post: 'Qua bưu chính',
};
const CHANNEL_OPTIONS = Object.entries(CHANNEL_NAMES).map(([value, label]) => ({ value, label }));

const SORT_OPTIONS = [
  { value: 'han', label: 'Hạn xử lý (gần nhất trước)' },
  { value: 'ngay-nhan', label: 'Ngày nhận (mới nhất trước)' },
];

export type QueueValues = Record<'q' | 'thu-tuc' | 'trang-thai' | 'kenh' | 'tu-ngay' | 'den-ngay' | 'sap-xep', string>;

/** The list's address with the search kept (and a cursor, for the next page). */
export function listHref(tab: QueueTab, values: Partial<QueueValues>, after?: string): string {
  const { path, slug } = TAB_PATHS[tab];
  const params = new URLSearchParams();
  if (slug) params.set('danh-sach', slug);
  for (const [key, value] of Object.entries(values)) if (value && key !== 'sap-xep') params.set(key, value);
  if (values['sap-xep']) params.set('sap-xep', values['sap-xep']);
  if (after) params.set('sau', after);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

function countText(tab: QueueTab, n: number): string {
  const cap = tab === 'archive' || tab === 'handled' ? COUNT_CAP[tab] : undefined;
  return cap !== undefined && n > cap ? `${cap.toLocaleString('vi-VN')}+` : n.toLocaleString('vi-VN');
}

export function queuePage(input: {
  user: SessionUser;
  tab: QueueTab;
  result: QueueResult;
  calendar: WorkingCalendar;
  definitionOf: (dossier: { procedureCode: string; procedureVersion: number }) => ProcedureDefinition | undefined;
  procedures: readonly { code: string; name: string }[];
  /** What the search form had, as typed (kept through errors). */
  values: QueueValues;
  errors?: FieldErrors;
  error?: string;
  retry?: QueueRetry;
  now?: Date;
}) {
  const { user, tab, result, calendar, retry, values } = input;
  const now = input.now ?? new Date();
  const taskRole = isTaskRole(user.role);
  const tabs = (Object.keys(TAB_PATHS) as QueueTab[])
    .filter((t) => taskRole || t === 'archive')
    .map((t) => ({
      key: t,
      label: TAB_PATHS[t].label,
      count: countText(t, result.counts[t]),
      href: listHref(t, values),
      current: t === tab,
    }));
  const rows = result.rows.map((row: QueueListRow) => {
    const task = row.task;
    const mine = !!task && task.assigneeId === user.id;
    const claimable = !!task && task.assigneeId === null;
    return {
      code: row.code,
      href: `/ho-so/${encodeURIComponent(row.code)}`,
      applicantName: listedApplicantName(row.applicantName, input.definitionOf(row)),
      citizenId: maskTail(row.applicantCitizenId),
      procedureName: row.procedureName,
      status: portalStatusLabel(displayedStatus(row)),
      channel: CHANNEL_OPTIONS.find((c) => c.value === row.channel)?.label ?? row.channel,
      receivedAt: dateTimeText(row.submittedAt),
      // A dossier that ended without a result (refused, stopped) shows no appointment nor standing.
      dueAt: dateText(task ? task.dueAt : endedWithoutResult(row) ? null : row.appointmentAt),
      deadline: task ? deadlineState(task.dueAt, null, calendar, now) : dossierDeadline(row, calendar, now),
      taskId: task?.key,
      taskName: task?.name,
      holder: task ? (mine ? 'Bạn' : (task.assigneeName ?? (task.assignedGroup ? `Nhóm: ${task.assignedGroup}` : 'Chưa có người nhận'))) : undefined,
      handoverNote: task?.handoverNote ?? undefined,
      claimable,
      releasable: mine,
      requestId: retry && task && retry.code === row.code && retry.taskId === task.key ? retry.requestId : newRequestId(),
    };
  });
  const errors = input.errors ?? {};
  return {
    title: tab === 'archive' ? 'Tra cứu hồ sơ của cơ quan' : 'Hồ sơ cần xử lý',
    subtitle: `${ROLE_LABELS[user.role]} · ${user.agencyName}`,
    tab,
    tabLabel: TAB_PATHS[tab].label,
    tabs,
    isTaskList: !!result.rows[0]?.task || !['handled', 'archive'].includes(tab),
    rows,
    action: TAB_PATHS[tab].path,
    tabSlug: TAB_PATHS[tab].slug,
    values,
    errors,
    errorList: Object.values(errors),
    error: input.error,
    staleCursor: result.staleCursor,
    /** Said when no name started with the words typed and names containing them are shown instead. */
    containsNotice:
      result.nameMatch === 'contains' && values.q.trim()
        ? `Không có họ tên nào bắt đầu bằng “${values.q.trim()}”; đang hiển thị các họ tên có tên đệm hoặc tên bắt đầu bằng cụm từ này.`
        : undefined,
    next: result.next ? listHref(tab, { ...values, 'sap-xep': values['sap-xep'] }, result.next) : undefined,
    first: values ? listHref(tab, values) : undefined,
    paged: !!input.values && result.rows.length > 0,
    procedures: input.procedures.map((p) => ({ value: p.code, label: p.name })),
    statuses: PORTAL_STATUS_CODES.map((code) => ({ value: String(code), label: portalStatusLabel(code) })),
    channels: CHANNEL_OPTIONS,
    sorts: SORT_OPTIONS,
    sortValue: values['sap-xep'] || (result.sort === 'due' ? 'han' : 'ngay-nhan'),
  };
}
