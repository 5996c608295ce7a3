/** The inbox's page and filter, and marking messages read. */
import { z } from 'zod';
import { positiveInteger } from '../../validation';

export const inboxQuery = z.object({
  trang: positiveInteger('trang', 'Số trang phải là số nguyên dương.').pipe(z.number().max(100_000, 'Số trang quá lớn.')).optional(),
  loc: z.enum(['chua-doc'], { error: 'Bộ lọc không hợp lệ; chỉ có "chua-doc" (tin chưa đọc).' }).optional(),
});

/** One message (`id`), or every message the official can see (no `id`). */
export const markReadBody = z.object({
  _csrf: z.string().optional(),
  id: positiveInteger('tin nhắn', 'Tin nhắn không hợp lệ.').optional(),
});
