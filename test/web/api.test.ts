/**
 * The JSON intake API and the payment gateway's callback, as the national portal and the
 * gateway call them.
 */
import { signCallback } from '../../web/payments/callback-signature';
import { PaymentCallback, TimelineEvent } from '../../db/entities';
import { eventually } from '../support/eventually';
import { decide, expectDone, pay, renewalForm, waitForDossier } from '../support/scenario';
import { startStack, type Stack } from '../support/stack';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

async function api(path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const response = await fetch(stack.baseUrl + path, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json', ...init.headers },
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
  return { status: response.status, body: (await response.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

const submitJson = (form: Record<string, string>, key?: string) =>
  api('/api/v1/dossiers', { method: 'POST', body: { procedureCode: 'GPLX-DOI', form }, headers: key ? { 'Idempotency-Key': key } : {} });

test('registers a dossier and returns the same one for a retried request', async () => {
  const first = await submitJson(renewalForm(), 'portal-req-000001');
  expect(first.status).toBe(201);
  expect(first.body).toMatchObject({ status: 1, statusLabel: 'Mới đăng ký' });
  const retry = await submitJson(renewalForm(), 'portal-req-000001');
  expect(retry.status).toBe(200);
  expect(retry.body.code).toBe(first.body.code);

  const reused = await submitJson(renewalForm('motorbikeHolderHoChiMinh', { province: '79' }), 'portal-req-000001');
  expect(reused.status).toBe(409);
  expect(reused.body.error).toBe('idempotency_key_reused');

  const status = await api(`/api/v1/dossiers/${encodeURIComponent(first.body.code)}`);
  expect(status.status).toBe(200);
  expect(status.body).toMatchObject({ code: first.body.code, procedure: { code: 'GPLX-DOI', version: 2 } });
});

test('answers invalid data field by field, in Vietnamese', async () => {
  const { status, body } = await submitJson(renewalForm('carHolderHanoi', { dateOfBirth: '31/02/1985', licenceClass: 'Z9', phone: '123' }));
  expect(status).toBe(422);
  expect(body).toEqual({
    error: 'validation_failed',
    fields: {
      dateOfBirth: 'Ngày sinh không hợp lệ (ngày/tháng/năm)',
      licenceClass: 'Hạng giấy phép lái xe: lựa chọn không hợp lệ',
      phone: 'Số điện thoại không hợp lệ (ví dụ 0912345678)',
    },
  });
});

test('refuses an unknown procedure and malformed requests', async () => {
  const unknown = await api('/api/v1/dossiers', { method: 'POST', body: { procedureCode: 'KHONG-CO', form: {} } });
  expect(unknown.status).toBe(422);
  expect(unknown.body.error).toBe('unknown_procedure');
  const noForm = await api('/api/v1/dossiers', { method: 'POST', body: { procedureCode: 'GPLX-DOI' } });
  expect(noForm.status).toBe(422);
  expect(noForm.body.fields.form).toBeDefined();
  const notJson = await api('/api/v1/dossiers', { method: 'POST', body: '{"procedureCode":' });
  expect(notJson.status).toBe(400);
});

test('answers 404 for an unknown dossier', async () => {
  const { status, body } = await api('/api/v1/dossiers/000.00.31.H01-200101-0001');
  expect(status).toBe(404);
  expect(body.error).toBe('not_found');
});

describe('payment callbacks', () => {
  let code: string;
  let reference: string;

  beforeAll(async () => {
    code = (await submitJson(renewalForm())).body.code;
    expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'accept'));
    reference = (await waitForDossier(stack, code, (d) => d.payment?.status === 'pending')).payment!.reference;
  });

  const callback = (body: object, secret = stack.config.payment.callbackSecret, timestamp = Math.floor(Date.now() / 1000)) => {
    const raw = JSON.stringify(body);
    return fetch(`${stack.baseUrl}/api/v1/payments/callback`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'X-Payment-Timestamp': String(timestamp),
        'X-Payment-Signature': signCallback(secret, timestamp, raw),
      },
      body: raw,
    });
  };
  const paidBody = (over: object = {}) => ({
    merchantRef: reference,
    paymentId: 'x',
    transactionId: 'SBX-FORGED-1',
    amount: 135_000,
    currency: 'VND',
    status: 'paid',
    paidAt: new Date().toISOString(),
    ...over,
  });

  test('ignores a forged callback (wrong secret, stale timestamp)', async () => {
    expect((await callback(paidBody(), 'a-guessed-secret-000000000000')).status).toBe(401);
    expect((await callback(paidBody(), undefined, Math.floor(Date.now() / 1000) - 3600)).status).toBe(401);
    expect((await stack.dossier(code)).payment?.status).toBe('pending');
    expect(await stack.db.orm.em.fork().count(PaymentCallback, { dossierCode: code })).toBe(0);
  });

  test('does not accept a signed callback for another amount', async () => {
    const response = await callback(paidBody({ transactionId: 'SBX-WRONG-AMOUNT', amount: 1_000 }));
    expect(response.status).toBe(409);
    expect((await stack.dossier(code)).payment?.status).toBe('pending');
  });

  test('applies the real payment once, however often the gateway replays it', async () => {
    const transactionId = await pay(stack, code);
    const d = await waitForDossier(stack, code, (x) => x.payment?.status === 'paid');
    expect(d.payment?.transactionId).toBe(transactionId);

    for (const reuseSignature of [true, false]) {
      const replay = await fetch(`${stack.endpoints.paymentUrl}/__sandbox/payment-requests/${encodeURIComponent(reference)}/replay-callback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ reuseSignature }),
      });
      expect(replay.ok).toBe(true);
    }
    const em = stack.db.orm.em;
    const row = await eventually(
      () => em.fork().findOneOrFail(PaymentCallback, { transactionId }),
      (r) => r.deliveries >= 3 && r.outcome === 'applied',
    );
    expect(row.amount).toBe(135_000);
    const received = await em.fork().count(TimelineEvent, { dossier: d.id, type: 'payment-received' });
    expect(received).toBe(1);
  });
});
