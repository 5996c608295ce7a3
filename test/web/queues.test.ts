/**
 * Queues that scale (issue 9): each queue's membership and counters, the archive, search by
 * name with or without diacritics, by citizen ID and by code, filters, keyset pages (no row twice,
 * none missing, stable under ties), agency isolation, hostile search strings, and claim/release
 * with the official seeing their own action at once.
 *
 * Most rows are written straight into the read model (all the lists read); claim and release
 * go through a real dossier workflow.
 */
import { actor, expectDone, openTask, submit, updateId } from '../support/scenario';
import { startStack, type Stack } from '../support/stack';
import { visibleText, WebClient } from '../support/web-client';
import { decodeCursor, encodeCursor, searchKind } from '../../web/services/queues';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

function sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
  return stack.db.orm.em.fork().getConnection().execute<T[]>(query, params);
}

async function signedIn(username: string): Promise<WebClient> {
  const web = new WebClient(stack.baseUrl);
  expect((await web.signIn(username)).status).toBe(303);
  return web;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
let serial = 0;

async function idOf(table: 'agency' | 'official', key: string): Promise<number> {
  const column = table === 'agency' ? 'code' : 'username';
  return (await sql<{ id: number }>(`select id from ${table} where ${column} = ?`, [key]))[0].id;
}

interface DossierRow {
  name?: string;
  citizenId?: string;
  agency?: string;
  status?: number;
  channel?: 'online' | 'api' | 'counter';
  procedure?: string;
  submittedAt?: Date;
  appointmentAt?: Date | null;
  completedAt?: Date | null;
}

/** A read-model dossier row, as the projection would write it; returns its code and id. */
async function dossier(row: DossierRow = {}): Promise<{ code: string; id: number }> {
  serial++;
  const code = `T.Q.${String(serial).padStart(5, '0')}-${row.agency ?? 'CSGT-01'}`;
  const [{ id }] = await sql<{ id: number }>(
    `insert into dossier (code, procedure_code, procedure_version, procedure_name, agency_id, channel, status, step_id, step_name, form,
        applicant_name, applicant_citizen_id, submitted_at, appointment_at, completed_at, submission_hash, updated_at)
     values (?, ?, 1, ?, (select id from agency where code = ?), ?, ?, 'intake', 'Tiếp nhận', '{}', ?, ?, ?, ?, ?, 'x', now()) returning id`,
    [
      code,
      row.procedure ?? 'GPLX-DOI',
      row.procedure === 'OTHER' ? 'Thủ tục khác' : 'Đổi giấy phép lái xe',
      row.agency ?? 'CSGT-01',
      row.channel ?? 'online',
      row.status ?? 2,
      row.name ?? 'Người Thử Nghiệm',
      row.citizenId ?? `0010${String(serial).padStart(8, '0')}`,
      row.submittedAt ?? new Date(Date.now() - serial * 1000),
      row.appointmentAt === undefined ? new Date(Date.now() + 10 * DAY) : row.appointmentAt,
      row.completedAt ?? null,
    ],
  );
  return { code, id };
}

interface TaskRow {
  key?: string;
  role?: 'receiver' | 'specialist' | 'leader';
  agency?: string;
  status?: 'open' | 'done';
  dueAt?: Date | null;
  assignee?: string;
  group?: string;
}

async function task(dossierId: number, t: TaskRow = {}): Promise<void> {
  const assignee = t.assignee ? await idOf('official', t.assignee) : null;
  await sql(
    `insert into task (dossier_id, task_key, agency_id, step_id, name, role, status, created_at, due_at, assignee_id, assignee_name, assigned_group)
     values (?, ?, (select id from agency where code = ?), ?, 'Tiếp nhận hồ sơ', ?, ?, now(), ?, ?, ?, ?)`,
    [dossierId, t.key ?? 'intake-1', t.agency ?? 'CSGT-01', (t.key ?? 'intake-1').replace(/-\d+$/, ''), t.role ?? 'receiver', t.status ?? 'open', t.dueAt === undefined ? new Date(Date.now() + 5 * DAY) : t.dueAt, assignee, t.assignee ?? null, t.group ?? null],
  );
}

/** The codes of the rows a list page shows, in order. */
const codesOf = (html: string) => [...html.matchAll(/<tr data-code="([^"]+)"/g)].map((m) => m[1]);
const countOf = (html: string, tab: string) => new RegExp(`data-testid="count-${tab}">([^<]+)<`).exec(html)?.[1];
const nextOf = (html: string) => /href="([^"]+)" rel="next"/.exec(html)?.[1]?.replace(/&amp;/g, '&');

