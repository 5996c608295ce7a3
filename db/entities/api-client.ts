import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * A system that calls the JSON API (the national portal, a provincial portal): who it is, what it
 * may submit for (agency and procedure codes; `'*'` every one, an empty list none), and whether it
 * may call at all. Its secrets are rows of ApiClientSecret, so a rotation keeps two valid for a while.
 */
export const ApiClient = defineEntity({
  name: 'ApiClient',
  tableName: 'api_client',
  properties: {
    id: p.integer().primary().autoincrement(),
    /** The public half of the credentials: `cl_` and 16 hex digits (domain/api-credentials.ts). */
    clientId: p.string().length(40).unique(),
    name: p.string().length(200),
    agencies: p.json<string[]>().default('[]'),
    procedures: p.json<string[]>().default('[]'),
    active: p.boolean().default(true),
    createdAt: p.datetime().onCreate(() => new Date()),
    /** When `revoke` turned it off (active false). */
    revokedAt: p.datetime().nullable(),
  },
});

export type IApiClient = InferEntity<typeof ApiClient>;

/** One secret of a client: only its SHA-256 is kept. Valid from creation until it expires or is revoked. */
export const ApiClientSecret = defineEntity({
  name: 'ApiClientSecret',
  tableName: 'api_client_secret',
  properties: {
    id: p.integer().primary().autoincrement(),
    client: () => p.manyToOne(ApiClient),
    secretHash: p.string().length(64),
    createdAt: p.datetime().onCreate(() => new Date()),
    /** Set when a newer secret replaces it (`rotate --retire-old-after`). */
    expiresAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
    /** When it was last accepted (at most once a minute is written). */
    lastUsedAt: p.datetime().nullable(),
  },
  indexes: [{ properties: ['client'] }],
});

export type IApiClientSecret = InferEntity<typeof ApiClientSecret>;
