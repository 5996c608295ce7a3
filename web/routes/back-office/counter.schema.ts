/** The counter's pages (routes/back-office/counter.ts): the procedure in the path, the form's values and files in a multipart body. */
import { z } from 'zod';
import { formWith, requestIdField, requiredText } from '../../validation';

export const counterProcedureParams = z.object({ procedure: requiredText('mã thủ tục', 60) });

/** The token a counter form keeps its files under; a missing or malformed one gets a new one. */
export const uploadTokenField = z
  .string()
  .regex(/^[0-9a-f-]{36}$/i)
  .optional()
  .catch(undefined);

/** What the counter form carries besides the procedure's own fields. */
export const COUNTER_CONTROLS = ['requestId', 'uploadToken'] as const;
export const counterIntakeBody = formWith({ requestId: requestIdField, uploadToken: uploadTokenField });

export const counterDossierParams = z.object({ code: requiredText('mã hồ sơ', 60) });

export const counterPaymentBody = formWith({
  requestId: requestIdField,
  receiptNumber: requiredText('số biên lai', 40).regex(/^[A-Za-z0-9/._-]+$/, 'Số biên lai chỉ gồm chữ, số và các dấu / . _ -.'),
  amount: z
    .string({ error: 'Vui lòng nhập số tiền.' })
    .trim()
    .min(1, 'Vui lòng nhập số tiền.')
    .transform((text) => text.replace(/[.\s,]/g, ''))
    .refine((text) => /^\d{1,12}$/.test(text) && Number(text) > 0, 'Số tiền phải là số nguyên dương (đồng).')
    .transform(Number),
});

export const feeReceiptQuery = z.object({ so: z.string().trim().max(40).optional() });
