/**
 * The counter and documents (issue 9) over HTTP, as a receiver uses them: a walk-in dossier with
 * scanned documents (a missing field keeps the values and the files received), uploads refused by
 * content, by size per file and per dossier, each with its message; documents viewed inline by
 * officials of the agency only (audited); a replacement keeping the old version; the fee taken in
 * cash moving the dossier on, once; the result handed over, once.
 */
import { Attachment, AuditEvent, CounterIntake, Dossier, Notification, ResultHandover } from '../../db/entities';
import { sha256 } from '../../db/file-store';
import { amountInWords } from '../../documents/fee-receipt';
import { extractPdf } from '../support/pdf-text';
import { decide, expectDone, openTask, renewalForm, submit, waitForDossier } from '../support/scenario';
import { startStack, type Stack } from '../support/stack';
import { exe, hidden, jpeg, pdf, png, signedIn, UploadClient, walkIn } from '../support/uploads';
import { visibleText } from '../support/web-client';

/** Limits small enough to cross in a test: 20 KB a file, 50 KB a dossier. */
const FILE_LIMIT = 20 * 1024;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { ATTACHMENT_MAX_FILE_MB: String(FILE_LIMIT / 1024 / 1024), ATTACHMENT_MAX_DOSSIER_MB: String((50 * 1024) / 1024 / 1024) } });
});
afterAll(() => stack?.stop());

const enc = encodeURIComponent;

async function receiver(username = 'hn.tiepnhan'): Promise<UploadClient> {
  return signedIn(stack, username);
}

test('a receiver registers a walk-in dossier; a missing field keeps the values and the files received', async () => {
  const web = await receiver();
  const list = await web.get('/quay/tiep-nhan');
  expect(list.status).toBe(200);
  expect(list.text).toContain('/quay/tiep-nhan/GPLX-DOI');

  const form = await web.get('/quay/tiep-nhan/GPLX-DOI');
  expect(form.status).toBe(200);
  expect(form.text).toContain('enctype="multipart/form-data"');
  const requestId = hidden(form.text, 'requestId');
  const uploadToken = hidden(form.text, 'uploadToken');
  const values = renewalForm('carHolderHanoi');

  // The name is missing and the ID scan is a program renamed .pdf: both named; the good scan kept.
  const first = await web.postFiles('/quay/tiep-nhan/GPLX-DOI', { ...values, fullName: '', requestId, uploadToken }, [
    { field: 'doc_don-de-nghi', name: 'don-de-nghi.pdf', content: pdf() },
    { field: 'doc_gplx-cccd', name: 'gplx.pdf', content: exe() },
  ]);
  expect(first.status).toBe(422);
  const text = visibleText(first.text);
  expect(text).toContain('Vui lòng nhập');
  expect(text).toContain('Tệp "gplx.pdf" (Giấy phép lái xe và căn cước công dân) không phải tệp PDF hoặc ảnh');
  expect(text).toContain('Vui lòng tải lên bản quét "Giấy khám sức khỏe');
  expect(text).toContain('Đã nhận: don-de-nghi.pdf');
  expect(first.text).toContain(`value="${values.citizenId}"`);
  expect(first.text).toContain(`value="${values.licenceNumber}"`);
  expect(hidden(first.text, 'uploadToken')).toBe(uploadToken);

  // The rest, without sending the first scan again.
  const second = await web.postFiles('/quay/tiep-nhan/GPLX-DOI', { ...values, requestId, uploadToken }, [
    { field: 'doc_giay-kham-suc-khoe', name: 'kham.jpg', content: jpeg(), type: 'image/jpeg' },
    { field: 'doc_gplx-cccd', name: 'gplx.png', content: png(), type: 'image/png' },
  ]);
  expect(second.status).toBe(303);
  const code = decodeURIComponent(second.location!.replace('/ho-so/', ''));
  const em = stack.db.orm.em.fork();
  const dossier = await em.findOneOrFail(Dossier, { code });
  expect(dossier.channel).toBe('counter');
  expect((await em.findOneOrFail(CounterIntake, { dossier: dossier.id })).officialName).toBe('Nguyễn Thị Lan');
  const rows = await em.find(Attachment, { dossier: dossier.id }, { orderBy: { requirementId: 'asc' } });
  expect(rows.map((r) => [r.requirementId, r.mimeType, r.uploadedByKind])).toEqual([
    ['don-de-nghi', 'application/pdf', 'official'],
    ['giay-kham-suc-khoe', 'image/jpeg', 'official'],
    ['gplx-cccd', 'image/png', 'official'],
  ]);
  // The bytes are in PostgreSQL (the default store) under their SHA-256.
  const stored = await em.getConnection().execute<{ hash: string; content: Buffer }[]>(`select hash, content from stored_file where hash = ?`, [rows[0].contentHash]);
  expect(sha256(Buffer.from(stored[0].content))).toBe(rows[0].contentHash);
  expect(Buffer.from(stored[0].content).equals(pdf())).toBe(true);

  // The same form sent again makes no second dossier.
  const repeat = await web.postFiles('/quay/tiep-nhan/GPLX-DOI', { ...values, requestId, uploadToken }, []);
  expect(repeat.status).toBe(303);
  expect(repeat.location).toBe(second.location);

  // The dossier page lists the documents; the receiver accepts it there (form 01).
  const page = await web.get(`/ho-so/${enc(code)}`);
  expect(page.status).toBe(200);
  expect(visibleText(page.text)).toContain('Tiếp nhận tại quầy: Nguyễn Thị Lan');
  expect(visibleText(page.text)).toContain('Bản 1: don-de-nghi.pdf');
  const taskId = await openTask(stack, code, 'intake');
  await web.get(`/ho-so/${enc(code)}`);
  expect((await web.post(`/ho-so/${enc(code)}/thao-tac`, { taskId, action: 'accept' })).status).toBe(303);
  await waitForDossier(stack, code, (d) => d.acceptedAt !== null);
  const slip = await web.download(`/ho-so/${enc(code)}/giay-tiep-nhan.pdf`);
  expect(slip.status).toBe(200);
});

