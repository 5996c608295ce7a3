/**
 * The legal clock on the time-skipping server: a 15-working-day procedure across Tết, a
 * supplement that stops the clock, reminders and escalation, the apology and its limits, a
 * calendar change. Expected dates are counted by hand here (a plain loop over the calendar's
 * days), not with the clock's own function. Workflow time only moves forward, so the tests go
 * forward through 2027, each from a date of its own.
 */
import { statutoryHolidays } from '../../domain/holidays';
import { STATUS } from '../../domain/portal-status';
import type { ProcedureInput } from '../../engine/definition';
import { apologiseUpdate, calendarChangedSignal, type TimelineEvent } from '../../workflows/messages';
import { eventually } from '../support/eventually';
import { recordHistory } from '../support/histories';
import { sampleForm } from './definitions';
import { definitionOf, type Dossier, type Interpreter, official, refusal, startInterpreter } from './harness';
import { engineSample } from '../fixtures/engine-sample';

let interpreter: Interpreter;
const HOLIDAYS_2027 = statutoryHolidays(2027);

beforeAll(async () => {
  interpreter = await startInterpreter();
  interpreter.stubs.calendar = [...HOLIDAYS_2027];
});
afterAll(() => interpreter?.stop());

/** Intake, 10 working days of review (which may ask for a supplement), approval: 15 working days in all. */
const fifteenDays = definitionOf({
  ...engineSample,
  code: 'TEST-FIFTEEN-DAYS',
  processingDays: 15,
  processingRules: [],
  fees: [],
  numberingSchemes: {},
  start: 'intake',
  steps: [
    {
      id: 'intake',
      kind: 'task',
      name: 'Tiếp nhận',
      role: 'receiver',
      status: STATUS.REGISTERED,
      actions: [{ id: 'accept', label: 'Tiếp nhận', next: 'review', emitsStatus: STATUS.ACCEPTED, setsAppointment: true }],
    },
    {
      id: 'review',
      kind: 'task',
      name: 'Thẩm định',
      role: 'specialist',
      status: STATUS.IN_PROGRESS,
      workingDays: 10,
      actions: [
        { id: 'propose', label: 'Trình ký', next: 'approval' },
        { id: 'request-supplement', label: 'Yêu cầu bổ sung', next: 'supplement', requires: ['reason'] },
      ],
    },
    { id: 'supplement', kind: 'supplement', name: 'Chờ bổ sung', status: STATUS.SUPPLEMENT_REQUESTED, next: 'review' },
    {
      id: 'approval',
      kind: 'task',
      name: 'Phê duyệt',
      role: 'leader',
      status: STATUS.IN_PROGRESS,
      workingDays: 4,
      actions: [{ id: 'approve', label: 'Ký', next: 'done', emitsStatus: STATUS.PROCESSED }],
    },
    { id: 'done', kind: 'end', name: 'Trả kết quả', outcome: 'completed', status: STATUS.RESULT_RETURNED },
  ],
  notifications: {},
} satisfies ProcedureInput);

// ——— Counting by hand ———

const weekday = (day: string) => new Date(`${day}T00:00:00Z`).getUTCDay();
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

function isWorkingDay(day: string, holidays: readonly { day: string; kind: string }[]): boolean {
  const entry = holidays.find((h) => h.day === day);
  if (entry) return entry.kind === 'working-weekend';
  return weekday(day) !== 0 && weekday(day) !== 6;
}

/** The Nth working day after `day`, by walking the days one by one. */
function workingDaysAfter(day: string, n: number, holidays = interpreter.stubs.calendar): string {
  let d = day;
  for (let counted = 0; counted < n; ) {
    d = nextDay(d);
    if (isWorkingDay(d, holidays)) counted++;
  }
  return d;
}

/** 17:00 in Vietnam on a day: the office closes, a deadline of that day falls due. */
const closingOf = (day: string) => `${day}T10:00:00.000Z`;

/** Lets workflow time pass until an instant (UTC ISO). */
async function moveTo(instant: string): Promise<void> {
  const now = await interpreter.now();
  const ms = Date.parse(instant) - now.getTime();
  if (ms < 0) throw new Error(`the clock is already past ${instant} (${now.toISOString()}): order the tests by date`);
  await interpreter.passTime(ms);
}

/** The dossier's timeline as projected, once it holds an event of `type`. */
function timelineWith(dossier: Dossier, type: TimelineEvent['type']): Promise<TimelineEvent[]> {
  return eventually(() => interpreter.stubs.readModel.timeline(dossier.code), (events) => events.some((e) => e.type === type), 10_000);
}

const events = (dossier: Dossier, type: TimelineEvent['type']) => interpreter.stubs.readModel.timeline(dossier.code).filter((e) => e.type === type);

async function accepted(): Promise<Dossier> {
  const dossier = await interpreter.start(fifteenDays, sampleForm());
  await dossier.complete('intake', 'accept', official('receiver'));
  return dossier;
}

