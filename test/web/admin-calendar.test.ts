/**
 * The working calendar's administration (/quan-tri/lich): administrators only; a year at a
 * glance; entries added, changed, removed and a year confirmed, each audited and announced to the
 * open dossiers when the days change; bad input refused field by field with nothing changed.
 */
import { AuditEvent, CalendarDay, CalendarYear } from '../../db/entities';
import { seedReferenceData } from '../../db/seeds/demo';
import { CalendarAdmin } from '../../web/services/calendar-admin';
import { startStack, type Stack } from '../support/stack';
import { visibleText, WebClient } from '../support/web-client';

let stack: Stack;
const announced: string[] = [];
beforeAll(async () => {
  stack = await startStack();
  // The lead wires the workflows behind this hook; here it records what they would be told.
  stack.services.calendarAdmin = new CalendarAdmin(stack.db.orm, { announce: async (reason) => void announced.push(reason) });
});
afterAll(() => stack?.stop());
beforeEach(() => {
  announced.length = 0;
});

async function admin(): Promise<WebClient> {
  const web = new WebClient(stack.baseUrl);
  await web.signIn('hn.quantri');
  return web;
}

const em = () => stack.db.orm.em.fork();
const row = (day: string) => em().findOne(CalendarDay, { day });
const auditOf = (target: string) => em().find(AuditEvent, { target }, { orderBy: { id: 'asc' } });
/** The row of the entries table for a day, as read. */
const entryRow = (html: string, day: string) => visibleText(new RegExp(`<tr data-day="${day}">[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '');
/** The classes of a day's cell in the month grids. */
const cellClasses = (html: string, day: string) => new RegExp(`<td class="([^"]+)"[^>]*data-day="${day}"`).exec(html)?.[1] ?? '';

describe('who may', () => {
  test('another role is refused (403); nobody signed in is sent to sign in', async () => {
    const receiver = new WebClient(stack.baseUrl);
    await receiver.signIn('hn.tiepnhan');
    for (const path of ['/quan-tri/lich', '/quan-tri/lich/2027', '/quan-tri/gio-lam-viec']) {
      expect((await receiver.get(path)).status).toBe(403);
    }
    expect((await receiver.post('/quan-tri/lich/2027/ngay', { day: '2027-01-04', kind: 'holiday', name: 'Nghỉ' })).status).toBe(403);
    expect(await row('2027-01-04')).toBeNull();
    const anonymous = await new WebClient(stack.baseUrl).get('/quan-tri/lich/2027');
    expect(anonymous.status).toBe(303);
    expect(anonymous.location).toContain('/dang-nhap');
  });

  test('an administrator signs in to the calendar, with the menu links to it', async () => {
    const web = new WebClient(stack.baseUrl);
    const signedIn = await web.signIn('hcm.quantri');
    expect(signedIn.location).toBe('/');
    const home = await web.get('/');
    expect(home.location).toBe('/quan-tri/lich');
    const redirect = await web.get('/quan-tri/lich');
    expect(redirect.location).toMatch(/^\/quan-tri\/lich\/\d{4}$/);
    const page = await web.get(redirect.location!);
    expect(page.status).toBe(200);
    expect(page.text).toContain('href="/quan-tri/gio-lam-viec"');
    expect(page.text).not.toContain('href="/cong-viec"');
  });

  test('a form without the CSRF token is refused', async () => {
    const web = await admin();
    await web.get('/quan-tri/lich/2027');
    const page = await web.post('/quan-tri/lich/2027/ngay', { day: '2027-01-04', kind: 'holiday', name: 'Nghỉ' }, false);
    expect(page.status).toBe(403);
    expect(await row('2027-01-04')).toBeNull();
  });
});

