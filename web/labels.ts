/**
 * The Vietnamese words pages use for the values of the format and the read model: one place to
 * read and correct them. Roles, outcomes and portal statuses have their home in domain/ (the
 * workflow uses them too) and are imported from there, not repeated here.
 */
import type { ProcedureDefinition, Step } from '../engine/definition';
import type { CheckResult, DossierInput, PaymentRecord } from '../workflows/messages';
import { timeLimitLabel } from '../domain/legal-clock';
import { defaultProcessingLimit } from '../engine/time-limits';

export const STEP_KIND_LABELS: Record<Step['kind'], string> = {
  task: 'Nhiệm vụ',
  check: 'Đối chiếu cơ sở dữ liệu',
  branch: 'Rẽ nhánh',
  parallel: 'Xử lý song song (liên thông)',
  payment: 'Nộp phí, lệ phí',
  supplement: 'Chờ bổ sung',
  issue: 'Cấp kết quả',
  custom: 'Xử lý riêng (quy trình lập trình)',
  end: 'Kết thúc',
};

export const LEVEL_LABELS: Record<ProcedureDefinition['level'], string> = {
  ministry: 'Cấp bộ',
  province: 'Cấp tỉnh',
  commune: 'Cấp xã',
};

export const ONLINE_LEVEL_LABELS: Record<ProcedureDefinition['onlineLevel'], string> = {
  full: 'Toàn trình',
  partial: 'Một phần',
};

export const VERSION_STATUS_LABELS: Record<ProcedureDefinition['status'], string> = {
  published: 'đã công bố',
  draft: 'dự thảo',
};

/** How a dossier came in, as the timeline says it: "Nộp hồ sơ trực tuyến". */
export const CHANNEL_LABELS: Record<DossierInput['channel'], string> = {
  online: 'trực tuyến',
  api: 'qua Cổng Dịch vụ công',
  counter: 'tại bộ phận một cửa',
  post: 'qua dịch vụ bưu chính',
};

export const PAYMENT_STATUS_LABELS: Record<PaymentRecord['status'], string> = {
  pending: 'Chờ thanh toán',
  paid: 'Đã thanh toán',
  expired: 'Quá hạn',
};

export const CHECK_OUTCOME_LABELS: Record<CheckResult['outcome'], string> = {
  match: 'khớp',
  mismatch: 'không khớp',
  error: 'không đối chiếu được',
};

/** A deadline in working days, by how it stands. */
export const DEADLINE_LABELS = {
  onTime: 'Hoàn thành đúng hạn',
  late: (days: number) => `Hoàn thành trễ ${days} ngày làm việc`,
  overdue: (days: number) => `Quá hạn ${days} ngày làm việc`,
  today: 'Đến hạn hôm nay',
  left: (days: number) => `Còn ${days} ngày làm việc`,
  paused: 'Tạm dừng tính hạn (chờ công dân)',
};

/** The fixed parts of timeline sentences; the variable parts come from the event. */
export const TIMELINE_TEXTS = {
  submitted: (channel: string) => `Nộp hồ sơ ${channel}`.trim(),
  step: (name: string) => `Chuyển sang bước: ${name}`,
  status: (label: string) => `Trạng thái: ${label}`,
  claimed: 'Nhận xử lý nhiệm vụ',
  reassigned: 'Phân công lại nhiệm vụ',
  appointment: (date: string, limit: string) => `Hẹn trả kết quả ngày ${date} (${limit})`,
  check: (outcome: string) => `Đối chiếu dữ liệu: ${outcome}`,
  paymentRequested: (amount: string) => `Đề nghị nộp lệ phí ${amount}`,
  paymentReceived: (amount: string, transactionId: string) => `Đã nhận thanh toán ${amount} (giao dịch ${transactionId})`,
  paymentExpired: 'Quá hạn nộp lệ phí',
  supplementReceived: 'Công dân đã bổ sung hồ sơ',
  resultIssued: (number: string, documentCode: string) => `Cấp kết quả số ${number} (${documentCode})`,
  notified: 'Gửi thông báo cho công dân',
  finished: 'Kết thúc hồ sơ',
  clockPaused: 'Tạm dừng tính thời hạn giải quyết',
  clockResumed: 'Tiếp tục tính thời hạn giải quyết',
  deadlineChanged: (from: string, to: string) => (from ? `Điều chỉnh hạn từ ${from} sang ${to}` : `Hạn mới: ${to}`),
  reminder: (due: string) => `Nhắc hạn xử lý (đến hạn ${due})`,
  escalated: (due: string) => `Quá hạn xử lý nhiệm vụ (hạn ${due}); đã báo cán bộ giám sát`,
  overdue: (due: string) => `Hồ sơ quá hạn trả kết quả (hẹn ${due})`,
  apology: (from: string, to: string) => `Thư xin lỗi, hẹn lại ngày trả kết quả từ ${from} sang ${to}`,
};