test('a 15-working-day dossier accepted before Tết falls overdue exactly when the calendar says', async () => {
  // Monday 25 January 2027, 09:00 in Hà Nội; Tết Đinh Mùi is Saturday 6 February.
  await moveTo('2027-01-25T02:00:00.000Z');
  const dossier = await accepted();
  const due = closingOf(workingDaysAfter('2027-01-25', 15));
  // The days off around Tết really are in the count: 15 working days reach into late February.
  expect(due > '2027-02-15').toBe(true);
  expect((await dossier.state()).appointmentAt).toBe(due);

  await moveTo(new Date(Date.parse(due) - 60_000).toISOString());
  await dossier.state();
  expect(events(dossier, 'overdue')).toEqual([]);

  await interpreter.passTime(2 * 60_000);
  const timeline = await timelineWith(dossier, 'overdue');
  expect(timeline.find((e) => e.type === 'overdue')?.data?.appointmentAt).toBe(due);
  const told = interpreter.stubs.readModel.batches(dossier.code).flatMap((b) => b.officialMessages ?? []);
  expect(told.some((m) => m.role === 'supervisor' && m.kind === 'escalation' && !m.taskKey)).toBe(true);
  await recordHistory(dossier.handle, 'overdue-across-tet', { finished: false });
});

test('reminds the specialist on the morning the review is due, and escalates to the supervisor when it passes', async () => {
  // Monday 1 March 2027, 09:00.
  await moveTo('2027-03-01T02:00:00.000Z');
  const dossier = await accepted();
  const specialist = official('specialist');
  await dossier.claim('review', specialist);
  const reviewDue = closingOf(workingDaysAfter('2027-03-01', 10));
  expect((await dossier.task('review')).dueAt).toBe(reviewDue);
  // One working day (8 working hours) before 17:00 is 07:30 the same day.
  const reminderAt = `${reviewDue.slice(0, 10)}T00:30:00.000Z`;

  await moveTo(new Date(Date.parse(reminderAt) - 60_000).toISOString());
  expect((await dossier.task('review')).remindedAt).toBeUndefined();
  await interpreter.passTime(2 * 60_000);
  const reminded = await dossier.reaches((s) => !!s.openTasks.find((t) => t.stepId === 'review')?.remindedAt, 'the reminder');
  expect(Date.parse(reminded.openTasks[0].remindedAt!)).toBeGreaterThanOrEqual(Date.parse(reminderAt));
  await timelineWith(dossier, 'reminder');
  const messages = () => interpreter.stubs.readModel.batches(dossier.code).flatMap((b) => b.officialMessages ?? []);
  expect(messages().filter((m) => m.kind === 'reminder')).toEqual([expect.objectContaining({ officialId: specialist.id, taskKey: 'review-1' })]);

  await moveTo(new Date(Date.parse(reviewDue) - 60_000).toISOString());
  expect((await dossier.task('review')).escalatedAt).toBeUndefined();
  await interpreter.passTime(2 * 60_000);
  await dossier.reaches((s) => !!s.openTasks.find((t) => t.stepId === 'review')?.escalatedAt, 'the escalation');
  await timelineWith(dossier, 'escalated');
  expect(messages().filter((m) => m.kind === 'escalation' && m.taskKey === 'review-1')).toEqual([expect.objectContaining({ role: 'supervisor' })]);
  await recordHistory(dossier.handle, 'reminder-escalation', { finished: false });
});

test('a supplement that lasted 3 working days moves the appointment by 3 working days, and the applicant is told', async () => {
  // Monday 5 April 2027, 09:00.
  await moveTo('2027-04-05T02:00:00.000Z');
  const dossier = await accepted();
  const before = (await dossier.state()).appointmentAt!;
  expect(before).toBe(closingOf(workingDaysAfter('2027-04-05', 15)));

  // Wednesday 7 April, 10:00: the specialist asks for a supplement; Monday 12 April, 10:00: it comes.
  await moveTo('2027-04-07T03:00:00.000Z');
  await dossier.complete('review', 'request-supplement', official('specialist'), { reason: 'Thiếu bản sao giấy tờ' });
  const paused = await dossier.reaches((s) => !!s.clock?.pausedSince, 'a paused clock');
  // (The time-skipping server lets a few milliseconds of real time pass with each call.)
  expect(Date.parse(paused.clock!.pausedSince!) - Date.parse('2027-04-07T03:00:00.000Z')).toBeLessThan(5_000);
  await moveTo('2027-04-12T03:00:00.000Z');
  await dossier.supplement(sampleForm({ copies: '2' }));

  const resumed = await dossier.reaches((s) => !s.clock?.pausedSince && s.clock?.pauses.length === 1, 'the clock running again');
  // Thursday 8, Friday 9 and Monday 12 April: 3 working days.
  expect(resumed.appointmentAt).toBe(closingOf(workingDaysAfter(before.slice(0, 10), 3)));
  const timeline = await timelineWith(dossier, 'deadline-changed');
  expect(timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['clock-paused', 'clock-resumed', 'deadline-changed']));
  await eventually(() => interpreter.stubs.messagesTo(dossier.code), (m) => m.some((x) => x.key.endsWith(':appointment-moved')), 10_000);
  const told = interpreter.stubs.messagesTo(dossier.code).find((m) => m.key.endsWith(':appointment-moved'))!;
  const [y, m, d] = resumed.appointmentAt!.slice(0, 10).split('-');
  expect(told.values.appointment).toBe(`${d}/${m}/${y}`);
  await recordHistory(dossier.handle, 'supplement-pause', { finished: false });
});

