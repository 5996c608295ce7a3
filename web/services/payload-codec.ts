/**
 * The codec server behind /codec (web/routes/codec.ts): encodes and decodes payloads for the
 * Temporal UI with the keys the worker uses (config/payload-codec.ts). Decoding shows personal
 * data, so each decoding is appended to the audit trail (db/audit.ts, action
 * `temporal-payloads-decoded`) before anything is answered: who asked, from where, for which
 * namespace, how many payloads and under which keys; a trail that cannot be written means no
 * answer. Encoding reveals nothing and is only logged.
 */
import type { Payload } from '@temporalio/common';
import type { AuditEntry } from '../../db/audit';
import { EncryptionCodec, encryptionCodec, KEY_ID_METADATA } from '../../config/payload-codec';
import type { SessionUser } from '../session-user';

export interface JsonPayload {
  metadata?: Record<string, string> | null;
  data?: string | null;
}

const fromJson = ({ metadata, data }: JsonPayload): Payload => ({
  metadata: metadata ? Object.fromEntries(Object.entries(metadata).map(([k, v]) => [k, Buffer.from(v, 'base64')])) : undefined,
  data: data ? Buffer.from(data, 'base64') : undefined,
});

const toJson = ({ metadata, data }: Payload): JsonPayload => ({
  metadata: metadata ? Object.fromEntries(Object.entries(metadata).map(([k, v]) => [k, Buffer.from(v ?? new Uint8Array()).toString('base64')])) : undefined,
  data: data ? Buffer.from(data).toString('base64') : undefined,
});

export class PayloadCodecService {
  private readonly codec: EncryptionCodec;
  /** Origins allowed to call with an official's cookies: the Temporal UI's, and this site's own. */
  readonly allowedOrigins: ReadonlySet<string>;

  constructor(
    payloadKeys: string,
    origins: { publicUrl: string; temporalUi?: string },
    private readonly audit: (entry: AuditEntry) => Promise<unknown>,
    private readonly log: (line: string) => void,
  ) {
    this.codec = encryptionCodec(payloadKeys);
    this.allowedOrigins = new Set([new URL(origins.publicUrl).origin, ...(origins.temporalUi ? [new URL(origins.temporalUi).origin] : [])]);
  }

  async run(operation: 'encode' | 'decode', payloads: readonly JsonPayload[], user: SessionUser, namespace: string | undefined, ip?: string): Promise<JsonPayload[]> {
    const given = payloads.map(fromJson);
    const encrypted = given.filter((p) => EncryptionCodec.isEncrypted(p));
    const result = operation === 'decode' ? await this.codec.decode(given) : await this.codec.encode(given);
    if (operation === 'decode' && encrypted.length) {
      const keys = [...new Set(encrypted.map((p) => Buffer.from(p.metadata![KEY_ID_METADATA] ?? new Uint8Array()).toString()))];
      await this.audit({
        actor: user.username,
        action: 'temporal-payloads-decoded',
        target: `temporal:${namespace ?? '-'}`,
        ip: ip ?? null,
        // Administrators only: the payloads may be of any agency's dossiers.
        agencyCode: null,
        detail: { payloads: payloads.length, encrypted: encrypted.length, keys },
      });
    }
    this.log(
      `codec: ${operation} of ${payloads.length} payload(s)${operation === 'decode' ? ` (${encrypted.length} encrypted)` : ''} for ${user.username} (${user.role}, ${user.agencyCode}), namespace ${namespace ?? '-'}`,
    );
    return result.map(toJson);
  }
}
