/**
 * The one-stop counter (issue 9): a receiver registers a walk-in dossier with the same form and
 * checks as online (IntakeService, channel "counter"), the scans of its documents
 * (AttachmentService, kept under the form's token while a field is missing), and takes the fee in
 * cash where the dossier waits for it, which confirms the payment to the workflow through the same
 * confirmPayment Update as the gateway's callback (idempotent by the form's request id).
 */
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { Agency, CounterIntake, CounterPayment, Dossier, type IAgency, type ICounterPayment, type IDossier } from '../../db/entities';
import { appendAudit } from '../../db/audit';
import type { Orm } from '../../db/orm';
import { findProvince } from '../../domain/provinces';
import { addCalendarDays, formatVietnameseDate, localIsoDate } from '../../domain/vietnam-time';
import { renderFeeReceiptPdf } from '../../documents/fee-receipt';
import type { ProcedureDefinition } from '../../engine/definition';
import { validateForm } from '../../engine/form';
import type { SessionUser } from '../session-user';
import type { FieldErrors } from '../validation';
import { type AttachmentService, type IncomingFile, requirementsOf, uploadField } from './attachments';
import type { DossierActions } from './dossier-actions';
import type { DownloadableDocument } from './documents';
import type { IntakeService } from './intake';
import { isUnconfirmed } from './dossier-actions';

export interface CounterIntakeRequest {
  user: SessionUser;
  definition: ProcedureDefinition;
  values: Record<string, string>;
  files: readonly IncomingFile[];
  /** The form's upload token: files received with a form that did not go through are kept under it. */
  token: string;
  requestId: string;
  /** A problem reading the request as a whole (middleware/multipart.ts). */
  uploadProblem?: string;
  /** How the paper dossier arrived, as typed (`ARRIVAL_FIELDS`); none: in person at the counter. */
  arrival?: Record<string, string>;
}

/** The intake form's fields saying how the paper dossier arrived: at the counter, or by post. */
export const ARRIVAL_FIELDS = ['receivedVia', 'postTrackingNumber', 'postArrivedOn'] as const;

/** How long after it arrived a posted dossier may still be registered. */
export const POST_ARRIVAL_MAX_DAYS = 30;

export type Arrival = { channel: 'counter' } | { channel: 'post'; trackingNumber: string; arrivedOn: string };

/**
 * How the paper dossier arrived, from the form's values: in person (channel "counter") or by post
 * (channel "post", with the postal tracking number and the day it arrived, not after today and not
 * more than POST_ARRIVAL_MAX_DAYS before). Errors are keyed by the form's field names.
 */
export function checkArrival(raw: Record<string, string> | undefined, today: string): { ok: true; arrival: Arrival } | { ok: false; errors: FieldErrors } {
  const via = (raw?.receivedVia ?? '').trim() || 'counter';
  if (via === 'counter') return { ok: true, arrival: { channel: 'counter' } };
  if (via !== 'post') return { ok: false, errors: { receivedVia: 'Vui lòng chọn hồ sơ được nộp trực tiếp tại quầy hay gửi qua bưu chính.' } };
  const errors: FieldErrors = {};
  const trackingNumber = (raw?.postTrackingNumber ?? '').trim().toUpperCase();
  if (!trackingNumber) errors.postTrackingNumber = 'Vui lòng nhập mã bưu gửi của hồ sơ gửi qua bưu chính.';
  else if (!/^[A-Z0-9-]{6,40}$/.test(trackingNumber)) errors.postTrackingNumber = 'Mã bưu gửi gồm 6 đến 40 chữ cái không dấu, chữ số hoặc dấu gạch ngang (ví dụ EB123456789VN).';
  const arrivedOn = (raw?.postArrivedOn ?? '').trim();
  const earliest = addCalendarDays(today, -POST_ARRIVAL_MAX_DAYS);
  if (!arrivedOn) errors.postArrivedOn = 'Vui lòng nhập ngày hồ sơ gửi qua bưu chính đến cơ quan.';
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(arrivedOn) || new Date(`${arrivedOn}T00:00:00Z`).toISOString().slice(0, 10) !== arrivedOn) {
    errors.postArrivedOn = 'Ngày hồ sơ đến không hợp lệ; vui lòng nhập theo dạng ngày/tháng/năm.';
  } else if (arrivedOn > today) errors.postArrivedOn = `Ngày hồ sơ đến không được sau hôm nay (${formatVietnameseDate(today)}).`;
  else if (arrivedOn < earliest) {
    errors.postArrivedOn = `Ngày hồ sơ đến quá ${POST_ARRIVAL_MAX_DAYS} ngày trước (trước ${formatVietnameseDate(earliest)}); vui lòng kiểm tra lại ngày trên phong bì.`;
  }
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, arrival: { channel: 'post', trackingNumber, arrivedOn } };
}

