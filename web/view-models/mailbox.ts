/** The development mailbox: each message with its lines, and the links in them made clickable. */
import type { INotification } from '../../db/entities';
import { dateTimeText } from './format';

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
