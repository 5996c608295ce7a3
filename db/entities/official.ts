import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { OFFICIAL_ROLES } from '../../domain/roles';
import { Agency } from './agency';

/** A civil servant who signs in to the back office; one role in one agency. */
export const Official = defineEntity({
  name: 'Official',
  tableName: 'official',
  properties: {
    id: p.integer().primary().autoincrement(),
    username: p.string().length(60).unique(),
    /** bcrypt hash; the password itself is never stored. */
    passwordHash: p.string().length(200).lazy(true, false),
    fullName: p.string().length(120),
    role: p.enum([...OFFICIAL_ROLES]),
    agency: () => p.manyToOne(Agency),
    active: p.boolean().default(true),
    /** Phòng, ban: a group tasks may be given to, and a line in the supervisor's statistics. */
    department: p.string().length(120).nullable(),
    /** Single sign-on: the identity provider and the subject this official signs in as (web/services/sso.ts); null: never signed in through it. */
    ssoIssuer: p.string().length(300).nullable(),
    ssoSubject: p.string().length(255).nullable(),
    ssoLinkedAt: p.datetime().nullable(),
    /** The language of the back office for this official: `vi` or `en` (web/i18n, web/routes/language.ts). */
    language: p.string().length(5).default('vi'),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});

export type IOfficial = InferEntity<typeof Official>;
