/**
 * The printed forms of Circular 03/2025/TT-VPCP Annex I that are made on demand from the read
 * model (01 and 04 are in documents.ts): 02 request to supplement, 03 refusal to accept, 05 notice
 * that handling is stopped, 06 process-control slip, 07 tracking ledger of an agency. Each form
 * about one dossier says whether it applies to the dossier's state, and why not when it does not.
 */
import type { Writable } from 'node:stream';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Agency, Dossier, type IDossier, type ITask, type ITimelineEvent, Task, TimelineEvent } from '../../db/entities';
import type { Orm } from '../../db/orm';
import { lookupPath } from '../../domain/applicant-links';
import { STATUS } from '../../domain/portal-status';
import { findProvince } from '../../domain/provinces';
import { ROLE_LABELS, type OfficialRole } from '../../domain/roles';
import { addCalendarDays, atLocalTime, localIsoDate } from '../../domain/vietnam-time';
import { type ProcessControlStep, renderProcessControlSlipPdf } from '../../documents/process-control-slip';
import { renderRefusalNoticePdf } from '../../documents/refusal-notice';
import { renderStopNoticePdf } from '../../documents/stop-notice';
import { renderSupplementRequestPdf } from '../../documents/supplement-request';
import { type LedgerRow, streamTrackingLedgerPdf } from '../../documents/tracking-ledger';
import { type DownloadableDocument, formHeading } from './documents';

/** The forms about one dossier, by their number. */
export type DossierFormNumber = '02' | '03' | '05' | '06';

export type FormOutcome = { ok: true; document: DownloadableDocument } | { ok: false; reason: string };

