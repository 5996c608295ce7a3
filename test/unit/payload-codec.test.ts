/**
 * The payload codec (config/payload-codec.ts): AES-256-GCM over whole payloads, the key id in the
 * metadata, several keys for rotation (the first encrypts, all decrypt), plaintext passed through
 * (histories recorded before it), and clear refusals of unknown keys and altered ciphertext.
 */
import { defaultPayloadConverter, METADATA_ENCODING_KEY, type Payload } from '@temporalio/common';
import { loadConfig } from '../../config';
import { ENCRYPTED_ENCODING, EncryptionCodec, encryptionCodec, KEY_ID_METADATA, newPayloadKey, parsePayloadKeys } from '../../config/payload-codec';
import { secretProblems } from '../../config/secret-rules';
import { IN_PROCESS_SECRETS } from '../../scripts/lib/in-process-stack';
import { ApplicationFailure } from '@temporalio/common';
import { decodeOptionalFailureToOptionalError, encodeErrorToFailure, loadDataConverter } from '@temporalio/common/lib/internal-non-workflow';
import { temporal } from '@temporalio/proto';
import { dataConverterFor } from '../../config/temporal-connection';

const FORM = { citizenId: '001203004567', fullName: 'Nguyễn Thị Minh Khai', phone: '0912345678' };
const payloadOf = (value: unknown): Payload => defaultPayloadConverter.toPayload(value)!;
const valueOf = (payload: Payload): unknown => defaultPayloadConverter.fromPayload(payload);
const meta = (payload: Payload, key: string) => Buffer.from(payload.metadata![key]!).toString();

const OLD = newPayloadKey('k1');
const NEW = newPayloadKey('k2');

test('encrypts a payload so that nothing of it shows, and decrypts it back', async () => {
  const codec = encryptionCodec(NEW);
  const [encoded] = await codec.encode([payloadOf(FORM)]);
  expect(meta(encoded, METADATA_ENCODING_KEY)).toBe(ENCRYPTED_ENCODING);
  expect(meta(encoded, KEY_ID_METADATA)).toBe('k2');
  const bytes = Buffer.concat([encoded.data!, ...Object.values(encoded.metadata!).map((v) => Buffer.from(v!))]);
  for (const text of [...Object.values(FORM), 'json/plain', 'citizenId']) expect(bytes.includes(Buffer.from(text))).toBe(false);
  const [decoded] = await codec.decode([encoded]);
  expect(valueOf(decoded)).toEqual(FORM);
  expect(meta(decoded, METADATA_ENCODING_KEY)).toBe('json/plain');
});

test('encrypts the same payload differently each time (a random IV)', async () => {
  const codec = encryptionCodec(NEW);
  const [a, b] = await codec.encode([payloadOf(FORM), payloadOf(FORM)]);
  expect(Buffer.from(a.data!).equals(Buffer.from(b.data!))).toBe(false);
});

test('after a rotation, payloads of the old key still decrypt and new ones use the new key', async () => {
  const [old] = await encryptionCodec(OLD).encode([payloadOf(FORM)]);
  const rotated = encryptionCodec(`${NEW},${OLD}`);
  expect(valueOf((await rotated.decode([old]))[0])).toEqual(FORM);
  const [fresh] = await rotated.encode([payloadOf(FORM)]);
  expect(meta(fresh, KEY_ID_METADATA)).toBe('k2');
  expect(rotated.keyId).toBe('k2');
});

test('refuses, naming it, a payload of a key it does not have', async () => {
  const [old] = await encryptionCodec(OLD).encode([payloadOf(FORM)]);
  await expect(encryptionCodec(NEW).decode([old])).rejects.toThrow(/key "k1", which is not among PAYLOAD_KEYS \(k2\)/);
});

test('refuses a payload whose ciphertext, tag or key id was altered', async () => {
  const codec = encryptionCodec(`${NEW},${OLD.replace(/^k1/, 'k1b')}`);
  const [encoded] = await codec.encode([payloadOf(FORM)]);
  for (const index of [13, encoded.data!.length - 1]) {
    const data = Buffer.from(encoded.data!);
    data[index] ^= 1;
    await expect(codec.decode([{ ...encoded, data }])).rejects.toThrow(/does not authenticate/);
  }
  // The same key under another id: the id is authenticated data.
  const sameKey = encryptionCodec(`k2:${NEW.split(':')[1]},k3:${NEW.split(':')[1]}`);
  const [relabelled] = await sameKey.encode([payloadOf(FORM)]);
  relabelled.metadata![KEY_ID_METADATA] = Buffer.from('k3');
  await expect(sameKey.decode([relabelled])).rejects.toThrow(/does not authenticate/);
});

