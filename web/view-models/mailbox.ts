/**
 * The development mailbox: what the mail and SMS sandboxes received, each message with its lines
 * and the links in them made clickable, and the outbox's messages not delivered (yet).
 */
import type { OfficialRole } from '../../domain/roles';
import type { Mailbox } from '../services/delivery';
import type { SessionUser } from '../session-user';
import { deliveryStatusLabel } from './dossier-messages';
import { dateTimeText } from './format';

/** Who may read the mailbox: administrators (every message), supervisors (their agency's). */
export const MAILBOX_ROLES = ['admin', 'supervisor'] as const satisfies readonly OfficialRole[];

export function mayReadMailbox(user: SessionUser | undefined): boolean {
  return !!user && (MAILBOX_ROLES as readonly OfficialRole[]).includes(user.role);
}

export type MailPart = { text: string } | { href: string };

const URL = /https?:\/\/[^\s<]*[^\s<.,;:!?)]/g;

/** One line of a message as text and links, for the template to print escaped. */
export function mailLine(line: string): MailPart[] {
  const parts: MailPart[] = [];
  let last = 0;
  for (const match of line.matchAll(URL)) {
    if (match.index > last) parts.push({ text: line.slice(last, match.index) });
    parts.push({ href: match[0] });
    last = match.index + match[0].length;
  }
  if (last < line.length) parts.push({ text: line.slice(last) });
  return parts;
}

const CHANNEL = { email: 'Thư điện tử', sms: 'SMS' } as const;

export function mailboxPage(mailbox: Mailbox, recipient: string) {
  return {
    title: 'Hộp thư thử nghiệm',
    recipient,
    unreachable: mailbox.unreachable.length ? `Không đọc được hộp thư thử nghiệm (${mailbox.unreachable.join(', ')}): trang chỉ hiện những gì đọc được.` : '',
    messages: mailbox.arrived.map((m) => ({
      channel: m.channel,
      subject: m.subject || `Tin nhắn SMS tới ${m.to}`,
      header: [
        `${CHANNEL[m.channel]} tới ${m.recipientName ? `${m.recipientName} <${m.to}>` : m.to}`,
        `nhận lúc ${dateTimeText(m.receivedAt)}`,
        m.dossierCode ? `hồ sơ ${m.dossierCode}` : '',
      ]
        .filter(Boolean)
        .join(' · '),
      lines: m.text.split('\n').map(mailLine),
    })),
    waiting: mailbox.waiting.map((m) => ({
      subject: m.subject,
      detail: [
        `${CHANNEL[m.channel]} tới ${m.recipient}`,
        `hồ sơ ${m.dossierCode}`,
        deliveryStatusLabel(m.status),
        `${m.attempts} lần thử`,
        m.status === 'pending' ? `lần tới: ${dateTimeText(m.nextAttemptAt)}` : '',
        m.lastError ?? '',
      ]
        .filter(Boolean)
        .join(' · '),
    })),
  };
}