describe('a year at a glance', () => {
  test('2026, confirmed: the announcement, the swapped days coloured, every entry with its source', async () => {
    const page = await (await admin()).get('/quan-tri/lich/2026');
    const text = visibleText(page.text);
    expect(text).toContain('Đã xác nhận theo Văn bản 12729/VPCP-KGVX');
    expect(page.text.match(/<table class="cal-month">/g)).toHaveLength(12);
    expect(cellClasses(page.text, '2026-01-02')).toBe('cal__day cal__day--off');
    expect(cellClasses(page.text, '2026-01-10')).toBe('cal__day cal__day--worked');
    expect(cellClasses(page.text, '2026-01-11')).toBe('cal__day cal__day--rest');
    expect(cellClasses(page.text, '2026-11-24')).toBe('cal__day cal__day--off cal__day--provisional');
    expect(page.text).toContain('title="Thứ Sáu 02/01/2026 — Ngày nghỉ: Nghỉ hoán đổi Tết Dương lịch (làm bù thứ Bảy 10/01/2026)"');
    // A Tết day on a weekend is named too: it explains the weekday made up.
    expect(page.text).toContain('title="Chủ nhật 26/04/2026 — Giỗ Tổ Hùng Vương (10/3 âm lịch)"');
    expect(entryRow(page.text, '2026-01-10')).toContain('Làm bù cho ngày nghỉ thứ Sáu 02/01/2026');
    expect(entryRow(page.text, '2026-01-10')).toContain('Theo thông báo đã xác nhận');
    expect(entryRow(page.text, '2026-11-24')).toContain('dự kiến');
  });

  test('a year nobody entered: the Labour Code’s days, provisional', async () => {
    const page = await (await admin()).get('/quan-tri/lich/2031');
    const text = visibleText(page.text);
    expect(text).toContain('Chưa có thông báo: lịch năm này được tính theo Bộ luật Lao động');
    expect(page.text.match(/<tr data-day=/g)).toHaveLength(11);
    expect(entryRow(page.text, '2031-01-23')).toContain('Tết Nguyên đán Tân Hợi (mùng 1)');
    expect(entryRow(page.text, '2031-01-23')).toContain('Tính theo Bộ luật Lao động');
    expect(cellClasses(page.text, '2031-01-23')).toBe('cal__day cal__day--off cal__day--provisional');
    // A computed day has no page to change it: the year is confirmed first.
    expect(entryRow(page.text, '2031-01-23')).not.toContain('Sửa');
  });

  test('a year out of range or not a year is not found', async () => {
    const web = await admin();
    expect((await web.get('/quan-tri/lich/3000')).status).toBe(404);
    expect(visibleText((await web.get('/quan-tri/lich/abc')).text)).toContain('năm phải từ 1990 đến 2199');
  });
});

