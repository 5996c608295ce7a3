/**
 * Input that no page of ours sends, on every route that takes any: repeated keys where one value
 * is expected, words where numbers are expected, JSON or multipart bodies on form routes,
 * missing fields, values of the wrong JSON type. Each gets a 4xx and a message saying what is
 * wrong, field by field where there are fields; never a 500.
 */
import { DEMO_API_AUTHORIZATION } from '../../db/seeds/demo';
import { AuditEvent } from '../../db/entities';
import { linkToken } from '../../domain/applicant-links';
import { IN_PROCESS_SECRETS } from '../../scripts/lib/in-process-stack';
import { signCallback } from '../../web/payments/callback-signature';
import { eventually } from '../support/eventually';
import { decide, expectDone, openTask, renewalForm, submit, waitForDossier } from '../support/scenario';
import { startStack, type Stack } from '../support/stack';
import { visibleText } from '../support/web-client';
import { RawClient } from './raw-client';

let stack: Stack;
let code: string;
let taskId: string;
beforeAll(async () => {
  stack = await startStack();
  code = await submit(stack);
  taskId = await openTask(stack, code, 'intake');
});
afterAll(() => stack?.stop());

const dossierPath = () => `/ho-so/${encodeURIComponent(code)}`;

async function signedIn(username: string): Promise<RawClient> {
  const web = new RawClient(stack.baseUrl);
  await web.signIn(username);
  return web;
}

describe('sign-in', () => {
  test('answers missing and repeated fields field by field (422)', async () => {
    const web = new RawClient(stack.baseUrl);
    await web.get('/dang-nhap');
    const missing = await web.postBody('/dang-nhap', { form: [] });
    expect(missing.status).toBe(422);
    expect(visibleText(missing.text)).toContain('Vui lòng nhập tên đăng nhập.');
    expect(visibleText(missing.text)).toContain('Vui lòng nhập mật khẩu.');
    const repeated = await web.postBody('/dang-nhap', { form: [['username', 'hn.tiepnhan'], ['username', 'hn.lanhdao'], ['password', 'motcua-demo']] });
    expect(repeated.status).toBe(422);
    expect(visibleText(repeated.text)).toContain('Tên đăng nhập chỉ nhận một giá trị.');
  });

  test('refuses a JSON or multipart body with a message (415)', async () => {
    const web = new RawClient(stack.baseUrl);
    await web.get('/dang-nhap');
    for (const body of [{ json: { username: 'hn.tiepnhan', password: 'motcua-demo' } }, { multipart: { username: 'hn.tiepnhan', password: 'motcua-demo' } }]) {
      const page = await web.postBody('/dang-nhap', body);
      expect(page.status).toBe(415);
      expect(visibleText(page.text)).toContain('Biểu mẫu phải được gửi từ trang web');
    }
  });

  test('writes the sign-out to the audit trail', async () => {
    const web = await signedIn('hn.chuyenvien2');
    await web.get('/cong-viec');
    expect((await web.postBody('/dang-xuat', { form: [] })).status).toBe(303);
    const audit = await eventually(
      () => stack.db.orm.em.fork().find(AuditEvent, { actor: 'hn.chuyenvien2' }, { orderBy: { id: 'asc' } }),
      (rows) => rows.length === 2,
    );
    expect(audit.map((a) => a.action)).toEqual(['sign-in', 'sign-out']);
  });
});

