/**
 * The legal clock (domain/legal-clock.ts) on the calendar of 2026 as the government announced it
 * (db/seeds/calendar.ts): Tết Bính Ngọ off from Saturday 14 to Sunday 22 February. Expected
 * dates are read off a printed calendar.
 */
import { CALENDAR_DAYS } from '../../db/seeds/calendar';
import { legalCalendar } from '../../domain/calendar';
import {
  computeDeadline,
  deadlineState,
  DEFAULT_OFFICE_HOURS as HOURS,
  explainDeadline,
  subtractWorkingMinutes,
  timeLimitLabel,
  workingMinutesBetween,
} from '../../domain/legal-clock';
import { validateDefinition } from '../../engine/validate';
import { engineSample } from '../fixtures/engine-sample';

const calendar = legalCalendar(CALENDAR_DAYS.map((d) => ({ ...d, provisional: !!d.provisional })));
/** An instant in Vietnam (UTC+7). */
const vn = (local: string) => new Date(`${local}+07:00`).toISOString();
const due = (receivedAt: string, amount: number, unit: 'working-days' | 'working-hours' | 'calendar-days', extra = {}) =>
  computeDeadline({ receivedAt: vn(receivedAt), limit: { amount, unit }, ...extra }, calendar, HOURS, vn('2026-12-31T00:00:00')).dueAt;

describe('working days', () => {
  test('do not count the receipt day, and fall due when the office closes', () => {
    // Monday 9 March 2026 → 5 working days: 10, 11, 12, 13, 16 March.
    expect(due('2026-03-09T09:00:00', 5, 'working-days')).toBe(vn('2026-03-16T17:00:00'));
  });

  test('skip Tết: 5 working days from Thursday 12 February 2026 end on Thursday 26 February', () => {
    // 13 Feb, then Tết (16–20) and the weekends, then 23, 24, 25, 26.
    expect(due('2026-02-12T09:00:00', 5, 'working-days')).toBe(vn('2026-02-26T17:00:00'));
  });

  test('count from the next working day after the cut-off, and after a day off', () => {
    expect(due('2026-03-09T15:30:00', 1, 'working-days')).toBe(vn('2026-03-11T17:00:00'));
    expect(due('2026-03-09T14:59:00', 1, 'working-days')).toBe(vn('2026-03-10T17:00:00'));
    // Received on Saturday: counting starts Monday, the limit falls due Tuesday.
    expect(due('2026-03-07T09:00:00', 1, 'working-days')).toBe(vn('2026-03-10T17:00:00'));
  });

  test('count a worked Saturday (10 January 2026, for the day off on Friday 2 January)', () => {
    // Thursday 8 January → 9 (Fri), 10 (Sat, worked), 12 (Mon).
    expect(due('2026-01-08T09:00:00', 3, 'working-days')).toBe(vn('2026-01-12T17:00:00'));
  });
});

describe('working hours', () => {
  test('count only the sessions (07:30–11:30, 13:00–17:00)', () => {
    // Monday 14:00: 3 hours that day, 4 on Tuesday morning, 1 after lunch: Tuesday 14:00.
    expect(due('2026-03-09T14:00:00', 8, 'working-hours')).toBe(vn('2026-03-10T14:00:00'));
    // Received at lunch: counting starts at 13:00.
    expect(due('2026-03-09T12:00:00', 2, 'working-hours')).toBe(vn('2026-03-09T15:00:00'));
  });

  test('skip Tết and count from the next morning after the cut-off', () => {
    // Friday 13 February 16:00 (after the cut-off): from Monday 23 February 07:30.
    expect(due('2026-02-13T16:00:00', 8, 'working-hours')).toBe(vn('2026-02-23T17:00:00'));
  });

  test('measure the working time between two instants', () => {
    expect(workingMinutesBetween(new Date(vn('2026-03-09T11:00:00')), new Date(vn('2026-03-09T14:00:00')), calendar, HOURS)).toBe(90);
    expect(workingMinutesBetween(new Date(vn('2026-02-13T16:00:00')), new Date(vn('2026-02-23T08:00:00')), calendar, HOURS)).toBe(90);
  });

  test('go back by working time, for a reminder ahead of a deadline', () => {
    expect(subtractWorkingMinutes(new Date(vn('2026-03-10T17:00:00')), 480, calendar, HOURS).toISOString()).toBe(vn('2026-03-10T07:30:00'));
    expect(subtractWorkingMinutes(new Date(vn('2026-02-23T09:00:00')), 120, calendar, HOURS).toISOString()).toBe(vn('2026-02-13T16:30:00'));
  });
});

test('calendar days end on the next working day when the last one is a day off', () => {
  // 7 days after Monday 9 February is Monday 16 February, in Tết: the first working day is 23 February.
  expect(due('2026-02-09T09:00:00', 7, 'calendar-days')).toBe(vn('2026-02-23T17:00:00'));
  expect(due('2026-03-09T09:00:00', 30, 'calendar-days')).toBe(vn('2026-04-08T17:00:00'));
});

