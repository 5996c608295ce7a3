/**
 * What happens when an administrator changes the working calendar's days: every open dossier's
 * deadline is computed again on the new calendar, and a deadline that moves says why in its
 * timeline. The web layer announces the change with a reason in Vietnamese; the workflows are
 * told through Temporal (`calendarChangedSignal`, workflows/messages.ts).
 */
import crypto from 'node:crypto';
import type { Client } from '@temporalio/client';
import { calendarChangeWorkflowId } from '../../workflows/ids';
import type { CalendarChangeInput } from '../../workflows/messages';
export interface CalendarChanges {
  /** Called after the change is committed. `reason` is quoted in each timeline, e.g. "Ngày nghỉ bù 02/01/2027 được công bố (Thông báo …)". */
  announce(reason: string): Promise<void>;
}

/** Until the workflows are told: nothing to do (deadlines follow the calendar when next computed). */
export const NO_CALENDAR_CHANGES: CalendarChanges = {
  async announce() {},
};

/**
 * Takes a calendar change to every open dossier through Temporal: one durable workflow
 * (workflows/calendar-change.ts) signals each dossier's workflow, which recomputes its deadlines.
 */
export class TemporalCalendarChanges implements CalendarChanges {
  constructor(
    private readonly temporal: Client,
    private readonly taskQueue: string,
    private readonly workflowIdPrefix: string,
  ) {}

  async announce(reason: string): Promise<void> {
    const input: CalendarChangeInput = { reason, workflowIdPrefix: this.workflowIdPrefix };
    await this.temporal.workflow.start('calendarChangeWorkflow', {
      taskQueue: this.taskQueue,
      workflowId: calendarChangeWorkflowId(crypto.randomUUID(), this.workflowIdPrefix),
      args: [input],
    });
  }
}