/** A `date` column as the driver gives it (text, or a Date at UTC midnight). */
const isoDay = (value: unknown): string => (value instanceof Date ? value.toISOString().slice(0, 10) : String(value).slice(0, 10));

/** Who registered a paper dossier, and for one received by post, its tracking number and arrival day. */
export interface CounterIntakeRecord {
  officialName: string;
  receivedAt: Date;
  post?: { trackingNumber: string; arrivedOn: string };
}

export type StagedFile = { requirementId: string; fileName: string; size: number; mimeType: string };

export type CounterIntakeResult =
  | { kind: 'created'; code: string }
  | { kind: 'invalid'; values: Record<string, string>; errors: FieldErrors; documentErrors: Record<string, string>; staged: StagedFile[]; problem?: string }
  | { kind: 'refused'; message: string };

export interface CounterPaymentRequest {
  receiptNumber: string;
  amount: number;
  requestId: string;
}

export type CounterPaymentResult =
  | { kind: 'done'; receiptNumber: string }
  | { kind: 'invalid'; errors: FieldErrors }
  | { kind: 'refused'; message: string }
  | { kind: 'unconfirmed'; message: string };

const APPLIED = 'applied';

/** Whether the dossier waits for its fee now (status 6 with a pending payment request). */
export function awaitsPayment(dossier: Pick<IDossier, 'status' | 'payment'>): boolean {
  return dossier.status === 6 && dossier.payment?.status === 'pending';
}

export class CounterService {
  constructor(
    private readonly orm: Orm,
    private readonly intake: IntakeService,
    private readonly attachments: AttachmentService,
    private readonly actions: DossierActions,
  ) {}

  async agencyOf(user: SessionUser): Promise<IAgency> {
    return this.orm.em.fork().findOneOrFail(Agency, { id: user.agencyId });
  }

  /** The procedures this agency receives: of its kind and level. */
  proceduresFor(agency: IAgency, published: readonly ProcedureDefinition[]): ProcedureDefinition[] {
    return published.filter((p) => p.agencyKind === agency.kind && (p.level === 'commune') === !!agency.communeCode);
  }

  /** The form field naming the place, and this agency's value for it. */
  placeOf(definition: ProcedureDefinition, agency: IAgency): { field: string; value: string } {
    return definition.level === 'commune'
      ? { field: definition.form.communeField!, value: agency.communeCode ?? '' }
      : { field: definition.form.provinceField!, value: agency.provinceCode };
  }