test('refuses a procedure of another agency kind and a place outside the agency', async () => {
  const web = await receiver();
  const form = await web.get('/quay/tiep-nhan/GPLX-DOI');
  const sent = await web.postFiles(
    '/quay/tiep-nhan/GPLX-DOI',
    { ...renewalForm('carHolderHanoi', { province: '79' }), requestId: hidden(form.text, 'requestId'), uploadToken: hidden(form.text, 'uploadToken') },
    [],
  );
  expect(sent.status).toBe(422);
  expect(visibleText(sent.text)).toContain('chỉ tiếp nhận hồ sơ thuộc địa bàn của mình');
  expect((await web.get('/quay/tiep-nhan/KHONG-CO')).status).toBe(404);
  expect((await (await receiver('hn.chuyenvien')).get('/quay/tiep-nhan')).status).toBe(403);
});

test('uploads are refused by size per file and per dossier, each with its message', async () => {
  const web = await receiver();
  const code = await walkIn(web, 'carHolderHanoi');
  await web.get(`/ho-so/${enc(code)}/tai-lieu`);

  const tooBig = await web.postFiles(`/ho-so/${enc(code)}/tai-lieu`, {}, [{ field: 'doc_don-de-nghi', name: 'lon.pdf', content: pdf(FILE_LIMIT + 2000) }]);
  expect(tooBig.status).toBe(422);
  expect(visibleText(tooBig.text)).toContain('Tệp "lon.pdf" (Đơn đề nghị đổi giấy phép lái xe (kê khai trực tuyến)) có dung lượng');
  expect(visibleText(tooBig.text)).toContain('vượt quá giới hạn 20 KB cho mỗi tệp');

  // Three files just under the per-file limit: together with what the dossier holds, past 50 KB.
  const near = FILE_LIMIT - 1500;
  const total = await web.postFiles(`/ho-so/${enc(code)}/tai-lieu`, {}, [
    { field: 'doc_don-de-nghi', name: 'a.pdf', content: pdf(near, 'x') },
    { field: 'doc_giay-kham-suc-khoe', name: 'b.pdf', content: pdf(near, 'y') },
    { field: 'doc_gplx-cccd', name: 'c.pdf', content: pdf(near, 'z') },
  ]);
  expect(total.status).toBe(422);
  expect(visibleText(total.text)).toContain('Tệp "c.pdf" (Giấy phép lái xe và căn cước công dân): tổng dung lượng tài liệu của hồ sơ sẽ vượt quá giới hạn 50 KB.');
  const em = stack.db.orm.em.fork();
  const dossier = await em.findOneOrFail(Dossier, { code });
  expect(await em.count(Attachment, { dossier: dossier.id })).toBe(3);

  // Past even the hard cap: the request is not read whole, and says so.
  const huge = await web.postFiles(`/ho-so/${enc(code)}/tai-lieu`, {}, [{ field: 'doc_don-de-nghi', name: 'rat-lon.pdf', content: pdf(60 * 1024) }]);
  expect(huge.status).toBe(413);
  expect(visibleText(huge.text)).toContain('Một tệp vượt quá 50 KB nên biểu mẫu không được nhận đầy đủ');
  // Past what one request may carry at all: not read, refused with the reason.
  const whole = await web.postFiles(`/ho-so/${enc(code)}/tai-lieu`, {}, [{ field: 'doc_don-de-nghi', name: 'qua-lon.pdf', content: pdf(1200 * 1024) }]);
  expect(whole.status).toBe(413);
  expect(visibleText(whole.text)).toMatch(/Tổng dung lượng gửi lên \(1,2 MB\) vượt quá [0-9,]+ MB cho một lần gửi/);
});

