/** Recording an absence (who, until when, who takes over, why) and cancelling one. */
import { z } from 'zod';
import { positiveInteger, requiredText } from '../../validation';

/** A day as `<input type="date">` sends it, and one the calendar has. */
function day(label: string) {
  const message = `Vui lòng nhập ${label} (ngày/tháng/năm).`;
  return z
    .string({ error: message })
    .regex(/^\d{4}-\d{2}-\d{2}$/, message)
    .refine((value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
    }, `${label.charAt(0).toUpperCase()}${label.slice(1)} không có trên lịch.`);
}

export const absenceBody = z.object({
  _csrf: z.string().optional(),
  officialId: positiveInteger('cán bộ vắng mặt', 'Vui lòng chọn cán bộ vắng mặt.'),
  delegateId: positiveInteger('người được ủy quyền', 'Vui lòng chọn người được ủy quyền.'),
  fromDay: day('ngày bắt đầu'),
  toDay: day('ngày kết thúc'),
  reason: requiredText('lý do vắng mặt', 500),
});

export const absenceParams = z.object({
  id: positiveInteger('lịch vắng mặt'),
});
