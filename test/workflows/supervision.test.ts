/**
 * The supervisor's levers against the real system (PostgreSQL, the Temporal dev server, the
 * worker with its real activities, the web over HTTP): 100 tasks moved in one action with every
 * dossier workflow, the read model and the audit trail agreeing; each kind of bad batch refused
 * as a whole with nothing changed; a task that finished meanwhile refused by its own workflow;
 * tasks given to a group; an absence whose tasks go to the delegate and come back.
 */
import crypto from 'node:crypto';
import { addCalendarDays, localIsoDate } from '../../domain/vietnam-time';
import { absenceWorkflowId, dossierWorkflowId, reassignmentWorkflowId } from '../../workflows/ids';
import { dossierStateQuery, type ReassignmentInput, type TaskSnapshot } from '../../workflows/messages';
import { eventually } from '../support/eventually';
import { recordHistory } from '../support/histories';
import { actor, decide, expectDone, openTask, renewalForm, submit, updateId } from '../support/scenario';
import { startStack, type Stack } from '../support/stack';
import { visibleText } from '../support/web-client';
import { RawClient } from '../web/raw-client';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

const REASON = 'Cân đối khối lượng công việc cuối năm';

function sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
  return stack.db.orm.em.fork().getConnection().execute<T[]>(query, params);
}

/** An official of the test's own, with the demo password. */
async function addOfficial(username: string, fullName: string, role: string, agencyCode: string, department: string | null, active = true): Promise<number> {
  const [row] = await sql<{ id: number }>(
    `insert into official (username, password_hash, full_name, role, agency_id, active, department, created_at)
     select ?, o.password_hash, ?, ?, a.id, ?, ?, now() from official o, agency a where o.username = 'hn.tiepnhan' and a.code = ? returning id`,
    [username, fullName, role, active, department, agencyCode],
  );
  return row.id;
}

async function officialId(username: string): Promise<number> {
  return (await sql<{ id: number }>('select id from official where username = ?', [username]))[0].id;
}

async function signedIn(username: string): Promise<RawClient> {
  const web = new RawClient(stack.baseUrl);
  await web.signIn(username);
  return web;
}

/** Dossiers submitted to the Hà Nội traffic police, with their intake task open in the read model. */
async function intakeTasks(count: number, form = renewalForm()): Promise<{ code: string; taskKey: string; id: number }[]> {
  const codes: string[] = [];
  for (let i = 0; i < count; i += 10) {
    codes.push(...(await Promise.all(Array.from({ length: Math.min(10, count - i) }, () => submit(stack, form)))));
  }
  const rows = await eventually(
    () =>
      sql<{ code: string; task_key: string; id: number }>(
        `select d.code, t.task_key, t.id from task t join dossier d on d.id = t.dossier_id where d.code in (${codes.map(() => '?').join(', ')}) and t.status = 'open'`,
        codes,
      ),
    (found) => found.length === count,
    120_000,
  );
  return codes.map((code) => {
    const row = rows.find((r) => r.code === code)!;
    return { code, taskKey: row.task_key, id: row.id };
  });
}

/** What the dossier's workflow itself says of a task. */
async function workflowTask(code: string, taskKey: string): Promise<TaskSnapshot | undefined> {
  const state = await stack.temporal.workflow.getHandle(dossierWorkflowId(code, stack.taskQueue)).query(dossierStateQuery);
  return state.openTasks.find((t) => t.id === taskKey);
}

function reassignForm(taskIds: readonly (number | string)[], target: string, reason = REASON): { form: [string, string][] } {
  return { form: [['target', target], ['reason', reason], ...taskIds.map((id): [string, string] => ['taskIds', String(id)])] };
}

const batchIdOf = (location: string | null) => decodeURIComponent(location!.split('/').pop()!);

async function itemsOf(batchId: string) {
  return sql<{ dossier_code: string; task_key: string; direction: string; status: string; message: string | null }>(
    'select dossier_code, task_key, direction, status, message from reassignment_item where batch_id = ? order by id',
    [batchId],
  );
}

/** The batch's rows once its workflow has sent every Update and said it is done. */
async function settled(batchId: string, timeoutMs = 120_000) {
  await eventually(() => sql<{ finished_at: unknown }>('select finished_at from reassignment_batch where id = ?', [batchId]), ([b]) => !!b?.finished_at, timeoutMs);
  return itemsOf(batchId);
}

