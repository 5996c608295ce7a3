/**
 * The mail and SMS sandboxes as the outbox relay meets them: the SMS gateway's key, idempotency
 * key and refusals, its failures switched on and off; the mail sandbox's SMTP refusals and its
 * de-duplication by Message-ID; both list what arrived.
 */
import nodemailer from 'nodemailer';
import { type RunningMailSandbox, startMailSandbox } from '../../sandboxes/mail/main';
import { type RunningSmsSandbox, startSmsSandbox } from '../../sandboxes/sms/main';
import { json } from './helpers';

const KEY = 'test-sms-gateway-key-0123';
let mail: RunningMailSandbox;
let sms: RunningSmsSandbox;

beforeAll(async () => {
  mail = await startMailSandbox({ latencyMs: [0, 0], failureRate: 0, host: '127.0.0.1', smtpPort: 0, port: 0 });
  sms = await startSmsSandbox({ apiKey: KEY, latencyMs: [0, 0], failureRate: 0, host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await mail?.close();
  await sms?.close();
});

const send = (headers: Record<string, string>, body: unknown) =>
  json(`${sms.url}/v1/messages`, { method: 'POST', headers: { Authorization: `Bearer ${KEY}`, ...headers }, json: body });
const text = { to: '0912345678', text: 'Hồ sơ của bạn đã được tiếp nhận.', brandname: 'MOTCUA' };

describe('the SMS gateway sandbox', () => {
  test('needs its key and an idempotency key, and refuses a number that is no mobile number for good', async () => {
    expect((await json(`${sms.url}/v1/messages`, { method: 'POST', json: text })).status).toBe(401);
    expect((await send({}, text)).status).toBe(400);
    expect((await send({ 'Idempotency-Key': 'k-bad' }, { ...text, to: '0123' })).body).toEqual({ error: 'invalid_recipient' });
    expect((await send({ 'Idempotency-Key': 'k-empty' }, { ...text, text: '' })).status).toBe(400);
  });

  test('sends once per idempotency key, answering a repeat with the same id', async () => {
    const first = await send({ 'Idempotency-Key': 'k-1' }, text);
    const again = await send({ 'Idempotency-Key': 'k-1' }, text);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ messageId: first.body.messageId, duplicate: true });
    const listed = await json(`${sms.url}/messages?to=0912345678`);
    expect(listed.body.messages.filter((m: { idempotencyKey: string }) => m.idempotencyKey === 'k-1')).toHaveLength(1);
  });

  test('fails as told (the next calls, or a share of them), then recovers', async () => {
    expect((await json(`${sms.url}/__sandbox/fail-next`, { method: 'POST', json: { count: 1, kind: 'unavailable' } })).status).toBe(200);
    expect((await send({ 'Idempotency-Key': 'k-2' }, text)).status).toBe(503);
    await json(`${sms.url}/__sandbox/config`, { method: 'PUT', json: { failureRate: 1 } });
    expect((await send({ 'Idempotency-Key': 'k-2' }, text)).status).toBeGreaterThanOrEqual(500);
    await json(`${sms.url}/__sandbox/config`, { method: 'PUT', json: { failureRate: 0 } });
    expect((await send({ 'Idempotency-Key': 'k-2' }, text)).status).toBe(201);
  });
});

describe('the mail sandbox', () => {
  const transport = () => nodemailer.createTransport(mail.smtpUrl);

  test('keeps one copy per Message-ID and lists what arrived', async () => {
    const t = transport();
    const message = { from: 'khong-tra-loi@motcua.local', to: 'an@example.vn', subject: 'Hồ sơ đã được tiếp nhận', text: 'Xin chào ông An', messageId: '<m-1@outbox.motcua>', headers: { 'X-Motcua-Outbox-Key': 'HS-1:1:nop' } };
    await t.sendMail(message);
    await t.sendMail(message);
    t.close();
    const listed = await json(`${mail.url}/messages?to=an@example.vn`);
    expect(listed.body.messages).toHaveLength(1);
    expect(listed.body.messages[0]).toMatchObject({ messageId: '<m-1@outbox.motcua>', outboxKey: 'HS-1:1:nop', subject: 'Hồ sơ đã được tiếp nhận', text: 'Xin chào ông An', to: ['an@example.vn'] });
    expect(listed.body.duplicates).toBe(1);
  });

  test('refuses an unknown mailbox for good (550) and a message transiently (451) when told', async () => {
    const t = transport();
    await expect(t.sendMail({ from: 'a@motcua.local', to: 'ai.do@mien.invalid', subject: 'x', text: 'x' })).rejects.toMatchObject({ responseCode: 550 });
    expect((await json(`${mail.url}/__sandbox/fail-next`, { method: 'POST', json: { count: 1, kind: 'unavailable' } })).status).toBe(200);
    await expect(t.sendMail({ from: 'a@motcua.local', to: 'binh@example.vn', subject: 'y', text: 'y' })).rejects.toMatchObject({ responseCode: 451 });
    await t.sendMail({ from: 'a@motcua.local', to: 'binh@example.vn', subject: 'y', text: 'y' });
    t.close();
    expect((await json(`${mail.url}/messages?to=binh@example.vn`)).body.messages).toHaveLength(1);
    expect((await json(`${mail.url}/__sandbox/fail-next`, { method: 'POST', json: { count: 0, kind: 'nope' } })).status).toBe(400);
  });
});
