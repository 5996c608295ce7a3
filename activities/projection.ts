/**
 * Writes the workflow's changes into the read model: the dossier row, its changed tasks, new
 * timeline events and the messages they caused, in one transaction. Batches are ordered by
 * (epoch, version) (workflows/messages.ts): a row only takes a newer batch, so a retried or late
 * batch changes nothing, and the truth a workflow makes after an outage overwrites whatever a
 * lost workflow task wrote before it (dossiers started before effects waited for durability
 * wrote from inside the workflow task): stale fields are replaced, timeline rows beyond the
 * truth removed, and open tasks the workflow does not have deleted. A batch never fails on a
 * row someone else wrote, so a projection cannot fail in a loop.
 *
 * After the commit, PostgreSQL tells listeners (`dossier_projected`, "<code>:<version>"): the web
 * answers an official's decision as soon as its page shows it.
 */
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { type AuditEntry, appendAuditEntries } from '../db/audit';
import { DOSSIER_PROJECTED } from '../db/channels';
import type { ApplicantLinks } from '../domain/applicant-links';
import { Agency, Dossier, type IAgency, type IDossier, type ITask, Official, OfficialNotification, Task, TimelineEvent } from '../db/entities';
import type { Orm } from '../db/orm';
import type { OfficialMessage, ProjectionBatch, TaskSnapshot, TimelineEvent as DossierEvent } from '../workflows/messages';
import { type OutboxLog, writeOutbox } from './notifications';

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
    timeLimit: snap.timeLimit ?? null,
    remindedAt: date(snap.remindedAt),
    escalatedAt: date(snap.escalatedAt),
    assignedGroup: snap.assignedGroup ?? null,
  };
  if (row) em.assign(row, values);
  else em.create(Task, { ...values, dossier, agency, taskKey: snap.id });
}

/** Messages to officials (their inbox), once per key, addressed by agency code and official id. */
async function writeOfficialInbox(em: EntityManager, dossierCode: string, messages: readonly OfficialMessage[]): Promise<void> {
  const agencies = await em.find(Agency, { code: { $in: [...new Set(messages.map((m) => m.agencyCode))] } }, { fields: ['id', 'code'] });
  const rows = messages.flatMap((m) => {
    const agency = agencies.find((a) => a.code === m.agencyCode);
    if (!agency) return [];
    const officialId = Number(m.officialId);
    return [
      {
        key: m.key,
        agency: agency.id,
        official: m.officialId && Number.isInteger(officialId) ? officialId : null,
        role: m.officialId ? null : m.role ?? null,
        department: m.department ?? null,
        dossierCode,
        taskKey: m.taskKey ?? null,
        kind: m.kind,
        text: m.text,
        createdAt: new Date(),
      },
    ];
  });
  if (rows.length) await em.createQueryBuilder(OfficialNotification).insert(rows).onConflict('key').ignore().execute('run');
}

/** Who acted, as the audit trail names actors: an official by user name, anyone else by kind. */
const ACTOR_KINDS: Record<DossierEvent['actor']['kind'], string> = { official: 'can-bo', applicant: 'nguoi-nop', system: 'he-thong', gateway: 'cong-thanh-toan' };

/**
 * The batch's timeline events as audit entries, keyed by (dossier, seq): a retried projection,
 * or a later batch carrying the same event, appends nothing twice. The first durable telling of
 * an event is the one kept (a lost workflow task's rewritten timeline stays visible there). No
 * notes or data: they may carry what the applicant wrote.
 */
async function auditEntries(em: EntityManager, code: string, agencyCode: string, events: readonly DossierEvent[]): Promise<AuditEntry[]> {
  const ids = [...new Set(events.flatMap((e) => (e.actor.kind === 'official' && Number.isInteger(Number(e.actor.id)) ? [Number(e.actor.id)] : [])))];
  const officials = ids.length ? await em.find(Official, { id: { $in: ids } }, { fields: ['username'] }) : [];
  const usernames = new Map(officials.map((o) => [String(o.id), o.username]));
  return events.map((e) => ({
    at: new Date(e.at),
    actor: (e.actor.id && usernames.get(e.actor.id)) || ACTOR_KINDS[e.actor.kind],
    action: `dossier-${e.type}`,
    target: code,
    agencyCode,
    dossierCode: code,
    key: `dossier:${code}:${e.seq}`,
    detail: { seq: e.seq, ...(e.stepId ? { step: e.stepId } : {}), ...(e.taskId ? { task: e.taskId } : {}), ...(e.status !== undefined ? { status: e.status } : {}) },
  }));
}

/** Is the batch newer than what the row holds? */
export function isNewer(batch: Pick<ProjectionBatch, 'epoch' | 'version'>, row: { projectionEpoch: number; version: number }): boolean {
  const epoch = batch.epoch ?? 0;
  return epoch !== row.projectionEpoch ? epoch > row.projectionEpoch : batch.version > row.version;
}

export function createProjection(orm: Orm, links: ApplicantLinks, log: OutboxLog) {
  return async function projectDossier(batch: ProjectionBatch): Promise<void> {
    await orm.em.fork().transactional(async (em) => {
      // Lock this dossier's row only: loading its agency in the same query would lock the agency's
      // row too, and serialise the projections of every dossier of the agency.
      const dossier = await em.findOne(Dossier, { code: batch.dossier.code }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      // Intake commits the row before it starts the workflow; without it there is nothing to write to.
      if (!dossier) throw new Error(`dossier ${batch.dossier.code} is not in the read model`);
      if (!isNewer(batch, dossier)) return;
      await em.populate(dossier, ['agency']);

      const s = batch.dossier;
      em.assign(dossier, {
        version: batch.version,
        projectionEpoch: batch.epoch ?? dossier.projectionEpoch,
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
        results: s.results ?? (s.result ? [s.result] : []),
        supplement: s.supplement ?? null,
        timeLimit: s.clock?.limit ?? null,
        pauses: s.clock?.pauses ?? [],
        pausedSince: date(s.clock?.pausedSince),
        apology: s.clock?.apology ?? null,
        decidedAt: date(s.decidedAt),
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
      await em.flush();
      // An open task the workflow does not have was written by a workflow task Temporal never
      // recorded: no one may be offered it.
      const open = s.openTasks.map((t) => t.id);
      await em.nativeDelete(Task, open.length ? { dossier, status: 'open', taskKey: { $nin: open } } : { dossier, status: 'open' });

      if (batch.events.length) {
        await em
          .createQueryBuilder(TimelineEvent)
          .insert(
            batch.events.map((e) => ({
              dossier: dossier.id,
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
            })),
          )
          // The same sequence number already written (by this batch's earlier attempt, or by a
          // lost workflow task) takes the truth.
          .onConflict(['dossier', 'seq'])
          .merge()
          .execute('run');
      }
      if (batch.lastSeq !== undefined) await em.nativeDelete(TimelineEvent, { dossier, seq: { $gt: batch.lastSeq } });

      if (batch.notifications?.length) await writeOutbox(em, dossier.code, batch.notifications, links, log);
      if (batch.officialMessages?.length) await writeOfficialInbox(em, dossier.code, batch.officialMessages);
      await em.getConnection().execute('select pg_notify(?, ?)', [DOSSIER_PROJECTED, `${dossier.code}:${batch.version}`], 'all', em.getTransactionContext());
      // Last: the audit trail's lock is held until the commit.
      if (batch.events.length) await appendAuditEntries(em, await auditEntries(em, dossier.code, dossier.agency.code, batch.events));
    });
  };
}
