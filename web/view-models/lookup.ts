/**
 * The public status page: what anyone holding the code may know. No personal data beyond a
 * masked name; the payment link while a fee is due.
 */
import type { IDossier, ITimelineEvent } from '../../db/entities';
import { formatVnd } from '../../domain/money';
import { OUTCOME_LABELS } from '../../domain/outcomes';
import { maskName } from '../../domain/personal-data';
import { portalStatusLabel } from '../../domain/portal-status';
import { dateText, dateTimeText } from './format';

export function lookupPage(input: { code: string; dossier?: IDossier; events?: readonly ITimelineEvent[]; error?: string }) {
  const { code, dossier, error } = input;
  if (!dossier) return { title: 'Tra cứu hồ sơ', code, error, dossier: undefined };
  const history = (input.events ?? []).filter((e) => e.type === 'status' || e.type === 'submitted');
  return {
    title: `Hồ sơ ${dossier.code}`,
    code,
    error,
    dossier: {
      code: dossier.code,
      procedureName: dossier.procedureName,
      agencyName: dossier.agency.name,
      applicant: maskName(dossier.applicantName),
      status: dossier.status,
      statusLabel: portalStatusLabel(dossier.status),
      outcomeLabel: dossier.outcome ? OUTCOME_LABELS[dossier.outcome] : undefined,
      submittedAt: dateTimeText(dossier.submittedAt),
      appointmentAt: dateText(dossier.appointmentAt),
      completedAt: dateTimeText(dossier.completedAt),
      payment:
        dossier.payment?.status === 'pending'
          ? { amount: formatVnd(dossier.payment.amount), payUrl: dossier.payment.payUrl, deadlineAt: dateTimeText(dossier.payment.deadlineAt) }
          : undefined,
      history: history.map((e) => ({ at: dateTimeText(e.at), label: portalStatusLabel(e.status ?? 1) })),
    },
  };
}

export function notFoundMessage(code: string): string {
  return `Không tìm thấy hồ sơ có mã ${code}. Vui lòng kiểm tra lại mã trên giấy tiếp nhận hoặc thư thông báo.`;
}