let hong: number;
beforeAll(async () => {
  hong = await addOfficial('hn.tiepnhan2', 'Bùi Thị Hồng', 'receiver', 'CSGT-01', 'Bộ phận một cửa');
});

test('moves 100 tasks in one action, and every workflow, the read model and the audit trail agree', async () => {
  const tasks = await intakeTasks(100);
  const supervisor = await signedIn('hn.giamsat');

  // "Select all on this page": the page of receivers' tasks holds all 100, ticked.
  const list = await supervisor.get('/giam-sat/nhiem-vu?vai-tro=tiep-nhan&chon=trang');
  expect(list.status).toBe(200);
  const ticked = [...list.text.matchAll(/name="taskIds" value="(\d+)" checked/g)].map((m) => Number(m[1]));
  expect(new Set(ticked)).toEqual(new Set(tasks.map((t) => t.id)));

  const started = Date.now();
  const sent = await supervisor.postBody('/giam-sat/phan-cong?vai-tro=tiep-nhan', reassignForm(ticked, `can-bo:${hong}`));
  expect(sent.status).toBe(303);
  const batchId = batchIdOf(sent.location);
  const items = await settled(batchId);
  console.log(`[supervision] 100 tasks moved in ${Date.now() - started} ms`);
  expect(items.map((i) => i.status)).toEqual(Array(100).fill('moved'));

  const page = visibleText((await supervisor.get(sent.location!)).text);
  expect(page).toContain('Đã xử lý xong mọi nhiệm vụ của đợt này.');
  expect(page).toContain('100 đã chuyển');

  // Each workflow holds the new assignee: the truth.
  for (const t of tasks) expect((await workflowTask(t.code, t.taskKey))?.assignee).toEqual({ id: String(hong), name: 'Bùi Thị Hồng' });
  // The read model agrees, once every projection has run.
  await eventually(
    () => sql<{ assignee_id: number; assignee_name: string }>(`select assignee_id, assignee_name from task where id in (${tasks.map(() => '?').join(', ')})`, tasks.map((t) => t.id)),
    (rows) => rows.length === 100 && rows.every((r) => r.assignee_id === hong && r.assignee_name === 'Bùi Thị Hồng'),
    60_000,
  );
  // Every move is in its dossier's timeline, with the reason, and in the audit trail with the batch.
  const moves = await sql<{ code: string; note: string }>(
    `select d.code, e.note from timeline_event e join dossier d on d.id = e.dossier_id where e.type = 'reassigned' and d.code in (${tasks.map(() => '?').join(', ')})`,
    tasks.map((t) => t.code),
  );
  expect(new Set(moves.map((m) => m.code)).size).toBe(100);
  expect(moves.every((m) => m.note.includes('Bùi Thị Hồng') && m.note.includes(REASON))).toBe(true);
  const audit = await sql<{ actor: string; target: string; detail: string }>(`select actor, target, detail from audit_event where action = 'task-reassigned' and detail::jsonb ->> 'batch' = ?`, [batchId]);
  expect(audit).toHaveLength(100);
  expect(new Set(audit.map((a) => a.target))).toEqual(new Set(tasks.map((t) => `${t.code} ${t.taskKey}`)));
  expect(audit.every((a) => a.actor === 'hn.giamsat')).toBe(true);
  expect(JSON.parse(audit[0].detail)).toMatchObject({ batch: batchId, to: 'Bùi Thị Hồng', officialId: String(hong), reason: REASON });

  // The same form sent again is the same batch: nothing moves twice.
  const requestId = /name="requestId" value="([^"]+)"/.exec(list.text)![1];
  const again = await supervisor.postBody('/giam-sat/phan-cong', { form: [...reassignForm(ticked.slice(0, 2), `can-bo:${hong}`).form, ['requestId', requestId]] });
  expect(again.status).toBe(303);
  const repeat = await supervisor.postBody('/giam-sat/phan-cong', { form: [...reassignForm(ticked.slice(0, 2), `can-bo:${hong}`).form, ['requestId', requestId]] });
  expect(repeat.location).toBe(again.location);
});

