/**
 * Paper dossiers received by post (issue 9, left over from issue 7): on the counter intake form
 * the receiver says how the paper arrived, in person (channel "counter") or by post (channel
 * "post", with the postal tracking number and the day it arrived). Bad values get one message
 * each and lose nothing typed; the dossier carries the channel into the timeline, the dossier
 * page and the reports. And the reports' "results not collected": a paper dossier with a result
 * counts until its handover is recorded; an online one as before, until its workflow's end.
 */
import { AuditEvent, CounterIntake, Dossier, Official } from '../../db/entities';
import { addCalendarDays, formatVietnameseDate, localIsoDate } from '../../domain/vietnam-time';
import type { SessionUser } from '../../web/session-user';
import { type ReportFigures, scopeAmong } from '../../web/services/reports';
import { openTask, renewalForm, submit } from '../support/scenario';
import { startStack, type Stack } from '../support/stack';
import { hidden, jpeg, pdf, png, signedIn, type UploadClient, walkIn } from '../support/uploads';
import { visibleText } from '../support/web-client';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

const enc = encodeURIComponent;
const today = () => localIsoDate(new Date());

const scans = (who: string) => [
  { field: 'doc_don-de-nghi', name: 'don.pdf', content: pdf(1000, `post-${who}`) },
  { field: 'doc_giay-kham-suc-khoe', name: 'kham.jpg', content: jpeg(), type: 'image/jpeg' },
  { field: 'doc_gplx-cccd', name: 'gplx.png', content: png(), type: 'image/png' },
];

/** Registers a complete renewal received by post; returns its code. */
async function postIn(web: UploadClient, trackingNumber: string, arrivedOn: string): Promise<string> {
  const form = await web.get('/quay/tiep-nhan/GPLX-DOI');
  const sent = await web.postFiles(
    '/quay/tiep-nhan/GPLX-DOI',
    { ...renewalForm(), receivedVia: 'post', postTrackingNumber: trackingNumber, postArrivedOn: arrivedOn, requestId: hidden(form.text, 'requestId'), uploadToken: hidden(form.text, 'uploadToken') },
    scans(trackingNumber),
  );
  if (sent.status !== 303) throw new Error(`registration by post answered ${sent.status}: ${visibleText(sent.text).slice(0, 400)}`);
  return decodeURIComponent(sent.location!.replace('/ho-so/', ''));
}

test('a dossier received by post: tracking number and arrival day checked, nothing typed lost, channel "post"', async () => {
  const web = await signedIn(stack, 'hn.tiepnhan');
  const form = await web.get('/quay/tiep-nhan/GPLX-DOI');
  expect(form.status).toBe(200);
  expect(form.text).toContain('name="receivedVia" value="post"');
  expect(form.text).toMatch(/name="receivedVia" value="counter" checked/);
  const requestId = hidden(form.text, 'requestId');
  const uploadToken = hidden(form.text, 'uploadToken');
  const values = renewalForm();

  // A malformed tracking number and a day after today: both named, the rest kept, the scans staged.
  const tomorrow = addCalendarDays(today(), 1);
  const first = await web.postFiles(
    '/quay/tiep-nhan/GPLX-DOI',
    { ...values, receivedVia: 'post', postTrackingNumber: 'EB 12', postArrivedOn: tomorrow, requestId, uploadToken },
    scans('first'),
  );
  expect(first.status).toBe(422);
  let text = visibleText(first.text);
  expect(text).toContain('Mã bưu gửi gồm 6 đến 40 chữ cái không dấu');
  expect(text).toContain(`Ngày hồ sơ đến không được sau hôm nay (${formatVietnameseDate(today())})`);
  expect(first.text).toContain('value="EB 12"');
  expect(first.text).toContain(`value="${tomorrow}"`);
  expect(first.text).toMatch(/name="receivedVia" value="post" checked/);
  expect(first.text).toContain(`value="${values.citizenId}"`);
  expect(first.text).toContain('href="#f-postTrackingNumber"');
  expect(text).toContain('Đã nhận: don.pdf');

  // Nothing typed for the tracking number, a day too long ago.
  const longAgo = addCalendarDays(today(), -40);
  const second = await web.postFiles('/quay/tiep-nhan/GPLX-DOI', { ...values, receivedVia: 'post', postTrackingNumber: '', postArrivedOn: longAgo, requestId, uploadToken }, []);
  expect(second.status).toBe(422);
  text = visibleText(second.text);
  expect(text).toContain('Vui lòng nhập mã bưu gửi của hồ sơ gửi qua bưu chính.');
  expect(text).toContain('Ngày hồ sơ đến quá 30 ngày trước');
  expect(second.text).toContain(`value="${longAgo}"`);

  // Neither way: refused with a reason.
  const odd = await web.postFiles('/quay/tiep-nhan/GPLX-DOI', { ...values, receivedVia: 'fax', requestId, uploadToken }, []);
  expect(odd.status).toBe(422);
  expect(visibleText(odd.text)).toContain('Vui lòng chọn hồ sơ được nộp trực tiếp tại quầy hay gửi qua bưu chính.');
  expect(await stack.db.orm.em.fork().count(Dossier, { idempotencyKey: `counter:${requestId}` })).toBe(0);

  // Right: the scans received earlier are kept, the dossier is "post".
  const yesterday = addCalendarDays(today(), -1);
  const done = await web.postFiles(
    '/quay/tiep-nhan/GPLX-DOI',
    { ...values, receivedVia: 'post', postTrackingNumber: ' eb123456789vn ', postArrivedOn: yesterday, requestId, uploadToken },
    [],
  );
  expect(done.status).toBe(303);
  const code = decodeURIComponent(done.location!.replace('/ho-so/', ''));
  const em = stack.db.orm.em.fork();
  const dossier = await em.findOneOrFail(Dossier, { code });
  expect(dossier.channel).toBe('post');
  // The arrival is not part of the applicant's declaration.
  expect(Object.keys(dossier.form)).not.toEqual(expect.arrayContaining(['receivedVia']));
  expect(dossier.form).not.toHaveProperty('postTrackingNumber');
  const intake = await em.findOneOrFail(CounterIntake, { dossier: dossier.id });
  expect([intake.channel, intake.postalTrackingNumber, String(intake.arrivedOn).slice(0, 10), intake.officialName]).toEqual(['post', 'EB123456789VN', yesterday, 'Nguyễn Thị Lan']);
  const audit = await em.findOneOrFail(AuditEvent, { action: 'dossier-received-at-counter', dossierCode: code });
  expect(JSON.parse(String(audit.detail))).toMatchObject({ channel: 'post' });

  // The dossier page says how it arrived; the timeline names the channel once the workflow wrote it.
  await openTask(stack, code, 'intake');
  const page = visibleText((await web.get(`/ho-so/${enc(code)}`)).text);
  expect(page).toContain(`Nhận qua dịch vụ bưu chính (mã bưu gửi EB123456789VN, đến ngày ${formatVietnameseDate(yesterday)}), đăng ký bởi Nguyễn Thị Lan`);
  expect(page).toContain('Nộp hồ sơ qua dịch vụ bưu chính');
});