describe('entries', () => {
  test('adds a day off: written with who and when, audited, announced with the reason', async () => {
    const web = await admin();
    await web.get('/quan-tri/lich/2027');
    const saved = await web.post('/quan-tri/lich/2027/ngay', {
      day: '04/01/2027',
      kind: 'holiday',
      name: 'Nghỉ hoán đổi Tết Dương lịch',
      note: 'Thông báo 99/TB-BNV',
    });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe('/quan-tri/lich/2027');
    expect(await row('2027-01-04')).toMatchObject({ kind: 'holiday', name: 'Nghỉ hoán đổi Tết Dương lịch', note: 'Thông báo 99/TB-BNV', updatedBy: 'hn.quantri', provisional: false });
    expect(announced).toEqual(['Ngày nghỉ 04/01/2027 (Nghỉ hoán đổi Tết Dương lịch) được công bố (Thông báo 99/TB-BNV)']);
    const [audit] = await auditOf('lich:2027-01-04');
    expect(audit).toMatchObject({ actor: 'hn.quantri', action: 'calendar-day-added' });
    expect(JSON.parse(audit.detail!)).toEqual({
      before: null,
      after: { day: '2027-01-04', kind: 'holiday', name: 'Nghỉ hoán đổi Tết Dương lịch', provisional: false, note: 'Thông báo 99/TB-BNV' },
    });
    const page = await web.get('/quan-tri/lich/2027');
    expect(visibleText(page.text)).toContain('Đã thêm 04/01/2027 (Nghỉ hoán đổi Tết Dương lịch) vào lịch.');
    // Not confirmed yet: entered, and provisional like the computed days.
    expect(entryRow(page.text, '2027-01-04')).toContain('Đã nhập, năm chưa xác nhận');
    expect(entryRow(page.text, '2027-01-04')).toContain('dự kiến');
  });

  test('changes and moves a day, then removes it, each audited with before and after', async () => {
    const web = await admin();
    await web.get('/quan-tri/lich/2027');
    await web.post('/quan-tri/lich/2027/ngay', { day: '2027-10-16', kind: 'working-weekend', name: 'Làm bù', note: '' });
    announced.length = 0;

    // The name only: the days are the same, no dossier is told.
    await web.get('/quan-tri/lich/2027/ngay/2027-10-16');
    const renamed = await web.post('/quan-tri/lich/2027/ngay/2027-10-16', { day: '2027-10-16', kind: 'working-weekend', name: 'Làm bù cho thứ Sáu 22/10', note: '' });
    expect(renamed.status).toBe(303);
    expect(announced).toEqual([]);

    const moved = await web.post('/quan-tri/lich/2027/ngay/2027-10-16', { day: '2027-10-23', kind: 'working-weekend', name: 'Làm bù cho thứ Sáu 22/10', note: 'Thông báo 100/TB-BNV' });
    expect(moved.status).toBe(303);
    expect(await row('2027-10-16')).toBeNull();
    expect(await row('2027-10-23')).toMatchObject({ kind: 'working-weekend', updatedBy: 'hn.quantri' });
    expect(announced).toEqual(['Ngày làm bù 16/10/2027 được chuyển sang 23/10/2027 (Làm bù cho thứ Sáu 22/10) (Thông báo 100/TB-BNV)']);

    await web.get('/quan-tri/lich/2027/ngay/2027-10-23');
    const removed = await web.post('/quan-tri/lich/2027/ngay/2027-10-23/xoa', {});
    expect(removed.status).toBe(303);
    expect(await row('2027-10-23')).toBeNull();
    expect(announced.at(-1)).toBe('Ngày 23/10/2027 (Làm bù cho thứ Sáu 22/10) không còn là ngày làm bù');

    const trail = [...(await auditOf('lich:2027-10-16')), ...(await auditOf('lich:2027-10-23'))].map((a) => [a.action, JSON.parse(a.detail!)]);
    expect(trail).toEqual([
      ['calendar-day-added', { before: null, after: expect.objectContaining({ day: '2027-10-16', name: 'Làm bù' }) }],
      ['calendar-day-changed', { before: expect.objectContaining({ name: 'Làm bù' }), after: expect.objectContaining({ day: '2027-10-16', name: 'Làm bù cho thứ Sáu 22/10' }) }],
      ['calendar-day-changed', { before: expect.objectContaining({ day: '2027-10-16' }), after: expect.objectContaining({ day: '2027-10-23' }) }],
      ['calendar-day-removed', { before: expect.objectContaining({ day: '2027-10-23' }), after: null }],
    ]);
  });

  test('confirms a year: the computed days become entries, the year is no longer provisional', async () => {
    const web = await admin();
    await web.get('/quan-tri/lich/2030');
    const confirmed = await web.post('/quan-tri/lich/2030/xac-nhan', { announcement: 'Thông báo 5/TB-BNV ngày 10/11/2029' });
    expect(confirmed.status).toBe(303);
    expect(await em().findOne(CalendarYear, { year: 2030 })).toMatchObject({ announcement: 'Thông báo 5/TB-BNV ngày 10/11/2029', confirmedBy: 'hn.quantri' });
    const days = await em().find(CalendarDay, { day: { $gte: '2030-01-01', $lte: '2030-12-31' } });
    expect(days).toHaveLength(11);
    expect(days.every((d) => !d.provisional && d.updatedBy === 'hn.quantri')).toBe(true);
    // The same days off as before: nothing to recompute.
    expect(announced).toEqual([]);
    const page = await web.get('/quan-tri/lich/2030');
    expect(visibleText(page.text)).toContain('Đã xác nhận theo Thông báo 5/TB-BNV ngày 10/11/2029');
    expect(entryRow(page.text, '2030-02-04')).toContain('Theo thông báo đã xác nhận');
    expect(entryRow(page.text, '2030-02-04')).not.toContain('dự kiến');
    // Now a computed day can be removed like any other.
    const removed = await web.post('/quan-tri/lich/2030/ngay/2030-02-06/xoa', {});
    expect(removed.status).toBe(303);
    expect(announced).toHaveLength(1);
    const [audit] = await auditOf('lich:2030');
    expect(audit).toMatchObject({ action: 'calendar-year-confirmed', actor: 'hn.quantri' });
    expect(JSON.parse(audit.detail!).after.daysWritten).toHaveLength(11);
  });
});