  async register(r: CounterIntakeRequest, now = new Date()): Promise<CounterIntakeResult> {
    // The same form sent again (a double click, a retry): the dossier it made.
    const earlier = await this.orm.em.fork().findOne(Dossier, { idempotencyKey: `counter:${r.requestId}` });
    if (earlier) return { kind: 'created', code: earlier.code };
    const agency = await this.agencyOf(r.user);
    if (!this.proceduresFor(agency, [r.definition]).length) {
      return { kind: 'refused', message: `${agency.name} không tiếp nhận thủ tục "${r.definition.name}".` };
    }
    const checked = validateForm(r.definition, r.values, localIsoDate(now));
    const values = checked.ok ? checked.values : { ...r.values, ...checked.values };
    const errors: FieldErrors = checked.ok ? {} : { ...checked.errors };
    const arrived = checkArrival(r.arrival, localIsoDate(now));
    if (!arrived.ok) Object.assign(errors, arrived.errors);
    const place = this.placeOf(r.definition, agency);
    if (!errors[place.field] && values[place.field] !== place.value) {
      errors[place.field] = `${agency.name} chỉ tiếp nhận hồ sơ thuộc địa bàn của mình; vui lòng chọn đúng địa bàn.`;
    }

    // Files first: whatever passed the checks is kept, even if a field is missing.
    const requirements = requirementsOf(r.definition, values);
    const uploads = this.attachments.check(r.files, requirements);
    await this.attachments.stage(r.token, r.user.id, uploads.accepted);
    const staged = await this.attachments.staged(r.token, r.user.id);
    const documentErrors: Record<string, string> = { ...uploads.errors };
    for (const q of requirements) {
      if (q.required && !documentErrors[q.id] && !staged.some((s) => s.requirementId === q.id)) {
        documentErrors[q.id] = `Vui lòng tải lên bản quét "${q.name}".`;
      }
    }
    if (r.uploadProblem || Object.keys(errors).length || Object.keys(documentErrors).length) {
      return { kind: 'invalid', values, errors, documentErrors, staged, problem: r.uploadProblem };
    }

    const result = await this.intake.submit(
      { procedureCode: r.definition.code, form: values, channel: arrived.ok ? arrived.arrival.channel : 'counter', idempotencyKey: `counter:${r.requestId}` },
      now,
    );
    if (result.kind === 'invalid') return { kind: 'invalid', values: result.values, errors: result.errors, documentErrors, staged };
    const arrival: Arrival = arrived.ok ? arrived.arrival : { channel: 'counter' };
    if (result.kind !== 'created' && result.kind !== 'existing') return { kind: 'refused', message: 'message' in result ? result.message : 'Không tiếp nhận được hồ sơ.' };

    const em = this.orm.em.fork();
    const dossier = await em.findOneOrFail(Dossier, { code: result.code }, { populate: ['agency'] });
    if (dossier.agency.id !== agency.id) {
      // Routed elsewhere despite the place check (an agency split): never the case with the place fixed above.
      return { kind: 'refused', message: `Hồ sơ ${dossier.code} thuộc ${dossier.agency.name}.` };
    }
    await em
      .getConnection()
      .execute(
        `insert into counter_intake (dossier_id, official_id, official_name, received_at, channel, postal_tracking_number, arrived_on)
         values (?, ?, ?, ?, ?, ?, ?) on conflict (dossier_id) do nothing`,
        [
          dossier.id,
          String(r.user.id),
          r.user.name,
          now,
          arrival.channel,
          arrival.channel === 'post' ? arrival.trackingNumber : null,
          arrival.channel === 'post' ? arrival.arrivedOn : null,
        ],
      );
    await this.attachments.attachStaged(r.token, r.user.id, dossier, requirements, { kind: 'official', id: String(r.user.id), name: r.user.name });
    await appendAudit(this.orm.em.fork(), {
      actor: r.user.username,
      action: 'dossier-received-at-counter',
      target: dossier.code,
      agencyCode: agency.code,
      dossierCode: dossier.code,
      key: `counter-intake:${dossier.code}`,
      detail: { procedure: r.definition.code, documents: staged.length, channel: arrival.channel },
    });
    return { kind: 'created', code: dossier.code };
  }

  /** Who registered a walk-in dossier (null: not registered at the counter). */
  async intakeOf(dossier: IDossier): Promise<CounterIntakeRecord | null> {
    const row = await this.orm.em.fork().findOne(CounterIntake, { dossier: dossier.id });
    if (!row) return null;
    const post = row.channel === 'post' && row.postalTrackingNumber && row.arrivedOn ? { trackingNumber: row.postalTrackingNumber, arrivedOn: isoDay(row.arrivedOn) } : undefined;
    return { officialName: row.officialName, receivedAt: row.receivedAt, ...(post ? { post } : {}) };
  }

  async paymentsOf(dossier: IDossier): Promise<ICounterPayment[]> {
    return this.orm.em.fork().find(CounterPayment, { dossier: dossier.id }, { orderBy: { id: 'desc' } });
  }

