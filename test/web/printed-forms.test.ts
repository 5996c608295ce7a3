/**
 * The printed forms 02, 03, 05, 06 of a dossier and the agency's tracking ledger (07), as an
 * official downloads them: each PDF read back for its Vietnamese text (embedded fonts, the
 * reason, who, the dossier code) and its QR code decoded to the dossier code; a form that does
 * not apply to the dossier's state refused with the reason (409); another agency's dossier 404;
 * the ledger bounded, for supervisors and leaders. The dossier page links the forms that apply.
 */
import { AuditEvent, Dossier } from '../../db/entities';
import { decide, expectDone, openTask, renewalForm, submit, waitForDossier } from '../support/scenario';
import { extractPdf } from '../support/pdf-text';
import { qrMatches } from '../support/pdf-qr';
import { startStack, type Stack } from '../support/stack';
import { visibleText, WebClient } from '../support/web-client';
import { localIsoDate } from '../../domain/vietnam-time';

let stack: Stack;
let receiver: WebClient;
beforeAll(async () => {
  stack = await startStack();
  receiver = new WebClient(stack.baseUrl);
  await receiver.signIn('hn.tiepnhan');
});
afterAll(() => stack?.stop());

const enc = encodeURIComponent;

async function pdfOf(web: WebClient, path: string) {
  const file = await web.download(path);
  expect({ path, status: file.status, type: file.contentType }).toEqual({ path, status: 200, type: 'application/pdf' });
  const pdf = extractPdf(file.body);
  expect(pdf.fonts.length).toBeGreaterThan(0);
  expect(pdf.fonts.every((f) => f.embedded)).toBe(true);
  return { ...pdf, bytes: file.body };
}

test('form 03: a refused dossier prints the refusal with the reason, who and the QR code; the page links it, not a receipt', async () => {
  const code = await submit(stack);
  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'refuse', 'Giấy khám sức khỏe đã quá 6 tháng.'));
  await waitForDossier(stack, code, (d) => d.outcome === 'refused');

  const pdf = await pdfOf(receiver, `/ho-so/${enc(code)}/phieu-tu-choi-tiep-nhan.pdf`);
  expect(pdf.text).toContain('PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ');
  expect(pdf.text).toContain('Giấy khám sức khỏe đã quá 6 tháng.');
  expect(pdf.text).toContain('Nguyễn Thị Lan');
  expect(pdf.text).toContain(code);
  expect(qrMatches(pdf.bytes, code)).toBe(true);
  expect(qrMatches(pdf.bytes, `${code}x`)).toBe(false);

  // Forms that do not apply: refused with the reason, not a 404 and not a blank PDF.
  const control = await receiver.get(`/ho-so/${enc(code)}/phieu-kiem-soat.pdf`);
  expect(control.status).toBe(409);
  expect(visibleText(control.text)).toContain('chưa được tiếp nhận');
  const supplement = await receiver.get(`/ho-so/${enc(code)}/phieu-yeu-cau-bo-sung.pdf`);
  expect(supplement.status).toBe(409);
  expect(visibleText(supplement.text)).toContain('chưa có yêu cầu bổ sung');

  const page = visibleText((await receiver.get(`/ho-so/${enc(code)}`)).text);
  expect(page).toContain('In phiếu từ chối tiếp nhận giải quyết hồ sơ (mẫu 03)');
  expect(page).not.toContain('In giấy tiếp nhận và hẹn trả kết quả');
  expect(page).not.toContain('Đúng hạn');

  const audit = await stack.db.orm.em.fork().find(AuditEvent, { dossierCode: code, action: 'document-downloaded' });
  expect(audit.map((a) => String(a.detail)).join('\n')).toContain(`${code}-phieu-tu-choi-tiep-nhan.pdf`);
});

test('form 02: a supplement request prints round, reason, who and when', async () => {
  const code = await submit(stack, renewalForm('carHolderHanoi', { email: 'bo-sung@example.vn' }));
  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'request-supplement', 'Bổ sung ảnh chụp giấy phép lái xe mặt sau.'));
  await waitForDossier(stack, code, (d) => !!d.supplement);

  const pdf = await pdfOf(receiver, `/ho-so/${enc(code)}/phieu-yeu-cau-bo-sung.pdf`);
  expect(pdf.text).toContain('PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ');
  expect(pdf.text).toContain('Lần 1');
  expect(pdf.text).toContain('Bổ sung ảnh chụp giấy phép lái xe mặt sau.');
  expect(pdf.text).toContain('Nguyễn Thị Lan');
  expect(qrMatches(pdf.bytes, code)).toBe(true);

  const refusal = await receiver.get(`/ho-so/${enc(code)}/phieu-tu-choi-tiep-nhan.pdf`);
  expect(refusal.status).toBe(409);
  expect(visibleText(refusal.text)).toContain('chưa bị từ chối tiếp nhận');
});

test('form 06: an accepted dossier prints each step with who handed over, who received, when, due and standing; 03 is refused', async () => {
  const code = await submit(stack);
  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'accept'));
  await waitForDossier(stack, code, (d) => !!d.acceptedAt);

  const pdf = await pdfOf(receiver, `/ho-so/${enc(code)}/phieu-kiem-soat.pdf`);
  expect(pdf.text).toContain('PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ');
  expect(pdf.text).toContain('Tiếp nhận hồ sơ');
  expect(pdf.text).toContain('Nguyễn Thị Lan');
  expect(pdf.text).toMatch(/Trước hạn|Đúng hạn/);
  expect(qrMatches(pdf.bytes, code)).toBe(true);

  const refusal = await receiver.get(`/ho-so/${enc(code)}/phieu-tu-choi-tiep-nhan.pdf`);
  expect(refusal.status).toBe(409);
  expect(visibleText(refusal.text)).toContain('đã được tiếp nhận');

  const page = visibleText((await receiver.get(`/ho-so/${enc(code)}`)).text);
  expect(page).toContain('In phiếu kiểm soát quá trình giải quyết hồ sơ (mẫu 06)');
  expect(page).toContain('In giấy tiếp nhận và hẹn trả kết quả (mẫu 01)');

  // Forms 01 and 04 carry a QR code too: 01 the lookup link with the dossier code.
  const receipt = await receiver.download(`/ho-so/${enc(code)}/giay-tiep-nhan.pdf`);
  expect(receipt.status).toBe(200);
  const d = await stack.dossier(code);
  expect(qrMatches(receipt.body, `${stack.endpoints.publicUrl}/tra-cuu?ma=${enc(code)}&bm=${enc(d.lookupSecret)}`)).toBe(true);
});

