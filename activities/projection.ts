/**
 * Writes the workflow's changes into the read model. A batch is applied whole or not at all,
 * and only if it is newer than what the row holds: a retried or late batch changes nothing.
 */
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { Agency, Dossier, type IAgency, type IDossier, type ITask, Official, Task, TimelineEvent } from '../db/entities';
import type { Orm } from '../db/orm';
import type { ProjectionBatch, TaskSnapshot } from '../workflows/messages';

const date = (iso: string | undefined) => (iso ? new Date(iso) : null);

function officialRef(em: EntityManager, id: string | undefined) {
  const numeric = Number(id);
  return id && Number.isInteger(numeric) ? em.getReference(Official, numeric) : null;
}

function applyTask(em: EntityManager, row: ITask | undefined, snap: TaskSnapshot, dossier: IDossier, agency: IAgency) {
  const values = {
    stepId: snap.stepId,
    name: snap.name,
    role: snap.role,
    status: snap.status,
    createdAt: new Date(snap.createdAt),
    dueAt: date(snap.dueAt),
    assignee: officialRef(em, snap.assignee?.id),
    assigneeName: snap.assignee?.name ?? null,
    claimedAt: date(snap.claimedAt),
    completedAt: date(snap.completedAt),
    action: snap.action ?? null,
    actionLabel: snap.actionLabel ?? null,
    reason: snap.reason ?? null,
    handoverNote: snap.handoverNote ?? null,
  };
  if (row) em.assign(row, values);
  else em.create(Task, { ...values, dossier, agency, taskKey: snap.id });
}

export function createProjection(orm: Orm) {
  return async function projectDossier(batch: ProjectionBatch): Promise<void> {
    await orm.em.fork().transactional(async (em) => {
      const dossier = await em.findOne(Dossier, { code: batch.dossier.code }, { lockMode: LockMode.PESSIMISTIC_WRITE, populate: ['agency'] });
      if (!dossier) throw new Error(`dossier ${batch.dossier.code} is not in the read model`);
      if (dossier.version >= batch.version) return;

      const s = batch.dossier;
      em.assign(dossier, {
        version: batch.version,
        status: s.status,
        stepId: s.stepId,
        stepName: s.stepName,
        outcome: s.outcome ?? null,
        form: s.form,
        inputs: s.inputs ?? {},
        acceptedAt: date(s.acceptedAt),
        appointmentAt: date(s.appointmentAt),
        completedAt: date(s.completedAt),
        checks: s.checks,
        payment: s.payment ?? null,
        result: s.result ?? null,
        supplement: s.supplement ?? null,
      });

      const existing = batch.tasks.length
        ? await em.find(Task, { dossier, taskKey: { $in: batch.tasks.map((t) => t.id) } })
        : [];
      // Consulted agencies (liên thông) work some tasks; the rest belong to the handling agency.
      const otherCodes = [...new Set(batch.tasks.map((t) => t.agencyCode).filter((c) => c && c !== dossier.agency.code))];
      const others = otherCodes.length ? await em.find(Agency, { code: { $in: otherCodes } }) : [];
      for (const snap of batch.tasks) {
        const agency = others.find((a) => a.code === snap.agencyCode) ?? dossier.agency;
        applyTask(em, existing.find((t) => t.taskKey === snap.id), snap, dossier, agency);
      }

      for (const e of batch.events) {
        em.create(TimelineEvent, {
          dossier,
          seq: e.seq,
          at: new Date(e.at),
          type: e.type,
          actorKind: e.actor.kind,
          actorId: e.actor.id ?? null,
          actorName: e.actor.name,
          actorRole: e.actor.role ?? null,
          stepId: e.stepId ?? null,
          taskKey: e.taskId ?? null,
          status: e.status ?? null,
          note: e.note ?? null,
          data: e.data ?? null,
        });
      }
    });
  };
}
