/**
 * The audit trail page (/nhat-ky): the filters, a page of entries newest first, whether the
 * whole chain verifies, and links to the same selection as CSV and XLSX.
 */
import type { ChainedAuditEntry } from '../../db/audit';
import { formatVietnameseDateTime } from '../../domain/vietnam-time';
import type { ChainStatus } from '../services/audit-log';
import type { FieldErrors } from '../validation';

/** Each action the trail records, in Vietnamese; an action not listed shows its code. */
export const AUDIT_ACTION_LABELS: Record<string, string> = {
  'sign-in': 'Đăng nhập',
  'sign-in-failed': 'Đăng nhập sai',
  'sign-in-throttled': 'Đăng nhập bị tạm chặn',
  'sign-out': 'Đăng xuất',
  'dossier-opened': 'Mở hồ sơ (đầy đủ thông tin cá nhân)',
  'temporal-payloads-decoded': 'Giải mã dữ liệu trong Temporal (giao diện Temporal)',
  'document-downloaded': 'Tải giấy tờ của hồ sơ',
  'calendar-day-added': 'Thêm ngày vào lịch làm việc',
  'calendar-day-changed': 'Sửa ngày trong lịch làm việc',
  'calendar-day-removed': 'Bỏ ngày khỏi lịch làm việc',
  'calendar-year-confirmed': 'Xác nhận lịch năm',
  'office-hours-changed': 'Đổi giờ làm việc của cơ quan',
  'official-created': 'Tạo tài khoản cán bộ',
  'api-client-created': 'Cấp thông tin xác thực cho hệ thống gọi API',
  'api-client-rotated': 'Cấp khóa bí mật mới cho hệ thống gọi API',
  'api-client-secret-revoked': 'Thu hồi khóa bí mật cũ của hệ thống gọi API',
  'api-client-revoked': 'Thu hồi quyền của hệ thống gọi API',
  'absence-recorded': 'Ghi lịch vắng mặt, ủy quyền',
  'absence-cancelled': 'Hủy lịch vắng mặt',
  'reassignment-started': 'Phân công lại hàng loạt',
  'task-reassigned': 'Chuyển nhiệm vụ',
  'dossier-submitted': 'Hồ sơ: nộp',
  'dossier-step': 'Hồ sơ: chuyển bước',
  'dossier-status': 'Hồ sơ: đổi trạng thái',
  'dossier-claimed': 'Hồ sơ: nhận xử lý',
  'dossier-reassigned': 'Hồ sơ: giao lại nhiệm vụ',
  'dossier-action': 'Hồ sơ: quyết định của cán bộ',
  'dossier-appointment': 'Hồ sơ: hẹn trả kết quả',
  'dossier-check': 'Hồ sơ: kiểm tra dữ liệu',
  'dossier-payment-requested': 'Hồ sơ: yêu cầu nộp phí',
  'dossier-payment-received': 'Hồ sơ: đã nhận phí',
  'dossier-payment-expired': 'Hồ sơ: quá hạn nộp phí',
  'dossier-supplement-received': 'Hồ sơ: nhận bổ sung',
  'dossier-result-issued': 'Hồ sơ: ban hành kết quả',
  'dossier-notified': 'Hồ sơ: thông báo người nộp',
  'dossier-finished': 'Hồ sơ: kết thúc',
  'dossier-clock-paused': 'Hồ sơ: tạm dừng thời hạn',
  'dossier-clock-resumed': 'Hồ sơ: tiếp tục tính thời hạn',
  'dossier-deadline-changed': 'Hồ sơ: đổi thời hạn',
  'dossier-reminder': 'Hồ sơ: nhắc hạn',
  'dossier-escalated': 'Hồ sơ: báo cấp trên',
  'dossier-overdue': 'Hồ sơ: quá hạn',
  'dossier-apology': 'Hồ sơ: phiếu xin lỗi',
};

export const actionLabel = (action: string): string => AUDIT_ACTION_LABELS[action] ?? action;

/** The query string's fields, as typed. */
export interface AuditFormValues {
  tu: string;
  den: string;
  'nguoi-thuc-hien': string;
  'thao-tac': string;
  'ho-so': string;
}

export interface AuditRowView {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  dossierHref?: string;
  ip: string;
  detail: string;
  hash: string;
}

export interface AuditPageModel {
  title: string;
  scope: string;
  values: AuditFormValues;
  errors: FieldErrors;
  actions: { value: string; label: string }[];
  rows: AuditRowView[];
  next?: string;
  first?: string;
  exports?: { csv: string; xlsx: string };
  chain?: { ok: boolean; text: string; breaks: string[] };
}

export function chainText(status: ChainStatus): { ok: boolean; text: string; breaks: string[] } {
  const when = formatVietnameseDateTime(status.checkedAt);
  if (!status.breaks.length) {
    return {
      ok: true,
      text: status.head
        ? `Chuỗi nhật ký toàn vẹn: đã kiểm tra ${status.verified} mục, mục cuối số ${status.head.seq} (mã băm ${status.head.hash.slice(0, 16)}…), lúc ${when}.`
        : `Nhật ký chưa có mục nào (kiểm tra lúc ${when}).`,
      breaks: [],
    };
  }
  return {
    ok: false,
    text: `Chuỗi nhật ký BỊ PHÁ VỠ: ${status.breaks.length} chỗ không khớp trong ${status.verified} mục (kiểm tra lúc ${when}). Báo ngay cho bộ phận kỹ thuật và thanh tra.`,
    breaks: status.breaks.map((b) => {
      const at = formatVietnameseDateTime(b.at);
      if (b.kind === 'edited') return `Mục số ${b.seq} (${at}) đã bị sửa sau khi ghi: mã băm không khớp nội dung.`;
      if (b.kind === 'deleted') {
        const m = b.missing!;
        return m.from === m.to ? `Mục số ${m.from} đã bị xóa (trước mục số ${b.seq}, ${at}).` : `Các mục số ${m.from}–${m.to} đã bị xóa (trước mục số ${b.seq}, ${at}).`;
      }
      return `Mục số ${b.seq} (${at}) không nối tiếp mục trước nó (bị thay thế hoặc đổi thứ tự).`;
    }),
  };
}

export function auditRows(entries: readonly ChainedAuditEntry[], dossierLinks: boolean): AuditRowView[] {
  return entries.map((e) => ({
    seq: e.seq,
    at: formatVietnameseDateTime(e.at),
    actor: e.actor,
    action: actionLabel(e.action),
    target: e.target ?? '',
    dossierHref: dossierLinks && e.dossierCode ? `/ho-so/${encodeURIComponent(e.dossierCode)}` : undefined,
    ip: e.ip ?? '',
    detail: e.detail ?? '',
    hash: e.hash,
  }));
}

export function auditActionOptions(): { value: string; label: string }[] {
  return [{ value: '', label: 'Tất cả thao tác' }, ...Object.entries(AUDIT_ACTION_LABELS).map(([value, label]) => ({ value, label }))];
}
