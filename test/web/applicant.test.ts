/**
 * What the applicant does through links and pages: answering a supplement request from the
 * link in the message, and what officials print for the applicant (the receipt slip).
 */
import { Notification } from '../../db/entities';
import { extractPdf } from '../support/pdf-text';
import { decide, expectDone, renewalForm, submit, waitForDossier } from '../support/scenario';
import { startStack, type Stack } from '../support/stack';
import { visibleText, WebClient } from '../support/web-client';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

async function supplementLink(code: string): Promise<string> {
  const mail = await stack.db.orm.em.fork().findOneOrFail(Notification, { dossierCode: code, subject: `Yêu cầu bổ sung hồ sơ ${code}` });
  const url = /https?:\/\/\S*\/bo-sung\/\S*[^\s.,]/.exec(mail.body)![0];
  return url.slice(stack.baseUrl.length);
}

test('the applicant answers a supplement request from the link, field by field', async () => {
  const code = await submit(stack, renewalForm('carHolderHanoi', { fullName: 'Nguyen Van An' }));
  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'request-supplement', 'Ghi họ tên có dấu như trên căn cước'));
  await waitForDossier(stack, code, (d) => d.status === 5);
  const link = await supplementLink(code);

  const web = new WebClient(stack.baseUrl);
  const page = await web.get(link);
  expect(page.status).toBe(200);
  expect(visibleText(page.text)).toContain('Ghi họ tên có dấu như trên căn cước');
  expect(page.text).toContain('value="Nguyen Van An"');

  const query = new URLSearchParams(link.split('?')[1]);
  const fields = { ...renewalForm('carHolderHanoi'), lan: query.get('lan')!, t: query.get('t')! };
  const invalid = await web.post(`/bo-sung/${encodeURIComponent(code)}`, { ...fields, fullName: '' });
  expect(invalid.status).toBe(422);
  expect(visibleText(invalid.text)).toContain('Vui lòng nhập họ và tên');
  expect((await stack.dossier(code)).status).toBe(5);

  await web.get(link);
  const sent = await web.post(`/bo-sung/${encodeURIComponent(code)}`, { ...fields, note: 'Đã sửa họ tên' });
  expect(sent.status).toBe(303);
  const d = await waitForDossier(stack, code, (x) => x.status === 1);
  expect(d.form.fullName).toBe('Nguyễn Văn An');

  const again = await web.get(link);
  expect(visibleText(again.text)).toContain('Hồ sơ không còn chờ bổ sung theo yêu cầu này.');
});

test('a supplement link with a wrong token, or for another dossier, opens nothing', async () => {
  const code = await submit(stack);
  const other = await submit(stack, renewalForm('carHolderHanoi', { fullName: 'Nguyen Van An' }));
  expectDone(await decide(stack, other, 'intake', 'hn.tiepnhan', 'request-supplement', 'Bổ sung'));
  await waitForDossier(stack, other, (d) => d.status === 5);
  const link = await supplementLink(other);
  const web = new WebClient(stack.baseUrl);
  expect((await web.get(link.replace(/t=[^&]+/, 't=khong-hop-le'))).status).toBe(404);
  expect((await web.get(link.replace(encodeURIComponent(other), encodeURIComponent(code)))).status).toBe(404);
});

test('prints the receipt and appointment slip once the dossier is accepted', async () => {
  const code = await submit(stack);
  const web = new WebClient(stack.baseUrl);
  await web.signIn('hn.tiepnhan');
  const before = await web.get(`/ho-so/${encodeURIComponent(code)}/giay-tiep-nhan.pdf`);
  expect(before.status).toBe(404);
  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'accept'));
  await waitForDossier(stack, code, (d) => d.appointmentAt !== null);
  const slip = await web.download(`/ho-so/${encodeURIComponent(code)}/giay-tiep-nhan.pdf`);
  expect(slip.status).toBe(200);
  expect(slip.contentType).toBe('application/pdf');
  expect(slip.body.subarray(0, 5).toString()).toBe('%PDF-');
  // Form 01 carries the second factor of the public lookup, for the applicant who takes it home.
  const { lookupSecret } = await stack.dossier(code);
  expect(extractPdf(slip.body).text).toMatch(new RegExp(`mã bảo mật\\s+${lookupSecret.slice(0, 4)}-${lookupSecret.slice(4)}`));
});
