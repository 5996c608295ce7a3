/**
 * The intake API's requests. Messages are Vietnamese and answered field by field as
 * `{ error: 'validation_failed', fields }`.
 */
import { z } from 'zod';
import { requiredText } from '../../validation';

export const submitDossierRequest = z.object(
  {
    procedureCode: z.string({ error: 'Vui lòng nêu mã thủ tục' }).min(1, 'Vui lòng nêu mã thủ tục').max(60, 'Mã thủ tục không được dài quá 60 ký tự'),
    /** Values are text; numbers and booleans are read as text, as a form would send them. */
    form: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()], { error: 'Giá trị phải là chuỗi ký tự hoặc số' }), {
      error: 'Vui lòng gửi dữ liệu tờ khai (form)',
    }),
  },
  { error: 'Nội dung phải là một đối tượng JSON' },
);

export const idempotencyKeyHeader = z
  .string()
  .regex(/^[\x21-\x7e]{8,200}$/, 'Khóa phải dài từ 8 đến 200 ký tự in được')
  .optional();

export const dossierCodeParams = z.object({ code: requiredText('mã hồ sơ', 60) });
