/** Moving the chosen tasks: which (task row ids), to whom (an official or a department), why. */
import { z } from 'zod';
import type { ReassignmentTargetRequest } from '../../services/reassignment';
import { printable, requestIdField, requiredText } from '../../validation';

const NO_TARGET = 'Vui lòng chọn cán bộ hoặc phòng nhận nhiệm vụ.';

/** Checkboxes send one value or several; none is an empty list (the service says what is missing). */
const taskIds = z
  .union([z.string(), z.array(z.string())], { error: 'Danh sách nhiệm vụ được chọn không hợp lệ.' })
  .optional()
  .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
  .pipe(
    z
      .array(z.string().regex(/^\d{1,9}$/, 'Danh sách nhiệm vụ được chọn không hợp lệ.').transform(Number))
      .max(1000, 'Mỗi lần chỉ phân công lại được tối đa 100 nhiệm vụ.'),
  );

/** `can-bo:<id>` or `phong:<department>`, as the form's choices are written. */
const target = z
  .string({ error: NO_TARGET })
  .regex(/^(can-bo:\d{1,9}|phong:.{1,120})$/s, NO_TARGET)
  .refine(printable, NO_TARGET)
  .transform((value): ReassignmentTargetRequest =>
    value.startsWith('can-bo:') ? { kind: 'official', officialId: Number(value.slice('can-bo:'.length)) } : { kind: 'group', department: value.slice('phong:'.length) },
  );

export const reassignBody = z.object({
  _csrf: z.string().optional(),
  taskIds,
  target,
  reason: requiredText('lý do phân công lại', 1000),
  requestId: requestIdField,
});

export const batchParams = z.object({
  batchId: z.string().regex(/^[0-9a-f-]{36}$|^absence-\d{1,9}$/i, 'Mã đợt phân công không hợp lệ.'),
});
