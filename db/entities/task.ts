import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { TimeLimit } from '../../domain/legal-clock';
import { TASK_ROLES } from '../../domain/roles';
import { Agency } from './agency';
import { Dossier } from './dossier';
import { Official } from './official';

/** A human step of a dossier, as queues show it. Written only by the workflow's projection. */
export const Task = defineEntity({
  name: 'Task',
  tableName: 'task',
  properties: {
    id: p.integer().primary().autoincrement(),
    dossier: () => p.manyToOne(Dossier),
    /** The workflow's task id, e.g. `intake-2` (second visit of the intake step). */
    taskKey: p.string().length(80),
    agency: () => p.manyToOne(Agency),
    stepId: p.string().length(60),
    name: p.string().length(200),
    role: p.enum([...TASK_ROLES]),
    status: p.enum(['open', 'done', 'cancelled'] as const),
    createdAt: p.datetime(),
    dueAt: p.datetime().nullable(),
    /** The step's time limit (domain/legal-clock.ts TimeLimit). */
    timeLimit: p.json<TimeLimit>().nullable(),
    /** When the assignee (or the role's group) was reminded of the coming deadline. */
    remindedAt: p.datetime().nullable(),
    /** When the deadline passed and the supervisor was told: the task is flagged. */
    escalatedAt: p.datetime().nullable(),
    /** A department the task was given to (any official of it may take it). */
    assignedGroup: p.string().length(120).nullable(),
    assignee: () => p.manyToOne(Official).nullable(),
    assigneeName: p.string().length(120).nullable(),
    claimedAt: p.datetime().nullable(),
    completedAt: p.datetime().nullable(),
    action: p.string().length(60).nullable(),
    actionLabel: p.string().length(200).nullable(),
    reason: p.text().nullable(),
    handoverNote: p.text().nullable(),
  },
  uniques: [{ properties: ['dossier', 'taskKey'] }],
  indexes: [{ properties: ['agency', 'role', 'status'] }, { properties: ['assignee', 'status'] }],
});

export type ITask = InferEntity<typeof Task>;
