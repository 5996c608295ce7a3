/**
 * Results handed over (issue 9): at the counter (who collected, the identity document checked,
 * their relation to the applicant) or by post (tracking number), once per dossier, recorded with
 * who handed it over and when, and in the audit trail. Refused with a reason when the dossier has
 * no result yet or was handed over already. The timeline belongs to the workflow (its sequence
 * numbers are the workflow's), so the handover is shown beside it, from its own table.
 */
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { appendAudit } from '../../db/audit';
import { type IDossier, type IResultHandover, ResultHandover } from '../../db/entities';
import type { Orm } from '../../db/orm';
import type { SessionUser } from '../session-user';
import { resultsOf } from './read-model';

export interface HandoverInput {
  method: 'counter' | 'post';
  collectorName: string;
  collectorIdNumber?: string;
  relation?: string;
  trackingNumber?: string;
  note?: string;
  /** The form's request id: the same form sent again (a double click) is answered as done. */
  requestId?: string;
}

export type HandoverResult = { kind: 'done' } | { kind: 'refused'; message: string };

export class HandoverService {
  constructor(private readonly orm: Orm) {}

  async of(dossier: IDossier): Promise<IResultHandover | null> {
    return this.orm.em.fork().findOne(ResultHandover, { dossier: dossier.id });
  }

  /** Why a handover cannot be recorded now, if it cannot. */
  async refusal(dossier: IDossier): Promise<string | undefined> {
    if (!resultsOf(dossier).length) return 'Hồ sơ chưa có kết quả để trả.';
    const earlier = await this.of(dossier);
    if (earlier) return `Kết quả đã được trả cho ${earlier.collectorName} lúc ${earlier.handedOverAt.toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' })}.`;
    return undefined;
  }

  async record(user: SessionUser, dossier: IDossier, input: HandoverInput, now = new Date()): Promise<HandoverResult> {
    if (input.requestId && (await this.orm.em.fork().count(ResultHandover, { dossier: dossier.id, requestId: input.requestId }))) return { kind: 'done' };
    const refused = await this.refusal(dossier);
    if (refused) return { kind: 'refused', message: refused };
    try {
      await this.orm.em.fork().insert(ResultHandover, {
        dossier: dossier.id,
        method: input.method,
        collectorName: input.collectorName,
        collectorIdNumber: input.method === 'counter' ? (input.collectorIdNumber ?? null) : null,
        relation: input.method === 'counter' ? (input.relation ?? null) : null,
        trackingNumber: input.method === 'post' ? (input.trackingNumber ?? null) : null,
        handedOverAt: now,
        officialId: String(user.id),
        officialName: user.name,
        note: input.note || null,
        requestId: input.requestId ?? null,
      });
    } catch (error) {
      // Two officials at the same moment: the other one recorded it.
      if (!(error instanceof UniqueConstraintViolationException)) throw error;
      return { kind: 'refused', message: (await this.refusal(dossier)) ?? 'Kết quả đã được trả.' };
    }
    await appendAudit(this.orm.em.fork(), {
      actor: user.username,
      action: 'result-handed-over',
      target: dossier.code,
      agencyCode: dossier.agency.code,
      dossierCode: dossier.code,
      key: `handover:${dossier.code}`,
      // No personal data of the collector in the trail: the method and who handed over.
      detail: { method: input.method },
    });
    return { kind: 'done' };
  }
}
