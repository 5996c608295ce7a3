/**
 * What hangs on the legal clock inside a dossier's workflow: the durable timers that remind a
 * task's official before its deadline and escalate to the supervisor when it passes, the one that
 * notes the dossier overdue, and the recomputation of every deadline when the calendar changes.
 * Deadlines themselves come from domain/legal-clock.ts (through legal-time.ts); dossiers started
 * before the legal clock have none of this (`patched('legal-clock')`).
 */
import { condition } from '@temporalio/workflow';
import type { TimeLimit } from '../../domain/legal-clock';
import { formatVietnameseDateTime } from '../../domain/vietnam-time';
import type { TaskState } from './state';
import type { Run } from './run';

/** Loads the calendar and the office's hours the dossier counts with (years of its submission and the two after). */
export async function loadClock(run: Run): Promise<void> {
  const { state } = run;
  const year = Number(state.input.submittedAt.slice(0, 4));
  run.clock.load(await run.db.loadClock({ agencyCode: state.input.agency.code, fromYear: year, toYear: year + 2 }), state.def);
}

/** Working minutes before a task's deadline its official is reminded. */
function leadMinutes(run: Run, remindBefore: TimeLimit | undefined): number {
  const time = run.clock.time!;
  if (remindBefore) return time.leadMinutes(remindBefore);
  return run.state.input.settings.reminderLeadMinutes ?? time.leadMinutes({ amount: 1, unit: 'working-days' });
}

/** The next thing a task's clock must do: remind, or escalate; undefined when both are done (or not due). */
function nextTaskAlarm(run: Run, task: TaskState, remindBefore: TimeLimit | undefined): { kind: 'reminder' | 'escalation'; at: string } | undefined {
  if (!task.dueAt) return undefined;
  if (!task.remindedAt && !task.escalatedAt) {
    const at = run.clock.time!.before(task.dueAt, leadMinutes(run, remindBefore));
    // A limit shorter than the lead has no reminder: the task opened inside it.
    if (at > task.createdAt) return { kind: 'reminder', at };
  }
  if (!task.escalatedAt) return { kind: 'escalation', at: task.dueAt };
  return undefined;
}

function fireTaskAlarm(run: Run, task: TaskState, kind: 'reminder' | 'escalation'): void {
  const { state, log } = run;
  const due = formatVietnameseDateTime(task.dueAt!);
  if (kind === 'reminder') {
    state.remind(task);
    const to = task.assignee
      ? { officialId: task.assignee.id }
      : { role: task.role, ...(task.assignedGroup ? { department: task.assignedGroup } : {}) };
    log.officialMessage({ agencyCode: task.agencyCode, ...to, taskKey: task.id, kind: 'reminder', text: `Hồ sơ ${state.code} – ${task.name}: đến hạn lúc ${due}.` });
  } else {
    state.escalate(task);
    const holder = task.assignee?.name ?? (task.assignedGroup ? task.assignedGroup : 'chưa có người nhận');
    log.officialMessage({
      agencyCode: task.agencyCode,
      role: 'supervisor',
      taskKey: task.id,
      kind: 'escalation',
      text: `Hồ sơ ${state.code} – ${task.name} quá hạn xử lý (hạn ${due}; ${holder}).`,
    });
  }
}

/**
 * Waits for the decision on a task. On the legal clock, the official is reminded before the
 * task's deadline and the supervisor told when it passes, by durable timers that look again
 * whenever a deadline moves.
 */
export async function awaitDecision(run: Run, task: TaskState, remindBefore: TimeLimit | undefined): Promise<void> {
  const decided = () => task.decision !== undefined;
  while (!decided()) {
    const seen = run.clock.version;
    const moved = () => decided() || run.clock.version !== seen;
    const alarm = nextTaskAlarm(run, task, remindBefore);
    if (!alarm) {
      await condition(moved);
      continue;
    }
    const wait = Date.parse(alarm.at) - Date.now();
    if (wait > 0 && (await condition(moved, wait))) continue;
    if (decided()) return;
    fireTaskAlarm(run, task, alarm.kind);
    // Nobody waits on this change and the dossier does not move: show it now.
    run.log.show();
  }
}

/** Notes the dossier overdue when its due date passes while it is open (and not paused). */
export async function watchDossierDeadline(run: Run): Promise<void> {
  const { state, log } = run;
  while (!state.isFinished()) {
    const seen = run.clock.version;
    const moved = () => state.isFinished() || run.clock.version !== seen;
    const due = state.appointmentAt;
    if (!state.clock || !due || state.clockPaused || state.overdueNotedAt === due) {
      await condition(moved);
      continue;
    }
    const wait = Date.parse(due) - Date.now();
    if (wait > 0 && (await condition(moved, wait))) continue;
    if (state.isFinished()) return;
    state.markOverdue();
    log.officialMessage({
      agencyCode: state.input.agency.code,
      role: 'supervisor',
      kind: 'escalation',
      text: `Hồ sơ ${state.code} (${state.def.name}) đã quá hạn trả kết quả (hẹn ${formatVietnameseDateTime(due)}).`,
    });
    log.show();
  }
}

/**
 * Applies calendar changes as they come (the `calendarChanged` signal): loads the calendar
 * again and recomputes the dossier's and its open tasks' deadlines; each one that moves is in
 * the timeline with the reason, and the applicant hears of a new appointment.
 */
export async function watchCalendar(run: Run, tellApplicant: (reason: string) => Promise<void>): Promise<void> {
  const { state } = run;
  for (;;) {
    await condition(() => run.clock.pendingCalendarChange !== undefined || state.isFinished());
    if (state.isFinished()) return;
    const reason = run.clock.pendingCalendarChange!;
    run.clock.pendingCalendarChange = undefined;
    await loadClock(run);
    const time = run.clock.time!;
    const clock = state.clock;
    const before = state.appointmentAt;
    if (clock && !state.clockPaused) {
      const apology = clock.apology && { at: clock.apology.at, dueAt: clock.apology.newAppointmentAt };
      const due = time.deadline({ receivedAt: clock.startedAt, limit: clock.limit, pauses: clock.pauses, appointment: apology }).dueAt;
      state.moveAppointment(due, reason, undefined, time.version);
    }
    for (const task of state.openTasks()) {
      if (task.timeLimit && task.dueAt) state.moveTaskDue(task, time.dueFrom(task.createdAt, task.timeLimit), reason);
    }
    run.clock.touch();
    if (state.appointmentAt !== before) await tellApplicant(reason);
    run.log.show();
  }
}
