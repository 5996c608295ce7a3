/**
 * Messages that reach people (issue 9): the outbox relay hands each message to the mail sandbox
 * (SMTP) or the SMS gateway sandbox (HTTP), retried with doubling waits through their failures,
 * every attempt recorded, never delivered twice (not even after a relay died between the
 * provider's answer and its record); a message refused for good shows on the dossier page and
 * in the supervisor's list, where "gửi lại" tries once more (and is refused for one delivered);
 * the development mailbox shows what the sandboxes actually received.
 */
import nodemailer from 'nodemailer';
import { Notification, NotificationAttempt } from '../../db/entities';
import { workerMetrics } from '../../activities/metrics';
import { retryDelayMs } from '../../activities/delivery/relay';
import { outboxRelay } from '../../worker/outbox-relay';
import { eventually } from '../support/eventually';
import { renewalForm, submit } from '../support/scenario';
import { startStack, type Stack } from '../support/stack';
import { visibleText, WebClient } from '../support/web-client';

let stack: Stack;
/** Two dossiers of Hà Nội (the renewal asks for e-mail: SMS messages are written to the outbox here). */
let byEmail: string;
let bySms: string;

beforeAll(async () => {
  stack = await startStack();
  byEmail = await submit(stack);
  bySms = await submit(stack, renewalForm('carHolderHanoi', { fullName: 'Trần Thị Bình' }));
  // Whatever the workflows wrote on submission, delivered by the running relay.
  await eventually(
    () => stack.db.orm.em.fork().find(Notification, { dossierCode: { $in: [byEmail, bySms] } }),
    (rows) => rows.length >= 2 && rows.every((r) => r.status === 'delivered'),
    20_000,
  );
}, 60_000);
afterAll(() => stack?.stop());

let serial = 0;
/** Writes one message to the outbox, as the projection does; returns its key. */
async function outbox(code: string, channel: 'email' | 'sms', recipient: string, subject = `Thư thử ${++serial} về hồ sơ ${code}`): Promise<string> {
  const key = `${code}:test-${Date.now()}-${++serial}`;
  const em = stack.db.orm.em.fork();
  em.create(Notification, { key, dossierCode: code, channel, recipient, recipientName: 'Nguyễn Văn An', subject, body: `Nội dung ${subject}\nXem: ${stack.baseUrl}/tra-cuu`, createdAt: new Date() });
  await em.flush();
  return key;
}

const row = (key: string) => stack.db.orm.em.fork().findOneOrFail(Notification, { key });
const attemptsOf = async (key: string) => stack.db.orm.em.fork().find(NotificationAttempt, { notificationId: (await row(key)).id }, { orderBy: { attempt: 'asc' } });
const mailsWith = (key: string) => stack.mail.control.messages().filter((m) => m.outboxKey === key);
const textsWith = (key: string) => stack.sms.control.messages().filter((m) => m.idempotencyKey === key);

async function signedIn(username: string): Promise<WebClient> {
  const web = new WebClient(stack.baseUrl);
  expect((await web.signIn(username)).status).toBe(303);
  return web;
}

test('the retry wait doubles from the base up to the limit', () => {
  expect([1, 2, 3, 4, 5, 6].map((n) => retryDelayMs(n, 200, 2000))).toEqual([200, 400, 800, 1600, 2000, 2000]);
});

test("the dossiers' own messages arrived through SMTP, once each", async () => {
  const [mail] = await stack.db.orm.em.fork().find(Notification, { dossierCode: byEmail, channel: 'email' });
  expect(mail).toBeDefined();
  expect(mailsWith(mail.key)).toHaveLength(1);
  expect(mailsWith(mail.key)[0]).toMatchObject({ subject: mail.subject, to: [mail.recipient] });
  expect(mail.providerMessageId).toBe(mailsWith(mail.key)[0].messageId);
  expect(await workerMetrics.metrics()).toMatch(/motcua_outbox_delivered_total\{channel="email"\} [1-9]/);
});

test('sandboxes failing, then recovering: delivered once, every attempt recorded', async () => {
  stack.mail.control.failNext(2, 'unavailable');
  stack.sms.control.faults.failNext(2, 'unavailable');
  const mailKey = await outbox(byEmail, 'email', 'an.nguyen@example.vn');
  const smsKey = await outbox(bySms, 'sms', '0912345678');
  for (const key of [mailKey, smsKey]) {
    const delivered = await eventually(() => row(key), (n) => n.status === 'delivered', 15_000);
    expect(delivered.attempts).toBe(3);
    expect(delivered.lastError).toBeNull();
    expect(delivered.sentAt).toBeInstanceOf(Date);
    const attempts = await attemptsOf(key);
    expect(attempts.map((a) => a.outcome)).toEqual(['transient', 'transient', 'delivered']);
    expect(attempts[0].error).toMatch(/tạm thời/);
    // No address or number in what is recorded.
    expect(attempts.map((a) => a.error ?? '').join(' ')).not.toMatch(/an\.nguyen|0912345678/);
    // Waited at least 200 ms, then at least 400 ms (DELIVERY_RETRY_BASE of this stack, doubled).
    const gap = (i: number) => attempts[i + 1].startedAt.getTime() - attempts[i].startedAt.getTime();
    expect(gap(0)).toBeGreaterThanOrEqual(190);
    expect(gap(1)).toBeGreaterThanOrEqual(390);
  }
  expect(mailsWith(mailKey)).toHaveLength(1);
  expect(textsWith(smsKey)).toHaveLength(1);
  expect((await row(smsKey)).providerMessageId).toBe(textsWith(smsKey)[0].messageId);
  expect(await workerMetrics.metrics()).toMatch(/motcua_outbox_delivered_total\{channel="sms"\} [1-9]/);
});

