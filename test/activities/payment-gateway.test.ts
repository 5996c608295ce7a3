import { ApplicationFailure } from '@temporalio/common';
import type { RequestPaymentInput } from '../../activities/contract';
import { createPaymentGateway } from '../../activities/payment/gateway-client';
import { signCallback, verifyCallback } from '../../web/payments/callback-signature';
import type { RunningSandbox } from '../../sandboxes/http';
import { CALLBACK_SECRET, MERCHANT, eventually, json, startPayment } from '../sandboxes/helpers';

let sandbox: RunningSandbox;
let gateway: ReturnType<typeof createPaymentGateway>;
let refCounter = 0;

beforeAll(async () => {
  sandbox = await startPayment({ slowMs: 1000 });
  gateway = gatewayAt(sandbox.url);
});
afterAll(() => sandbox.close());

function gatewayAt(url: string, merchantId = MERCHANT) {
  return createPaymentGateway({
    url,
    merchantId,
    timeoutMs: 300,
    // Nobody listens: these tests are about the merchant's calls, not the callbacks.
    callbackUrl: 'http://127.0.0.1:9/callbacks/payment',
    returnUrl: (code) => `http://127.0.0.1:3000/tra-cuu?ma=${encodeURIComponent(code)}`,
  });
}

function paymentInput(overrides: Partial<RequestPaymentInput> = {}): RequestPaymentInput {
  const dossierCode = `G22.99-261124-${String(++refCounter).padStart(4, '0')}`;
  return {
    dossierCode,
    reference: `${dossierCode}-P1`,
    amount: 135_000,
    description: `Lệ phí đổi giấy phép lái xe, hồ sơ ${dossierCode}`,
    deadlineAt: new Date(Date.now() + 72 * 3_600_000).toISOString(),
    ...overrides,
  };
}

async function failureOf(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a failure');
}

const gatewayRecord = (ref: string) =>
  json(`${sandbox.url}/api/v1/payment-requests/${ref}`, { headers: { 'X-Merchant-Id': MERCHANT } });

describe('requestPayment', () => {
  test('opens a payment request and returns its pay page', async () => {
    const input = paymentInput();
    const output = await gateway.requestPayment(input);
    const record = (await gatewayRecord(input.reference)).body;
    expect(output).toEqual({ reference: input.reference, payUrl: record.payUrl });
    expect(record).toMatchObject({ amount: 135_000, description: input.description, status: 'pending', expiresAt: input.deadlineAt });
  });

  test('a retry gets the same request instead of a second one', async () => {
    const input = paymentInput();
    await json(`${sandbox.url}/__sandbox/calls`, { method: 'DELETE' });
    const first = await gateway.requestPayment(input);
    const retried = await gateway.requestPayment(input);
    expect(retried).toEqual(first);
    const calls = (await json(`${sandbox.url}/__sandbox/calls`)).body as Array<{ method: string; status: number }>;
    expect(calls.map((c) => `${c.method} ${c.status}`)).toEqual(['POST 201', 'POST 200']);
  });

  test('a reference reused for another amount is a non-retryable conflict', async () => {
    const input = paymentInput();
    await gateway.requestPayment(input);
    const error = await failureOf(gateway.requestPayment({ ...input, amount: 200_000 }));
    expect(error).toBeInstanceOf(ApplicationFailure);
    expect(error).toMatchObject({ nonRetryable: true, type: 'HttpConflict' });
  });

  test('an unavailable gateway or a timeout is retryable, and the retry finds one request', async () => {
    const input = paymentInput();
    await json(`${sandbox.url}/__sandbox/fail-next`, { method: 'POST', json: { count: 1, kind: 'unavailable' } });
    const unavailable = await failureOf(gateway.requestPayment(input));
    expect(unavailable).not.toBeInstanceOf(ApplicationFailure);

    // The slow answer arrives after our timeout, but the gateway did create the request.
    await json(`${sandbox.url}/__sandbox/fail-next`, { method: 'POST', json: { count: 1, kind: 'slow' } });
    const timeout = await failureOf(gateway.requestPayment(input));
    expect(timeout).not.toBeInstanceOf(ApplicationFailure);
    expect(timeout.message).toContain('no answer within 300 ms');

    const createdLate = await eventually(() => gatewayRecord(input.reference), (r) => r.status === 200);
    const calls = (await json(`${sandbox.url}/__sandbox/calls`)).body;
    expect(calls).toContainEqual(expect.objectContaining({ method: 'POST', fault: 'slow', status: null }));
    const retried = await gateway.requestPayment(input);
    expect(retried.payUrl).toBe(createdLate.body.payUrl);
  });

  test('a deadline already past is refused for good', async () => {
    const error = await failureOf(gateway.requestPayment(paymentInput({ deadlineAt: new Date(Date.now() - 60_000).toISOString() })));
    expect(error).toMatchObject({ nonRetryable: true, type: 'HttpBadRequest' });
    expect(error.message).toContain('expiresAt');
  });

  test('a cancelled reference is not reopened', async () => {
    const input = paymentInput();
    await gateway.requestPayment(input);
    await gateway.cancelPayment({ reference: input.reference });
    expect(await failureOf(gateway.requestPayment(input))).toMatchObject({ nonRetryable: true, type: 'PaymentRequestClosed' });
  });
});