describe('refused as a whole, nothing changed', () => {
  let open: { code: string; taskKey: string; id: number }[];
  let done: number;
  let elsewhere: number;
  let batchesBefore: number;

  beforeAll(async () => {
    open = await intakeTasks(2);
    const [finished] = await intakeTasks(1);
    expectDone(await decide(stack, finished.code, 'intake', 'hn.tiepnhan', 'accept'));
    await eventually(() => sql<{ status: string }>('select status from task where id = ?', [finished.id]), ([t]) => t.status === 'done', 30_000);
    done = finished.id;
    [{ id: elsewhere }] = await intakeTasks(1, renewalForm('motorbikeHolderHoChiMinh', { province: '79' }));
    await addOfficial('hn.tiepnhan.nghi', 'Ngô Văn Nghỉ', 'receiver', 'CSGT-01', 'Bộ phận một cửa', false);
    const away = await addOfficial('hn.tiepnhan.vang', 'Dương Thị Vắng', 'receiver', 'CSGT-01', 'Bộ phận một cửa');
    const today = localIsoDate(new Date());
    await sql(`insert into official_absence (official_id, delegate_id, from_day, to_day, reason, created_by, created_at) values (?, ?, ?, ?, 'Nghỉ phép', 'test', now())`, [
      away,
      hong,
      today,
      addCalendarDays(today, 3),
    ]);
    batchesBefore = (await sql('select id from reassignment_batch')).length;
  });

  const cases: [string, () => Promise<{ form: [string, string][] }>, () => string[]][] = [
    ['an official of another agency', async () => reassignForm([open[0].id], `can-bo:${await officialId('hcm.tiepnhan')}`), () => ['Võ Thị Ngọc Anh thuộc cơ quan khác']],
    ['an inactive official', async () => reassignForm([open[0].id], `can-bo:${await officialId('hn.tiepnhan.nghi')}`), () => ['Ngô Văn Nghỉ đã ngừng hoạt động']],
    ['an official absent today', async () => reassignForm([open[0].id], `can-bo:${await officialId('hn.tiepnhan.vang')}`), () => ['Dương Thị Vắng đang vắng mặt đến hết ngày', 'ủy quyền cho Bùi Thị Hồng']],
    [
      'an official of another role',
      async () => reassignForm([open[0].id, open[1].id], `can-bo:${await officialId('hn.chuyenvien')}`),
      () => ['Nhiệm vụ dành cho cán bộ tiếp nhận, Trần Văn Minh là chuyên viên xử lý.', '2 nhiệm vụ không chuyển được'],
    ],
    ['a department the agency does not have', async () => reassignForm([open[0].id], 'phong:Phòng Không Có'), () => ['Cơ quan không có phòng "Phòng Không Có".']],
    ['a task that is no longer open', async () => reassignForm([open[0].id, done], `can-bo:${hong}`), () => ['Nhiệm vụ đã kết thúc (đã xử lý xong hoặc đã hủy)']],
    ['a task of another agency', async () => reassignForm([open[0].id, elsewhere], `can-bo:${hong}`), () => ['Nhiệm vụ không thuộc cơ quan của bạn.']],
    ['more than 100 tasks', async () => reassignForm([open[0].id, ...Array.from({ length: 100 }, (_, i) => 900_000 + i)], `can-bo:${hong}`), () => ['tối đa 100 nhiệm vụ; bạn đã chọn 101']],
    ['no reason', async () => reassignForm([open[0].id], `can-bo:${hong}`, '  '), () => ['Vui lòng nhập lý do phân công lại.']],
    ['no target', async () => ({ form: [['reason', REASON], ['taskIds', String(open[0].id)]] as [string, string][] }), () => ['Vui lòng chọn cán bộ hoặc phòng nhận nhiệm vụ.']],
  ];

  test.each(cases)('a batch with %s', async (_what, body, messages) => {
    const supervisor = await signedIn('hn.giamsat');
    await supervisor.get('/giam-sat/nhiem-vu');
    const page = await supervisor.postBody('/giam-sat/phan-cong', await body());
    expect(page.status).toBe(422);
    const text = visibleText(page.text);
    for (const message of messages()) expect(text).toContain(message);
  });

  test("the dossier page's own reassignment refuses an official who is away, with the same reason", async () => {
    const supervisor = await signedIn('hn.giamsat');
    const path = `/ho-so/${encodeURIComponent(open[0].code)}`;
    await supervisor.get(path);
    const page = await supervisor.postBody(`${path}/phan-cong`, { form: [['taskId', open[0].taskKey], ['officialId', String(await officialId('hn.tiepnhan.vang'))]] });
    expect(page.status).toBe(422);
    expect(visibleText(page.text)).toContain('Dương Thị Vắng đang vắng mặt đến hết ngày');
  });

  afterAll(async () => {
    // Nothing was recorded, sent or changed.
    expect(await sql('select id from reassignment_batch')).toHaveLength(batchesBefore);
    for (const t of open) {
      expect((await workflowTask(t.code, t.taskKey))?.assignee).toBeUndefined();
      const events = await sql(`select e.id from timeline_event e join dossier d on d.id = e.dossier_id where d.code = ? and e.type = 'reassigned'`, [t.code]);
      expect(events).toHaveLength(0);
    }
  });
});