test('a relay that dies between the provider accepting and its record: the next one sends nothing twice', async () => {
  await stack.relay()!.stop();
  try {
    const log: string[] = [];
    const dying = outboxRelay(stack.config, stack.endpoints, stack.db.orm, (l) => log.push(l), {
      leaseMs: 300,
      beforeRecord: () => {
        throw new Error('relay killed');
      },
    });
    const mailKey = await outbox(byEmail, 'email', 'an.nguyen@example.vn');
    const smsKey = await outbox(bySms, 'sms', '0987654321');
    await expect(dying.runOnce()).rejects.toThrow('relay killed');
    dying.close();
    // Both providers have the messages; nothing is recorded: claimed, one attempt cut short.
    expect(mailsWith(mailKey)).toHaveLength(1);
    expect(textsWith(smsKey)).toHaveLength(1);
    for (const key of [mailKey, smsKey]) {
      expect(await row(key)).toMatchObject({ status: 'pending', attempts: 1 });
      expect((await attemptsOf(key)).map((a) => a.outcome)).toEqual(['sending']);
    }
    const duplicates = { mail: stack.mail.control.duplicates(), sms: stack.sms.control.duplicates() };

    // A restarted relay: nothing before the lease ends, then the providers' dedupe answers.
    const restarted = outboxRelay(stack.config, stack.endpoints, stack.db.orm, () => undefined, { leaseMs: 300 });
    expect(await restarted.runOnce()).toBe(0);
    await new Promise((r) => setTimeout(r, 400));
    expect(await restarted.runOnce()).toBe(2);
    restarted.close();
    for (const key of [mailKey, smsKey]) {
      expect(await row(key)).toMatchObject({ status: 'delivered', attempts: 2 });
      expect((await attemptsOf(key)).map((a) => a.outcome)).toEqual(['sending', 'delivered']);
    }
    expect(mailsWith(mailKey)).toHaveLength(1);
    expect(textsWith(smsKey)).toHaveLength(1);
    expect(stack.mail.control.duplicates()).toBe(duplicates.mail + 1);
    expect(stack.sms.control.duplicates()).toBe(duplicates.sms + 1);
    // The SMS gateway answered the repeated key with the id it gave the first time.
    expect((await row(smsKey)).providerMessageId).toBe(textsWith(smsKey)[0].messageId);
  } finally {
    stack.relay()!.start();
  }
});

