/**
 * The Vietnamese words pages use for the values of the format and the read model: one place to
 * read and correct them. Roles, outcomes and portal statuses have their home in domain/ (the
 * workflow uses them too) and are imported from there, not repeated here.
 */
import type { ProcedureDefinition, Step } from '../engine/definition';
import type { CheckResult, DossierInput, PaymentRecord } from '../workflows/messages';

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
};

/** The fixed parts of timeline sentences; the variable parts come from the event. */
export const TIMELINE_TEXTS = {
  submitted: (channel: string) => `Nộp hồ sơ ${channel}`.trim(),
  step: (name: string) => `Chuyển sang bước: ${name}`,
  status: (label: string) => `Trạng thái: ${label}`,
  claimed: 'Nhận xử lý nhiệm vụ',
  reassigned: 'Phân công lại nhiệm vụ',
  appointment: (date: string, days: string) => `Hẹn trả kết quả ngày ${date} (${days} ngày làm việc)`,
  check: (outcome: string) => `Đối chiếu dữ liệu: ${outcome}`,
  paymentRequested: (amount: string) => `Đề nghị nộp lệ phí ${amount}`,
  paymentReceived: (amount: string, transactionId: string) => `Đã nhận thanh toán ${amount} (giao dịch ${transactionId})`,
  paymentExpired: 'Quá hạn nộp lệ phí',
  supplementReceived: 'Công dân đã bổ sung hồ sơ',
  resultIssued: (number: string, documentCode: string) => `Cấp kết quả số ${number} (${documentCode})`,
  notified: 'Gửi thông báo cho công dân',
  finished: 'Kết thúc hồ sơ',
};

/** A time limit as people read it: 0 means within the working day. */
export function daysLabel(days: number): string {
  return days === 0 ? 'Trong ngày làm việc' : `${String(days).replace('.', ',')} ngày làm việc`;
}
