/**
 * Offices' own hours (/quan-tri/gio-lam-viec): an administrator sets the sessions and the cut-off
 * of an agency of their province, or puts it back to the default; each change is audited; bad
 * times are refused field by field with nothing changed.
 */
import { Agency, AuditEvent } from '../../db/entities';
import { startStack, type Stack } from '../support/stack';
import { visibleText, WebClient } from '../support/web-client';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

async function admin(): Promise<WebClient> {
  const web = new WebClient(stack.baseUrl);
  await web.signIn('hn.quantri');
  return web;
}

const hoursOf = async (code: string) => (await stack.db.orm.em.fork().findOneOrFail(Agency, { code })).officeHours ?? null;
const audits = (code: string) => stack.db.orm.em.fork().find(AuditEvent, { target: `co-quan:${code}` }, { orderBy: { id: 'asc' } });

test('lists the agencies of the administrator’s city with their hours, the default when unset', async () => {
  const page = await (await admin()).get('/quan-tri/gio-lam-viec');
  expect(page.status).toBe(200);
  const text = visibleText(page.text);
  expect(text).toContain('Mặc định: 07:30–11:30, 13:00–17:00; nhận sau 15:00 tính từ ngày làm việc tiếp theo.');
  expect(page.text).toContain('data-agency="STP-01"');
  expect(page.text).not.toContain('data-agency="STP-79"');
});

test('sets an agency’s sessions and cut-off, then goes back to the default, each audited', async () => {
  const web = await admin();
  await web.get('/quan-tri/gio-lam-viec/STP-01');
  const saved = await web.post('/quan-tri/gio-lam-viec/STP-01', { start1: '8:00', end1: '12:00', start2: '13:30', end2: '17:30', start3: '', end3: '', cutoff: '16:00' });
  expect(saved.status).toBe(303);
  expect(await hoursOf('STP-01')).toEqual({ cutoff: '16:00', sessions: [{ start: '08:00', end: '12:00' }, { start: '13:30', end: '17:30' }] });
  const page = await web.get('/quan-tri/gio-lam-viec/STP-01');
  expect(visibleText(page.text)).toContain('Đang dùng giờ riêng');
  expect(page.text).toContain('value="13:30"');

  expect((await web.post('/quan-tri/gio-lam-viec/STP-01/mac-dinh', {})).status).toBe(303);
  expect(await hoursOf('STP-01')).toBeNull();
  expect(visibleText((await web.get('/quan-tri/gio-lam-viec/STP-01')).text)).toContain('Đang dùng giờ mặc định');

  const trail = (await audits('STP-01')).map((a) => [a.actor, a.action, JSON.parse(a.detail!)]);
  expect(trail).toEqual([
    ['hn.quantri', 'office-hours-changed', { before: null, after: { cutoff: '16:00', sessions: [{ start: '08:00', end: '12:00' }, { start: '13:30', end: '17:30' }] } }],
    ['hn.quantri', 'office-hours-changed', { before: { cutoff: '16:00', sessions: expect.any(Array) }, after: null }],
  ]);
});

test('refuses times that are not times, sessions out of order or overlapping, a cut-off outside the day', async () => {
  const web = await admin();
  await web.get('/quan-tri/gio-lam-viec/SCT-01');
  const cases: [Record<string, string>, string][] = [
    [{ start1: '07:30', end1: '11:30', start2: '13:00', end2: '17:00', cutoff: '25:00' }, 'Giờ chốt nhận hồ sơ trong ngày phải có dạng giờ:phút'],
    [{ start1: '07:30', end1: '11:30', start2: '11:00', end2: '17:00', cutoff: '15:00' }, 'Buổi 2 phải bắt đầu từ 11:30 trở đi'],
    [{ start1: '13:00', end1: '11:30', cutoff: '12:00' }, 'Buổi 1 phải kết thúc sau khi bắt đầu (13:00).'],
    [{ start1: '07:30', end1: '11:30', start2: '13:00', end2: '17:00', cutoff: '18:00' }, 'Giờ chốt nhận hồ sơ phải trong ngày làm việc: sau 07:30 và không muộn hơn 17:00.'],
    [{ start1: '07:30', end1: '11:30', start2: '13:00', cutoff: '10:00' }, 'Vui lòng nhập cả giờ bắt đầu và giờ kết thúc của buổi 2'],
    [{ cutoff: '' }, 'Vui lòng nhập giờ bắt đầu buổi 1.'],
  ];
  for (const [fields, message] of cases) {
    const page = await web.post('/quan-tri/gio-lam-viec/SCT-01', fields);
    expect(page.status).toBe(422);
    expect(visibleText(page.text)).toContain(message);
  }
  expect(await hoursOf('SCT-01')).toBeNull();
  expect(await audits('SCT-01')).toEqual([]);
});

test('an agency of another province is not the administrator’s to see or set', async () => {
  const web = await admin();
  await web.get('/quan-tri/gio-lam-viec');
  expect((await web.get('/quan-tri/gio-lam-viec/STP-79')).status).toBe(404);
  expect((await web.post('/quan-tri/gio-lam-viec/STP-79', { start1: '08:00', end1: '12:00', cutoff: '11:00' })).status).toBe(404);
  expect(await hoursOf('STP-79')).toBeNull();
});
