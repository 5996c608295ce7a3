/**
 * The catalogue as people read it (every procedure, its versions and its flow diagram), and a
 * consultation between agencies worked in the back office: the police records office sees the
 * task on its queue, opens the Department of Justice's dossier and answers with its finding.
 */
import { catalog } from '../../config/catalogue';
import { DEMO_RECORDS } from '../../sandboxes/registry/data';
import { decide, expectDone, openTask, pay, waitForDossier } from '../support/scenario';
import { startStack, type Stack } from '../support/stack';
import { visibleText, WebClient } from '../support/web-client';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

test('lists every published procedure of the catalogue', async () => {
  const page = await new WebClient(stack.baseUrl).get('/thu-tuc');
  expect(page.status).toBe(200);
  const text = visibleText(page.text);
  const published = catalog().published();
  expect(published.length).toBeGreaterThanOrEqual(12);
  for (const p of published) expect(text).toContain(p.name);
});

test('shows a procedure with its flow drawn, and every version', async () => {
  const web = new WebClient(stack.baseUrl);
  const current = await web.get('/thu-tuc/GPLX-DOI');
  expect(current.status).toBe(200);
  expect(current.text).toContain('<svg');
  expect(current.text).toContain('data-step="dispatch"');
  expect(visibleText(current.text)).toContain('Phiên bản 2 – đã công bố (đang áp dụng cho hồ sơ mới)');
  const older = await web.get('/thu-tuc/GPLX-DOI?phien-ban=1');
  expect(older.text).not.toContain('data-step="dispatch"');
  expect(visibleText(older.text)).not.toContain('Nộp hồ sơ trực tuyến');
  expect((await web.get('/thu-tuc/KHONG-CO')).status).toBe(404);
});

test('the consulted police office works its task from its own queue, field by field', async () => {
  const { citizen } = DEMO_RECORDS.carHolderHanoi;
  const submitted = await stack.services.intake.submit({
    procedureCode: '2.000488',
    channel: 'api',
    form: {
      fullName: citizen.fullName,
      gender: 'nam',
      dateOfBirth: citizen.dateOfBirth,
      placeOfBirth: 'Hà Nội',
      citizenId: citizen.citizenId,
      address: 'Số 18 phố Hàng Bài, phường Hoàn Kiếm, thành phố Hà Nội',
      residence: 'mot-noi',
      purpose: 'Bổ sung hồ sơ xin việc',
      banInfo: 'khong',
      category: 'thuong',
      copies: '1',
      province: '01',
      phone: '0912345678',
      email: 'an@example.vn',
    },
  });
  if (submitted.kind !== 'created') throw new Error(JSON.stringify(submitted));
  const code = submitted.code;
  expectDone(await decide(stack, code, 'intake', 'hn.stp.tiepnhan', 'accept'));
  await pay(stack, code);
  const taskId = await openTask(stack, code, 'police-check');

  const police = new WebClient(stack.baseUrl);
  await police.signIn('hn.pv06.chuyenvien');
  expect(visibleText((await police.get('/cong-viec')).text)).toContain(code);
  const page = await police.get(`/ho-so/${encodeURIComponent(code)}`);
  expect(page.status).toBe(200);
  expect(visibleText(page.text)).toContain('Nhiệm vụ của cơ quan phối hợp');
  const missing = await police.post(`/ho-so/${encodeURIComponent(code)}/thao-tac`, { taskId, action: 'answer' });
  expect(missing.status).toBe(422);
  expect(visibleText(missing.text)).toContain('Vui lòng chọn kết quả tra cứu án tích');
  await police.get(`/ho-so/${encodeURIComponent(code)}`);
  const answered = await police.post(`/ho-so/${encodeURIComponent(code)}/thao-tac`, {
    taskId,
    action: 'answer',
    in_policeFinding: 'Không có thông tin án tích',
  });
  expect(answered.status).toBe(303);
  const d = await waitForDossier(stack, code, (x) => x.inputs.policeFinding !== undefined);
  expect(d.inputs.policeFinding).toBe('Không có thông tin án tích');

  const elsewhere = new WebClient(stack.baseUrl);
  await elsewhere.signIn('hcm.pv06.chuyenvien');
  expect((await elsewhere.get(`/ho-so/${encodeURIComponent(code)}`)).status).toBe(404);
});