describe('pauses and a new appointment', () => {
  const accepted = '2026-03-09T09:00:00';

  test('a pause of 3 working days moves a limit in days by 3 working days', () => {
    const pauses = [{ from: vn('2026-03-11T10:00:00'), to: vn('2026-03-16T10:00:00'), reason: 'Chờ bổ sung' }];
    // 10 working days: 23 March; the pause took 12, 13, 16 March.
    expect(due(accepted, 10, 'working-days')).toBe(vn('2026-03-23T17:00:00'));
    expect(due(accepted, 10, 'working-days', { pauses })).toBe(vn('2026-03-26T17:00:00'));
  });

  test('a pause moves a limit in hours by the working minutes it took; an open one stands still until now', () => {
    const closed = [{ from: vn('2026-03-09T10:00:00'), to: vn('2026-03-09T14:00:00'), reason: 'Chờ bổ sung' }];
    expect(due(accepted, 8, 'working-hours', { pauses: closed })).toBe(vn('2026-03-10T11:30:00'));
    const open = computeDeadline(
      { receivedAt: vn(accepted), limit: { amount: 8, unit: 'working-hours' }, pauses: [{ from: vn('2026-03-09T10:00:00'), reason: 'Chờ' }] },
      calendar,
      HOURS,
      vn('2026-03-09T14:00:00'),
    );
    expect([open.paused, open.dueAt]).toEqual([true, vn('2026-03-10T11:30:00')]);
  });

  test('a new appointment replaces the due date; only later pauses move it', () => {
    const appointment = { at: vn('2026-03-18T09:00:00'), dueAt: vn('2026-03-31T17:00:00') };
    const earlier = { from: vn('2026-03-10T09:00:00'), to: vn('2026-03-12T09:00:00'), reason: 'trước' };
    const later = { from: vn('2026-03-19T09:00:00'), to: vn('2026-03-20T09:00:00'), reason: 'sau' };
    expect(due(accepted, 10, 'working-days', { appointment, pauses: [earlier] })).toBe(vn('2026-03-31T17:00:00'));
    expect(due(accepted, 10, 'working-days', { appointment, pauses: [earlier, later] })).toBe(vn('2026-04-01T17:00:00'));
  });
});

test('reads where a deadline stands', () => {
  const dueAt = vn('2026-03-16T17:00:00');
  expect(deadlineState(dueAt, { now: vn('2026-03-10T09:00:00') }, calendar)).toBe('not-due');
  expect(deadlineState(dueAt, { now: vn('2026-03-13T09:00:00') }, calendar)).toBe('due-soon');
  expect(deadlineState(dueAt, { now: vn('2026-03-16T17:01:00') }, calendar)).toBe('overdue');
  expect(deadlineState(dueAt, { now: vn('2026-03-16T17:01:00'), paused: true }, calendar)).toBe('paused');
  expect(deadlineState(dueAt, { now: '', finishedAt: vn('2026-03-13T09:00:00') }, calendar)).toBe('early');
  expect(deadlineState(dueAt, { now: '', finishedAt: vn('2026-03-16T16:00:00') }, calendar)).toBe('on-time');
  expect(deadlineState(dueAt, { now: '', finishedAt: vn('2026-03-17T08:00:00') }, calendar)).toBe('late');
});

test('explains a deadline: where counting started, each day counted, each day skipped and why', () => {
  const explained = explainDeadline({ receivedAt: vn('2026-02-12T16:00:00'), limit: { amount: 3, unit: 'working-days' } }, calendar, HOURS);
  expect([explained.startDay, explained.startNote]).toEqual(['2026-02-13', 'nhận sau 15:00, tính từ ngày làm việc tiếp theo']);
  expect(explained.counted).toEqual(['2026-02-23', '2026-02-24', '2026-02-25']);
  expect(explained.skipped.map((s) => s.day)).toEqual(['2026-02-14', '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22']);
  expect(explained.skipped.find((s) => s.day === '2026-02-17')?.reason).toBe('Tết Nguyên đán Bính Ngọ (mùng 1)');
  expect(explained.skipped[0].reason).toBe('Thứ Bảy');
});

test('names a limit as people read it', () => {
  expect([
    timeLimitLabel({ amount: 15, unit: 'working-days' }),
    timeLimitLabel({ amount: 8, unit: 'working-hours' }),
    timeLimitLabel({ amount: 30, unit: 'calendar-days' }),
    timeLimitLabel({ amount: 0, unit: 'working-days' }),
  ]).toEqual(['15 ngày làm việc', '8 giờ làm việc', '30 ngày', 'Trong ngày làm việc']);
});

describe('time limits in definitions', () => {
  const problems = (change: (d: Record<string, unknown>) => void) => {
    const d = structuredClone(engineSample) as unknown as Record<string, unknown>;
    change(d);
    const result = validateDefinition(d);
    return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
  };

  test('takes a limit in working hours or calendar days, once', () => {
    expect(problems((d) => Object.assign(d, { processingDays: undefined, timeLimit: { amount: 8, unit: 'working-hours' } }))).toEqual([]);
    expect(problems((d) => Object.assign(d, { timeLimit: { amount: 8, unit: 'working-hours' } }))).toContain(
      'timeLimit: give the time limit once: processingDays or timeLimit, not both',
    );
    expect(problems((d) => Object.assign(d, { processingDays: undefined }))).toContain(
      'processingDays: a procedure needs its time limit: processingDays (working days) or timeLimit (with its unit)',
    );
  });

  test('refuses a fractional amount and an unknown unit', () => {
    expect(problems((d) => Object.assign(d, { processingDays: undefined, timeLimit: { amount: 1.5, unit: 'working-days' } })).join('\n')).toMatch(
      /timeLimit\.amount: a whole number/,
    );
    expect(problems((d) => Object.assign(d, { processingDays: undefined, timeLimit: { amount: 2, unit: 'weeks' } })).join('\n')).toMatch(/timeLimit\.unit/);
  });
});
