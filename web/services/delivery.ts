/**
 * Messages to applicants as officials see them: each message of a dossier with how its delivery
 * stands (the dossier page), the failed deliveries of an agency (the supervisor's list) and
 * "gửi lại" (one more attempt now), and the development mailbox, which reads what the mail and
 * SMS sandboxes actually received (activities/delivery sends there in development).
 * Recipients are masked everywhere but in the development mailbox.
 */
import { appendAudit } from '../../db/audit';
import { Dossier, Notification } from '../../db/entities';
import type { DeliveryStatus, INotification } from '../../db/entities';
import type { Orm } from '../../db/orm';
import type { SessionUser } from '../session-user';

export interface MessageDelivery {
  id: number;
  dossierCode: string;
  channel: 'email' | 'sms';
  /** The address or number as stored: mask it before showing (view models do). */
  recipient: string;
  subject: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
  nextAttemptAt: Date;
}

/** One message as it arrived in a sandbox, tied back to its outbox row when the key is known. */
export interface ArrivedMessage {
  channel: 'email' | 'sms';
  to: string;
  subject: string;
  text: string;
  receivedAt: Date;
  dossierCode?: string;
  recipientName?: string;
}

export interface Mailbox {
  arrived: ArrivedMessage[];
  /** Messages of the outbox not (yet) delivered: still waiting, or given up. */
  waiting: MessageDelivery[];
  /** A sandbox that did not answer (its name), so the page can say so. */
  unreachable: string[];
}

export type RetryOutcome =
  | { kind: 'done'; dossierCode: string }
  | { kind: 'not-found' }
  | { kind: 'refused'; message: string; dossierCode: string };

const FIELDS = ['id', 'dossierCode', 'channel', 'recipient', 'recipientName', 'subject', 'status', 'attempts', 'lastError', 'createdAt', 'sentAt', 'nextAttemptAt', 'key'] as const;

function delivery(n: Pick<INotification, (typeof FIELDS)[number]>): MessageDelivery {
  return {
    id: n.id,
    dossierCode: n.dossierCode,
    channel: n.channel,
    recipient: n.recipient,
    subject: n.subject,
    status: n.status,
    attempts: n.attempts,
    lastError: n.lastError ?? null,
    createdAt: n.createdAt,
    sentAt: n.sentAt ?? null,
    nextAttemptAt: n.nextAttemptAt,
  };
}

interface SandboxMail {
  outboxKey?: string;
  to: string[];
  subject: string;
  text: string;
  receivedAt: string;
}
interface SandboxSms {
  idempotencyKey: string;
  to: string;
  text: string;
  receivedAt: string;
}

export class DeliveryService {
  constructor(
    private readonly orm: Orm,
    private readonly sandboxes: { mail: string; sms: string },
  ) {}

  private em() {
    return this.orm.em.fork();
  }

  /** Every message of one dossier, oldest first (the caller has checked the official may see it). */
  async ofDossier(code: string): Promise<MessageDelivery[]> {
    const rows = await this.em().find(Notification, { dossierCode: code }, { orderBy: { id: 'asc' }, fields: [...FIELDS] });
    return rows.map(delivery);
  }

  /** A query of the dossier codes of the official's agency. */
  private agencyCodes(user: SessionUser) {
    return this.em().createQueryBuilder(Dossier, 'd').select('d.code').where({ agency: user.agencyId }).getKnexQuery();
  }

  /** Messages matching `where` (a query builder's condition: sub-queries allowed), newest first. */
  private async select(where: Record<string, unknown>, limit: number): Promise<INotification[]> {
    return this.em().createQueryBuilder(Notification, 'n').select([...FIELDS]).where(where).orderBy({ id: 'desc' }).limit(limit).getResultList();
  }

  /** Failed deliveries of the supervisor's agency, newest first. */
  async failed(user: SessionUser, limit = 200): Promise<MessageDelivery[]> {
    return (await this.select({ status: 'failed', dossierCode: { $in: this.agencyCodes(user) } }, limit)).map(delivery);
  }

