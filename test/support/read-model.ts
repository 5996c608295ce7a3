/**
 * What tests read back from the read model, as a page would show it: a dossier's tasks, a
 * timeline event, a stored result. Procedure tests use these rather than the entities, so they
 * drive a published version from outside.
 */
import { DossierDocument, type IDossierDocument, type ITask, type ITimelineEvent, Task, TimelineEvent } from '../../db/entities';
import type { Stack } from './stack';

type DossierRef = { id: number };

/** Every task of a dossier, oldest first, with the agency that works it. */
export function tasksOf(stack: Stack, dossier: DossierRef): Promise<ITask[]> {
  return stack.db.orm.em.fork().find(Task, { dossier: dossier.id }, { populate: ['agency'], orderBy: { id: 'asc' } });
}

/** The first timeline event of a type (e.g. 'appointment'); fails when there is none. */
export function timelineEvent(stack: Stack, dossier: DossierRef, type: string): Promise<ITimelineEvent> {
  return stack.db.orm.em.fork().findOneOrFail(TimelineEvent, { dossier: dossier.id, type }, { orderBy: { seq: 'asc' } });
}

/** A stored result document by its code (`<dossier>-KQ1`), with its content. */
export function storedDocument(stack: Stack, code: string): Promise<IDossierDocument> {
  return stack.db.orm.em.fork().findOneOrFail(DossierDocument, { code }, { populate: ['content'] });
}