describe('cancelPayment', () => {
  test('cancels an unpaid request', async () => {
    const input = paymentInput();
    await gateway.requestPayment(input);
    expect(await gateway.cancelPayment({ reference: input.reference })).toEqual({ status: 'cancelled' });
    expect((await gatewayRecord(input.reference)).body.status).toBe('cancelled');
  });

  test('reports a payment made before the cancel: the payment stands', async () => {
    const input = paymentInput();
    await gateway.requestPayment(input);
    const paid = (await json(`${sandbox.url}/__sandbox/payment-requests/${input.reference}/pay`, { method: 'POST' })).body;
    expect(await gateway.cancelPayment({ reference: input.reference })).toEqual({
      status: 'paid',
      transactionId: paid.transactionId,
      paidAt: paid.paidAt,
      amount: 135_000,
    });
  });

  test('a reference the gateway never saw counts as cancelled', async () => {
    expect(await gateway.cancelPayment({ reference: 'G22.99-261124-9999-P1' })).toEqual({ status: 'cancelled' });
  });

  test('a wrong gateway URL is not mistaken for an unknown reference', async () => {
    const error = await failureOf(gatewayAt(`${sandbox.url}/v9`).cancelPayment({ reference: 'G22.99-261124-9999-P1' }));
    expect(error).toMatchObject({ nonRetryable: true, type: 'UnexpectedAnswer' });
  });
});

describe('callback signature', () => {
  const rawBody = '{"merchantRef":"R-1","amount":135000}';
  const timestamp = '1764000000';
  const signature = '55cf7e721d3d29da79aec46d5501f2d05b611fab96731937a2b6e9ee946be555';
  const verify = (overrides: Partial<Parameters<typeof verifyCallback>[0]> = {}) =>
    verifyCallback({ secret: CALLBACK_SECRET, rawBody, timestamp, signature, nowSeconds: 1764000060, ...overrides });

  test('signs as HMAC-SHA256 over "timestamp.body" in lowercase hex (vector computed with openssl)', () => {
    expect(signCallback(CALLBACK_SECRET, timestamp, rawBody)).toBe(signature);
    expect(signCallback(CALLBACK_SECRET, Number(timestamp), Buffer.from(rawBody))).toBe(signature);
  });

  test('accepts a genuine callback', () => {
    expect(verify()).toEqual({ ok: true });
    expect(verify({ rawBody: Buffer.from(rawBody), signature: signature.toUpperCase() })).toEqual({ ok: true });
  });

  test('refuses a forged signature, a modified body and a moved timestamp', () => {
    expect(verify({ signature: signCallback('another-secret-0123456789', timestamp, rawBody) })).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verify({ signature: 'abc' })).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verify({ rawBody: rawBody.replace('135000', '1350') })).toEqual({ ok: false, reason: 'bad-signature' });
    expect(verify({ timestamp: '1764000001' })).toEqual({ ok: false, reason: 'bad-signature' });
  });

  test('refuses stale, future, malformed and missing timestamps', () => {
    expect(verify({ nowSeconds: 1764000301 })).toEqual({ ok: false, reason: 'stale-timestamp' });
    expect(verify({ nowSeconds: 1764000300 })).toEqual({ ok: true });
    expect(verify({ nowSeconds: 1763999699 })).toEqual({ ok: false, reason: 'future-timestamp' });
    expect(verify({ nowSeconds: 1764000600, toleranceSeconds: 600 })).toEqual({ ok: true });
    expect(verify({ timestamp: '1764000000.5' })).toEqual({ ok: false, reason: 'malformed-timestamp' });
    expect(verify({ timestamp: undefined })).toEqual({ ok: false, reason: 'missing-headers' });
    expect(verify({ signature: undefined })).toEqual({ ok: false, reason: 'missing-headers' });
  });
});