describe('public pages', () => {
  test('the submission form answers a repeated field by name, keeping the other values (422)', async () => {
    const web = new RawClient(stack.baseUrl);
    await web.get('/nop-ho-so/GPLX-DOI');
    const form = Object.entries(renewalForm()).filter(([k]) => k !== 'fullName');
    const page = await web.postBody('/nop-ho-so/GPLX-DOI', { form: [...form, ['fullName', 'Nguyễn Văn An'], ['fullName', 'Nguyễn Văn Bình']] });
    expect(page.status).toBe(422);
    expect(visibleText(page.text)).toContain('Mỗi mục chỉ nhận một giá trị.');
    expect(page.text).toContain('value="001085004521"');
    expect((await web.postBody('/nop-ho-so/GPLX-DOI', { json: Object.fromEntries(form) })).status).toBe(415);
  });

  test('the lookup, the catalogue and the mailbox answer a query they cannot read (400)', async () => {
    const web = new RawClient(stack.baseUrl);
    const lookup = await web.get('/tra-cuu?ma=a&ma=b');
    expect(lookup.status).toBe(400);
    expect(visibleText(lookup.text)).toContain('Mã hồ sơ chỉ nhận một giá trị.');
    for (const version of ['abc', '-1', '1.5']) {
      const page = await web.get(`/thu-tuc/GPLX-DOI?phien-ban=${version}`);
      expect(page.status).toBe(400);
      expect(visibleText(page.text)).toContain('Phiên bản phải là số nguyên dương.');
    }
    const mailbox = await (await signedIn('hn.quantri')).get('/hop-thu?den=a%40example.vn&den=b%40example.vn'); // administrators only
    expect(mailbox.status).toBe(400);
    expect(visibleText(mailbox.text)).toContain('Địa chỉ nhận chỉ nhận một giá trị.');
  });

  test('an applicant link that cannot be read opens nothing (404)', async () => {
    const web = new RawClient(stack.baseUrl);
    const token = linkToken(IN_PROCESS_SECRETS.linkSecret, code, 'supplement-1');
    for (const query of ['lan=abc&t=' + token, 'lan=1&lan=2&t=' + token, 'lan=1', `lan=1&t=${token}&t=${token}`]) {
      expect((await web.get(`/bo-sung/${encodeURIComponent(code)}?${query}`)).status).toBe(404);
    }
    expect((await web.get(`/ket-qua/${encodeURIComponent(code)}?t=a&t=b`)).status).toBe(404);
    await web.get('/nop-ho-so/GPLX-DOI'); // a page with a form, for a CSRF token
    expect((await web.postBody(`/bo-sung/${encodeURIComponent(code)}`, { form: [['lan', 'abc']] })).status).toBe(404);
  });

  test('the supplement form answers a repeated field by name (422)', async () => {
    const waiting = await submit(stack, renewalForm('carHolderHanoi', { fullName: 'Nguyen Van An' }));
    expectDone(await decide(stack, waiting, 'intake', 'hn.tiepnhan', 'request-supplement', 'Ghi họ tên có dấu'));
    const d = await waitForDossier(stack, waiting, (x) => x.status === 5);
    const round = String(d.supplement!.round);
    const t = linkToken(IN_PROCESS_SECRETS.linkSecret, waiting, `supplement-${d.supplement!.round}`);
    const web = new RawClient(stack.baseUrl);
    await web.get(`/bo-sung/${encodeURIComponent(waiting)}?lan=${round}&t=${t}`);
    const page = await web.postBody(`/bo-sung/${encodeURIComponent(waiting)}`, { form: [['lan', round], ['t', t], ['fullName', 'Nguyễn Văn An'], ['fullName', 'Nguyễn Văn A']] });
    expect(page.status).toBe(422);
    expect(visibleText(page.text)).toContain('Mỗi mục chỉ nhận một giá trị.');
    expect((await stack.dossier(waiting)).status).toBe(5);
  });
});

describe('back office', () => {
  test('a decision without its task or action, or with a repeated one, is answered field by field (422)', async () => {
    const web = await signedIn('hn.tiepnhan');
    await web.get(dossierPath());
    const missing = await web.postBody(`${dossierPath()}/thao-tac`, { form: [['reason', 'Không rõ']] });
    expect(missing.status).toBe(422);
    expect(visibleText(missing.text)).toContain('Vui lòng nhập mã nhiệm vụ.');
    expect(visibleText(missing.text)).toContain('Vui lòng chọn một thao tác.');
    const repeated = await web.postBody(`${dossierPath()}/thao-tac`, { form: [['taskId', taskId], ['taskId', taskId], ['action', 'accept']] });
    expect(repeated.status).toBe(422);
    expect(visibleText(repeated.text)).toContain('Mã nhiệm vụ chỉ nhận một giá trị.');
    const strangeInput = await web.postBody(`${dossierPath()}/thao-tac`, { form: [['taskId', taskId], ['action', 'accept'], ['in_x', 'a'], ['in_x', 'b']] });
    expect(strangeInput.status).toBe(422);
    expect(visibleText(strangeInput.text)).toContain('Mỗi mục chỉ nhận một giá trị.');
    expect((await stack.dossier(code)).status).toBe(1);
  });

  test('a JSON or multipart body to a back-office form is refused with a message (415)', async () => {
    const web = await signedIn('hn.tiepnhan');
    await web.get(dossierPath());
    for (const body of [{ json: { taskId, action: 'accept' } }, { multipart: { taskId, action: 'accept' } }]) {
      const page = await web.postBody(`${dossierPath()}/thao-tac`, body);
      expect(page.status).toBe(415);
      expect(visibleText(page.text)).toContain('Biểu mẫu phải được gửi từ trang web');
    }
    expect((await stack.dossier(code)).status).toBe(1);
  });

  test('claiming without a task, from the page or the queue, is answered (422)', async () => {
    const web = await signedIn('hn.tiepnhan');
    await web.get(dossierPath());
    const fromPage = await web.postBody(`${dossierPath()}/nhan`, { form: [] });
    expect(fromPage.status).toBe(422);
    expect(visibleText(fromPage.text)).toContain('Vui lòng nhập mã nhiệm vụ.');
    await web.get('/cong-viec');
    const fromQueue = await web.postBody('/cong-viec/nhan', { form: [['taskId', taskId]] });
    expect(fromQueue.status).toBe(422);
    expect(visibleText(fromQueue.text)).toContain('Vui lòng nhập mã hồ sơ.');
  });

  test('a reassignment to an official id that is not a number is answered (422)', async () => {
    const web = await signedIn('hn.giamsat');
    await web.get(dossierPath());
    for (const officialId of ['abc', '1e3', '']) {
      const page = await web.postBody(`${dossierPath()}/phan-cong`, { form: [['taskId', taskId], ['officialId', officialId]] });
      expect(page.status).toBe(422);
      expect(visibleText(page.text)).toContain('Vui lòng chọn cán bộ trong cơ quan.');
    }
  });

  test('the supervision page answers a filter it does not know (400)', async () => {
    const web = await signedIn('hn.giamsat');
    const page = await web.get('/giam-sat?loc=tat-ca');
    expect(page.status).toBe(400);
    expect(visibleText(page.text)).toContain('Bộ lọc không hợp lệ');
  });

  test('a dossier code that is too long finds nothing (404)', async () => {
    const web = await signedIn('hn.tiepnhan');
    expect((await web.get(`/ho-so/${'9'.repeat(200)}`)).status).toBe(404);
  });
});

