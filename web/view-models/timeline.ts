/** A timeline event as one Vietnamese sentence for the dossier page. */
import { formatVnd } from '../../domain/money';
import { portalStatusLabel } from '../../domain/portal-status';
import { formatVietnameseDate } from '../../domain/vietnam-time';
import type { ITimelineEvent } from '../../db/entities';
import { ROLE_LABELS, type OfficialRole } from '../../domain/roles';

const CHANNELS: Record<string, string> = { online: 'trực tuyến', api: 'qua Cổng Dịch vụ công', counter: 'tại bộ phận một cửa' };

export interface TimelineEntry {
  at: Date;
  actor: string;
  text: string;
  note?: string;
  tone: 'neutral' | 'good' | 'bad' | 'status';
}

function describe(e: ITimelineEvent): Pick<TimelineEntry, 'text' | 'tone'> {
  const d = e.data ?? {};
  switch (e.type) {
    case 'submitted':
      return { text: `Nộp hồ sơ ${CHANNELS[String(d.channel)] ?? ''}`.trim(), tone: 'neutral' };
    case 'step':
      return { text: `Chuyển sang bước: ${e.note ?? e.stepId}`, tone: 'neutral' };
    case 'status':
      return { text: `Trạng thái: ${portalStatusLabel(e.status ?? 0)}`, tone: 'status' };
    case 'claimed':
      return { text: 'Nhận xử lý nhiệm vụ', tone: 'neutral' };
    case 'reassigned':
      return { text: 'Phân công lại nhiệm vụ', tone: 'neutral' };
    case 'action':
      return { text: String(d.label ?? d.action), tone: 'good' };
    case 'appointment':
      return { text: `Hẹn trả kết quả ngày ${formatVietnameseDate(new Date(String(d.appointmentAt)))} (${d.workingDays} ngày làm việc)`, tone: 'neutral' };
    case 'check':
      return { text: `Đối chiếu dữ liệu: ${d.outcome === 'match' ? 'khớp' : 'không khớp'}`, tone: d.outcome === 'match' ? 'good' : 'bad' };
    case 'payment-requested':
      return { text: `Đề nghị nộp lệ phí ${formatVnd(Number(d.amount))}`, tone: 'neutral' };
    case 'payment-received':
      return { text: `Đã nhận thanh toán ${formatVnd(Number(d.amount))} (giao dịch ${d.transactionId})`, tone: 'good' };
    case 'payment-expired':
      return { text: 'Quá hạn nộp lệ phí', tone: 'bad' };
    case 'supplement-received':
      return { text: 'Công dân đã bổ sung hồ sơ', tone: 'good' };
    case 'result-issued':
      return { text: `Cấp kết quả số ${d.number} (${d.documentCode})`, tone: 'good' };
    case 'notified':
      return { text: 'Gửi thông báo cho công dân', tone: 'neutral' };
    case 'finished':
      return { text: 'Kết thúc hồ sơ', tone: 'status' };
    default:
      return { text: e.type, tone: 'neutral' };
  }
}

export function timelineEntry(e: ITimelineEvent): TimelineEntry {
  const role = e.actorRole ? ` (${ROLE_LABELS[e.actorRole as OfficialRole] ?? e.actorRole})` : '';
  const notes: Record<string, boolean> = { action: true, check: true, reassigned: true, 'supplement-received': true };
  return { at: e.at, actor: `${e.actorName}${role}`, note: notes[e.type] ? e.note ?? undefined : undefined, ...describe(e) };
}
