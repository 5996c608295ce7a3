import { verifyCallback } from '../../web/payments/callback-signature';
import { gatewaySignature } from '../../sandboxes/payment/signature';
import type { RunningSandbox } from '../../sandboxes/http';
import { CALLBACK_SECRET, MERCHANT, eventually, json, startPayment, startReceiver } from './helpers';

type Receiver = Awaited<ReturnType<typeof startReceiver>>;

let sandbox: RunningSandbox;
let receiver: Receiver;
let refCounter = 0;

test('signs callbacks as the protocol test vector says, with its own implementation', () => {
  // The vector of test/activities/payment-gateway.test.ts, computed with openssl.
  const rawBody = '{"merchantRef":"R-1","amount":135000}';
  expect(gatewaySignature(CALLBACK_SECRET, 1764000000, rawBody)).toBe('55cf7e721d3d29da79aec46d5501f2d05b611fab96731937a2b6e9ee946be555');
});

beforeAll(async () => {
  sandbox = await startPayment();
  receiver = await startReceiver();
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
});

const inOneDay = () => new Date(Date.now() + 86_400_000).toISOString();

function paymentRequest(overrides: Record<string, unknown> = {}) {
  return {
    merchantRef: `G22.99-251124-${String(++refCounter).padStart(4, '0')}-P1`,
    amount: 135_000,
    description: 'Lệ phí đổi giấy phép lái xe, hồ sơ G22.99-251124-0001',
    callbackUrl: receiver.url,
    returnUrl: 'http://127.0.0.1:3000/tra-cuu?ma=G22.99-251124-0001',
    expiresAt: inOneDay(),
    ...overrides,
  };
}

const create = (body: unknown, merchant = MERCHANT, url = sandbox.url) =>
  json(`${url}/api/v1/payment-requests`, { method: 'POST', headers: { 'X-Merchant-Id': merchant }, json: body });
const status = (ref: string, merchant = MERCHANT, url = sandbox.url) =>
  json(`${url}/api/v1/payment-requests/${ref}`, { headers: { 'X-Merchant-Id': merchant } });
const cancel = (ref: string, url = sandbox.url) =>
  json(`${url}/api/v1/payment-requests/${ref}/cancel`, { method: 'POST', headers: { 'X-Merchant-Id': MERCHANT } });
const payByControl = (ref: string, url = sandbox.url) =>
  json(`${url}/__sandbox/payment-requests/${ref}/pay`, { method: 'POST', json: {} });
const callbackAttempts = async (ref: string, url = sandbox.url) =>
  ((await json(`${url}/__sandbox/callbacks`)).body as Array<{ merchantRef: string; status: number | null; attempt: number; replay: boolean; timestamp: number; error?: string }>).filter(
    (a) => a.merchantRef === ref,
  );

describe('payment requests', () => {
  test('opens a pending request with a pay page on the sandbox', async () => {
    const request = paymentRequest();
    const created = await create(request);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ merchantRef: request.merchantRef, status: 'pending', amount: 135_000 });
    expect(created.body.payUrl).toBe(`${sandbox.url}/pay/${created.body.id}`);
    expect((await status(request.merchantRef)).body).toMatchObject({ id: created.body.id, status: 'pending' });
  });

  test('is idempotent on merchantRef, and refuses the reference for another amount', async () => {
    const request = paymentRequest();
    const first = await create(request);
    const again = await create(request);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect((await create({ ...request, amount: 200_000 })).status).toBe(409);
    expect((await create(request, 'OTHER')).status).toBe(409);
  });

  test('requires a merchant id, and hides a request from other merchants', async () => {
    const request = paymentRequest();
    expect((await create(request, '')).status).toBe(401);
    await create(request);
    expect((await status(request.merchantRef, 'OTHER')).status).toBe(404);
    expect((await status('no-such-ref')).status).toBe(404);
  });

  test('answers 400 naming each invalid field', async () => {
    const invalid = await create(
      paymentRequest({ amount: 1.5, callbackUrl: 'ftp://example.org/cb', expiresAt: 'tomorrow', description: undefined }),
    );
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.body.fields).sort()).toEqual(['amount', 'callbackUrl', 'description', 'expiresAt']);
    const past = await create(paymentRequest({ expiresAt: new Date(Date.now() - 1000).toISOString() }));
    expect(past.body).toEqual({ error: 'invalid_request', fields: { expiresAt: 'must be in the future' } });
  });

  test('transient failures can be forced on the API', async () => {
    await json(`${sandbox.url}/__sandbox/fail-next`, { method: 'POST', json: { count: 1, kind: 'unavailable' } });
    expect((await create(paymentRequest())).status).toBe(503);
  });
});

