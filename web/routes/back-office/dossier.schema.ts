/**
 * The dossier page's requests: the code in the path; claiming, deciding (an action of the task's
 * step, a reason, the action's inputs as `in_<field>`) and reassigning in the body.
 */
import { z } from 'zod';
import { formWith, optionalText, positiveInteger, requestIdField, requiredText, token } from '../../validation';

export const dossierParams = z.object({ code: requiredText('mã hồ sơ', 60) });

export const resultDocumentParams = z.object({ code: requiredText('mã hồ sơ', 60), documentCode: requiredText('mã kết quả', 60) });

const taskId = token('mã nhiệm vụ');

export const claimBody = formWith({ taskId, requestId: requestIdField });

/** Inputs of an action arrive as `in_<field name>`; every other key is one of these. */
export const INPUT_PREFIX = 'in_';
export const DECISION_FIELDS = ['taskId', 'action', 'reason', 'requestId'] as const;
/** The checkbox that confirms a danger action (refuse, reject); its value when ticked. */
export const CONFIRM_FIELD = 'confirm';
export const CONFIRMED = 'yes';
export const decisionBody = formWith({
  taskId,
  action: z
    .string({ error: (issue) => (issue.input === undefined ? 'Vui lòng chọn một thao tác.' : 'Thao tác chỉ nhận một giá trị.') })
    .regex(/^[a-z][a-z0-9-]{0,59}$/, 'Thao tác không hợp lệ.'),
  reason: optionalText('ý kiến / lý do', 2000),
  requestId: requestIdField,
});

/** An apology with a new appointment (form 04): the day (YYYY-MM-DD, as a date input sends it) and the reason. */
export const apologyBody = formWith({
  newAppointment: z
    .string({ error: 'Vui lòng chọn ngày hẹn mới.' })
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'Ngày hẹn mới không hợp lệ (ngày/tháng/năm).')
    .refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day), 'Ngày hẹn mới không có thật.'),
  reason: requiredText('lý do chậm giải quyết', 2000),
  requestId: requestIdField,
});

export const reassignBody = formWith({
  taskId,
  officialId: positiveInteger('cán bộ được giao', 'Vui lòng chọn cán bộ trong cơ quan.'),
  requestId: requestIdField,
});
