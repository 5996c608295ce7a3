/**
 * Absences with a delegate: the agency's absences (upcoming and current first) with how many
 * tasks went to the delegate and came back, and the form a supervisor records one with.
 */
import { ROLE_LABELS } from '../../domain/roles';
import { formatVietnameseDate } from '../../domain/vietnam-time';
import { ABSENCE_STATUS_LABELS } from '../labels';
import type { AbsenceRow } from '../services/absences';
import type { OfficialOption } from '../services/supervision';
import type { SessionUser } from '../session-user';
import type { FieldErrors } from '../validation';
import { dateTimeText } from './format';
import { supervisionTabs } from './supervision';

export interface AbsenceFormState {
  values?: Partial<Record<'officialId' | 'delegateId' | 'fromDay' | 'toDay' | 'reason', string>>;
  errors?: FieldErrors;
  /** A failure that is nobody's typing (Temporal out of reach). */
  error?: string;
}

export function absencesPage(input: { user: SessionUser; rows: AbsenceRow[]; officials: readonly OfficialOption[]; today: string; form: AbsenceFormState }) {
  const canAct = input.user.role === 'supervisor';
  const values = input.form.values ?? {};
  const option = (o: OfficialOption, chosen: string | undefined) => ({
    value: String(o.id),
    label: `${o.name} · ${ROLE_LABELS[o.role]}${o.department ? ` · ${o.department}` : ''}`,
    selected: chosen === String(o.id),
  });
  const active = input.officials.filter((o) => o.active);
  return {
    title: 'Vắng mặt, ủy quyền',
    subtitle: `${input.user.agencyName} · nhiệm vụ của người vắng mặt chuyển cho người được ủy quyền, hết thời gian thì trả lại`,
    tabs: supervisionTabs('/giam-sat/vang-mat'),
    canAct,
    rows: input.rows.map((a) => ({
      id: a.id,
      official: `${a.official.name} (${ROLE_LABELS[a.official.role]}${a.official.department ? `, ${a.official.department}` : ''})`,
      delegate: a.delegate.name,
      span: `${formatVietnameseDate(a.fromDay)} – ${formatVietnameseDate(a.toDay)}`,
      reason: a.reason,
      status: a.status,
      statusLabel: ABSENCE_STATUS_LABELS[a.status],
      tone: a.status === 'active' ? 'soon' : a.status === 'upcoming' ? 'ok' : '',
      moves: a.movedOut || a.movedBack ? `${a.movedOut} nhiệm vụ đã chuyển, ${a.movedBack} đã trả lại` : 'Chưa chuyển nhiệm vụ nào',
      movesHref: `/giam-sat/phan-cong/absence-${a.id}`,
      recorded: `${a.createdBy} · ${dateTimeText(a.createdAt)}${a.cancelledAt ? ` · hủy lúc ${dateTimeText(a.cancelledAt)}` : ''}`,
      cancellable: canAct && (a.status === 'upcoming' || a.status === 'active'),
    })),
    form: {
      officials: active.map((o) => option(o, values.officialId)),
      delegates: active.map((o) => option(o, values.delegateId)),
      fromDay: values.fromDay ?? input.today,
      toDay: values.toDay ?? input.today,
      reason: values.reason ?? '',
      errors: input.form.errors ?? {},
      error: input.form.error,
    },
  };
}