test('documents open inline for the agency only, audited; a replacement keeps the old version', async () => {
  const web = await receiver();
  const code = await walkIn(web, 'carHolderHanoi');
  const em = stack.db.orm.em.fork();
  const dossier = await em.findOneOrFail(Dossier, { code });
  const first = await em.findOneOrFail(Attachment, { dossier: dossier.id, requirementId: 'don-de-nghi' });

  const opened = await web.download(`/ho-so/${enc(code)}/tai-lieu/${first.id}`);
  expect(opened.status).toBe(200);
  expect(opened.contentType).toBe('application/pdf');
  expect(opened.headers.get('content-disposition')).toMatch(/^inline;/);
  expect(opened.headers.get('x-content-type-options')).toBe('nosniff');
  expect(opened.body.equals(pdf(1000, 'carHolderHanoi'))).toBe(true);
  const audit = await em.find(AuditEvent, { action: 'document-downloaded', dossierCode: code });
  // The detail is stored as JSON text.
  expect(audit.map((a) => a.detail ?? '')).toContainEqual(expect.stringContaining('don-de-nghi v1'));

  const other = await receiver('hcm.tiepnhan');
  expect((await other.download(`/ho-so/${enc(code)}/tai-lieu/${first.id}`)).status).toBe(404);
  // Another dossier's id through this dossier's path: not found either.
  expect((await web.download(`/ho-so/${enc(code)}/tai-lieu/999999`)).status).toBe(404);

  await web.get(`/ho-so/${enc(code)}/tai-lieu`);
  const replaced = await web.postFiles(`/ho-so/${enc(code)}/tai-lieu`, {}, [{ field: 'doc_don-de-nghi', name: 'don-moi.pdf', content: pdf(1100, 'moi') }]);
  expect(replaced.status).toBe(303);
  const versions = await em.fork().find(Attachment, { dossier: dossier.id, requirementId: 'don-de-nghi' }, { orderBy: { version: 'desc' } });
  expect(versions.map((v) => [v.version, v.fileName, v.replaces])).toEqual([
    [2, 'don-moi.pdf', first.id],
    [1, 'don.pdf', null],
  ]);
  const page = visibleText((await web.get(`/ho-so/${enc(code)}`)).text);
  expect(page.indexOf('Bản 2: don-moi.pdf')).toBeLessThan(page.indexOf('Bản 1: don.pdf'));
  expect(page).toContain('Đã được thay thế');
  expect((await web.download(`/ho-so/${enc(code)}/tai-lieu/${first.id}`)).body.equals(pdf(1000, 'carHolderHanoi'))).toBe(true);
});