describe('queues', () => {
  const codes: Record<string, string> = {};
  beforeAll(async () => {
    const mine = await dossier({ name: 'Mine Của Tôi' });
    await task(mine.id, { assignee: 'hn.tiepnhan', dueAt: new Date(Date.now() + 20 * DAY) });
    const overdue = await dossier({ name: 'Quá Hạn' });
    await task(overdue.id, { dueAt: new Date(Date.now() - 2 * DAY) });
    const soon = await dossier({ name: 'Sắp Đến Hạn' });
    await task(soon.id, { group: 'Bộ phận một cửa', dueAt: new Date(Date.now() + 2 * HOUR) });
    const otherGroup = await dossier({ name: 'Nhóm Khác' });
    await task(otherGroup.id, { group: 'Phòng khác' });
    const someoneElse = await dossier({ name: 'Người Khác Giữ' });
    await task(someoneElse.id, { assignee: 'hn.chuyenvien' });
    const returned = await dossier({ name: 'Bị Trả Lại' });
    await task(returned.id, { key: 'intake-2' });
    const specialist = await dossier({ name: 'Việc Chuyên Viên' });
    await task(specialist.id, { role: 'specialist', key: 'review-1' });
    const saigon = await dossier({ name: 'Sài Gòn', agency: 'CSGT-79' });
    await task(saigon.id, { agency: 'CSGT-79' });
    const handled = await dossier({ name: 'Đã Xử Lý', status: 10, completedAt: new Date(Date.now() - DAY) });
    await task(handled.id, { status: 'done', assignee: 'hn.tiepnhan' });
    Object.assign(codes, {
      mine: mine.code,
      overdue: overdue.code,
      soon: soon.code,
      otherGroup: otherGroup.code,
      someoneElse: someoneElse.code,
      returned: returned.code,
      specialist: specialist.code,
      saigon: saigon.code,
      handled: handled.code,
    });
  });

  test('each queue holds its own tasks, and its counter says how many', async () => {
    const lan = await signedIn('hn.tiepnhan');
    const all = await lan.get('/cong-viec');
    expect(all.status).toBe(200);
    expect(new Set(codesOf(all.text))).toEqual(new Set([codes.mine, codes.overdue, codes.soon, codes.returned]));
    expect(countOf(all.text, 'open')).toBe('4');
    expect(countOf(all.text, 'mine')).toBe('1');
    expect(countOf(all.text, 'group')).toBe('3');
    expect(countOf(all.text, 'due-soon')).toBe('1');
    expect(countOf(all.text, 'overdue')).toBe('1');
    expect(countOf(all.text, 'returned')).toBe('1');
    expect(countOf(all.text, 'handled')).toBe('1');

    const list = async (slug: string) => codesOf((await lan.get(`/cong-viec?danh-sach=${slug}`)).text);
    expect(await list('cua-toi')).toEqual([codes.mine]);
    expect(new Set(await list('cho-nhan'))).toEqual(new Set([codes.overdue, codes.soon, codes.returned]));
    expect(await list('sap-den-han')).toEqual([codes.soon]);
    expect(await list('qua-han')).toEqual([codes.overdue]);
    expect(await list('tra-lai')).toEqual([codes.returned]);
    expect(await list('da-xu-ly')).toEqual([codes.handled]);
    // Due first: the overdue task leads the list of everything I may work on.
    expect(codesOf(all.text)[0]).toBe(codes.overdue);

    // A row tells dossiers apart: code, applicant, masked citizen ID, procedure, status, due date.
    const text = visibleText(all.text);
    // The renewal marks the applicant's name personal: lists show it masked.
    expect(text).toContain('Quá H.');
    expect(text).not.toContain('Quá Hạn');
    expect(text).toMatch(/CCCD \*{8}\d{4}/);
    expect(text).toContain('Đổi giấy phép lái xe');
    expect(text).toContain('Được tiếp nhận');
    expect(all.text).toContain('Nhận xử lý');
    expect(all.text).toContain('Trả lại nhóm');

    // The specialist's queue is another one; the other department's official does not see our group's task.
    const minh = await signedIn('hn.chuyenvien');
    expect(codesOf((await minh.get('/cong-viec')).text)).toEqual([codes.specialist]);
  });

  test('the archive holds every dossier of the agency, finished included, and only those', async () => {
    const lan = await signedIn('hn.tiepnhan');
    const archive = await lan.get('/ho-so');
    expect(archive.status).toBe(200);
    const shown = codesOf(archive.text);
    for (const key of ['mine', 'overdue', 'soon', 'otherGroup', 'someoneElse', 'returned', 'specialist', 'handled']) expect(shown).toContain(codes[key]);
    expect(shown).not.toContain(codes.saigon);
    // Newest first by default (each row written here was received a second before the previous one).
    expect(shown.indexOf(codes.mine)).toBe(0);
    expect(shown.indexOf(codes.mine)).toBeLessThan(shown.indexOf(codes.handled));

    const supervisor = await signedIn('hn.giamsat');
    expect(codesOf((await supervisor.get('/ho-so')).text)).toContain(codes.handled);
    const saigon = await signedIn('hcm.tiepnhan');
    const theirs = codesOf((await saigon.get('/ho-so')).text);
    expect(theirs).toContain(codes.saigon);
    expect(theirs).not.toContain(codes.handled);
    // Searching another agency's applicant by citizen ID finds nothing.
    const [{ cid }] = await sql<{ cid: string }>('select applicant_citizen_id as cid from dossier where code = ?', [codes.handled]);
    expect(codesOf((await saigon.get(`/ho-so?q=${cid}`)).text)).toEqual([]);
  });
});

