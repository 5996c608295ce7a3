/**
 * The supervision pages and the officials' inbox over HTTP: dossiers and tasks by how their
 * deadline stands (the legal clock's `deadlineState`), filters that answer nonsense with 400,
 * each official's workload, leaders who may look but not act, and messages to an official, to
 * their role or to their department, read by each of them separately.
 */
import { localIsoDate } from '../../domain/vietnam-time';
import { workingDaysBetween } from '../../domain/working-days';
import { eventually } from '../support/eventually';
import { actor, expectDone, openTask, submit, updateId } from '../support/scenario';
import { startStack, type Stack } from '../support/stack';
import { visibleText, WebClient } from '../support/web-client';
import { RawClient } from './raw-client';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

function sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
  return stack.db.orm.em.fork().getConnection().execute<T[]>(query, params);
}

async function signedIn(username: string): Promise<RawClient> {
  const web = new RawClient(stack.baseUrl);
  await web.signIn(username);
  return web;
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Due {
  dossier?: Date | null;
  task?: Date | null;
  paused?: boolean;
  flagged?: boolean;
  openedDaysAgo?: number;
  /** Claimed by this official first. */
  holder?: string;
}

/** Waits until the dossier's workflow has nothing more to project for now (a reminder fires as its task opens). */
async function quiet(code: string): Promise<void> {
  const version = async () => (await sql<{ version: number }>('select version from dossier where code = ?', [code]))[0].version;
  let last = -1;
  await eventually(
    async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      const now = await version();
      const same = now === last;
      last = now;
      return same;
    },
    (same) => same,
    30_000,
  );
}

/** A dossier with its intake task open (claimed when asked), its due dates then set as the test needs them. */
async function dossierDue(due: Due) {
  const code = await submit(stack);
  const taskKey = await openTask(stack, code, 'intake');
  if (due.holder) {
    const official = await actor(stack, due.holder);
    expectDone(await stack.services.actions.claim(code, { taskId: taskKey, actor: official }, updateId()));
    await eventually(() => sql<{ assignee_id: number }>(`select assignee_id from task where task_key = ? and dossier_id = (select id from dossier where code = ?)`, [taskKey, code]), ([t]) => t?.assignee_id === Number(official.id), 30_000);
  }
  await quiet(code);
  // Written as the projection would write them: the pages read nothing else.
  await sql(`update dossier set appointment_at = ?, paused_since = ? where code = ?`, [due.dossier ?? null, due.paused ? new Date() : null, code]);
  await sql(
    `update task set due_at = ?, escalated_at = ?, created_at = now() - make_interval(days => ?) where task_key = ? and dossier_id = (select id from dossier where code = ?)`,
    [due.task ?? null, due.flagged ? new Date() : null, due.openedDaysAgo ?? 0, taskKey, code],
  );
  return { code, taskKey };
}

