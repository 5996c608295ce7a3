/** The supervision page's filter: everything open, or only what is overdue. */
import { z } from 'zod';

export const supervisionQuery = z.object({
  loc: z.enum(['qua-han'], { error: 'Bộ lọc không hợp lệ; chỉ có "qua-han" (hồ sơ quá hạn).' }).optional(),
});
