/** A timeline event as one Vietnamese sentence for the dossier page. */
import { formatVnd } from '../../domain/money';
import { portalStatusLabel, STATUS } from '../../domain/portal-status';
import { timeLimitLabel, type TimeLimitUnit } from '../../domain/legal-clock';
import { formatVietnameseDate } from '../../domain/vietnam-time';
import type { ITimelineEvent } from '../../db/entities';
import { ROLE_LABELS, type OfficialRole } from '../../domain/roles';
import { CHANNEL_LABELS, CHECK_OUTCOME_LABELS, TIMELINE_TEXTS } from '../labels';
import { dateTimeText } from './format';

export interface TimelineEntry {
  /** An official's decision (who, action, reason), the applicant's or the gateway's doing, or a system step. */
  kind: 'decision' | 'applicant' | 'system';
  at: string;
  actor: string;
  text: string;
  note?: string;
  tone: 'neutral' | 'good' | 'bad' | 'status';
}

function describe(e: ITimelineEvent): Pick<TimelineEntry, 'text' | 'tone'> {
  const d = e.data ?? {};
  switch (e.type) {
    case 'submitted':
      return { text: TIMELINE_TEXTS.submitted(CHANNEL_LABELS[String(d.channel) as keyof typeof CHANNEL_LABELS] ?? ''), tone: 'neutral' };
    case 'step':
      return { text: TIMELINE_TEXTS.step(e.note ?? e.stepId ?? ''), tone: 'neutral' };
    case 'status':
      return { text: TIMELINE_TEXTS.status(portalStatusLabel(e.status ?? 0)), tone: 'status' };
    case 'claimed':
      return { text: TIMELINE_TEXTS.claimed, tone: 'neutral' };
    case 'reassigned':
      return { text: TIMELINE_TEXTS.reassigned, tone: 'neutral' };
    case 'action':
      return { text: String(d.label ?? d.action), tone: 'good' };
    case 'appointment': {
      const limit = d.unit ? timeLimitLabel({ amount: Number(d.amount), unit: d.unit as TimeLimitUnit }) : `${d.workingDays} ngày làm việc`;
      return { text: TIMELINE_TEXTS.appointment(formatVietnameseDate(new Date(String(d.appointmentAt))), limit), tone: 'neutral' };
    }
    case 'check': {
      const outcome = String(d.outcome) as keyof typeof CHECK_OUTCOME_LABELS;
      return { text: TIMELINE_TEXTS.check(CHECK_OUTCOME_LABELS[outcome] ?? outcome), tone: outcome === 'match' ? 'good' : 'bad' };
    }
    case 'payment-requested':
      return { text: TIMELINE_TEXTS.paymentRequested(formatVnd(Number(d.amount))), tone: 'neutral' };
    case 'payment-received':
      return { text: TIMELINE_TEXTS.paymentReceived(formatVnd(Number(d.amount)), String(d.transactionId)), tone: 'good' };
    case 'payment-expired':
      return { text: TIMELINE_TEXTS.paymentExpired, tone: 'bad' };
    case 'supplement-received':
      return { text: TIMELINE_TEXTS.supplementReceived, tone: 'good' };
    case 'result-issued':
      return { text: TIMELINE_TEXTS.resultIssued(String(d.number), String(d.documentCode)), tone: 'good' };
    case 'notified':
      return { text: TIMELINE_TEXTS.notified, tone: 'neutral' };
    case 'finished':
      return { text: TIMELINE_TEXTS.finished, tone: 'status' };
    case 'clock-paused':
      return { text: TIMELINE_TEXTS.clockPaused, tone: 'neutral' };
    case 'clock-resumed':
      return { text: TIMELINE_TEXTS.clockResumed, tone: 'neutral' };
    case 'deadline-changed':
      return { text: TIMELINE_TEXTS.deadlineChanged(when(d.from), when(d.to)), tone: 'neutral' };
    case 'reminder':
      return { text: TIMELINE_TEXTS.reminder(when(d.dueAt)), tone: 'neutral' };
    case 'escalated':
      return { text: TIMELINE_TEXTS.escalated(when(d.dueAt)), tone: 'bad' };
    case 'overdue':
      return { text: TIMELINE_TEXTS.overdue(when(d.appointmentAt)), tone: 'bad' };
    case 'apology':
      return { text: TIMELINE_TEXTS.apology(when(d.from), when(d.to)), tone: 'bad' };
    default:
      return { text: e.type, tone: 'neutral' };
  }
}