  /** One more attempt now, for a failed message of the official's agency; refused with a reason otherwise. */
  async retry(user: SessionUser, id: number, ip?: string): Promise<RetryOutcome> {
    const em = this.em();
    const [message] = await this.select({ id, dossierCode: { $in: this.agencyCodes(user) } }, 1);
    if (!message) return { kind: 'not-found' };
    const refused = (text: string): RetryOutcome => ({ kind: 'refused', message: text, dossierCode: message.dossierCode });
    if (message.status === 'delivered') return refused('Tin nhắn này đã được gửi thành công: không gửi lại.');
    if (message.status === 'pending') return refused('Tin nhắn này đang chờ gửi (hệ thống đang thử lại): không cần gửi lại.');
    const changed = await em.getConnection().execute<{ id: number }[]>(
      `update notification set status = 'pending', next_attempt_at = now() where id = ? and status = 'failed' returning id`,
      [id],
    );
    // Someone else asked first: the message is on its way already.
    if (!changed.length) return refused('Tin nhắn này vừa được yêu cầu gửi lại.');
    const dossier = await em.findOne(Dossier, { code: message.dossierCode }, { populate: ['agency'] });
    await appendAudit(this.em(), {
      actor: user.username,
      action: 'message-resent',
      target: message.dossierCode,
      ip: ip ?? null,
      agencyCode: dossier?.agency.code ?? user.agencyCode,
      dossierCode: message.dossierCode,
      detail: { message: id, channel: message.channel },
    });
    return { kind: 'done', dossierCode: message.dossierCode };
  }

  private async read<T>(url: string): Promise<T[] | undefined> {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
      if (!response.ok) return undefined;
      return ((await response.json()) as { messages: T[] }).messages;
    } catch {
      return undefined;
    }
  }

  /**
   * The development mailbox: what the sandboxes received (every message for an administrator,
   * those of the agency's dossiers for a supervisor), newest first, and the outbox's messages
   * not delivered (yet), so nothing written is invisible.
   */
  async mailbox(user: SessionUser, recipient?: string, limit = 200): Promise<Mailbox> {
    if (user.role !== 'admin' && user.role !== 'supervisor') return { arrived: [], waiting: [], unreachable: [] };
    const query = recipient ? `?to=${encodeURIComponent(recipient)}` : '';
    const [mails, texts] = await Promise.all([
      this.read<SandboxMail>(`${this.sandboxes.mail}/messages${query}`),
      this.read<SandboxSms>(`${this.sandboxes.sms}/messages${query}`),
    ]);
    const unreachable = [...(mails ? [] : ['thư điện tử']), ...(texts ? [] : ['SMS'])];
    const arrived: (ArrivedMessage & { key?: string })[] = [
      ...(mails ?? []).map((m) => ({ channel: 'email' as const, key: m.outboxKey, to: m.to.join(', '), subject: m.subject, text: m.text, receivedAt: new Date(m.receivedAt) })),
      ...(texts ?? []).map((m) => ({ channel: 'sms' as const, key: m.idempotencyKey, to: m.to, subject: '', text: m.text, receivedAt: new Date(m.receivedAt) })),
    ];
    const keys = [...new Set(arrived.map((m) => m.key).filter((k): k is string => !!k))];
    const scope = () => (user.role === 'supervisor' ? { dossierCode: { $in: this.agencyCodes(user) } } : {});
    const known = keys.length ? await this.select({ key: { $in: keys }, ...scope() }, keys.length) : [];
    const byKey = new Map(known.map((n) => [n.key, n]));
    const visible = arrived
      // A supervisor sees only messages of their agency's dossiers; an administrator everything that arrived.
      .filter((m) => user.role === 'admin' || (m.key && byKey.has(m.key)))
      .map(({ key, ...m }) => ({ ...m, dossierCode: key ? byKey.get(key)?.dossierCode : undefined, recipientName: key ? byKey.get(key)?.recipientName : undefined }))
      .sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime())
      .slice(0, limit);
    const waiting = await this.select({ status: { $ne: 'delivered' }, ...(recipient ? { recipient } : {}), ...scope() }, limit);
    return { arrived: visible, waiting: waiting.map(delivery), unreachable };
  }
}