test('form 05: a dossier stopped for an unpaid fee prints the notice with the reason; another agency gets 404', async () => {
  const code = await submit(stack);
  await openTask(stack, code, 'intake');
  const em = stack.db.orm.em.fork();
  const dossier = await em.findOneOrFail(Dossier, { code });
  // As the projection writes a dossier whose payment deadline passed (the 72 hours are not waited here).
  await em.nativeUpdate(
    Dossier,
    { code },
    {
      outcome: 'cancelled',
      status: 8,
      acceptedAt: dossier.submittedAt,
      completedAt: new Date(),
      appointmentAt: new Date(Date.now() + 5 * 86_400_000),
      payment: { amount: 135000, status: 'expired', reference: 'PAY-1', deadlineAt: new Date().toISOString() } as never,
      version: 1_000_000,
    },
  );

  const pdf = await pdfOf(receiver, `/ho-so/${enc(code)}/thong-bao-dung-xu-ly.pdf`);
  expect(pdf.text).toContain('THÔNG BÁO DỪNG XỬ LÝ HỒ SƠ');
  expect(pdf.text).toContain('Quá hạn nộp phí, lệ phí');
  expect(qrMatches(pdf.bytes, code)).toBe(true);

  // A stopped dossier is not "on time" and has no running appointment.
  const page = visibleText((await receiver.get(`/ho-so/${enc(code)}`)).text);
  expect(page).toContain('Không còn hẹn trả kết quả');
  expect(page).not.toContain('Đúng hạn');
  expect(page).toContain('In thông báo dừng xử lý hồ sơ (mẫu 05)');

  const other = new WebClient(stack.baseUrl);
  await other.signIn('hcm.tiepnhan');
  for (const path of ['thong-bao-dung-xu-ly.pdf', 'phieu-kiem-soat.pdf', 'phieu-tu-choi-tiep-nhan.pdf', 'phieu-yeu-cau-bo-sung.pdf']) {
    expect({ path, status: (await other.get(`/ho-so/${enc(code)}/${path}`)).status }).toEqual({ path, status: 404 });
  }
});

test('form 07: the tracking ledger lists the dossiers received in the period, for supervisors and leaders, bounded', async () => {
  const code = await submit(stack);
  await openTask(stack, code, 'intake');
  const supervisor = new WebClient(stack.baseUrl);
  await supervisor.signIn('hn.giamsat');
  const today = localIsoDate(new Date());

  const pdf = await pdfOf(supervisor, `/so-theo-doi.pdf?tu=${today}&den=${today}`);
  expect(pdf.text).toContain('SỔ THEO DÕI HỒ SƠ');
  expect(pdf.text).toContain(code);
  expect(pdf.text).toContain('Đang giải quyết');
  expect(pdf.text).toMatch(/Tổng số: \d+ hồ sơ\./);
  const printed = await stack.db.orm.em.fork().find(AuditEvent, { actor: 'hn.giamsat', target: `so-theo-doi ${today} ${today}` });
  expect(printed.map((a) => a.action)).toEqual(['document-downloaded']);

  const reports = visibleText((await supervisor.get('/bao-cao')).text);
  expect(reports).toContain('In sổ theo dõi hồ sơ của cơ quan (mẫu 07, PDF)');

  expect((await receiver.get(`/so-theo-doi.pdf?tu=${today}`)).status).toBe(403);
  const backwards = await supervisor.get(`/so-theo-doi.pdf?tu=${today}&den=2020-01-01`);
  expect(backwards.status).toBe(400);
  expect(visibleText(backwards.text)).toContain('trước ngày bắt đầu');
  const tooLong = await supervisor.get('/so-theo-doi.pdf?tu=2024-01-01&den=2025-12-31');
  expect(tooLong.status).toBe(400);
  expect(visibleText(tooLong.text)).toContain('tối đa 366 ngày');
  const notADay = await supervisor.get('/so-theo-doi.pdf?tu=31/02/2026');
  expect(notADay.status).toBe(400);
  expect(visibleText(notADay.text)).toContain('không có trên lịch');

  // More dossiers than one ledger prints: refused with what to do instead.
  const limit = stack.services.printedForms.maxRows;
  stack.services.printedForms.maxRows = 1;
  try {
    await submit(stack);
    const tooMany = await supervisor.get(`/so-theo-doi.pdf?tu=${today}&den=${today}`);
    expect(tooMany.status).toBe(422);
    expect(visibleText(tooMany.text)).toContain('một lần in tối đa 1 hồ sơ. Vui lòng chọn kỳ ngắn hơn');
  } finally {
    stack.services.printedForms.maxRows = limit;
  }

  // Nothing received in a past period: an empty ledger that says so.
  const empty = await pdfOf(supervisor, '/so-theo-doi.pdf?tu=2020-01-01&den=2020-01-31');
  expect(empty.text).toContain('Không có hồ sơ nào được tiếp nhận trong kỳ này.');
});
