/**
 * Messages to the applicant as officials see them (the dossier page's partial
 * partials/dossier-messages.ejs, and the supervisor's list of failed deliveries): channel,
 * masked recipient, how delivery stands, attempts, the last error; "gửi lại" for a supervisor
 * on a message given up on.
 */
import type { DeliveryStatus } from '../../db/entities';
import { maskRecipient } from '../../domain/personal-data';
import type { MessageDelivery } from '../services/delivery';
import type { SessionUser } from '../session-user';
import { dateTimeText } from './format';
import { supervisionTabs } from './supervision';

const STATUS_LABELS: Record<DeliveryStatus, string> = { pending: 'Đang gửi', delivered: 'Đã gửi', failed: 'Gửi không thành công' };
const CHANNEL_LABELS = { email: 'Thư điện tử', sms: 'SMS' } as const;

export function deliveryStatusLabel(status: DeliveryStatus): string {
  return STATUS_LABELS[status];
}

/** Who may ask for one more attempt of a failed message. */
export const RESENDERS = ['supervisor'] as const;

export interface MessageRow {
  id: number;
  dossierCode: string;
  channel: string;
  recipient: string;
  subject: string;
  status: DeliveryStatus;
  statusLabel: string;
  attempts: number;
  /** When it was delivered, or when the next attempt is due, or empty. */
  when: string;
  lastError: string;
  canResend: boolean;
}

export function messageRow(m: MessageDelivery, user: SessionUser): MessageRow {
  return {
    id: m.id,
    dossierCode: m.dossierCode,
    channel: CHANNEL_LABELS[m.channel],
    recipient: maskRecipient(m.recipient),
    subject: m.subject,
    status: m.status,
    statusLabel: STATUS_LABELS[m.status],
    attempts: m.attempts,
    when: m.status === 'delivered' ? `lúc ${dateTimeText(m.sentAt)}` : m.status === 'pending' && m.attempts > 0 ? `thử lại lúc ${dateTimeText(m.nextAttemptAt)}` : '',
    lastError: m.status === 'delivered' ? '' : (m.lastError ?? ''),
    canResend: m.status === 'failed' && (RESENDERS as readonly string[]).includes(user.role),
  };
}

/** The dossier page's section: every message of the dossier, with a warning when one failed. */
export function dossierMessages(messages: readonly MessageDelivery[], user: SessionUser) {
  const rows = messages.map((m) => messageRow(m, user));
  const failed = rows.filter((r) => r.status === 'failed').length;
  return {
    rows,
    // Translated in the view (its variable part apart).
    warning: failed ? { text: '{{n}} tin nhắn chưa đến được người nộp: hãy liên hệ người nộp bằng cách khác hoặc đề nghị giám sát gửi lại.', values: { n: failed } } : undefined,
  };
}

export type DossierMessages = ReturnType<typeof dossierMessages>;

/** The supervisor's list of failed deliveries (/giam-sat/tin-nhan-loi). */
export function deliveryFailuresPage(messages: readonly MessageDelivery[], user: SessionUser, error?: string) {
  return {
    title: 'Tin nhắn gửi không thành công',
    tabs: supervisionTabs('/giam-sat/tin-nhan-loi'),
    rows: messages.map((m) => messageRow(m, user)),
    error: error ?? '',
  };
}