test('the fee taken in cash at the counter moves the dossier on, once, with a receipt', async () => {
  const code = await submit(stack);
  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'accept'));
  const waiting = await waitForDossier(stack, code, (d) => d.status === 6 && d.payment?.status === 'pending');
  const web = await receiver();
  const page = await web.get(`/ho-so/${enc(code)}/thu-phi`);
  expect(page.status).toBe(200);
  const requestId = hidden(page.text, 'requestId');

  const wrong = await web.post(`/ho-so/${enc(code)}/thu-phi`, { requestId, receiptNumber: 'BL-0001', amount: '1' });
  expect(wrong.status).toBe(422);
  expect(visibleText(wrong.text)).toContain('Số tiền phải đúng số phải nộp');
  expect(wrong.text).toContain('value="BL-0001"');

  const paid = await web.post(`/ho-so/${enc(code)}/thu-phi`, { requestId, receiptNumber: 'BL-0001', amount: String(waiting.payment!.amount) });
  expect(paid.status).toBe(303);
  const after = await waitForDossier(stack, code, (d) => d.payment?.status === 'paid');
  expect(after.payment!.transactionId).toBe('QUAY-BL-0001');
  expect(after.status).not.toBe(6);

  // The same form again: nothing more.
  const again = await web.post(`/ho-so/${enc(code)}/thu-phi`, { requestId, receiptNumber: 'BL-0001', amount: String(waiting.payment!.amount) });
  expect(again.status).toBe(303);
  // A new form for a dossier already paid: refused with the reason.
  const fresh = await web.get(`/ho-so/${enc(code)}/thu-phi`);
  const second = await web.post(`/ho-so/${enc(code)}/thu-phi`, { requestId: hidden(fresh.text, 'requestId'), receiptNumber: 'BL-0002', amount: String(waiting.payment!.amount) });
  expect(second.status).toBe(409);
  expect(visibleText(second.text)).toContain('Hồ sơ');

  const receipt = await web.download(`/ho-so/${enc(code)}/bien-lai.pdf`);
  expect(receipt.status).toBe(200);
  expect(receipt.contentType).toBe('application/pdf');
  const printed = extractPdf(receipt.body).text;
  expect(printed).toContain('BIÊN LAI THU PHÍ, LỆ PHÍ');
  expect(printed).toContain('Số: BL-0001');
  expect(printed).toContain('Tiền mặt tại Bộ phận Một cửa');
  expect(printed).toContain(amountInWords(waiting.payment!.amount));
  expect(printed).toContain('Nguyễn Thị Lan');
  expect((await (await receiver('hcm.tiepnhan')).download(`/ho-so/${enc(code)}/bien-lai.pdf`)).status).toBe(404);
});

