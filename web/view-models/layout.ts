/** What the header shows on every page: who is signed in and where they may go. */
import { ROLE_LABELS } from '../../domain/roles';
import type { SessionUser } from '../session-user';
import { mayReadMailbox } from './mailbox';

export interface NavLink {
  href: string;
  /** Vietnamese source text; the header translates it (t(label), web/i18n). */
  label: string;
  current: boolean;
  /** Unread messages, shown after the label (the inbox link). */
  unread?: number;
}

/** The officials' inbox (routes/back-office/inbox.ts). */
const INBOX_PATH = '/thong-bao';

export interface LayoutModel {
  /** `detail`: role and agency in Vietnamese; the header shows `roleLabel` translated, then `agencyName`. */
  user?: { name: string; detail: string; roleLabel: string; agencyName: string };
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
    user: { name: user.name, detail: `${ROLE_LABELS[user.role]} · ${user.agencyName}`, roleLabel: ROLE_LABELS[user.role], agencyName: user.agencyName },
    nav: [
      ...(user.role !== 'supervisor' && user.role !== 'admin' ? [link('/cong-viec', 'Hồ sơ cần xử lý')] : []),
      // Walk-in dossiers (routes/back-office/counter.ts).
      ...(user.role === 'receiver' ? [link('/quay/tiep-nhan', 'Tiếp nhận tại quầy', path.startsWith('/quay'))] : []),
      // The agency's archive and search (routes/back-office/queue.ts).
      ...(user.role !== 'admin' ? [link('/ho-so', 'Tra cứu hồ sơ')] : []),
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
  return { ...layout, nav: layout.nav.map((l) => (l.href === INBOX_PATH ? { ...l, unread } : l)) };
}

/** Where an official's work starts: the supervisor watches, everyone else has a queue. */
export function homeOf(user: SessionUser): string {
  return user.role === 'supervisor' ? '/giam-sat' : user.role === 'admin' ? '/quan-tri/lich' : '/cong-viec';
}