describe('JSON API', () => {
  async function api(path: string, init: { method?: string; body?: string; headers?: Record<string, string> } = {}) {
    const response = await fetch(stack.baseUrl + path, { method: init.method ?? 'GET', headers: { 'content-type': 'application/json', ...init.headers }, body: init.body });
    return { status: response.status, body: (await response.json()) as { error: string; fields?: Record<string, string> } };
  }

  test('answers values of the wrong JSON type field by field (422)', async () => {
    const post = (body: unknown) => api('/api/v1/dossiers', { method: 'POST', body: JSON.stringify(body), headers: { authorization: DEMO_API_AUTHORIZATION } });
    expect(await post([1, 2])).toEqual({ status: 422, body: { error: 'validation_failed', fields: { body: 'Nội dung phải là một đối tượng JSON' } } });
    const wrong = await post({ procedureCode: { code: 'GPLX-DOI' }, form: 'hello' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.fields).toEqual({ procedureCode: 'Vui lòng nêu mã thủ tục', form: 'Vui lòng gửi dữ liệu tờ khai (form)' });
    expect((await post({ procedureCode: 'GPLX-DOI', form: ['x'] })).body.fields).toEqual({ form: 'Vui lòng gửi dữ liệu tờ khai (form)' });
    const nested = await post({ procedureCode: 'GPLX-DOI', form: { ...renewalForm(), fullName: { first: 'An' }, province: ['01'] } });
    expect(nested).toEqual({
      status: 422,
      body: { error: 'validation_failed', fields: { fullName: 'Giá trị phải là chuỗi ký tự hoặc số', province: 'Giá trị phải là chuỗi ký tự hoặc số' } },
    });
  });

  test('answers a dossier code that is too long (400)', async () => {
    const { status, body } = await api(`/api/v1/dossiers/${'9'.repeat(200)}`);
    expect(status).toBe(400);
    expect(body.fields?.code).toBe('Mã hồ sơ không được dài quá 60 ký tự.');
  });

  test('answers a signed payment callback it cannot read (400), field by field', async () => {
    const send = (raw: string) => {
      const timestamp = Math.floor(Date.now() / 1000);
      return fetch(`${stack.baseUrl}/api/v1/payments/callback`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'X-Payment-Timestamp': String(timestamp), 'X-Payment-Signature': signCallback(IN_PROCESS_SECRETS.paymentCallbackSecret, timestamp, raw) },
        body: raw,
      });
    };
    const notJson = await send('{"merchantRef":');
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { error: string }).error).toBe('malformed_body');
    const wrongType = await send(JSON.stringify({ merchantRef: `${code}-TT1`, transactionId: 'SBX-X', amount: '135000', status: 'paid', paidAt: new Date().toISOString() }));
    expect(wrongType.status).toBe(400);
    const body = (await wrongType.json()) as { error: string; fields: Record<string, string> };
    expect(body.error).toBe('malformed_body');
    expect(body.fields).toEqual({ amount: 'Số tiền phải là số' });
  });
});