test('in person at the counter stays the default', async () => {
  const web = await signedIn(stack, 'hn.tiepnhan');
  const code = await walkIn(web, 'carHolderHanoi');
  const em = stack.db.orm.em.fork();
  const dossier = await em.findOneOrFail(Dossier, { code });
  expect(dossier.channel).toBe('counter');
  const intake = await em.findOneOrFail(CounterIntake, { dossier: dossier.id });
  expect([intake.channel, intake.postalTrackingNumber, intake.arrivedOn]).toEqual(['counter', null, null]);
  expect(visibleText((await web.get(`/ho-so/${enc(code)}`)).text)).toContain('Tiếp nhận tại quầy: Nguyễn Thị Lan');
});

async function sessionUserOf(username: string): Promise<SessionUser> {
  const o = await stack.db.orm.em.fork().findOneOrFail(Official, { username }, { populate: ['agency'] });
  return { id: o.id, username, name: o.fullName, role: o.role, agencyId: o.agency.id, agencyCode: o.agency.code, agencyName: o.agency.name };
}

test('reports: a paper result is not collected until handed over; an online one when its workflow ends', async () => {
  const web = await signedIn(stack, 'hn.tiepnhan');
  const byPost = await postIn(web, 'EB555000111VN', today());
  const online = await submit(stack);
  await openTask(stack, byPost, 'intake');
  await openTask(stack, online, 'intake'); // projected: what is written below stays

  const period = { from: addCalendarDays(today(), -1), to: today() };
  const scope = scopeAmong(await stack.services.reports.agenciesFor(await sessionUserOf('hn.giamsat')), undefined)!;
  const byChannel = async () => {
    const report = await stack.services.reports.report({ scope, period, groupBy: 'channel' });
    return new Map(report.rows.map((r) => [r.group.key, r.figures])) as Map<string, ReportFigures>;
  };
  const before = await byChannel();

  // Both decided with a result and their workflows ended a minute ago; nobody has the paper yet.
  const now = Date.now();
  const em = stack.db.orm.em.fork();
  for (const code of [byPost, online]) {
    const result = { number: `1/${code}`, documentCode: `${code}-KQ1`, issuedAt: new Date(now - 120_000).toISOString(), title: 'Giấy phép lái xe' };
    await em.nativeUpdate(
      Dossier,
      { code },
      { acceptedAt: new Date(now - 600_000), decidedAt: new Date(now - 120_000), completedAt: new Date(now - 60_000), status: 10, outcome: 'completed', result, results: [result] },
    );
  }
  const decided = await byChannel();
  const delta = (after: Map<string, ReportFigures>, channel: string, figure: 'decided' | 'notCollected' | 'received') => after.get(channel)![figure] - before.get(channel)![figure];
  expect([delta(decided, 'post', 'received'), delta(decided, 'post', 'decided'), delta(decided, 'post', 'notCollected')]).toEqual([1, 1, 1]);
  expect([delta(decided, 'online', 'decided'), delta(decided, 'online', 'notCollected')]).toEqual([1, 0]);

  // Sent back by post: collected from then on.
  const form = await web.get(`/ho-so/${enc(byPost)}/tra-ket-qua`);
  expect(form.status).toBe(200);
  const handed = await web.post(`/ho-so/${enc(byPost)}/tra-ket-qua`, {
    requestId: hidden(form.text, 'requestId'),
    method: 'post',
    collectorName: 'Nguyễn Văn An',
    trackingNumber: 'EB555000222VN',
  });
  expect(handed.status).toBe(303);
  const after = await byChannel();
  expect([delta(after, 'post', 'decided'), delta(after, 'post', 'notCollected')]).toEqual([1, 0]);
  expect(delta(after, 'online', 'notCollected')).toBe(0);
});