describe('the pay page', () => {
  test('shows the merchant, description and amount in Vietnamese, with the banks and both buttons', async () => {
    const request = paymentRequest();
    const { body } = await create(request);
    const page = await fetch(body.payUrl);
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html).toContain('<html lang="vi">');
    for (const text of ['MOTCUA', request.description, '135.000 ₫', 'Vietcombank', 'BIDV', 'Ví điện tử', '>Thanh toán</button>', '>Hủy</a>']) {
      expect(html).toContain(text);
    }
    expect(html).not.toMatch(/<(script|link|img)\b/);
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(new URL(action, body.payUrl).href).toBe(`${body.payUrl}/confirm`);
  });

  test('paying redirects to the return URL, marks the request paid and sends a signed callback', async () => {
    const request = paymentRequest();
    const { body } = await create(request);
    const before = receiver.received.length;
    const submitted = await fetch(`${body.payUrl}/confirm`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'method=bidv',
      redirect: 'manual',
    });
    expect(submitted.status).toBe(303);
    expect(submitted.headers.get('location')).toBe(request.returnUrl);

    const paid = (await status(request.merchantRef)).body;
    expect(paid).toMatchObject({ status: 'paid', method: 'bidv' });
    expect(paid.transactionId).toMatch(/^SBX\d{16}$/);

    const [callback] = await eventually(
      () => receiver.received.slice(before),
      (received) => received.length > 0,
    );
    expect(JSON.parse(callback.rawBody)).toEqual({
      merchantRef: request.merchantRef,
      paymentId: body.id,
      transactionId: paid.transactionId,
      amount: 135_000,
      currency: 'VND',
      status: 'paid',
      paidAt: paid.paidAt,
    });
    const verification = verifyCallback({
      secret: CALLBACK_SECRET,
      rawBody: callback.rawBody,
      timestamp: callback.headers['x-payment-timestamp'] as string,
      signature: callback.headers['x-payment-signature'] as string,
      nowSeconds: Math.floor(Date.now() / 1000),
    });
    expect(verification).toEqual({ ok: true });

    const page = await (await fetch(body.payUrl)).text();
    expect(page).toContain('Đã thanh toán');
    expect(page).toContain(paid.transactionId);
    expect(page).not.toContain('<form');
  });

  test('a cancelled request cannot be paid', async () => {
    const request = paymentRequest();
    const { body } = await create(request);
    expect((await cancel(request.merchantRef)).body).toEqual({ merchantRef: request.merchantRef, status: 'cancelled' });
    expect(await (await fetch(body.payUrl)).text()).toContain('Yêu cầu thanh toán đã bị hủy');
    expect(await payByControl(request.merchantRef)).toMatchObject({ status: 409, body: { error: 'cancelled' } });
    const confirm = await fetch(`${body.payUrl}/confirm`, { method: 'POST', redirect: 'manual' });
    expect(confirm.status).toBe(409);
  });

  test('an unknown payment id is a 404 page', async () => {
    const page = await fetch(`${sandbox.url}/pay/00000000-0000-0000-0000-000000000000`);
    expect(page.status).toBe(404);
    expect(await page.text()).toContain('Không tìm thấy yêu cầu thanh toán');
  });
});

