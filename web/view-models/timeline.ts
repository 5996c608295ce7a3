/** A timeline event as one Vietnamese sentence for the dossier page. */
import { formatVnd } from '../../domain/money';
import { portalStatusLabel } from '../../domain/portal-status';
import { timeLimitLabel, type TimeLimitUnit } from '../../domain/legal-clock';
import { formatVietnameseDate } from '../../domain/vietnam-time';
import type { ITimelineEvent } from '../../db/entities';
import { ROLE_LABELS, type OfficialRole } from '../../domain/roles';
import { CHANNEL_LABELS, CHECK_OUTCOME_LABELS, TIMELINE_TEXTS } from '../labels';
import { dateTimeText } from './format';

export interface TimelineEntry {
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
  return { at: dateTimeText(e.at), actor: `${e.actorName}${role}`, note: WITH_NOTE.has(e.type) ? e.note ?? undefined : undefined, ...describe(e) };
}