/** The path of each form about one dossier (under `/ho-so/<code>/`), and its name for links and messages. */
export const DOSSIER_FORMS: Record<DossierFormNumber, { path: string; name: string }> = {
  '02': { path: 'phieu-yeu-cau-bo-sung.pdf', name: 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (mẫu 02)' },
  '03': { path: 'phieu-tu-choi-tiep-nhan.pdf', name: 'Phiếu từ chối tiếp nhận giải quyết hồ sơ (mẫu 03)' },
  '05': { path: 'thong-bao-dung-xu-ly.pdf', name: 'Thông báo dừng xử lý hồ sơ (mẫu 05)' },
  '06': { path: 'phieu-kiem-soat.pdf', name: 'Phiếu kiểm soát quá trình giải quyết hồ sơ (mẫu 06)' },
};

/** Which of forms 02, 03, 05, 06 apply to the dossier now (the page links those; the routes refuse the others). */
export function applicableForms(dossier: Pick<IDossier, 'supplement' | 'outcome' | 'acceptedAt'>): DossierFormNumber[] {
  const forms: DossierFormNumber[] = [];
  if (dossier.supplement) forms.push('02');
  if (dossier.outcome === 'refused') forms.push('03');
  if (dossier.outcome === 'cancelled') forms.push('05');
  if (dossier.acceptedAt) forms.push('06');
  return forms;
}

/** The ledger's bounds: a longer period or more rows is refused with what to do instead. */
export const LEDGER_MAX_DAYS = 366;
export const LEDGER_MAX_ROWS = 5000;
const LEDGER_BATCH = 500;

/** The last decision of an official at or before `at` (all of them when `at` is absent). */
function lastDecision(events: readonly ITimelineEvent[], at?: Date): ITimelineEvent | undefined {
  return [...events].reverse().find((e) => e.type === 'action' && e.actorKind === 'official' && (!at || e.at.getTime() <= at.getTime() + 1000));
}

/** Early, on time or late, as form 06 records each hand-over. */
export function stepStanding(task: Pick<ITask, 'status' | 'dueAt' | 'completedAt'>, now: Date): string {
  if (task.status === 'cancelled') return 'Đã hủy';
  if (!task.completedAt) return task.dueAt && now > task.dueAt ? 'Đang xử lý, quá hạn' : 'Đang xử lý';
  if (!task.dueAt) return 'Đúng hạn';
  if (task.completedAt > task.dueAt) return 'Quá hạn';
  return localIsoDate(task.completedAt) < localIsoDate(task.dueAt) ? 'Trước hạn' : 'Đúng hạn';
}

/** One row per task: who handed the dossier over (the previous task's official), who received it. */
export function processSteps(dossier: Pick<IDossier, 'applicantName'>, tasks: readonly ITask[], now: Date): ProcessControlStep[] {
  let previous = `Người nộp: ${dossier.applicantName}`;
  return tasks.map((task) => {
    const receivedBy = task.assigneeName ?? task.assignedGroup ?? ROLE_LABELS[task.role as OfficialRole] ?? task.role;
    const note = [task.actionLabel, task.reason].filter(Boolean).join(': ');
    const step: ProcessControlStep = {
      name: task.name,
      handedOverBy: previous,
      receivedBy,
      receivedAt: (task.claimedAt ?? task.createdAt).toISOString(),
      finishedAt: task.completedAt?.toISOString(),
      dueAt: task.dueAt?.toISOString(),
      standing: stepStanding(task, now),
      note: note || undefined,
    };
    if (task.status === 'done') previous = receivedBy;
    return step;
  });
}

/** How a dossier left the agency, for the ledger's last column. */
export function handedOverLabel(d: Pick<IDossier, 'status' | 'outcome'>): string {
  if (d.outcome === 'refused') return 'Không được tiếp nhận';
  if (d.outcome === 'cancelled') return d.status === STATUS.WITHDRAWN ? 'Công dân rút hồ sơ' : 'Dừng xử lý';
  if (d.outcome === 'rejected') return 'Đã trả văn bản trả lời (không giải quyết)';
  if (d.status === STATUS.RESULT_RETURNED || d.outcome === 'completed') return 'Đã trả kết quả';
  if (d.status === STATUS.PROCESSED) return 'Chờ trả kết quả';
  return 'Đang giải quyết';
}

export class PrintedForms {
  /** Rows one ledger may print; beyond, the route asks for a shorter period. */
  maxRows = LEDGER_MAX_ROWS;

  constructor(
    private readonly orm: Orm,
    private readonly publicUrl: string,
  ) {}

  private em(): EntityManager {
    return this.orm.em.fork();
  }

  private async eventsOf(dossier: IDossier): Promise<ITimelineEvent[]> {
    return this.em().find(TimelineEvent, { dossier: dossier.id }, { orderBy: { seq: 'asc' } });
  }

  async form(dossier: IDossier, form: DossierFormNumber, now = new Date()): Promise<FormOutcome> {
    switch (form) {
      case '02':
        return this.supplementRequest(dossier);
      case '03':
        return this.refusal(dossier);
      case '05':
        return this.stopNotice(dossier);
      case '06':
        return this.processControl(dossier, now);
    }
  }

  private file(dossier: IDossier, name: string, content: Buffer): FormOutcome {
    return { ok: true, document: { fileName: `${dossier.code}-${name}.pdf`, mimeType: 'application/pdf', content } };
  }

  private async supplementRequest(dossier: IDossier): Promise<FormOutcome> {
    const supplement = dossier.supplement;
    if (!supplement) return { ok: false, reason: `Hồ sơ ${dossier.code} chưa có yêu cầu bổ sung nào: không có phiếu yêu cầu bổ sung (mẫu 02) để in.` };
    const requestedAt = new Date(supplement.requestedAt);
    const by = lastDecision(await this.eventsOf(dossier), requestedAt);
    const content = await renderSupplementRequestPdf({
      ...formHeading(dossier, dossier.acceptedAt ?? dossier.submittedAt),
      round: supplement.round,
      reason: supplement.reason,
      requestedAt: supplement.requestedAt,
      requestedBy: by?.actorName ?? '',
      lookupUrl: `${this.publicUrl}${lookupPath(dossier.code, dossier.lookupSecret)}`,
    });
    return this.file(dossier, `phieu-yeu-cau-bo-sung-lan-${supplement.round}`, content);
  }

  private async refusal(dossier: IDossier): Promise<FormOutcome> {
    if (dossier.outcome !== 'refused') {
      return {
        ok: false,
        reason: dossier.acceptedAt
          ? `Hồ sơ ${dossier.code} đã được tiếp nhận: không có phiếu từ chối tiếp nhận (mẫu 03).`
          : `Hồ sơ ${dossier.code} chưa bị từ chối tiếp nhận: phiếu từ chối (mẫu 03) chỉ in sau khi cán bộ từ chối tiếp nhận.`,
      };
    }
    const decision = lastDecision(await this.eventsOf(dossier));
    const refusedAt = decision?.at ?? dossier.completedAt ?? new Date();
    const content = await renderRefusalNoticePdf({
      ...formHeading(dossier, dossier.submittedAt),
      reason: decision?.note || 'Hồ sơ không đủ điều kiện tiếp nhận theo quy định.',
      refusedAt: refusedAt.toISOString(),
      refusedBy: decision?.actorName ?? '',
    });
    return this.file(dossier, 'phieu-tu-choi-tiep-nhan', content);
  }

  private async stopNotice(dossier: IDossier): Promise<FormOutcome> {
    if (dossier.outcome !== 'cancelled') {
      return {
        ok: false,
        reason: dossier.completedAt
          ? `Hồ sơ ${dossier.code} đã kết thúc nhưng không phải do dừng xử lý: không có thông báo dừng xử lý (mẫu 05).`
          : `Hồ sơ ${dossier.code} đang được giải quyết: thông báo dừng xử lý (mẫu 05) chỉ in khi hồ sơ đã dừng xử lý.`,
      };
    }
    const events = await this.eventsOf(dossier);
    const decision = lastDecision(events);
    const expired = dossier.payment?.status === 'expired';
    const reason = expired
      ? 'Quá hạn nộp phí, lệ phí mà Ông/Bà chưa thực hiện nghĩa vụ tài chính.'
      : dossier.status === STATUS.WITHDRAWN
        ? `Ông/Bà đã yêu cầu rút hồ sơ.${decision?.note ? ` ${decision.note}` : ''}`
        : decision?.note || dossier.stepName;
    const content = await renderStopNoticePdf({
      ...formHeading(dossier, dossier.acceptedAt ?? dossier.submittedAt),
      reason,
      stoppedAt: (dossier.completedAt ?? new Date()).toISOString(),
      stoppedBy: expired ? undefined : decision?.actorName,
    });
    return this.file(dossier, 'thong-bao-dung-xu-ly', content);
  }

  private async processControl(dossier: IDossier, now: Date): Promise<FormOutcome> {
    if (!dossier.acceptedAt) {
      return { ok: false, reason: `Hồ sơ ${dossier.code} chưa được tiếp nhận: phiếu kiểm soát quá trình (mẫu 06) bắt đầu từ khi tiếp nhận.` };
    }
    const tasks = await this.em().find(Task, { dossier: dossier.id }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    const content = await renderProcessControlSlipPdf({
      ...formHeading(dossier, dossier.acceptedAt),
      appointmentAt: dossier.appointmentAt?.toISOString(),
      printedAt: now.toISOString(),
      steps: processSteps(dossier, tasks, now),
    });
    return this.file(dossier, 'phieu-kiem-soat', content);
  }

  /** How many dossiers the agency received in the period (local days, both included). */
  async ledgerCount(agencyId: number, from: string, to: string): Promise<number> {
    return this.em().count(Dossier, { agency: agencyId, submittedAt: { $gte: atLocalTime(from), $lt: atLocalTime(addCalendarDays(to, 1)) } });
  }

  /** Streams form 07 into `out`: the agency's dossiers received in the period, oldest first, read in batches. */
  async streamLedger(agencyId: number, from: string, to: string, out: Writable, now = new Date()): Promise<number> {
    const agency = await this.em().findOneOrFail(Agency, { id: agencyId });
    const where = { agency: agencyId, submittedAt: { $gte: atLocalTime(from), $lt: atLocalTime(addCalendarDays(to, 1)) } };
    const em = this.em();
    const maxRows = this.maxRows;
    async function* rows(): AsyncIterable<LedgerRow> {
      let after: { at: Date; id: number } | undefined;
      let sent = 0;
      while (sent < maxRows) {
        const batch = await em.find(
          Dossier,
          after ? { ...where, $or: [{ submittedAt: { $gt: after.at } }, { submittedAt: after.at, id: { $gt: after.id } }] } : where,
          { orderBy: { submittedAt: 'asc', id: 'asc' }, limit: Math.min(LEDGER_BATCH, maxRows - sent) },
        );
        for (const d of batch) {
          yield {
            code: d.code,
            applicantName: d.applicantName,
            procedureName: d.procedureName,
            receivedAt: (d.acceptedAt ?? d.submittedAt).toISOString(),
            appointmentAt: d.appointmentAt?.toISOString(),
            finishedAt: (d.decidedAt ?? d.completedAt)?.toISOString(),
            handedOver: handedOverLabel(d),
          };
        }
        em.clear();
        sent += batch.length;
        if (batch.length < LEDGER_BATCH) return;
        const last = batch[batch.length - 1];
        after = { at: last.submittedAt, id: last.id };
      }
    }
    return streamTrackingLedgerPdf(
      {
        agencyName: agency.name,
        agencyCode: agency.code,
        provinceName: findProvince(agency.provinceCode)?.name ?? '',
        from,
        to,
        printedAt: now.toISOString(),
        rows: rows(),
      },
      out,
    );
  }
}