describe('a message refused for good', () => {
  let mailKey: string;
  let smsKey: string;

  beforeAll(async () => {
    mailKey = await outbox(byEmail, 'email', 'khong.co.ai@mien-khong-ton-tai.invalid', `Thư không đến được về hồ sơ ${byEmail}`);
    smsKey = await outbox(byEmail, 'sms', '0123', `Tin không đến được về hồ sơ ${byEmail}`);
    for (const key of [mailKey, smsKey]) await eventually(() => row(key), (n) => n.status === 'failed', 15_000);
  });

  test('is given up at once, with the reason in our own words', async () => {
    expect(await row(mailKey)).toMatchObject({ status: 'failed', attempts: 1, lastError: 'Máy chủ thư từ chối thư (mã 550).' });
    expect(await row(smsKey)).toMatchObject({ status: 'failed', attempts: 1, lastError: 'Cổng SMS từ chối tin nhắn (HTTP 422: invalid_recipient).' });
    expect(mailsWith(mailKey)).toHaveLength(0);
    expect(textsWith(smsKey)).toHaveLength(0);
    expect(await workerMetrics.metrics()).toMatch(/motcua_outbox_failed_total\{channel="email"\} [1-9]/);
  });

  test('shows on the dossier page: channel, masked recipient, status, attempts, last error', async () => {
    const web = await signedIn('hn.tiepnhan');
    const page = await web.get(`/ho-so/${byEmail}`);
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain('Tin nhắn gửi người nộp');
    expect(text).toContain(`Thư không đến được về hồ sơ ${byEmail}`);
    expect(text).toContain('Gửi không thành công');
    expect(text).toContain('Máy chủ thư từ chối thư (mã 550).');
    expect(text).toContain('Cổng SMS từ chối tin nhắn (HTTP 422: invalid_recipient).');
    expect(text).toContain('chưa đến được người nộp');
    expect(page.text).not.toContain('khong.co.ai@mien-khong-ton-tai.invalid');
    expect(page.text).toContain('data-status="delivered"');
    // Only a supervisor resends.
    expect(page.text).not.toContain('/gui-lai');
  });

  test("is in the Hà Nội supervisor's list of failed deliveries, not in Hồ Chí Minh's", async () => {
    const hanoi = await signedIn('hn.giamsat');
    const list = await hanoi.get('/giam-sat/tin-nhan-loi');
    expect(list.status).toBe(200);
    expect(visibleText(list.text)).toContain(`Thư không đến được về hồ sơ ${byEmail}`);
    expect(list.text).not.toContain('khong.co.ai@');
    expect(list.text).toContain('/gui-lai');
    expect(list.text).toContain('aria-current=page');
    // A leader looks, and cannot resend.
    const leader = await signedIn('hn.lanhdao');
    const looked = await leader.get('/giam-sat/tin-nhan-loi');
    expect(looked.status).toBe(200);
    expect(visibleText(looked.text)).toContain(`Thư không đến được về hồ sơ ${byEmail}`);
    expect(looked.text).not.toContain('/gui-lai');
    const hcm = await signedIn('hcm.giamsat');
    const other = await hcm.get('/giam-sat/tin-nhan-loi');
    expect(other.status).toBe(200);
    expect(other.text).not.toContain(byEmail);
    // Another agency's message is not found, and not resent.
    const id = (await row(mailKey)).id;
    expect((await hcm.post(`/giam-sat/tin-nhan-loi/${id}/gui-lai`, {})).status).toBe(404);
    expect((await hcm.post('/giam-sat/tin-nhan-loi/abc/gui-lai', {})).status).toBe(404);
    expect((await row(mailKey)).status).toBe('failed');
    // Officials who are not supervisors may not resend.
    const receiver = await signedIn('hn.tiepnhan');
    await receiver.get(`/ho-so/${byEmail}`);
    expect((await receiver.post(`/giam-sat/tin-nhan-loi/${id}/gui-lai`, {})).status).toBe(403);
  });

  test('"gửi lại" tries once more; refused with a reason for a message already delivered', async () => {
    const web = await signedIn('hn.giamsat');
    await web.get(`/ho-so/${byEmail}`);
    const { id } = await row(mailKey);
    const resent = await web.post(`/giam-sat/tin-nhan-loi/${id}/gui-lai`, { ve: 'ho-so' });
    expect(resent.status).toBe(303);
    expect(resent.location).toBe(`/ho-so/${byEmail}`);
    const again = await eventually(() => row(mailKey), (n) => n.status === 'failed' && n.attempts === 2, 15_000);
    expect(again.lastError).toBe('Máy chủ thư từ chối thư (mã 550).');

    const [delivered] = await stack.db.orm.em.fork().find(Notification, { dossierCode: byEmail, status: 'delivered' }, { limit: 1 });
    await web.get('/giam-sat/tin-nhan-loi');
    const refused = await web.post(`/giam-sat/tin-nhan-loi/${delivered.id}/gui-lai`, {});
    expect(refused.status).toBe(409);
    expect(visibleText(refused.text)).toContain('đã được gửi thành công: không gửi lại');
    expect(mailsWith(delivered.key)).toHaveLength(1);
    // No CSRF token: refused, nothing changes.
    expect((await new WebClient(stack.baseUrl).post(`/giam-sat/tin-nhan-loi/${id}/gui-lai`, {}, false)).status).not.toBe(303);
  });
});

describe('the development mailbox', () => {
  test('shows what the sandboxes received, and what has not arrived', async () => {
    // A message that only the sandbox knows of (no outbox row): proof the page reads the sandbox.
    const transport = nodemailer.createTransport(stack.endpoints.smtpUrl);
    await transport.sendMail({ from: 'thu.nghiem@motcua.local', to: 'doc.lap@example.vn', subject: 'Thư gửi thẳng vào hộp thư thử nghiệm', text: 'Xin chào' });
    transport.close();

    const admin = await signedIn('hn.quantri');
    const page = await admin.get('/hop-thu');
    expect(page.status).toBe(200);
    const text = visibleText(page.text);
    expect(text).toContain('Thư gửi thẳng vào hộp thư thử nghiệm');
    const [mail] = await stack.db.orm.em.fork().find(Notification, { dossierCode: byEmail, channel: 'email', status: 'delivered' }, { limit: 1 });
    expect(text).toContain(mail.subject);
    const [sms] = await stack.db.orm.em.fork().find(Notification, { dossierCode: bySms, channel: 'sms', status: 'delivered' }, { limit: 1 });
    expect(text).toContain(sms.body.split('\n')[0]);
    expect(page.text).toContain('data-channel="sms"');
    // Not arrived: the failed ones, with why.
    expect(text).toContain('Chưa đến nơi');
    expect(text).toContain(`Thư không đến được về hồ sơ ${byEmail}`);

    // A supervisor: their agency's messages only, not the stray one.
    const supervisor = await signedIn('hcm.giamsat');
    const theirs = await supervisor.get('/hop-thu');
    expect(theirs.status).toBe(200);
    expect(theirs.text).not.toContain(byEmail);
    expect(theirs.text).not.toContain('Thư gửi thẳng vào hộp thư thử nghiệm');
  });
});