describe('search', () => {
  const found: Record<string, string> = {};
  beforeAll(async () => {
    found.an = (await dossier({ name: 'Nguyễn Văn An', citizenId: '001085004521' })).code;
    found.anh = (await dossier({ name: 'Nguyễn Văn Anh' })).code;
    found.plain = (await dossier({ name: 'Nguyen Van An' })).code;
    found.binh = (await dossier({ name: 'Nguyễn Thị Bình' })).code;
    found.dang = (await dossier({ name: 'Đặng Hoà' })).code;
    found.percent = (await dossier({ name: 'Trần 100% Lê' })).code;
  });

  test('by name, with or without diacritics, in any case', async () => {
    const lan = await signedIn('hn.tiepnhan');
    for (const q of ['nguyen van an', 'Nguyễn Văn An', 'NGUYEN VAN AN', '  nguyễn   van an ']) {
      const shown = codesOf((await lan.get(`/ho-so?q=${encodeURIComponent(q)}`)).text);
      expect(shown).toEqual(expect.arrayContaining([found.an, found.plain]));
      expect(shown).not.toContain(found.binh);
    }
    expect(codesOf((await lan.get(`/ho-so?q=${encodeURIComponent('dang hoa')}`)).text)).toEqual([found.dang]);
    expect(codesOf((await lan.get(`/ho-so?q=${encodeURIComponent('đặng')}`)).text)).toEqual([found.dang]);
    // Names start with what was typed; when none does, names containing it are shown, and the page says so.
    const started = await lan.get(`/ho-so?q=${encodeURIComponent('nguyen van')}`);
    expect(started.text).not.toContain('data-testid="name-contains"');
    const inside = await lan.get(`/ho-so?q=${encodeURIComponent('van an')}`);
    expect(codesOf(inside.text)).toEqual(expect.arrayContaining([found.an, found.plain, found.anh]));
    expect(visibleText(inside.text)).toContain('Không có họ tên nào bắt đầu bằng “van an”; đang hiển thị các họ tên có tên đệm hoặc tên bắt đầu bằng cụm từ này.');
    // A later word only from its start: "an" inside "Lan" or "Văn" is no match.
    expect(codesOf((await lan.get(`/ho-so?q=${encodeURIComponent('thi binh')}`)).text)).toEqual([found.binh]);
    expect(codesOf((await lan.get(`/ho-so?q=${encodeURIComponent('inh')}`)).text)).toEqual([]);
    // A corrected name (a supplement) is found by its new words, and no longer by the old ones.
    await sql(`update dossier set applicant_name = 'Nguyễn Thị Bình Minh' where code = ?`, [found.binh]);
    expect(codesOf((await lan.get(`/ho-so?q=${encodeURIComponent('binh minh')}`)).text)).toEqual([found.binh]);
    await sql(`update dossier set applicant_name = 'Nguyễn Thị Bình' where code = ?`, [found.binh]);
    expect(codesOf((await lan.get(`/ho-so?q=${encodeURIComponent('binh minh')}`)).text)).toEqual([]);
  });

  test('by citizen ID (exact) and by dossier code (prefix)', async () => {
    const lan = await signedIn('hn.tiepnhan');
    expect(codesOf((await lan.get('/ho-so?q=001085004521')).text)).toEqual([found.an]);
    expect(codesOf((await lan.get('/ho-so?q=001085004522')).text)).toEqual([]);
    expect(codesOf((await lan.get(`/ho-so?q=${encodeURIComponent(found.binh)}`)).text)).toEqual([found.binh]);
    expect(codesOf((await lan.get(`/ho-so?q=${encodeURIComponent(found.binh.toLowerCase())}`)).text)).toEqual([found.binh]);
  });

  test('filters: procedure, status, channel, received dates; the search form keeps them', async () => {
    const lan = await signedIn('hn.tiepnhan');
    const old = await dossier({ name: 'Lọc Bộ Lọc', procedure: 'OTHER', status: 9, channel: 'counter', submittedAt: new Date('2026-03-10T03:00:00Z') });
    const recent = await dossier({ name: 'Lọc Bộ Lọc', status: 4, channel: 'api' });
    const q = `q=${encodeURIComponent('loc bo loc')}`;
    expect(new Set(codesOf((await lan.get(`/ho-so?${q}`)).text))).toEqual(new Set([old.code, recent.code]));
    expect(codesOf((await lan.get(`/ho-so?${q}&thu-tuc=OTHER`)).text)).toEqual([old.code]);
    expect(codesOf((await lan.get(`/ho-so?${q}&trang-thai=4`)).text)).toEqual([recent.code]);
    expect(codesOf((await lan.get(`/ho-so?${q}&kenh=counter`)).text)).toEqual([old.code]);
    const ranged = await lan.get(`/ho-so?${q}&tu-ngay=2026-03-10&den-ngay=2026-03-10`);
    expect(codesOf(ranged.text)).toEqual([old.code]);
    expect(codesOf((await lan.get(`/ho-so?${q}&tu-ngay=2026-03-11&den-ngay=2026-03-31`)).text)).toEqual([]);
    expect(ranged.text).toContain('value="2026-03-10"');
    expect(ranged.text).toContain('value="loc bo loc"');
    // Filters apply to the queues too.
    expect(codesOf((await lan.get(`/cong-viec?kenh=counter`)).text)).toEqual([]);
  });

  test('keyset pages: every row once, none missing, stable under ties, in both sorts', async () => {
    const lan = await signedIn('hn.tiepnhan');
    const same = new Date('2026-06-01T02:00:00Z');
    const made: string[] = [];
    for (let i = 0; i < 60; i++) made.push((await dossier({ name: 'Phân Trang Thử', submittedAt: same, appointmentAt: i % 7 ? same : null })).code);
    const arrived: string[] = [];
    for (const sort of ['ngay-nhan', 'han']) {
      const expected = new Set([...made, ...arrived]);
      const seen: string[] = [];
      let path: string | undefined = `/ho-so?q=${encodeURIComponent('phan trang thu')}&sap-xep=${sort}`;
      let pages = 0;
      while (path) {
        const page = await lan.get(path);
        expect(page.status).toBe(200);
        seen.push(...codesOf(page.text));
        path = nextOf(page.text);
        if (pages++ === 0) {
          // A dossier arriving between pages (newest, soonest due: before the cursor in both sorts) shifts nothing.
          arrived.push((await dossier({ name: 'Phân Trang Thử Mới', submittedAt: new Date(), appointmentAt: new Date('2026-01-01T00:00:00Z') })).code);
        }
      }
      expect(pages).toBe(3);
      expect(new Set(seen).size).toBe(seen.length);
      expect(new Set(seen)).toEqual(expected);
    }
  });

  test('hostile search strings: a clear message, the filters kept, never a 500', async () => {
    const lan = await signedIn('hn.tiepnhan');
    const long = await lan.get(`/ho-so?q=${'a'.repeat(10_000)}&kenh=counter&tu-ngay=2026-03-01`);
    expect(long.status).toBe(400);
    expect(visibleText(long.text)).toContain('quá giới hạn 200 ký tự');
    expect(long.text).toMatch(/<option value="counter" selected/);
    expect(long.text).toContain('value="2026-03-01"');

    for (const q of ["'; drop table dossier; --", "' or '1'='1", 'an%', '_', 'x\\', '"><script>alert(1)</script>', 'Robert\'); DELETE FROM task;--']) {
      const page = await lan.get(`/ho-so?q=${encodeURIComponent(q)}`);
      expect(page.status).toBe(200);
      expect(page.text).not.toContain('<script>alert(1)</script>');
    }
    // LIKE's own characters are looked for as themselves.
    expect(codesOf((await lan.get(`/ho-so?q=${encodeURIComponent('100%')}`)).text)).toEqual([found.percent]);
    // "%" starts no word of any name: nothing (unescaped, it would match every name).
    expect(codesOf((await lan.get(`/ho-so?q=${encodeURIComponent('%')}`)).text)).toEqual([]);
    expect(codesOf((await lan.get(`/ho-so?q=${encodeURIComponent('100% l')}`)).text)).toEqual([found.percent]);
    expect((await sql<{ n: number }>('select count(*)::int as n from dossier'))[0].n).toBeGreaterThan(60);

    const control = await lan.get(`/ho-so?q=${encodeURIComponent('an\u0000\u0007')}&trang-thai=2`);
    expect(control.status).toBe(400);
    expect(visibleText(control.text)).toContain('ký tự điều khiển');
    expect(control.text).toMatch(/<option value="2" selected/);

    const twice = await lan.get('/ho-so?q=a&q=b');
    expect(twice.status).toBe(400);
    const badFilters = await lan.get('/ho-so?trang-thai=99&kenh=fax&tu-ngay=2026-02-30&sap-xep=x&danh-sach=zz');
    expect(badFilters.status).toBe(400);
    const text = visibleText(badFilters.text);
    for (const message of ['Trạng thái không hợp lệ', 'Kênh nộp không hợp lệ', 'Từ ngày không hợp lệ', 'Cách sắp xếp không hợp lệ']) expect(text).toContain(message);
  });

  test('a stale or foreign cursor starts again from the first page, saying so', async () => {
    const lan = await signedIn('hn.tiepnhan');
    const garbled = await lan.get('/ho-so?sau=bm90LWEtY3Vyc29y');
    expect(garbled.status).toBe(200);
    expect(visibleText(garbled.text)).toContain('hiển thị lại từ trang đầu');
    const foreign = encodeCursor({ tab: 'overdue', sort: 'due', key: new Date().toISOString(), id: 1 });
    const other = await lan.get(`/ho-so?sau=${foreign}`);
    expect(other.status).toBe(200);
    expect(visibleText(other.text)).toContain('hiển thị lại từ trang đầu');
    expect(codesOf(other.text).length).toBeGreaterThan(0);
    expect((await lan.get(`/ho-so?sau=${'%00'.repeat(300)}`)).status).toBe(200);
  });

  test('how a search string is read, and cursors round-trip', () => {
    expect(searchKind('001085004521')).toEqual({ kind: 'citizen-id', value: '001085004521' });
    expect(searchKind('000.00.01.h01-261202-0001')).toEqual({ kind: 'code', value: '000.00.01.H01-261202-0001' });
    expect(searchKind(' Nguyễn  Văn An ')).toEqual({ kind: 'name', value: 'Nguyễn Văn An' });
    expect(searchKind('   ')).toBeUndefined();
    const cursor = { tab: 'archive' as const, sort: 'received' as const, key: '2026-01-01T00:00:00.000Z', id: 7 };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor(encodeCursor({ ...cursor, match: 'contains' }))).toEqual({ ...cursor, match: 'contains' });
    expect(decodeCursor('!!')).toBeUndefined();
  });
});

