/** "Gửi lại" of a failed message: which message, and where to go back to. */
import { z } from 'zod';
import { positiveInteger } from '../../validation';

export const deliveryParams = z.object({
  id: positiveInteger('tin nhắn'),
});

export const resendBody = z.object({
  _csrf: z.string().optional(),
  /** `ho-so`: back to the dossier page; otherwise the list. */
  ve: z.enum(['ho-so', 'danh-sach'], { error: 'Trang quay lại không hợp lệ.' }).optional(),
});
