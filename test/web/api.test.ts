/**
 * The JSON intake API and the payment gateway's callback, as the national portal and the
 * gateway call them.
 */
import { DEMO_API_AUTHORIZATION } from '../../db/seeds/demo';
import { signCallback } from '../../web/payments/callback-signature';
import { PaymentCallback, TimelineEvent } from '../../db/entities';
import { IN_PROCESS_SECRETS } from '../../scripts/lib/in-process-stack';
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

/** Submitted as the national portal: the demo API client (db/seeds/demo.ts). */
const asPortal = { authorization: DEMO_API_AUTHORIZATION };
const submitJson = (form: Record<string, string>, key?: string) =>
  api('/api/v1/dossiers', { method: 'POST', body: { procedureCode: 'GPLX-DOI', form }, headers: { ...asPortal, ...(key ? { 'Idempotency-Key': key } : {}) } });

test('registers a dossier and returns the same one for a retried request', async () => {
  const first = await submitJson(renewalForm(), 'portal-req-000001');
  expect(first.status).toBe(201);
  expect(first.body).toMatchObject({ status: 1, statusLabel: 'Mới đăng ký', lookupSecret: expect.stringMatching(/^[0-9A-Z]{8}$/) });
  expect(first.body.lookupUrl).toBe(`${stack.baseUrl}/tra-cuu?ma=${encodeURIComponent(first.body.code)}&bm=${first.body.lookupSecret}`);
  const retry = await submitJson(renewalForm(), 'portal-req-000001');
  expect(retry.status).toBe(200);
  expect(retry.body.code).toBe(first.body.code);
  expect(retry.body.lookupSecret).toBe(first.body.lookupSecret);

  const reused = await submitJson(renewalForm('motorbikeHolderHoChiMinh', { province: '79' }), 'portal-req-000001');
  expect(reused.status).toBe(409);
  expect(reused.body.error).toBe('idempotency_key_reused');

  expect(reused.body.lookupSecret).toBeUndefined();

  const status = await api(`/api/v1/dossiers/${encodeURIComponent(first.body.code)}?secret=${first.body.lookupSecret}`);
  expect(status.status).toBe(200);
  expect(status.body).toMatchObject({ code: first.body.code, procedure: { code: 'GPLX-DOI', version: 2 } });
  const byHeader = await api(`/api/v1/dossiers/${encodeURIComponent(first.body.code)}`, { headers: { 'X-Lookup-Secret': first.body.lookupSecret } });
  expect(byHeader.body).toEqual(status.body);
});

test('reads a dossier back only with its lookup secret, and says the same for a wrong one as for an unknown code', async () => {
  const { body: created } = await submitJson(renewalForm());
  const path = `/api/v1/dossiers/${encodeURIComponent(created.code)}`;
  const wrongSecret = created.lookupSecret.replace(/^./, (c: string) => (c === 'A' ? 'B' : 'A'));
  const answers = [
    await api(path),
    await api(`${path}?secret=${wrongSecret}`),
    await api(`${path}?secret=`),
    await api(`/api/v1/dossiers/000.00.31.H01-200101-0001?secret=${created.lookupSecret}`),
  ];
  for (const answer of answers) {
    expect(answer).toEqual({ status: 404, body: { error: 'not_found', message: 'Không tìm thấy hồ sơ với mã hồ sơ và mã bảo mật đã gửi' } });
  }
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
  const unknown = await api('/api/v1/dossiers', { method: 'POST', body: { procedureCode: 'KHONG-CO', form: {} }, headers: asPortal });
  expect(unknown.status).toBe(422);
  expect(unknown.body.error).toBe('unknown_procedure');
  const noForm = await api('/api/v1/dossiers', { method: 'POST', body: { procedureCode: 'GPLX-DOI' }, headers: asPortal });
  expect(noForm.status).toBe(422);
  expect(noForm.body.fields.form).toBeDefined();
  const notJson = await api('/api/v1/dossiers', { method: 'POST', body: '{"procedureCode":', headers: asPortal });
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

  const callback = (body: object, secret = IN_PROCESS_SECRETS.paymentCallbackSecret, timestamp = Math.floor(Date.now() / 1000)) => {
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
