/**
 * The queues' and the archive's query string, and the claim and release forms.
 *
 * Query: `danh-sach` (which queue), `q` (dossier code, citizen ID or applicant name), `thu-tuc`,
 * `trang-thai`, `kenh`, `tu-ngay`, `den-ngay` (received, dd from YYYY-MM-DD), `sap-xep` (`han`,
 * `ngay-nhan`), `sau` (the cursor of the page before). Each value is checked on its own: a wrong
 * one gets its own Vietnamese message and is left out of the search, the others still apply, and
 * what was typed is shown again as typed.
 */
import { PORTAL_STATUS_CODES } from '../../../domain/portal-status';
import type { Channel, QueueQuery, QueueSort, TaskTab } from '../../services/queues';
import { type FieldErrors, formWith, printable, requestIdField, requiredText, token } from '../../validation';

export const claimFromQueueBody = formWith({
  code: requiredText('mã hồ sơ', 60),
  taskId: token('mã nhiệm vụ'),
  requestId: requestIdField,
});

/** Giving a claimed task back to its group: the same fields as claiming it. */
export const releaseFromQueueBody = claimFromQueueBody;

/** The longest search string taken: a name, a code or a citizen ID is far shorter. */
export const MAX_SEARCH = 200;

export const TAB_SLUGS: Record<string, TaskTab | 'handled'> = {
  'cua-toi': 'mine',
  'cho-nhan': 'group',
  'sap-den-han': 'due-soon',
  'qua-han': 'overdue',
  'tra-lai': 'returned',
  'da-xu-ly': 'handled',
};
export const SORT_SLUGS: Record<string, QueueSort> = { han: 'due', 'ngay-nhan': 'received' };
const CHANNELS: readonly Channel[] = ['online', 'api', 'counter', 'post'];

/** What the search form shows again: every value as it was typed. */
export type QueueFormValues = Record<'danh-sach' | 'q' | 'thu-tuc' | 'trang-thai' | 'kenh' | 'tu-ngay' | 'den-ngay' | 'sap-xep' | 'sau', string>;

export interface ParsedQueueQuery {
  query: Omit<QueueQuery, 'tab'> & { tab?: QueueQuery['tab'] };
  values: QueueFormValues;
  errors: FieldErrors;
}

const KEYS: (keyof QueueFormValues)[] = ['danh-sach', 'q', 'thu-tuc', 'trang-thai', 'kenh', 'tu-ngay', 'den-ngay', 'sap-xep', 'sau'];

function isoDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const at = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 10) === text;
}

export function parseQueueQuery(raw: Record<string, unknown>): ParsedQueueQuery {
  const errors: FieldErrors = {};
  const values = {} as QueueFormValues;
  for (const key of KEYS) {
    const value = raw[key];
    if (value === undefined) values[key] = '';
    else if (typeof value === 'string') values[key] = value;
    else {
      values[key] = '';
      errors[key] = 'Mỗi mục tìm kiếm chỉ nhận một giá trị.';
    }
  }
  const query: ParsedQueueQuery['query'] = {};

  const tab = values['danh-sach'];
  if (tab) {
    if (TAB_SLUGS[tab]) query.tab = TAB_SLUGS[tab];
    else errors['danh-sach'] = `Danh sách không hợp lệ; chỉ nhận: ${Object.keys(TAB_SLUGS).map((k) => `"${k}"`).join(', ')}.`;
  }

  const q = values.q.trim();
  if (q.length > MAX_SEARCH) {
    errors.q = `Từ khoá tìm kiếm dài ${q.length.toLocaleString('vi-VN')} ký tự, quá giới hạn ${MAX_SEARCH} ký tự. Hãy nhập mã hồ sơ, số định danh hoặc họ tên người nộp; các bộ lọc khác vẫn được giữ.`;
  } else if (!printable(q)) {
    errors.q = 'Từ khoá tìm kiếm chứa ký tự điều khiển không hợp lệ; hãy nhập lại. Các bộ lọc khác vẫn được giữ.';
  } else if (q) query.q = q;

  const procedure = values['thu-tuc'].trim();
  if (procedure) {
    if (/^[A-Za-z0-9._-]{1,40}$/.test(procedure)) query.procedure = procedure;
    else errors['thu-tuc'] = 'Mã thủ tục không hợp lệ.';
  }

  const status = values['trang-thai'].trim();
  if (status) {
    if (/^\d{1,2}$/.test(status) && PORTAL_STATUS_CODES.includes(Number(status) as never)) query.status = Number(status);
    else errors['trang-thai'] = 'Trạng thái không hợp lệ; hãy chọn trong danh sách.';
  }

  const channel = values.kenh.trim();
  if (channel) {
    if ((CHANNELS as readonly string[]).includes(channel)) query.channel = channel as Channel;
    else errors.kenh = 'Kênh nộp không hợp lệ; chỉ nhận: trực tuyến (online), API (api), tại quầy (counter).';
  }

  for (const [key, label, field] of [
    ['tu-ngay', 'Từ ngày', 'from'],
    ['den-ngay', 'Đến ngày', 'to'],
  ] as const) {
    const day = values[key].trim();
    if (!day) continue;
    if (isoDay(day)) query[field] = day;
    else errors[key] = `${label} không hợp lệ (định dạng năm-tháng-ngày, ví dụ 2026-12-01).`;
  }
  if (query.from && query.to && query.from > query.to) {
    errors['den-ngay'] = 'Đến ngày phải sau hoặc bằng Từ ngày.';
    delete query.to;
  }

  const sort = values['sap-xep'].trim();
  if (sort) {
    if (SORT_SLUGS[sort]) query.sort = SORT_SLUGS[sort];
    else errors['sap-xep'] = 'Cách sắp xếp không hợp lệ; chỉ nhận "han" (hạn xử lý) hoặc "ngay-nhan" (ngày nhận).';
  }

  const after = values.sau.trim();
  if (after) {
    // A garbled or foreign cursor is the service's to judge (it restarts from the first page).
    if (after.length <= 200 && /^[A-Za-z0-9_-]+$/.test(after)) query.after = after;
    else query.after = '!';
  }
  return { query, values, errors };
}