/** A procedure's time limit as people read it ("5 ngày làm việc", "8 giờ làm việc"). */
export function processingTimeLabel(def: Pick<ProcedureDefinition, 'timeLimit' | 'processingDays'>): string {
  return timeLimitLabel(defaultProcessingLimit(def));
}

/** Reports (/bao-cao): how rows are grouped, and the channels as the statistics name them. */
export const REPORT_GROUPING_LABELS = {
  procedure: 'Thủ tục',
  agency: 'Cơ quan',
  level: 'Cấp thủ tục',
  channel: 'Kênh tiếp nhận',
} as const;

export const REPORT_CHANNEL_LABELS = {
  online: 'Trực tuyến',
  counter: 'Trực tiếp',
  post: 'Qua bưu chính',
} as const;

/** Supervision (/giam-sat): where a deadline stands, as the legal clock's `deadlineState` says. */
export const DEADLINE_STATE_LABELS = {
  'not-due': 'Trong hạn',
  'due-soon': 'Sắp đến hạn',
  overdue: 'Quá hạn',
  paused: 'Tạm dừng (chờ công dân bổ sung)',
  early: 'Hoàn thành trước hạn',
  'on-time': 'Hoàn thành đúng hạn',
  late: 'Hoàn thành trễ hạn',
} as const;

/** Supervision: what happened to each task of a bulk reassignment or an absence. */
export const MOVE_STATUS_LABELS = {
  pending: 'Đang chuyển',
  moved: 'Đã chuyển',
  refused: 'Không chuyển được',
  skipped: 'Giữ nguyên',
  failed: 'Chưa xác nhận',
} as const;

/** Absences with a delegate, by where they stand today. */
export const ABSENCE_STATUS_LABELS = {
  upcoming: 'Sắp tới',
  active: 'Đang vắng mặt',
  ended: 'Đã kết thúc',
  cancelled: 'Đã hủy',
} as const;

/** The officials' inbox (/thong-bao): kinds of message. */
export const INBOX_KIND_LABELS: Record<string, string> = {
  reminder: 'Nhắc hạn',
  escalation: 'Quá hạn',
  reassigned: 'Phân công',
  apology: 'Xin lỗi, hẹn lại',
};

/** The working calendar (/quan-tri/lich): kinds of days, where an entry comes from, weekdays. */
export const CALENDAR_KIND_LABELS = {
  holiday: 'Ngày nghỉ',
  'working-weekend': 'Ngày làm bù (thứ Bảy, Chủ nhật đi làm)',
} as const;

export const CALENDAR_SOURCE_LABELS = {
  computed: 'Tính theo Bộ luật Lao động',
  entered: 'Đã nhập, năm chưa xác nhận',
  confirmed: 'Theo thông báo đã xác nhận',
} as const;

/** By `Date#getUTCDay()`: 0 is Sunday. */
export const WEEKDAY_LABELS = ['Chủ nhật', 'thứ Hai', 'thứ Ba', 'thứ Tư', 'thứ Năm', 'thứ Sáu', 'thứ Bảy'] as const;
