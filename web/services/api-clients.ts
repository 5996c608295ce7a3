/**
 * Who is calling the API: checks a client's presented credentials against the stored hashes of
 * its live secrets (not expired, not revoked; the client active). An unknown client, a revoked
 * one and a wrong secret take the same path and answer the same (null): one query, then at least
 * two constant-time comparisons.
 */
import { type ApiClientScope, CLIENT_ID_PATTERN, hashClientSecret, type PresentedCredentials, SECRET_PATTERN, secretMatches } from '../../domain/api-credentials';
import type { Orm } from '../../db/orm';

export interface AuthenticatedClient extends ApiClientScope {
  /** Row id (dossier.submitted_by_id). */
  id: number;
  clientId: string;
  name: string;
}

/** Compared against when there is nothing to compare with, so every failure costs the same. */
const NO_SECRET_HASH = hashClientSecret('no secret: nothing matches this');

export class ApiClientAuth {
  constructor(private readonly orm: Orm) {}

  async authenticate(presented: PresentedCredentials, now = new Date()): Promise<AuthenticatedClient | null> {
    const wellFormed = CLIENT_ID_PATTERN.test(presented.clientId) && SECRET_PATTERN.test(presented.secret);
    const rows = wellFormed
      ? await this.orm.em.getConnection().execute<{ id: number; client_id: string; name: string; agencies: string[]; procedures: string[]; secret_id: number; secret_hash: string }[]>(
          `select c.id, c.client_id, c.name, c.agencies, c.procedures, s.id as secret_id, s.secret_hash
           from api_client c join api_client_secret s on s.client_id = c.id
           where c.client_id = ? and c.active and s.revoked_at is null and (s.expires_at is null or s.expires_at > ?)`,
          [presented.clientId, now],
        )
      : [];
    let match: (typeof rows)[number] | undefined;
    const hashes = rows.map((r) => r.secret_hash);
    while (hashes.length < 2) hashes.push(NO_SECRET_HASH);
    hashes.forEach((hash, i) => {
      if (secretMatches(presented.secret, hash) && rows[i]) match ??= rows[i];
    });
    if (!match) return null;
    // When it was last used, at most once a minute (operators see which secret is still in use before retiring it).
    await this.orm.em
      .getConnection()
      .execute(`update api_client_secret set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)`, [now, match.secret_id, new Date(now.getTime() - 60_000)]);
    return { id: match.id, clientId: match.client_id, name: match.name, agencies: match.agencies, procedures: match.procedures };
  }
}