describe('where things stand', () => {
  let overdue: { code: string; taskKey: string };
  let soon: { code: string; taskKey: string };
  let paused: { code: string; taskKey: string };
  let later: { code: string; taskKey: string };

  beforeAll(async () => {
    const now = Date.now();
    // Nguyễn Thị Lan holds two of them: one overdue, opened 10 days ago, and one due in a month.
    overdue = await dossierDue({ dossier: new Date(now - HOUR), task: new Date(now - HOUR), flagged: true, openedDaysAgo: 10, holder: 'hn.tiepnhan' });
    soon = await dossierDue({ dossier: new Date(now + HOUR), task: new Date(now + HOUR) });
    paused = await dossierDue({ dossier: new Date(now - DAY), task: new Date(now + 30 * DAY), paused: true });
    later = await dossierDue({ dossier: new Date(now + 30 * DAY), task: new Date(now + 30 * DAY), holder: 'hn.tiepnhan' });
  });

  test('counts and lists dossiers by how their deadline stands', async () => {
    const web = await signedIn('hn.giamsat');
    const page = visibleText((await web.get('/giam-sat')).text);
    expect(page).toContain('4 hồ sơ đang mở');
    expect(page).toContain('1 hồ sơ quá hạn');
    expect(page).toContain('1 hồ sơ sắp đến hạn');
    expect(page).toContain('1 hồ sơ tạm dừng');
    expect(page).toContain('1 nhiệm vụ đã báo quá hạn');

    const only = async (query: string) => visibleText((await web.get(`/giam-sat?${query}`)).text);
    const overdueList = await only('loc=qua-han');
    expect(overdueList).toContain(overdue.code);
    expect(overdueList).toMatch(/Quá hạn \d+ ngày làm việc/);
    for (const other of [soon, paused, later]) expect(overdueList).not.toContain(other.code);
    const soonList = await only('loc=sap-den-han');
    expect(soonList).toContain(soon.code);
    expect(soonList).toMatch(/Đến hạn hôm nay|Còn 1 ngày làm việc/);
    for (const other of [overdue, paused, later]) expect(soonList).not.toContain(other.code);
    const pausedList = await only('loc=tam-dung');
    expect(pausedList).toContain(paused.code);
    expect(pausedList).toContain('Tạm dừng (chờ công dân bổ sung)');
    for (const other of [overdue, soon, later]) expect(pausedList).not.toContain(other.code);
  });

  test('lists tasks by official, department and state, flagged ones included', async () => {
    const web = await signedIn('hn.giamsat');
    const lan = (await actor(stack, 'hn.tiepnhan')).id;
    const mine = visibleText((await web.get(`/giam-sat/nhiem-vu?can-bo=${lan}`)).text);
    expect(mine).toContain(overdue.code);
    expect(mine).toContain(later.code);
    expect(mine).not.toContain(soon.code);
    const flagged = visibleText((await web.get('/giam-sat/nhiem-vu?loc=gan-co')).text);
    expect(flagged).toContain(overdue.code);
    expect(flagged).toContain('Đã báo giám sát lúc');
    expect(flagged).not.toContain(later.code);
    const department = visibleText((await web.get(`/giam-sat/nhiem-vu?phong=${encodeURIComponent('Bộ phận một cửa')}`)).text);
    expect(department).toContain(overdue.code);
    const other = visibleText((await web.get(`/giam-sat/nhiem-vu?phong=${encodeURIComponent('Văn phòng')}`)).text);
    expect(other).toContain('Không có nhiệm vụ.');
  });

  test("shows each official's open tasks, overdue ones and their average age in working days", async () => {
    const web = await signedIn('hn.giamsat');
    const html = (await web.get('/giam-sat/can-bo')).text;
    const row = visibleText(/<tr[^>]*>\s*<td>Nguyễn Thị Lan<\/td>[\s\S]*?<\/tr>/.exec(html)![0]);
    const calendar = await stack.services.readModel.calendar();
    const today = localIsoDate(new Date());
    const age = workingDaysBetween(localIsoDate(new Date(Date.now() - 10 * DAY)), today, calendar) / 2;
    expect(row).toContain('Bộ phận một cửa');
    expect(row).toMatch(new RegExp(`Đang làm việc 2 1 1 ${age.toFixed(1).replace('.', ',')} ngày làm việc`));
    expect(visibleText(html)).toContain('Chờ cán bộ tiếp nhận nhận: 2');
  });

  test('answers a filter the pages do not offer with 400', async () => {
    const web = await signedIn('hn.giamsat');
    for (const path of [
      '/giam-sat?loc=gan-co',
      '/giam-sat?loc=qua-han&loc=tam-dung',
      '/giam-sat/nhiem-vu?trang=0',
      '/giam-sat/nhiem-vu?can-bo=abc',
      '/giam-sat/nhiem-vu?vai-tro=giam-sat',
      '/giam-sat/nhiem-vu?chon=tat-ca',
      `/giam-sat/can-bo?phong=${'x'.repeat(200)}`,
      '/thong-bao?trang=-1',
    ]) {
      const page = await web.get(path);
      expect([path, page.status]).toEqual([path, 400]);
    }
    expect(visibleText((await web.get('/giam-sat?vai-tro=giam-sat')).text)).toContain('"vai-tro" chỉ nhận: "tiep-nhan", "chuyen-vien", "lanh-dao"');
  });

  test('leaders see the pages without the means to act; officials who work tasks do not see them', async () => {
    const leader = await signedIn('hn.lanhdao');
    const tasks = await leader.get('/giam-sat/nhiem-vu');
    expect(tasks.status).toBe(200);
    expect(tasks.text).not.toContain('name="taskIds"');
    expect(visibleText(tasks.text)).toContain('chỉ xem');
    expect((await leader.postBody('/giam-sat/phan-cong', { form: [['target', 'phong:Văn phòng'], ['reason', 'thử']] })).status).toBe(403);
    const absences = await leader.get('/giam-sat/vang-mat');
    expect(absences.status).toBe(200);
    expect(absences.text).not.toContain('data-testid="absence-form"');
    expect((await leader.postBody('/giam-sat/vang-mat', { form: [['reason', 'thử']] })).status).toBe(403);
    expect((await (await signedIn('hn.tiepnhan')).get('/giam-sat')).status).toBe(403);
  });
});