describe('bad input: refused in Vietnamese, field by field, nothing changed', () => {
  async function refused(path: string, fields: Record<string, string>) {
    const web = await admin();
    await web.get(path.replace(/\/(ngay|xac-nhan)$/, ''));
    const before = await em().count(AuditEvent, { action: { $like: 'calendar-%' } });
    const page = await web.post(path, fields);
    expect(page.status).toBe(422);
    expect(await em().count(AuditEvent, { action: { $like: 'calendar-%' } })).toBe(before);
    expect(announced).toEqual([]);
    return { text: visibleText(page.text), html: page.text };
  }

  test('an impossible date', async () => {
    const { text } = await refused('/quan-tri/lich/2027/ngay', { day: '31/02/2027', kind: 'holiday', name: 'Nghỉ' });
    expect(text).toContain('Không có ngày 31/02/2027 trong lịch.');
  });

  test('a day already in the calendar, entered or computed', async () => {
    const { text } = await refused('/quan-tri/lich/2026/ngay', { day: '2026-01-02', kind: 'holiday', name: 'Nghỉ thêm' });
    expect(text).toContain('Ngày 02/01/2026 đã có trong lịch (Nghỉ hoán đổi Tết Dương lịch (làm bù thứ Bảy 10/01/2026)); hãy sửa mục đó thay vì thêm mới.');
    const computed = await refused('/quan-tri/lich/2027/ngay', { day: '2027-02-05', kind: 'holiday', name: 'Nghỉ Tết' });
    expect(computed.text).toContain('Ngày 05/02/2027 đã có trong lịch (Tết Nguyên đán Đinh Mùi (tất niên), tính theo Bộ luật Lao động)');
  });

  test('a day off on a weekend (already a rest day: refused, saying why)', async () => {
    const { text } = await refused('/quan-tri/lich/2027/ngay', { day: '2027-02-06', kind: 'holiday', name: 'Tết' });
    expect(text).toContain('Thứ Bảy 06/02/2027 vốn là ngày nghỉ hằng tuần: ghi ngày nghỉ vào đó không thay đổi thời hạn nào, nên không được ghi.');
    expect(await row('2027-02-06')).toBeNull();
  });

  test('a worked weekend day on a weekday, and a missing name, at once', async () => {
    const { text, html } = await refused('/quan-tri/lich/2027/ngay', { day: '2027-03-05', kind: 'working-weekend', name: '  ', note: 'ghi chú giữ lại' });
    expect(text).toContain('Thứ Sáu 05/03/2027 vốn là ngày làm việc: chỉ thứ Bảy, Chủ nhật mới ghi được là ngày làm bù.');
    expect(text).toContain('Vui lòng nhập tên ngày');
    // What was typed is kept.
    expect(html).toContain('value="ghi chú giữ lại"');
    expect(await row('2027-03-05')).toBeNull();
  });

  test('a day of another year, a kind that does not exist', async () => {
    const { text } = await refused('/quan-tri/lich/2027/ngay', { day: '2028-01-03', kind: 'holiday', name: 'Nghỉ' });
    expect(text).toContain('Ngày 03/01/2028 không thuộc năm 2027');
    expect((await refused('/quan-tri/lich/2027/ngay', { day: '2027-01-04', kind: 'ngay-le', name: 'Nghỉ' })).text).toContain('Loại ngày không hợp lệ.');
  });

  test('a move onto a day already taken', async () => {
    const { text } = await refused('/quan-tri/lich/2026/ngay/2026-01-02', { day: '2026-01-01', kind: 'holiday', name: 'Nghỉ' });
    expect(text).toContain('Ngày 01/01/2026 đã có trong lịch (Tết Dương lịch)');
    expect(await row('2026-01-02')).toMatchObject({ name: 'Nghỉ hoán đổi Tết Dương lịch (làm bù thứ Bảy 10/01/2026)' });
  });

  test('changing or removing a computed day of a year not confirmed', async () => {
    const web = await admin();
    const page = await web.get('/quan-tri/lich/2031/ngay/2031-01-23');
    expect(visibleText(page.text)).toContain('Ngày này được tính theo Bộ luật Lao động vì năm chưa được xác nhận.');
    const removal = await web.post('/quan-tri/lich/2031/ngay/2031-01-23/xoa', {});
    expect(removal.status).toBe(422);
    expect(visibleText(removal.text)).toContain('Khi có thông báo của Chính phủ, hãy xác nhận năm');
    expect((await web.get('/quan-tri/lich/2031/ngay/2031-01-21')).status).toBe(404);
  });

  test('a confirmation without its announcement', async () => {
    const { text } = await refused('/quan-tri/lich/2029/xac-nhan', { announcement: ' ' });
    expect(text).toContain('Vui lòng nhập số, ngày của văn bản thông báo');
    expect(await em().findOne(CalendarYear, { year: 2029 })).toBeNull();
  });
});

