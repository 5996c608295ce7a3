import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Agency } from './agency';
import { Official } from './official';

/**
 * The officials' inbox: a reminder before a deadline, an escalation when it passed, a task given
 * to someone. Addressed to one official, or to every official of a role in the agency (the
 * supervisors, the group of a task nobody has taken). Written with the projection batch that
 * caused it, once per key.
 */
export const OfficialNotification = defineEntity({
  name: 'OfficialNotification',
  tableName: 'official_notification',
  properties: {
    id: p.integer().primary().autoincrement(),
    key: p.string().length(200).unique(),
    agency: () => p.manyToOne(Agency),
    official: () => p.manyToOne(Official).nullable(),
    role: p.string().length(20).nullable(),
    /** With `role`: only the officials of this department. */
    department: p.string().length(120).nullable(),
    dossierCode: p.string().length(40),
    taskKey: p.string().length(80).nullable(),
    kind: p.string().length(40),
    text: p.text(),
    createdAt: p.datetime(),
    readAt: p.datetime().nullable(),
  },
  indexes: [{ properties: ['agency', 'createdAt'] }],
});

export type IOfficialNotification = InferEntity<typeof OfficialNotification>;