test('a result handed over is recorded once; none before there is a result', async () => {
  const code = await submit(stack);
  const web = await receiver();
  const early = await web.get(`/ho-so/${enc(code)}/tra-ket-qua`);
  expect(early.status).toBe(409);
  expect(visibleText(early.text)).toContain('Hồ sơ chưa có kết quả để trả.');

  const em = stack.db.orm.em.fork();
  await openTask(stack, code, 'intake'); // projected: the result written below stays
  const result = { number: '1/2026/KQ', documentCode: `${code}-KQ1`, issuedAt: new Date().toISOString(), title: 'Giấy phép lái xe' };
  await em.nativeUpdate(Dossier, { code }, { result, results: [result] });

  const form = await web.get(`/ho-so/${enc(code)}/tra-ket-qua`);
  expect(form.status).toBe(200);
  const requestId = hidden(form.text, 'requestId');
  const missing = await web.post(`/ho-so/${enc(code)}/tra-ket-qua`, { requestId, method: 'counter', collectorName: 'Nguyễn Văn An', collectorIdNumber: '12' });
  expect(missing.status).toBe(422);
  expect(visibleText(missing.text)).toContain('Vui lòng nhập số căn cước');
  expect(missing.text).toContain('value="Nguyễn Văn An"');

  const done = await web.post(`/ho-so/${enc(code)}/tra-ket-qua`, { requestId, method: 'counter', collectorName: 'Nguyễn Văn An', collectorIdNumber: '001090012345', relation: 'Chính chủ' });
  expect(done.status).toBe(303);
  // The same form again (a double click): the same handover, nothing more.
  const doubled = await web.post(`/ho-so/${enc(code)}/tra-ket-qua`, { requestId, method: 'counter', collectorName: 'Nguyễn Văn An', collectorIdNumber: '001090012345', relation: 'Chính chủ' });
  expect(doubled.status).toBe(303);
  const row = await em.fork().findOneOrFail(ResultHandover, { dossier: (await stack.dossier(code)).id });
  expect([row.method, row.collectorIdNumber, row.officialName]).toEqual(['counter', '001090012345', 'Nguyễn Thị Lan']);
  expect(await em.fork().count(AuditEvent, { action: 'result-handed-over', dossierCode: code })).toBe(1);
  const page = visibleText((await web.get(`/ho-so/${enc(code)}`)).text);
  expect(page).toContain(`${code}-KQ1`);
  expect(page).toContain('********2345');

  await web.get(`/ho-so/${enc(code)}`);
  const twice = await web.post(`/ho-so/${enc(code)}/tra-ket-qua`, { method: 'post', collectorName: 'Bưu điện', trackingNumber: 'EE123456789VN' });
  expect(twice.status).toBe(409);
  expect(visibleText(twice.text)).toContain('Kết quả đã được trả cho Nguyễn Văn An');
});

test('the applicant answers a supplement online with a replaced document; the old version stays', async () => {
  const web = await receiver();
  const code = await walkIn(web, 'carHolderHanoi');
  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'request-supplement', 'Nộp lại giấy khám sức khỏe rõ nét'));
  await waitForDossier(stack, code, (d) => d.status === 5);
  const mail = await stack.db.orm.em.fork().findOneOrFail(Notification, { dossierCode: code, subject: `Yêu cầu bổ sung hồ sơ ${code}` });
  const link = /https?:\/\/\S*\/bo-sung\/\S*[^\s.,]/.exec(mail.body)![0].slice(stack.baseUrl.length);
  const query = new URLSearchParams(link.split('?')[1]);

  const applicant = new UploadClient(stack.baseUrl);
  const page = await applicant.get(link);
  expect(page.text).toContain('enctype="multipart/form-data"');
  const fields = { ...renewalForm('carHolderHanoi'), lan: query.get('lan')!, t: query.get('t')!, requestId: hidden(page.text, 'requestId') };

  const refused = await applicant.postFiles(`/bo-sung/${enc(code)}`, fields, [{ field: 'doc_giay-kham-suc-khoe', name: 'kham.pdf', content: exe() }]);
  expect(refused.status).toBe(422);
  expect(visibleText(refused.text)).toContain('Tệp "kham.pdf" (Giấy khám sức khỏe');
  expect(refused.text).toContain(`value="${renewalForm('carHolderHanoi').licenceNumber}"`);

  const sent = await applicant.postFiles(`/bo-sung/${enc(code)}`, { ...fields, note: 'Gửi bản quét mới' }, [
    { field: 'doc_giay-kham-suc-khoe', name: 'kham-moi.jpg', content: jpeg(3000), type: 'image/jpeg' },
  ]);
  expect(sent.status).toBe(303);
  await waitForDossier(stack, code, (d) => d.status !== 5);
  const dossier = await stack.dossier(code);
  const versions = await stack.db.orm.em.fork().find(Attachment, { dossier: dossier.id, requirementId: 'giay-kham-suc-khoe' }, { orderBy: { version: 'desc' } });
  expect(versions.map((v) => [v.version, v.fileName, v.uploadedByKind])).toEqual([
    [2, 'kham-moi.jpg', 'applicant'],
    [1, 'kham.jpg', 'official'],
  ]);
});