test('passes through payloads that are not encrypted (histories recorded before the codec)', async () => {
  const plain = [payloadOf(FORM), payloadOf(null), payloadOf(undefined), payloadOf(new Uint8Array([1, 2]))];
  const decoded = await encryptionCodec(NEW).decode(plain);
  expect(decoded).toEqual(plain);
  expect(EncryptionCodec.isEncrypted(plain[0])).toBe(false);
});

test('encrypts payloads without data or metadata too', async () => {
  const codec = encryptionCodec(NEW);
  const [encoded] = await codec.encode([{}]);
  const [decoded] = await codec.decode([encoded]);
  expect(decoded.data?.length ?? 0).toBe(0);
});

describe('PAYLOAD_KEYS', () => {
  test('reads several keys, newest first, standard or URL-safe base64', () => {
    const urlSafe = `k0:${Buffer.alloc(32, 0xfb).toString('base64url')}`;
    expect(parsePayloadKeys(`${NEW}, ${OLD},${urlSafe}`).map((k) => [k.id, k.key.length])).toEqual([
      ['k2', 32],
      ['k1', 32],
      ['k0', 32],
    ]);
  });

  test.each([
    ['nothing', '', /no key/],
    ['a key without id', 'k1', /expected kid:base64/],
    ['a 16-byte key', `k1:${Buffer.alloc(16, 7).toString('base64')}`, /16 bytes, AES-256 needs 32/],
    ['a key that is not base64', 'k1:not base64!', /not base64/],
    ['one key id twice', `${NEW},${NEW}`, /given twice/],
  ])('refuses %s', (_what, value, problem) => {
    expect(() => parsePayloadKeys(value)).toThrow(problem);
  });

  test('a malformed value stops start-up in any environment', () => {
    expect(() => loadConfig({ PAYLOAD_KEYS: 'k1:c2hvcnQ=' })).toThrow(/PAYLOAD_KEYS: key "k1": 5 bytes/);
  });

  test('outside development: required, and never the key the repository ships', () => {
    const base = { NODE_ENV: 'production' };
    expect(secretProblems(base).find((l) => l.startsWith('PAYLOAD_KEYS'))).toMatch(/must be set outside development \(kid:base64 of 32 random bytes/);
    const shipped = secretProblems({ ...base, PAYLOAD_KEYS: `${NEW},${IN_PROCESS_SECRETS.payloadKeys}` }).find((l) => l.startsWith('PAYLOAD_KEYS'));
    expect(shipped).toBe('PAYLOAD_KEYS: key "in-process" is a default published in the motcua repository; make keys of your own');
    const zeros = secretProblems({ ...base, PAYLOAD_KEYS: `k1:${Buffer.alloc(32).toString('base64')}` }).find((l) => l.startsWith('PAYLOAD_KEYS'));
    expect(zeros).toMatch(/PAYLOAD_KEYS: (key "k1" is a pattern|is a pattern)/);
    expect(secretProblems({ ...base, PAYLOAD_KEYS: `${NEW},${OLD}` }).find((l) => l.startsWith('PAYLOAD_KEYS'))).toBeUndefined();
  });
});

test("a failure's message and stack leave the process encrypted, and read back whole", async () => {
  // A registry's refusal may quote what the applicant typed: such a text must not sit readable in a history.
  const converter = loadDataConverter(dataConverterFor(NEW));
  const error = ApplicationFailure.nonRetryable(`registry: refused ${FORM.citizenId} (${FORM.fullName})`, 'HttpConflict');
  const failure = await encodeErrorToFailure(converter, error);
  const bytes = Buffer.from(temporal.api.failure.v1.Failure.encode(failure).finish());
  for (const text of [FORM.citizenId, FORM.fullName, 'registry: refused']) expect(bytes.includes(Buffer.from(text))).toBe(false);
  const back = (await decodeOptionalFailureToOptionalError(converter, failure)) as ApplicationFailure;
  expect(back.message).toBe(error.message);
  expect(back.type).toBe('HttpConflict');
});