test('a task that finished after it was chosen is refused by its dossier workflow, and the batch says why', async () => {
  const [finished, other] = await intakeTasks(2);
  expectDone(await decide(stack, finished.code, 'intake', 'hn.tiepnhan', 'accept'));
  // As if the supervisor had chosen both a moment before the receiver accepted the first.
  const supervisor = await actor(stack, 'hn.giamsat');
  const batchId = crypto.randomUUID();
  const tasks = [finished, other].map((t) => ({ dossierCode: t.code, taskKey: t.taskKey, name: 'Tiếp nhận hồ sơ', role: 'receiver' as const, updateId: `${batchId}/${t.code}/${t.taskKey}` }));
  await sql(
    `insert into reassignment_batch (id, agency_id, kind, actor_id, actor_name, target, target_label, reason, task_count, created_at)
     select ?, agency_id, 'bulk', id, full_name, '{}', 'Bùi Thị Hồng', ?, 2, now() from official where username = 'hn.giamsat'`,
    [batchId, REASON],
  );
  const input: ReassignmentInput = {
    batchId,
    tasks,
    to: { kind: 'official', id: String(hong), name: 'Bùi Thị Hồng', role: 'receiver', agencyCode: 'CSGT-01' },
    reason: REASON,
    actor: supervisor,
  };
  const workflowId = reassignmentWorkflowId(batchId, stack.taskQueue);
  await stack.temporal.workflow.execute('reassignmentWorkflow', { taskQueue: stack.taskQueue, workflowId, args: [input] });
  await recordHistory(stack.temporal.workflow.getHandle(workflowId), 'reassignment-one-refused');

  const items = await itemsOf(batchId);
  expect(items.find((i) => i.dossier_code === finished.code)).toMatchObject({ status: 'refused', message: 'Nhiệm vụ này không còn chờ xử lý.' });
  expect(items.find((i) => i.dossier_code === other.code)).toMatchObject({ status: 'moved' });
  const page = visibleText((await (await signedIn('hn.giamsat')).get(`/giam-sat/phan-cong/${batchId}`)).text);
  expect(page).toContain('Không chuyển được');
  expect(page).toContain('Nhiệm vụ này không còn chờ xử lý.');
  expect(await sql(`select id from audit_event where action = 'task-reassigned' and detail::jsonb ->> 'batch' = ?`, [batchId])).toHaveLength(1);
});

test("gives tasks to a group: the department's officials see them in their queue, others of the role do not", async () => {
  const tasks = await intakeTasks(2);
  await addOfficial('hn.tiepnhan.luudong', 'Lý Văn Động', 'receiver', 'CSGT-01', 'Tổ tiếp nhận lưu động');
  const supervisor = await signedIn('hn.giamsat');
  await supervisor.get('/giam-sat/nhiem-vu');
  const sent = await supervisor.postBody('/giam-sat/phan-cong', reassignForm(tasks.map((t) => t.id), 'phong:Bộ phận một cửa', 'Giao cho bộ phận một cửa'));
  expect(sent.status).toBe(303);
  expect((await settled(batchIdOf(sent.location))).map((i) => i.status)).toEqual(['moved', 'moved']);

  for (const t of tasks) {
    const task = await workflowTask(t.code, t.taskKey);
    expect(task?.assignee).toBeUndefined();
    expect(task?.assignedGroup).toBe('Bộ phận một cửa');
  }
  await eventually(
    () => sql<{ assigned_group: string | null }>(`select assigned_group from task where id in (?, ?)`, tasks.map((t) => t.id)),
    (rows) => rows.every((r) => r.assigned_group === 'Bộ phận một cửa'),
    30_000,
  );
  const member = visibleText((await (await signedIn('hn.tiepnhan')).get('/cong-viec')).text);
  const outsider = visibleText((await (await signedIn('hn.tiepnhan.luudong')).get('/cong-viec')).text);
  for (const t of tasks) {
    expect(member).toContain(t.code);
    expect(outsider).not.toContain(t.code);
  }
  await recordHistory(stack.temporal.workflow.getHandle(dossierWorkflowId(tasks[0].code, stack.taskQueue)), 'given-to-group', { finished: false });
});

