/** The officials' inbox: newest first, what each message is about, and whether it was read. */
import { INBOX_KIND_LABELS } from '../labels';
import type { InboxMessage } from '../services/inbox';
import type { SessionUser } from '../session-user';
import { dateTimeText } from './format';

export function inboxPage(input: { user: SessionUser; page: { rows: InboxMessage[]; total: number; page: number; pages: number }; unread: number; unreadOnly: boolean }) {
  const { page } = input;
  const link = (n: number) => `/thong-bao?${new URLSearchParams({ ...(input.unreadOnly ? { loc: 'chua-doc' } : {}), ...(n > 1 ? { trang: String(n) } : {}) })}`.replace(/\?$/, '');
  return {
    title: 'Thông báo',
    subtitle: `${input.user.name} · ${input.user.agencyName}`,
    unread: input.unread,
    unreadOnly: input.unreadOnly,
    messages: page.rows.map((m) => ({
      id: m.id,
      kind: INBOX_KIND_LABELS[m.kind] ?? m.kind,
      text: m.text,
      code: m.dossierCode,
      href: `/ho-so/${encodeURIComponent(m.dossierCode)}`,
      at: dateTimeText(m.createdAt),
      to: m.personal ? 'Gửi riêng bạn' : 'Gửi nhóm của bạn',
      read: m.read,
    })),
    pager: {
      page: page.page,
      pages: page.pages,
      total: page.total,
      previous: page.page > 1 ? link(page.page - 1) : undefined,
      next: page.page < page.pages ? link(page.page + 1) : undefined,
    },
  };
}
