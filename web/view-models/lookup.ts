/**
 * The public status page: what anyone holding the code and its lookup secret may know. No personal data beyond a
 * masked name; the payment link while a fee is due.
 */
import type { IDossier, ITimelineEvent } from '../../db/entities';
import { formatVnd } from '../../domain/money';
import { OUTCOME_LABELS } from '../../domain/outcomes';
import { maskName } from '../../domain/personal-data';
import { displayedStatus, endedWithoutResult, portalStatusLabel } from '../../domain/portal-status';
import { withoutStatusGoingBack } from './timeline';
import { dateText, dateTimeText } from './format';

export function lookupPage(input: { code: string; secret?: string; dossier?: IDossier; events?: readonly ITimelineEvent[]; error?: string }) {
  const { code, dossier, error } = input;
  // The secret typed is never written back into the page: a wrong one is typed again.
  if (!dossier) return { title: 'Tra cứu hồ sơ', code, secret: '', error, dossier: undefined };
  const history = withoutStatusGoingBack(input.events ?? []).filter((e) => e.type === 'status' || e.type === 'submitted');
  return {
    title: `Hồ sơ ${dossier.code}`,
    code,
    secret: input.secret ?? '',
    error,
    dossier: {
      code: dossier.code,
      procedureName: dossier.procedureName,
      agencyName: dossier.agency.name,
      applicant: maskName(dossier.applicantName),
      status: displayedStatus(dossier),
      statusLabel: portalStatusLabel(displayedStatus(dossier)),
      outcomeLabel: dossier.outcome ? OUTCOME_LABELS[dossier.outcome] : undefined,
      submittedAt: dateTimeText(dossier.submittedAt),
      appointmentAt: endedWithoutResult(dossier) ? undefined : dateText(dossier.appointmentAt),
      completedAt: dateTimeText(dossier.completedAt),
      payment:
        dossier.payment?.status === 'pending'
          ? { amount: formatVnd(dossier.payment.amount), payUrl: dossier.payment.payUrl, deadlineAt: dateTimeText(dossier.payment.deadlineAt) }
          : undefined,
      history: history.map((e) => ({ at: dateTimeText(e.at), label: portalStatusLabel(e.status ?? 1) })),
    },
  };
}

/** One answer for an unknown code and a wrong secret: the page must not tell them apart. */
export const NOT_FOUND =
  'Không tìm thấy hồ sơ với mã hồ sơ và mã bảo mật đã nhập. Vui lòng kiểm tra lại hai mã trên giấy tiếp nhận hoặc thư thông báo.';
