/** The development mailbox: each message with its lines, and the links in them made clickable. */
import type { INotification } from '../../db/entities';
import type { OfficialRole } from '../../domain/roles';
import type { SessionUser } from '../session-user';
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

export function mailboxPage(messages: readonly INotification[], recipient: string) {
  return {
    title: 'Hộp thư thử nghiệm',
    recipient,
    messages: messages.map((m) => ({
      subject: m.subject,
      header: `Gửi ${m.recipientName} <${m.recipient}> · ${dateTimeText(m.createdAt)} · hồ sơ ${m.dossierCode}`,
      lines: m.body.split('\n').map(mailLine),
    })),
  };
}