describe('seeding on every start', () => {
  test('does not bring back a day an administrator removed, nor undo a change', async () => {
    const web = await admin();
    await web.get('/quan-tri/lich/2025/ngay/2025-05-02');
    expect((await web.post('/quan-tri/lich/2025/ngay/2025-05-02/xoa', {})).status).toBe(303);
    await web.get('/quan-tri/lich/2025/ngay/2025-09-01');
    await web.post('/quan-tri/lich/2025/ngay/2025-09-01', { day: '2025-09-01', kind: 'holiday', name: 'Quốc khánh (sửa tên)', note: '' });
    await seedReferenceData(stack.db.orm);
    expect(await row('2025-05-02')).toBeNull();
    expect(await row('2025-09-01')).toMatchObject({ name: 'Quốc khánh (sửa tên)' });
  });

  test('a year seeded for the first time replaces what an older seed left in it, not what administrators entered', async () => {
    // As an installation seeded before calendar_year existed: 2027 had a guessed Thursday off.
    await em().nativeDelete(CalendarYear, { year: 2027 });
    await em().insert(CalendarDay, { day: '2027-02-04', kind: 'holiday', name: 'Nghỉ bù Tết (đoán)', provisional: true });
    await em().insert(CalendarDay, { day: '2027-06-07', kind: 'holiday', name: 'Nghỉ (quản trị nhập)', provisional: false, updatedBy: 'hn.quantri', updatedAt: new Date() });
    await seedReferenceData(stack.db.orm);
    expect(await row('2027-02-04')).toBeNull();
    expect(await row('2027-06-07')).not.toBeNull();
    expect(await row('2027-11-24')).toMatchObject({ provisional: true });
    expect(await em().findOne(CalendarYear, { year: 2027 })).toMatchObject({ confirmedAt: null });
  });
});
