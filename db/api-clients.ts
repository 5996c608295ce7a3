/**
 * Managing API clients (`npm run api-client`): create one with its scope, rotate its secret
 * (the old one stays valid for a while, or until revoked), revoke a secret or the whole client,
 * list them. Each change goes to the audit trail. Secrets are returned once and only their
 * SHA-256 is stored (domain/api-credentials.ts).
 */
import { type ApiClientScope, hashClientSecret, newClientId, newClientSecret } from '../domain/api-credentials';
import { appendAudit } from './audit';
import { ApiClient, ApiClientSecret } from './entities';
import type { Orm } from './orm';

export interface NewApiClient extends ApiClientScope {
  name: string;
  /** Fixed credentials (the demo client of development); default: new random ones. */
  clientId?: string;
  secret?: string;
  /** Who does it, for the audit trail (the operator's login for the command). */
  actor?: string;
}

export interface IssuedCredentials {
  clientId: string;
  secret: string;
  /** The Authorization header value that carries them. */
  authorization: string;
}

const issued = (clientId: string, secret: string): IssuedCredentials => ({ clientId, secret, authorization: `Bearer ${clientId}.${secret}` });

function cleanCodes(codes: readonly string[], what: string): string[] {
  const list = [...new Set(codes.map((c) => c.trim()).filter(Boolean))];
  for (const code of list) if (code !== '*' && !/^[A-Za-z0-9._-]{1,60}$/.test(code)) throw new Error(`${what}: "${code}" is not a code`);
  return list.includes('*') ? ['*'] : list;
}

export async function createApiClient(orm: Orm, input: NewApiClient): Promise<IssuedCredentials> {
  const name = input.name.normalize('NFC').trim();
  if (!name) throw new Error('name: required');
  const agencies = cleanCodes(input.agencies, 'agencies');
  const procedures = cleanCodes(input.procedures, 'procedures');
  const clientId = input.clientId ?? newClientId();
  const secret = input.secret ?? newClientSecret();
  await orm.em.fork().transactional(async (tx) => {
    const client = tx.create(ApiClient, { clientId, name, agencies, procedures, active: true, createdAt: new Date() });
    tx.create(ApiClientSecret, { client, secretHash: hashClientSecret(secret), createdAt: new Date() });
    await tx.flush();
    await appendAudit(tx, { actor: input.actor ?? 'van-hanh', action: 'api-client-created', target: `api:${clientId}`, detail: { name, agencies, procedures } });
  });
  return issued(clientId, secret);
}

async function clientOf(orm: Orm, clientId: string) {
  const client = await orm.em.fork().findOne(ApiClient, { clientId });
  if (!client) throw new Error(`no API client ${clientId}`);
  return client;
}

/**
 * A new secret for the client. The ones it holds stay valid for `retireOldAfterMs` more (default:
 * until revoked with revokeSecrets), so the client can switch without an outage.
 */
export async function rotateApiClientSecret(orm: Orm, clientId: string, options: { retireOldAfterMs?: number; actor?: string; now?: Date } = {}): Promise<IssuedCredentials & { oldSecretsValidUntil: Date | null }> {
  const client = await clientOf(orm, clientId);
  const now = options.now ?? new Date();
  const secret = newClientSecret();
  const until = options.retireOldAfterMs === undefined ? null : new Date(now.getTime() + options.retireOldAfterMs);
  await orm.em.fork().transactional(async (tx) => {
    if (until) {
      await tx.nativeUpdate(ApiClientSecret, { client: client.id, revokedAt: null, $or: [{ expiresAt: null }, { expiresAt: { $gt: until } }] }, { expiresAt: until });
    }
    tx.create(ApiClientSecret, { client: client.id, secretHash: hashClientSecret(secret), createdAt: now });
    await tx.flush();
    await appendAudit(tx, { actor: options.actor ?? 'van-hanh', action: 'api-client-rotated', target: `api:${clientId}`, detail: { oldSecretsValidUntil: until?.toISOString() ?? null } });
  });
  return { ...issued(clientId, secret), oldSecretsValidUntil: until };
}

/** Revokes every secret of the client but the newest (after a rotation: the old ones). Returns how many. */
export async function revokeOldSecrets(orm: Orm, clientId: string, actor = 'van-hanh'): Promise<number> {
  const client = await clientOf(orm, clientId);
  return orm.em.fork().transactional(async (tx) => {
    const live = await tx.find(ApiClientSecret, { client: client.id, revokedAt: null }, { orderBy: { id: 'desc' } });
    const old = live.slice(1);
    if (old.length) await tx.nativeUpdate(ApiClientSecret, { id: { $in: old.map((s) => s.id) } }, { revokedAt: new Date() });
    await appendAudit(tx, { actor, action: 'api-client-secret-revoked', target: `api:${clientId}`, detail: { revoked: old.length } });
    return old.length;
  });
}

/** Turns the client off: every request with its credentials is refused (401) from now on. */
export async function revokeApiClient(orm: Orm, clientId: string, actor = 'van-hanh'): Promise<void> {
  const client = await clientOf(orm, clientId);
  await orm.em.fork().transactional(async (tx) => {
    const now = new Date();
    await tx.nativeUpdate(ApiClient, { id: client.id }, { active: false, revokedAt: now });
    await tx.nativeUpdate(ApiClientSecret, { client: client.id, revokedAt: null }, { revokedAt: now });
    await appendAudit(tx, { actor, action: 'api-client-revoked', target: `api:${clientId}` });
  });
}

export interface ApiClientSummary extends ApiClientScope {
  clientId: string;
  name: string;
  active: boolean;
  createdAt: Date;
  /** Secrets that count now, with when each stops counting (null: until revoked). */
  secrets: { createdAt: Date; expiresAt: Date | null; lastUsedAt: Date | null }[];
}

export async function listApiClients(orm: Orm, now = new Date()): Promise<ApiClientSummary[]> {
  const em = orm.em.fork();
  const clients = await em.find(ApiClient, {}, { orderBy: { id: 'asc' } });
  const secrets = await em.find(ApiClientSecret, { revokedAt: null, $or: [{ expiresAt: null }, { expiresAt: { $gt: now } }] }, { orderBy: { id: 'asc' } });
  return clients.map((c) => ({
    clientId: c.clientId,
    name: c.name,
    agencies: c.agencies,
    procedures: c.procedures,
    active: c.active,
    createdAt: c.createdAt,
    secrets: secrets.filter((s) => s.client.id === c.id).map((s) => ({ createdAt: s.createdAt, expiresAt: s.expiresAt ?? null, lastUsedAt: s.lastUsedAt ?? null })),
  }));
}