describe('delegation while absent', () => {
  const today = localIsoDate(new Date());

  test("the official's tasks go to the delegate when the absence is recorded, and come back when it is cancelled", async () => {
    const [task] = await intakeTasks(1);
    const lan = await actor(stack, 'hn.tiepnhan');
    expectDone(await stack.services.actions.claim(task.code, { taskId: task.taskKey, actor: lan }, updateId()));

    const supervisor = await signedIn('hn.giamsat');
    await supervisor.get('/giam-sat/vang-mat');
    const recorded = await supervisor.postBody('/giam-sat/vang-mat', {
      form: [
        ['officialId', lan.id],
        ['delegateId', String(hong)],
        ['fromDay', today],
        ['toDay', addCalendarDays(today, 2)],
        ['reason', 'Đi học bồi dưỡng nghiệp vụ'],
      ],
    });
    expect(recorded.status).toBe(303);
    const [{ id }] = await sql<{ id: number }>('select id from official_absence where official_id = ? and cancelled_at is null', [Number(lan.id)]);

    await eventually(() => workflowTask(task.code, task.taskKey), (t) => t?.assignee?.id === String(hong), 30_000);
    const page = visibleText((await supervisor.get('/giam-sat/vang-mat')).text);
    expect(page).toContain('Đang vắng mặt');
    await eventually(async () => visibleText((await supervisor.get('/giam-sat/vang-mat')).text), (text) => text.includes('1 nhiệm vụ đã chuyển'), 30_000);

    const cancelled = await supervisor.postBody(`/giam-sat/vang-mat/${id}/huy`, { form: [] });
    expect(cancelled.status).toBe(303);
    await eventually(() => workflowTask(task.code, task.taskKey), (t) => t?.assignee?.id === lan.id, 30_000);

    // Both moves are in the dossier's timeline, each with its reason.
    const notes = await eventually(
      () => sql<{ note: string }>(`select e.note from timeline_event e join dossier d on d.id = e.dossier_id where d.code = ? and e.type = 'reassigned' order by e.seq`, [task.code]),
      (rows) => rows.length === 2,
      30_000,
    );
    expect(notes[0].note).toContain('Ủy quyền cho Bùi Thị Hồng trong thời gian Nguyễn Thị Lan vắng mặt');
    expect(notes[1].note).toContain('Kết thúc ủy quyền do Nguyễn Thị Lan vắng mặt');
    const audit = await sql<{ detail: string }>(`select detail from audit_event where action = 'task-reassigned' and detail::jsonb ->> 'batch' = ?`, [`absence-${id}`]);
    expect(audit.map((a) => JSON.parse(a.detail).direction).sort()).toEqual(['back', 'out']);
    const moves = visibleText((await supervisor.get(`/giam-sat/phan-cong/absence-${id}`)).text);
    expect(moves).toContain('Chuyển đi');
    expect(moves).toContain('Trả lại');
    await recordHistory(stack.temporal.workflow.getHandle(absenceWorkflowId(id, stack.taskQueue)), 'absence-cancelled');
  });

  test('an official deactivated during the absence does not get the tasks back: they stay with the delegate, and the batch says why', async () => {
    const leaving = await addOfficial('hn.tiepnhan.chuyencongtac', 'Đặng Văn Chuyển', 'receiver', 'CSGT-01', 'Bộ phận một cửa');
    const [task] = await intakeTasks(1);
    expectDone(await stack.services.actions.claim(task.code, { taskId: task.taskKey, actor: await actor(stack, 'hn.tiepnhan.chuyencongtac') }, updateId()));
    const supervisor = await signedIn('hn.giamsat');
    await supervisor.get('/giam-sat/vang-mat');
    const recorded = await supervisor.postBody('/giam-sat/vang-mat', {
      form: [
        ['officialId', String(leaving)],
        ['delegateId', String(hong)],
        ['fromDay', today],
        ['toDay', addCalendarDays(today, 2)],
        ['reason', 'Chờ quyết định điều chuyển công tác'],
      ],
    });
    expect(recorded.status).toBe(303);
    const [{ id }] = await sql<{ id: number }>('select id from official_absence where official_id = ?', [leaving]);
    await eventually(() => workflowTask(task.code, task.taskKey), (t) => t?.assignee?.id === String(hong), 30_000);

    await sql('update official set active = false where id = ?', [leaving]);
    expect((await supervisor.postBody(`/giam-sat/vang-mat/${id}/huy`, { form: [] })).status).toBe(303);
    const [back] = await eventually(
      () => sql<{ status: string; message: string }>(`select status, message from reassignment_item where batch_id = ? and direction = 'back'`, [`absence-${id}`]),
      (rows) => rows.length === 1,
      30_000,
    );
    expect(back).toEqual({ status: 'skipped', message: expect.stringContaining('đã ngừng hoạt động; nhiệm vụ ở lại với người được ủy quyền') });
    expect((await workflowTask(task.code, task.taskKey))?.assignee?.id).toBe(String(hong));
    await recordHistory(stack.temporal.workflow.getHandle(absenceWorkflowId(id, stack.taskQueue)), 'absence-official-deactivated');
  });

  test('refuses a bad absence with the reason, and records nothing', async () => {
    const lan = String(await officialId('hn.tiepnhan'));
    const supervisor = await signedIn('hn.giamsat');
    await supervisor.get('/giam-sat/vang-mat');
    const before = (await sql('select id from official_absence')).length;
    const absence = (delegate: string, fromDay = today, toDay = addCalendarDays(today, 1), official = lan) =>
      supervisor.postBody('/giam-sat/vang-mat', {
        form: [
          ['officialId', official],
          ['delegateId', delegate],
          ['fromDay', fromDay],
          ['toDay', toDay],
          ['reason', 'Nghỉ phép'],
        ],
      });
    const refusals: [Promise<{ status: number; text: string }>, string][] = [
      [absence(String(await officialId('hcm.tiepnhan'))), 'Võ Thị Ngọc Anh thuộc cơ quan khác; chỉ ủy quyền cho cán bộ cùng cơ quan.'],
      [absence(String(await officialId('hn.chuyenvien'))), 'Trần Văn Minh là chuyên viên xử lý; người được ủy quyền phải là cán bộ tiếp nhận như Nguyễn Thị Lan.'],
      [absence(String(await officialId('hn.tiepnhan.nghi'))), 'Ngô Văn Nghỉ đã ngừng hoạt động'],
      [absence(String(await officialId('hn.tiepnhan.vang'))), 'Dương Thị Vắng cũng vắng mặt trong thời gian này'],
      [absence(String(hong), addCalendarDays(today, 2), today), 'Ngày kết thúc phải từ ngày bắt đầu trở đi.'],
      [absence(String(hong), '2026-02-30', today), 'Ngày bắt đầu không có trên lịch.'],
      [absence(lan), 'Người được ủy quyền phải là cán bộ khác.'],
    ];
    for (const [sent, message] of refusals) {
      const page = await sent;
      expect(page.status).toBe(422);
      expect(visibleText(page.text)).toContain(message);
    }
    // Overlapping the official's own absence.
    expect((await absence(String(hong), today, addCalendarDays(today, 3), String(await officialId('hn.tiepnhan.vang')))).status).toBe(422);
    const overlap = visibleText((await absence(String(hong), today, addCalendarDays(today, 3), String(await officialId('hn.tiepnhan.vang')))).text);
    expect(overlap).toContain('Dương Thị Vắng đã có lịch vắng mặt trùng thời gian này');
    expect(await sql('select id from official_absence')).toHaveLength(before);
  });
});