describe('cancel', () => {
  test('after a payment, the payment stands', async () => {
    const request = paymentRequest();
    await create(request);
    const transaction = (await payByControl(request.merchantRef)).body;
    expect(transaction).toMatchObject({ status: 'paid', amount: 135_000 });
    expect(await cancel(request.merchantRef)).toMatchObject({
      status: 200,
      body: { status: 'paid', transactionId: transaction.transactionId, paidAt: transaction.paidAt, amount: 135_000 },
    });
    expect((await status(request.merchantRef)).body.status).toBe('paid');
  });

  test('of an unknown reference is a 404', async () => {
    expect((await cancel('never-created')).status).toBe(404);
  });

  test('paying twice keeps the first transaction and sends no second callback', async () => {
    const request = paymentRequest();
    await create(request);
    const first = (await payByControl(request.merchantRef)).body;
    const second = (await payByControl(request.merchantRef)).body;
    expect(second.transactionId).toBe(first.transactionId);
    await eventually(() => callbackAttempts(request.merchantRef), (a) => a.length === 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await callbackAttempts(request.merchantRef)).toHaveLength(1);
  });
});

describe('expiry', () => {
  test('a request past its expiry shows as expired and cannot be paid', async () => {
    let now = Date.now();
    const clocked = await startPayment({ now: () => now });
    try {
      const request = paymentRequest({ expiresAt: new Date(now + 3_600_000).toISOString() });
      const { body } = await create(request, MERCHANT, clocked.url);
      now += 2 * 3_600_000;
      expect((await status(request.merchantRef, MERCHANT, clocked.url)).body.status).toBe('expired');
      expect(await (await fetch(body.payUrl)).text()).toContain('Yêu cầu thanh toán đã hết hạn');
      expect(await payByControl(request.merchantRef, clocked.url)).toMatchObject({ status: 409, body: { error: 'expired' } });
    } finally {
      await clocked.close();
    }
  });
});

describe('callback delivery', () => {
  test('retries a failing receiver until it acknowledges', async () => {
    const flaky = await startReceiver([500, 503, 200]);
    try {
      const request = paymentRequest({ callbackUrl: flaky.url });
      await create(request);
      await payByControl(request.merchantRef);
      const attempts = await eventually(() => callbackAttempts(request.merchantRef), (a) => a.length === 3);
      expect(attempts.map((a) => [a.attempt, a.status])).toEqual([
        [1, 500],
        [2, 503],
        [3, 200],
      ]);
      expect(new Set(flaky.received.map((r) => r.rawBody)).size).toBe(1);
    } finally {
      await flaky.close();
    }
  });

  test('gives up after the last retry delay, also when nobody listens', async () => {
    const down = await startReceiver();
    const url = down.url;
    await down.close();
    const request = paymentRequest({ callbackUrl: url });
    await create(request);
    await payByControl(request.merchantRef);
    const attempts = await eventually(() => callbackAttempts(request.merchantRef), (a) => a.length === 3);
    expect(attempts.every((a) => a.status === null && a.error === 'ECONNREFUSED')).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await callbackAttempts(request.merchantRef)).toHaveLength(3);
  });

  test('replays a callback with the same body, freshly signed or with the captured signature', async () => {
    const request = paymentRequest();
    await create(request);
    await payByControl(request.merchantRef);
    await eventually(() => callbackAttempts(request.merchantRef), (a) => a.length === 1);
    const ours = () => receiver.received.filter((r) => JSON.parse(r.rawBody).merchantRef === request.merchantRef);

    const replay = (reuseSignature: boolean) =>
      json(`${sandbox.url}/__sandbox/payment-requests/${request.merchantRef}/replay-callback`, { method: 'POST', json: { reuseSignature } });
    expect((await replay(false)).status).toBe(202);
    await eventually(ours, (r) => r.length === 2);
    expect((await replay(true)).status).toBe(202);
    const [original, , captured] = await eventually(ours, (r) => r.length === 3);

    expect(new Set(ours().map((r) => r.rawBody)).size).toBe(1);
    expect(captured.headers['x-payment-signature']).toBe(original.headers['x-payment-signature']);
    expect(captured.headers['x-payment-timestamp']).toBe(original.headers['x-payment-timestamp']);
    expect((await callbackAttempts(request.merchantRef)).map((a) => a.replay)).toEqual([false, true, true]);
  });

  test('refuses to replay the callback of an unpaid request', async () => {
    const request = paymentRequest();
    await create(request);
    expect((await json(`${sandbox.url}/__sandbox/payment-requests/${request.merchantRef}/replay-callback`, { method: 'POST' })).status).toBe(409);
  });
});
