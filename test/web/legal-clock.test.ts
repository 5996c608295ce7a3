/**
 * The legal clock in the back office: the dossier page explains its deadline (limit, start, the
 * days counted and skipped), a leader apologises once with a new appointment (form 04, field
 * errors in Vietnamese, a second one refused with the reason), and the receipt shows the change.
 */
import { extractPdf } from '../support/pdf-text';
import { decide, expectDone, renewalForm, submit, waitForDossier } from '../support/scenario';
import { startStack, type Stack } from '../support/stack';
import { visibleText, WebClient } from '../support/web-client';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

const dossierPath = (code: string) => `/ho-so/${encodeURIComponent(code)}`;
/** A day a week after an instant, as a date input sends it. */
const weekAfter = (at: Date) => new Date(at.getTime() + 7 * 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);

async function acceptedDossier(): Promise<string> {
  const code = await submit(stack, renewalForm('carHolderHanoi'));
  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'accept'));
  await waitForDossier(stack, code, (d) => d.appointmentAt !== null && d.timeLimit !== null);
  return code;
}

test('explains the deadline: the limit, where counting started, the days counted and the days that did not count', async () => {
  const code = await acceptedDossier();
  const web = new WebClient(stack.baseUrl);
  await web.signIn('hn.tiepnhan');
  const text = visibleText((await web.get(dossierPath(code))).text);
  expect(text).toContain('Thời hạn theo quy định: 5 ngày làm việc');
  expect(text).toMatch(/5 ngày làm việc được tính/);
  const d = await stack.dossier(code);
  expect(d.timeLimit).toEqual({ amount: 5, unit: 'working-days' });
  expect(d.procedureLevel).toBe('province');
});

test('a leader apologises once with a new appointment; the letter (form 04), the page and the receipt show it', async () => {
  const code = await acceptedDossier();
  const before = (await stack.dossier(code)).appointmentAt!;
  const leader = new WebClient(stack.baseUrl);
  await leader.signIn('hn.lanhdao');
  const page = await leader.get(dossierPath(code));
  expect(visibleText(page.text)).toContain('Xin lỗi và hẹn lại ngày trả kết quả (mẫu 04)');

  // Field by field, nothing changed.
  const blank = await leader.post(`${dossierPath(code)}/xin-loi`, { newAppointment: '2027-02-31', reason: '' });
  expect(blank.status).toBe(422);
  expect(visibleText(blank.text)).toContain('Ngày hẹn mới không có thật.');
  expect(visibleText(blank.text)).toContain('Vui lòng nhập lý do chậm giải quyết.');
  // The same day as the appointment: refused by the workflow with the reason (409).
  const same = await leader.post(`${dossierPath(code)}/xin-loi`, { newAppointment: before.toISOString().slice(0, 10), reason: 'Chờ xác minh' });
  expect(same.status).toBe(409);
  expect(visibleText(same.text)).toContain('Ngày hẹn mới phải sau ngày hẹn hiện tại');
  expect((await stack.dossier(code)).apology).toBeNull();

  const newDay = weekAfter(before);
  const done = await leader.post(`${dossierPath(code)}/xin-loi`, { newAppointment: newDay, reason: 'Chờ kết quả xác minh của Cục Cảnh sát giao thông' });
  expect(done.status).toBe(303);
  const d = await stack.dossier(code);
  expect(d.apology?.reason).toBe('Chờ kết quả xác minh của Cục Cảnh sát giao thông');
  expect(d.appointmentAt!.toISOString()).toBe(`${newDay}T10:00:00.000Z`);

  const after = visibleText((await leader.get(dossierPath(code))).text);
  expect(after).toContain('Đã gửi thư xin lỗi');
  expect(after).not.toContain('Xin lỗi và hẹn lại ngày trả kết quả (mẫu 04)');
  const letter = await leader.download(`${dossierPath(code)}/thu-xin-loi.pdf`);
  expect(letter.contentType).toBe('application/pdf');
  const text = extractPdf(letter.body).text;
  expect(text).toContain('PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ');
  expect(text).toContain('Chờ kết quả xác minh của Cục Cảnh sát giao thông');
  const receipt = extractPdf((await leader.download(`${dossierPath(code)}/giay-tiep-nhan.pdf`)).body).text;
  expect(receipt).toContain('theo thư xin lỗi');

  // Once only.
  const again = await leader.post(`${dossierPath(code)}/xin-loi`, { newAppointment: weekAfter(new Date(`${newDay}T00:00:00Z`)), reason: 'Lần nữa' });
  expect(again.status).toBe(409);
  expect(visibleText(again.text)).toContain('chỉ được hẹn lại một lần');

  // A receiver may not.
  const receiver = new WebClient(stack.baseUrl);
  await receiver.signIn('hn.tiepnhan');
  await receiver.get(dossierPath(code));
  expect((await receiver.post(`${dossierPath(code)}/xin-loi`, { newAppointment: newDay, reason: 'x' })).status).toBe(403);
});