/** An instant in the data of an event, as dd/mm/yyyy hh:mm; empty when absent. */
const when = (value: unknown) => (value ? dateTimeText(String(value)) : '');

/** Events whose note (a reason, a finding, who took over) is shown under them. */
const WITH_NOTE = new Set(['action', 'check', 'reassigned', 'supplement-received', 'clock-paused', 'deadline-changed', 'apology'])

export function timelineEntry(e: ITimelineEvent): TimelineEntry {
  const role = e.actorRole ? ` (${ROLE_LABELS[e.actorRole as OfficialRole] ?? e.actorRole})` : '';
  return { kind: kindOf(e), at: dateTimeText(e.at), actor: `${e.actorName}${role}`, note: WITH_NOTE.has(e.type) ? e.note ?? undefined : undefined, ...describe(e) };
}

/** What an official decides; the status and appointment that follow from it are system steps. */
const DECISIONS = new Set(['action', 'claimed', 'reassigned', 'apology']);

function kindOf(e: Pick<ITimelineEvent, 'actorKind' | 'type'>): TimelineEntry['kind'] {
  if (e.actorKind === 'official' && DECISIONS.has(e.type)) return 'decision';
  if (e.actorKind === 'applicant' || e.actorKind === 'gateway') return 'applicant';
  return 'system';
}

/** A run of the timeline: one entry of a person, or consecutive system steps folded together. */
export type TimelineGroup =
  | { kind: 'decision' | 'applicant'; entry: TimelineEntry }
  | { kind: 'system'; entries: TimelineEntry[]; summary: string; tone: TimelineEntry['tone'] };

export interface TimelineView {
  /** Every entry, oldest first (what the timeline shows with system steps unfolded). */
  entries: TimelineEntry[];
  /** The same, with the system steps between two people's doings folded into one line. */
  groups: TimelineGroup[];
  decisions: number;
  systemSteps: number;
}

/** The events without a "Mới đăng ký" status after acceptance (the dossier page and the public lookup). */
export function withoutStatusGoingBack<E extends Pick<ITimelineEvent, 'type' | 'status'>>(events: readonly E[]): E[] {
  let accepted = false;
  return events.filter((e) => {
    if (e.type === 'appointment') accepted = true;
    return !(accepted && e.type === 'status' && e.status === STATUS.REGISTERED);
  });
}

/**
 * The timeline as the dossier page shows it: officials' decisions (who, action, reason) and the
 * applicant's doings stand out; checks, notifications, timers and status changes between them
 * fold into one line ("4 bước hệ thống") that opens without JavaScript (`<details>`). A "Mới
 * đăng ký" status after the dossier was accepted is left out (rows projected before the status
 * stopped going back), so the history never reads as if the dossier went back to the start.
 */
export function timelineView(events: readonly ITimelineEvent[]): TimelineView {
  const entries = withoutStatusGoingBack(events).map(timelineEntry);
  const groups: TimelineGroup[] = [];
  for (const entry of entries) {
    const last = groups[groups.length - 1];
    if (entry.kind !== 'system') groups.push({ kind: entry.kind, entry });
    else if (last?.kind === 'system') last.entries.push(entry);
    else groups.push({ kind: 'system', entries: [entry], summary: '', tone: 'neutral' });
  }
  for (const g of groups) {
    if (g.kind !== 'system') continue;
    const bad = g.entries.some((e) => e.tone === 'bad');
    g.tone = bad ? 'bad' : 'neutral';
    g.summary = `${g.entries.length} bước hệ thống${bad ? ' (có cảnh báo)' : ''}: ${g.entries[g.entries.length - 1].text}`;
  }
  const decisions = entries.filter((e) => e.kind === 'decision').length;
  return { entries, groups, decisions, systemSteps: entries.filter((e) => e.kind === 'system').length };
}
