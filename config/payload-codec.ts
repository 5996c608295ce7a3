/**
 * Personal data out of Temporal: every payload (workflow inputs, activity arguments and results,
 * Updates, queries, memos) leaves this process encrypted with AES-256-GCM, so workflow
 * histories, the Temporal server's database and the Temporal UI hold ciphertext only. Dossier
 * forms carry citizen ids, names, phones, e-mails and addresses.
 *
 * Format (the samples-typescript `encryption/` one, so other SDKs' codecs can read it): the
 * payload, serialised as Payload proto bytes, is encrypted with a random 96-bit IV; the new
 * payload's data is `IV (12 bytes) ‖ ciphertext ‖ GCM tag (16 bytes)`, its metadata
 * `encoding: binary/encrypted` and `encryption-key-id: <kid>`. The key id is authenticated too
 * (additional data), so a payload relabelled with another key id does not decrypt.
 *
 * Keys (PAYLOAD_KEYS): `kid:base64,kid:base64,…`, 32-byte keys; the first encrypts, all decrypt.
 * Rotation: put a new key first and keep the old ones for as long as histories encrypted with
 * them are kept (the namespace's retention, plus any exported history).
 * Payloads that are not encrypted pass through on decode: histories recorded before this codec
 * (test/replay) replay, and workflows that were running keep running.
 *
 * Lives in config/ because both the worker and the web build their Temporal clients from the
 * configuration (temporalDataConverter in temporal-connection.ts); it is never workflow code
 * (codecs run outside the workflow sandbox).
 */
import crypto from 'node:crypto';
import { METADATA_ENCODING_KEY, type Payload, type PayloadCodec, ValueError } from '@temporalio/common';
import { temporal } from '@temporalio/proto';

export const ENCRYPTED_ENCODING = 'binary/encrypted';
export const KEY_ID_METADATA = 'encryption-key-id';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const KEY_ID = /^[A-Za-z0-9._-]{1,32}$/;

export interface PayloadKey {
  id: string;
  key: Buffer;
}

/** The keys of PAYLOAD_KEYS (`kid:base64,…`), newest first; throws naming what is wrong. */
export function parsePayloadKeys(text: string): PayloadKey[] {
  const keys = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry, index) => {
      const colon = entry.indexOf(':');
      const id = colon < 0 ? '' : entry.slice(0, colon);
      if (!KEY_ID.test(id)) throw new Error(`key ${index + 1}: expected kid:base64 with a key id of letters, digits, '.', '_' or '-' (at most 32)`);
      const material = entry.slice(colon + 1);
      if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(material)) throw new Error(`key "${id}": not base64`);
      const key = Buffer.from(material, material.includes('-') || material.includes('_') ? 'base64url' : 'base64');
      if (key.length !== KEY_BYTES) throw new Error(`key "${id}": ${key.length} bytes, AES-256 needs ${KEY_BYTES} (e.g. \`openssl rand -base64 32\`)`);
      return { id, key };
    });
  if (!keys.length) throw new Error('no key (expected kid:base64,…; the first one encrypts)');
  const ids = keys.map((k) => k.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw new Error(`key id "${twice}" is given twice`);
  return keys;
}

/** What is wrong with a PAYLOAD_KEYS value, or undefined. */
export function payloadKeysProblem(text: string): string | undefined {
  try {
    parsePayloadKeys(text);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** A new key in PAYLOAD_KEYS form (`kid:base64`), named by the day it was made unless told. */
export function newPayloadKey(id = `k${new Date().toISOString().slice(0, 10).replaceAll('-', '')}`): string {
  return `${id}:${crypto.randomBytes(KEY_BYTES).toString('base64')}`;
}

const text = (bytes: Uint8Array | null | undefined) => (bytes ? Buffer.from(bytes).toString('utf8') : undefined);

/** AES-256-GCM over whole payloads; see the module's comment. */
export class EncryptionCodec implements PayloadCodec {
  private readonly keys: ReadonlyMap<string, Buffer>;
  private readonly current: PayloadKey;

  constructor(keys: readonly PayloadKey[]) {
    if (!keys.length) throw new Error('EncryptionCodec needs a key');
    this.current = keys[0];
    this.keys = new Map(keys.map((k) => [k.id, k.key]));
  }

  /** The id of the key that encrypts. */
  get keyId(): string {
    return this.current.id;
  }

  async encode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.encrypt(payload));
  }

  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => this.decrypt(payload));
  }

  /** Whether a payload is one this codec made (whatever its key). */
  static isEncrypted(payload: Payload): boolean {
    return text(payload.metadata?.[METADATA_ENCODING_KEY]) === ENCRYPTED_ENCODING;
  }

  private encrypt(payload: Payload): Payload {
    const { id, key } = this.current;
    const iv = crypto.randomBytes(IV_BYTES);
    const cipher = crypto.createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(Buffer.from(id, 'utf8'));
    const plain = temporal.api.common.v1.Payload.encode(payload).finish();
    const data = Buffer.concat([iv, cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
    return {
      metadata: { [METADATA_ENCODING_KEY]: Buffer.from(ENCRYPTED_ENCODING), [KEY_ID_METADATA]: Buffer.from(id) },
      data,
    };
  }

  private decrypt(payload: Payload): Payload {
    if (!EncryptionCodec.isEncrypted(payload)) return payload;
    const id = text(payload.metadata?.[KEY_ID_METADATA]);
    if (!id) throw new ValueError(`an encrypted payload without ${KEY_ID_METADATA}`);
    const key = this.keys.get(id);
    if (!key) throw new ValueError(`payload encrypted with key "${id}", which is not among PAYLOAD_KEYS (${[...this.keys.keys()].join(', ')}): add it back to decrypt`);
    const data = Buffer.from(payload.data ?? new Uint8Array());
    if (data.length < IV_BYTES + TAG_BYTES) throw new ValueError(`encrypted payload too short (${data.length} bytes)`);
    const decipher = crypto.createDecipheriv('aes-256-gcm', key, data.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(id, 'utf8'));
    decipher.setAuthTag(data.subarray(data.length - TAG_BYTES));
    let plain: Buffer;
    try {
      plain = Buffer.concat([decipher.update(data.subarray(IV_BYTES, data.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw new ValueError(`payload encrypted with key "${id}" does not authenticate: altered, or another key of the same id`);
    }
    return temporal.api.common.v1.Payload.decode(plain);
  }
}

/** The codec for a PAYLOAD_KEYS value. */
export function encryptionCodec(payloadKeys: string): EncryptionCodec {
  return new EncryptionCodec(parsePayloadKeys(payloadKeys));
}