describe("the officials' inbox", () => {
  async function message(key: string, to: { agency?: string; official?: string; role?: string; department?: string }, minutesAgo: number) {
    await sql(
      `insert into official_notification (key, agency_id, official_id, role, department, dossier_code, task_key, kind, text, created_at)
       values (?, (select id from agency where code = ?), (select id from official where username = ?), ?, ?, 'HS-TEST-1', 'intake-1', 'reminder', ?, now() - make_interval(mins => ?))`,
      [key, to.agency ?? 'CSGT-01', to.official ?? null, to.role ?? null, to.department ?? null, `Tin ${key}`, minutesAgo],
    );
  }

  beforeAll(async () => {
    await sql(
      `insert into official (username, password_hash, full_name, role, agency_id, active, department, created_at)
       select 'hn.tiepnhan.khac', o.password_hash, 'Đặng Thị Khác', 'receiver', o.agency_id, true, 'Tổ lưu động', now() from official o where o.username = 'hn.tiepnhan'`,
    );
    await message('rieng', { official: 'hn.tiepnhan' }, 1);
    await message('vai-tro', { role: 'receiver' }, 2);
    await message('phong', { role: 'receiver', department: 'Bộ phận một cửa' }, 3);
    await message('phong-khac', { role: 'receiver', department: 'Tổ lưu động' }, 4);
    await message('chuyen-vien', { role: 'specialist' }, 5);
    await message('co-quan-khac', { agency: 'CSGT-79', role: 'receiver' }, 6);
  });

  const shown = (html: string) => [...html.matchAll(/<p>Tin ([a-z-]+)<\/p>/g)].map((m) => m[1]);

  test("lists an official's messages, newest first, with the unread count in the header", async () => {
    const lan = await signedIn('hn.tiepnhan');
    const page = await lan.get('/thong-bao');
    expect(page.status).toBe(200);
    expect(shown(page.text)).toEqual(['rieng', 'vai-tro', 'phong']);
    expect(visibleText(page.text)).toContain('Thông báo (3 chưa đọc)');
    expect(shown((await (await signedIn('hn.tiepnhan.khac')).get('/thong-bao')).text)).toEqual(['vai-tro', 'phong-khac']);
    expect(shown((await (await signedIn('hcm.tiepnhan')).get('/thong-bao')).text)).toEqual(['co-quan-khac']);
    expect(shown((await (await signedIn('hn.chuyenvien')).get('/thong-bao')).text)).toEqual(['chuyen-vien']);
  });

  test('a message to a role is read by each official separately', async () => {
    const lan = await signedIn('hn.tiepnhan');
    const page = await lan.get('/thong-bao');
    const id = /<input type="hidden" name="id" value="(\d+)">[\s\S]*?$/.exec(page.text.split('Tin vai-tro')[1])![1];
    expect((await lan.post('/thong-bao/da-doc', { id })).status).toBe(303);
    const after = await lan.get('/thong-bao?loc=chua-doc');
    expect(shown(after.text)).toEqual(['rieng', 'phong']);
    expect(visibleText(after.text)).toContain('Thông báo (2 chưa đọc)');
    // Her colleague has not read it.
    expect(visibleText((await (await signedIn('hn.tiepnhan.khac')).get('/thong-bao')).text)).toContain('Thông báo (2 chưa đọc)');

    expect((await lan.post('/thong-bao/da-doc', {})).status).toBe(303);
    const none = await lan.get('/thong-bao');
    expect(visibleText(none.text)).toContain('0 tin chưa đọc');
    expect(none.text).not.toContain('chưa đọc)');
    const [personal] = await sql<{ read_at: unknown }>(`select read_at from official_notification where key = 'rieng'`);
    expect(personal.read_at).not.toBeNull();
    expect((await lan.post('/thong-bao/da-doc', { id: 'abc' })).status).toBe(422);
  });

  test('visitors who are not signed in are sent to the sign-in page', async () => {
    const page = await new WebClient(stack.baseUrl).get('/thong-bao');
    expect(page.status).toBe(303);
  });
});