  /** Records a cash payment and confirms it to the workflow. The same form again changes nothing. */
  async pay(user: SessionUser, dossier: IDossier, request: CounterPaymentRequest): Promise<CounterPaymentResult> {
    const em = this.orm.em.fork();
    const earlier = await em.findOne(CounterPayment, { requestId: request.requestId });
    if (earlier && earlier.outcome === APPLIED) return { kind: 'done', receiptNumber: earlier.receiptNumber };
    if (!earlier) {
      const payment = dossier.payment;
      if (!payment || payment.status === 'expired' || (dossier.status !== 6 && payment.status !== 'paid')) {
        return { kind: 'refused', message: 'Hồ sơ không ở trạng thái chờ nộp phí, lệ phí.' };
      }
      if (payment.status === 'paid') return { kind: 'refused', message: 'Hồ sơ đã được thanh toán; không thu thêm.' };
      if (request.amount !== payment.amount) {
        return { kind: 'invalid', errors: { amount: `Số tiền phải đúng số phải nộp: ${payment.amount.toLocaleString('vi-VN')} đồng.` } };
      }
      try {
        await em.insert(CounterPayment, {
          dossier: dossier.id,
          reference: payment.reference,
          receiptNumber: request.receiptNumber,
          amount: request.amount,
          requestId: request.requestId,
          receivedById: String(user.id),
          receivedByName: user.name,
          receivedAt: new Date(),
          outcome: 'pending',
        });
      } catch (error) {
        if (!(error instanceof UniqueConstraintViolationException)) throw error;
        const same = await em.findOne(CounterPayment, { requestId: request.requestId });
        if (!same) return { kind: 'invalid', errors: { receiptNumber: `Số biên lai ${request.receiptNumber} đã được dùng cho một khoản thu khác.` } };
      }
    }
    const row = await em.findOneOrFail(CounterPayment, { requestId: request.requestId });
    const outcome = await this.actions.confirmPayment(dossier.code, {
      reference: row.reference,
      transactionId: `QUAY-${row.receiptNumber}`,
      amount: row.amount,
      paidAt: row.receivedAt.toISOString(),
    });
    if (outcome.kind === 'done') {
      await em.nativeUpdate(CounterPayment, { id: row.id }, { outcome: APPLIED });
      await appendAudit(this.orm.em.fork(), {
        actor: user.username,
        action: 'fee-paid-at-counter',
        target: dossier.code,
        agencyCode: dossier.agency.code,
        dossierCode: dossier.code,
        key: `counter-payment:${row.receiptNumber}`,
        detail: { receiptNumber: row.receiptNumber, amount: row.amount },
      });
      return { kind: 'done', receiptNumber: row.receiptNumber };
    }
    if (isUnconfirmed(outcome)) return { kind: 'unconfirmed', message: outcome.message };
    // Refused: the row is dropped, so the receipt number can be used again once the reason is fixed.
    await em.nativeDelete(CounterPayment, { id: row.id });
    return { kind: 'refused', message: outcome.message };
  }

  /** The fee receipt (biên lai) of a payment taken at the counter. */
  async feeReceipt(dossier: IDossier, definition: ProcedureDefinition, receiptNumber?: string): Promise<DownloadableDocument | undefined> {
    const em = this.orm.em.fork();
    const row = await em.findOne(
      CounterPayment,
      { dossier: dossier.id, outcome: APPLIED, ...(receiptNumber ? { receiptNumber } : {}) },
      { orderBy: { id: 'desc' } },
    );
    if (!row) return undefined;
    const content = await renderFeeReceiptPdf({
      agencyName: dossier.agency.name,
      provinceName: findProvince(dossier.agency.provinceCode)?.name ?? '',
      dossierCode: dossier.code,
      procedureName: dossier.procedureName,
      applicantName: dossier.applicantName,
      receiptNumber: row.receiptNumber,
      reference: row.reference,
      amount: row.amount,
      paidAt: row.receivedAt.toISOString(),
      receivedBy: row.receivedByName,
      feeLabels: definition.fees.map((f) => f.label),
    });
    return { content, fileName: `bien-lai-${row.receiptNumber}.pdf`, mimeType: 'application/pdf' } as DownloadableDocument;
  }
}

export { uploadField };
