/**
 * A day off entered by an administrator reaches the open dossiers, against the real system
 * (PostgreSQL, the Temporal dev server, the worker, the web over HTTP): the calendar page starts
 * `calendarChangeWorkflow`, which signals every open dossier; each loads the calendar again, and
 * one whose counted days included that day gets its appointment a working day later, with the
 * administrator's reason in its timeline and a message to the applicant.
 */
import { loadWorkingCalendar } from '../../db/calendar';
import { formatVietnameseDate, localIsoDate } from '../../domain/vietnam-time';
import { isWorkingDay, nextWorkingDay } from '../../domain/working-days';
import { dossierWorkflowId } from '../../workflows/ids';
import { eventually } from '../support/eventually';
import { recordHistory } from '../support/histories';
import { decide, expectDone, submit, waitForDossier } from '../support/scenario';
import { startStack, type Stack } from '../support/stack';
import { visibleText, WebClient } from '../support/web-client';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

function sql<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
  return stack.db.orm.em.fork().getConnection().execute<T[]>(query, params);
}

/** The working day before `day` on the calendar. */
function previousWorkingDay(day: string, calendar: Parameters<typeof isWorkingDay>[1]): string {
  let d = day;
  do d = new Date(Date.parse(`${d}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  while (!isWorkingDay(d, calendar));
  return d;
}

test('a day off announced later moves the appointment of an open dossier, with the reason, and the applicant is told', async () => {
  const code = await submit(stack);
  expectDone(await decide(stack, code, 'intake', 'hn.tiepnhan', 'accept'));
  const accepted = await waitForDossier(stack, code, (d) => !!d.appointmentAt);
  const before = accepted.appointmentAt!;
  const dueDay = localIsoDate(before);

  // The last working day before the appointment: a day the dossier's count surely includes.
  const calendar = await loadWorkingCalendar(stack.db.orm.em.fork());
  const dayOff = previousWorkingDay(dueDay, calendar);
  expect(dayOff > localIsoDate(new Date())).toBe(true);
  const year = dayOff.slice(0, 4);

  const admin = new WebClient(stack.baseUrl);
  await admin.signIn('hn.quantri');
  await admin.get(`/quan-tri/lich/${year}`);
  const saved = await admin.post(`/quan-tri/lich/${year}/ngay`, { day: dayOff, kind: 'holiday', name: 'Nghỉ bù (công bố bổ sung)', note: 'Thông báo 101/TB-BNV' });
  expect(saved.status).toBe(303);
  const reason = `Ngày nghỉ ${formatVietnameseDate(dayOff)} (Nghỉ bù (công bố bổ sung)) được công bố (Thông báo 101/TB-BNV)`;

  const moved = await waitForDossier(stack, code, (d) => d.appointmentAt?.getTime() !== before.getTime());
  const expectedDay = nextWorkingDay(dueDay, await loadWorkingCalendar(stack.db.orm.em.fork()));
  expect(localIsoDate(moved.appointmentAt!)).toBe(expectedDay);
  // The same closing hour, a working day later.
  expect(moved.appointmentAt!.toISOString().slice(10)).toBe(before.toISOString().slice(10));

  const notes = await eventually(
    () => sql<{ note: string }>(`select e.note from timeline_event e join dossier d on d.id = e.dossier_id where d.code = ? and e.type = 'deadline-changed'`, [code]),
    (rows) => rows.length > 0,
    30_000,
  );
  expect(notes.map((n) => n.note)).toContain(reason);
  const told = await eventually(
    () => sql<{ body: string }>(`select body from notification where dossier_code = ? and key like '%deadline-changed'`, [code]),
    (rows) => rows.length > 0,
    30_000,
  );
  expect(told[0].body).toContain(formatVietnameseDate(expectedDay));
  expect(told[0].body).toContain(reason);

  // The official reads the new date and why on the dossier's page.
  const official = new WebClient(stack.baseUrl);
  await official.signIn('hn.tiepnhan');
  const page = visibleText((await official.get(`/ho-so/${encodeURIComponent(code)}`)).text);
  expect(page).toContain(reason);
  expect(page).toContain(formatVietnameseDate(expectedDay));

  await recordHistory(stack.temporal.workflow.getHandle(dossierWorkflowId(code, stack.taskQueue)), 'calendar-changed-by-administrator', { finished: false });
  for await (const run of stack.temporal.workflow.list({ query: `WorkflowType = 'calendarChangeWorkflow'` })) {
    await recordHistory(stack.temporal.workflow.getHandle(run.workflowId), 'calendar-change-announced');
  }
});