describe('claim and release', () => {
  test('an official claims a task, gives it back to the group, and sees each move at once', async () => {
    const code = await submit(stack);
    const taskId = await openTask(stack, code, 'intake');
    const lan = await signedIn('hn.tiepnhan');
    const group = await lan.get('/cong-viec?danh-sach=cho-nhan');
    expect(codesOf(group.text)).toContain(code);

    const claimed = await lan.post('/cong-viec/nhan', { code, taskId });
    expect(claimed.status).toBe(303);
    // Read-your-writes: the next page already shows the claim.
    expect(codesOf((await lan.get('/cong-viec?danh-sach=cua-toi')).text)).toContain(code);
    expect(codesOf((await lan.get('/cong-viec?danh-sach=cho-nhan')).text)).not.toContain(code);

    // Someone who does not hold the task cannot give it back.
    const minh = await signedIn('hn.chuyenvien');
    await minh.get('/cong-viec');
    const refused = await minh.post('/cong-viec/tra-lai', { code, taskId });
    expect(refused.status).toBe(409);
    expect(visibleText(refused.text)).toContain('Bạn không giữ nhiệm vụ này');

    await lan.get('/cong-viec?danh-sach=cua-toi');
    const released = await lan.post('/cong-viec/tra-lai', { code, taskId });
    expect(released.status).toBe(303);
    expect(released.location).toBe('/cong-viec?danh-sach=cho-nhan');
    expect(codesOf((await lan.get('/cong-viec?danh-sach=cua-toi')).text)).not.toContain(code);
    const back = await lan.get('/cong-viec?danh-sach=cho-nhan');
    expect(codesOf(back.text)).toContain(code);
    expect(visibleText(back.text)).toContain('Nhóm: Bộ phận một cửa');
    const [row] = await sql<{ assignee_id: number | null; assigned_group: string }>(
      `select assignee_id, assigned_group from task where task_key = ? and dossier_id = (select id from dossier where code = ?)`,
      [taskId, code],
    );
    expect(row).toEqual({ assignee_id: null, assigned_group: 'Bộ phận một cửa' });

    // The workflow itself refuses a release by someone who does not hold the task.
    const outcome = await stack.services.actions.reassign(
      code,
      { taskId, to: { kind: 'group', group: 'Bộ phận một cửa', role: 'receiver', agencyCode: 'CSGT-01' }, actor: await actor(stack, 'hn.tiepnhan') },
      updateId(),
    );
    expect(outcome.kind).toBe('refused');
    // Claimed again, the task can be decided as usual.
    expectDone(await stack.services.actions.claim(code, { taskId, actor: await actor(stack, 'hn.tiepnhan') }, updateId()));
  });
});
