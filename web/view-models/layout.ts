/** What the header shows on every page: who is signed in and where they may go. */
import { ROLE_LABELS } from '../../domain/roles';
import type { SessionUser } from '../session-user';
import { mayReadMailbox } from './mailbox';

export interface NavLink {
  href: string;
  label: string;
  current: boolean;
}

/** The officials' inbox (routes/back-office/inbox.ts). */
const INBOX_PATH = '/thong-bao';

export interface LayoutModel {
  user?: { name: string; detail: string };
  nav: NavLink[];
}

export function layoutModel(user: SessionUser | undefined, path: string, mailboxPage: boolean): LayoutModel {
  const link = (href: string, label: string, current = path === href): NavLink => ({ href, label, current });
  if (!user) {
    return {
      nav: [
        link('/thu-tuc', 'Thủ tục', false),
        link('/nop-ho-so', 'Nộp hồ sơ', false),
        link('/tra-cuu', 'Tra cứu hồ sơ', false),
        link('/dang-nhap', 'Cán bộ đăng nhập', false),
      ],
    };
  }
  return {
    user: { name: user.name, detail: `${ROLE_LABELS[user.role]} · ${user.agencyName}` },
    nav: [
      ...(user.role !== 'supervisor' && user.role !== 'admin' ? [link('/cong-viec', 'Hồ sơ cần xử lý')] : []),
      ...(user.role === 'admin'
        ? [link('/quan-tri/lich', 'Lịch làm việc', path.startsWith('/quan-tri/lich')), link('/quan-tri/gio-lam-viec', 'Giờ làm việc', path.startsWith('/quan-tri/gio-lam-viec'))]
        : []),
      ...(user.role === 'supervisor' || user.role === 'leader' ? [link('/giam-sat', 'Giám sát tiến độ', path.startsWith('/giam-sat'))] : []),
      ...(user.role === 'supervisor' || user.role === 'leader' || user.role === 'admin' ? [link('/bao-cao', 'Báo cáo thống kê')] : []),
      // The audit trail (routes/back-office/audit.ts).
      ...(user.role === 'supervisor' || user.role === 'admin' ? [link('/nhat-ky', 'Nhật ký')] : []),
      link('/thu-tuc', 'Thủ tục', path.startsWith('/thu-tuc')),
      link(INBOX_PATH, 'Thông báo'),
      // Applicants' messages: only for those who may read them (routes/mailbox.ts).
      ...(mailboxPage && mayReadMailbox(user) ? [link('/hop-thu', 'Hộp thư thử nghiệm')] : []),
    ],
  };
}

/** The header with the official's unread messages counted on the inbox link. */
export function withUnread(layout: LayoutModel, unread: number): LayoutModel {
  if (!unread) return layout;
  return { ...layout, nav: layout.nav.map((l) => (l.href === INBOX_PATH ? { ...l, label: `Thông báo (${unread} chưa đọc)` } : l)) };
}

/** Where an official's work starts: the supervisor watches, everyone else has a queue. */
export function homeOf(user: SessionUser): string {
  return user.role === 'supervisor' ? '/giam-sat' : user.role === 'admin' ? '/quan-tri/lich' : '/cong-viec';
}