test('an apology gives one new appointment, no later than a working day before the deadline; a second is refused', async () => {
  // Monday 3 May 2027, 09:00.
  await moveTo('2027-05-03T02:00:00.000Z');
  const dossier = await accepted();
  const due = (await dossier.state()).appointmentAt!;
  const leader = official('leader');
  const later = closingOf(workingDaysAfter(due.slice(0, 10), 5));

  await dossier.update(apologiseUpdate, { reason: 'Chờ ý kiến của cơ quan phối hợp', newAppointmentAt: later, actor: leader });
  const apologised = await dossier.state();
  expect(apologised.appointmentAt).toBe(later);
  expect(apologised.clock?.apology).toMatchObject({ previousAppointmentAt: due, newAppointmentAt: later, reason: 'Chờ ý kiến của cơ quan phối hợp' });
  await eventually(() => interpreter.stubs.messagesTo(dossier.code), (m) => m.some((x) => x.key.endsWith(':apology')), 10_000);

  expect(
    await refusal(dossier.update(apologiseUpdate, { reason: 'Lần nữa', newAppointmentAt: closingOf(workingDaysAfter(later.slice(0, 10), 2)), actor: leader })),
  ).toMatch(/chỉ được hẹn lại một lần/);

  // Another dossier, whose deadline is less than a working day away: too late to apologise.
  const other = await accepted();
  const otherDue = (await other.state()).appointmentAt!;
  await moveTo(`${otherDue.slice(0, 10)}T03:00:00.000Z`);
  expect(
    await refusal(other.update(apologiseUpdate, { reason: 'Chậm', newAppointmentAt: closingOf(workingDaysAfter(otherDue.slice(0, 10), 3)), actor: leader })),
  ).toMatch(/chậm nhất 01 ngày làm việc trước ngày hẹn/);
  // A specialist may not give a new appointment at all.
  expect(await refusal(other.update(apologiseUpdate, { reason: 'x', newAppointmentAt: later, actor: official('specialist') }))).toMatch(/Chỉ lãnh đạo/);
  await recordHistory(dossier.handle, 'apology', { finished: false });
  await recordHistory(other.handle, 'apology-refused', { finished: false });
});

test('a day off announced later moves the open deadlines, with the reason in the timeline', async () => {
  // Monday 7 June 2027, 09:00.
  await moveTo('2027-06-07T02:00:00.000Z');
  const dossier = await accepted();
  const before = (await dossier.state()).appointmentAt!;
  const reviewBefore = (await dossier.task('review')).dueAt!;

  const extra = { day: '2027-06-11', kind: 'holiday' as const, name: 'Nghỉ bù (công bố bổ sung)', provisional: false };
  interpreter.stubs.calendar = [...HOLIDAYS_2027, extra];
  const reason = 'Ngày nghỉ bù 11/06/2027 được công bố';
  await dossier.handle.signal(calendarChangedSignal, { reason });

  const moved = await dossier.reaches((s) => s.appointmentAt !== before, 'the new deadline');
  expect(moved.appointmentAt).toBe(closingOf(workingDaysAfter(before.slice(0, 10), 1)));
  expect((await dossier.task('review')).dueAt).toBe(closingOf(workingDaysAfter(reviewBefore.slice(0, 10), 1)));
  const timeline = await timelineWith(dossier, 'deadline-changed');
  expect(timeline.filter((e) => e.type === 'deadline-changed').map((e) => e.note)).toEqual([reason, reason]);
  await eventually(() => interpreter.stubs.messagesTo(dossier.code), (m) => m.some((x) => x.key.endsWith(':deadline-changed')), 10_000);
  await recordHistory(dossier.handle, 'calendar-changed-signal', { finished: false });
});

test('a step limited in working hours falls due within the office sessions', async () => {
  // Monday 5 July 2027, 14:00: 8 working hours later is Tuesday 14:00 (07:30–11:30, 13:00–17:00).
  await moveTo('2027-07-05T07:00:00.000Z');
  const hours = definitionOf({
    ...engineSample,
    code: 'TEST-HOURS',
    processingRules: [],
    fees: [],
    numberingSchemes: {},
    start: 'acknowledge',
    steps: [
      {
        id: 'acknowledge',
        kind: 'task',
        name: 'Xác nhận hồ sơ trực tuyến',
        role: 'receiver',
        timeLimit: { amount: 8, unit: 'working-hours' },
        actions: [{ id: 'done', label: 'Xong', next: 'done' }],
      },
      { id: 'done', kind: 'end', name: 'Xong', outcome: 'completed', status: STATUS.RESULT_RETURNED },
    ],
    notifications: {},
  } satisfies ProcedureInput);
  const dossier = await interpreter.start(hours, sampleForm());
  expect((await dossier.task('acknowledge')).dueAt).toBe('2027-07-06T07:00:00.000Z');
  await recordHistory(dossier.handle, 'working-hours', { finished: false });
});
