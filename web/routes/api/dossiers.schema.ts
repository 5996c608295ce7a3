/**
 * The intake API's requests. Messages are Vietnamese and answered field by field as
 * `{ error: 'validation_failed', fields }`.
 */
import { z } from 'zod';
import { OUTCOMES } from '../../../domain/outcomes';
import { optionalText, printable, requiredText } from '../../validation';

export const submitDossierRequest = z.object(
  {
    procedureCode: z
      .string({ error: 'Vui lòng nêu mã thủ tục' })
      .min(1, 'Vui lòng nêu mã thủ tục')
      .max(60, 'Mã thủ tục không được dài quá 60 ký tự')
      .refine(printable, 'Mã thủ tục chứa ký tự không hợp lệ'),
    /** Values are text; numbers and booleans are read as text, as a form would send them. */
    form: z.record(z.string(), z.union([z.string().refine(printable, 'Giá trị chứa ký tự không hợp lệ'), z.number(), z.boolean(), z.null()], { error: 'Giá trị phải là chuỗi ký tự hoặc số' }), {
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

/** The dossier's lookup secret, from `?secret=` or the `X-Lookup-Secret` header; absent reads as empty (and finds nothing). */
export const lookupSecretInput = optionalText('mã bảo mật', 20);

/**
 * What the API answers. The routes build their answers typed by these (`satisfies`), and the
 * OpenAPI document (routes/api/openapi.ts) is generated from them and from the request schemas above.
 */
export const apiError = z
  .object({
    error: z.string().meta({ description: 'Mã lỗi: validation_failed, unauthorized, out_of_scope, not_found, rate_limited…' }),
    message: z.string().optional().meta({ description: 'Giải thích bằng tiếng Việt' }),
    fields: z.record(z.string(), z.string()).optional().meta({ description: 'Lỗi theo từng trường: tên trường → thông báo' }),
    retryAfterSeconds: z.number().int().optional(),
  })
  .meta({ id: 'Error' });

export const submitDossierResponse = z
  .object({
    code: z.string().meta({ description: 'Mã hồ sơ theo Thông tư 01/2018' }),
    lookupSecret: z.string().meta({ description: 'Mã bảo mật tra cứu, chỉ dành cho người nộp' }),
    status: z.literal(1),
    statusLabel: z.string(),
    lookupUrl: z.string(),
  })
  .meta({ id: 'SubmittedDossier' });

export const dossierStatusResponse = z
  .object({
    code: z.string(),
    procedure: z.object({ code: z.string(), version: z.number().int(), name: z.string() }),
    agency: z.object({ code: z.string(), name: z.string() }),
    status: z.number().int().min(1).max(10).meta({ description: 'Mã trạng thái đồng bộ Cổng DVC quốc gia (1–10)' }),
    statusLabel: z.string(),
    step: z.string(),
    outcome: z.enum(OUTCOMES).nullable().optional(),
    submittedAt: z.iso.datetime(),
    acceptedAt: z.iso.datetime().nullable().optional(),
    appointmentAt: z.iso.datetime().nullable().optional(),
    completedAt: z.iso.datetime().nullable().optional(),
    payment: z.object({ amount: z.number(), status: z.string(), payUrl: z.string().optional() }).optional(),
  })
  .meta({ id: 'DossierStatus' });

export const procedureListResponse = z
  .object({
    procedures: z.array(
      z.object({
        code: z.string(),
        version: z.number().int(),
        name: z.string(),
        processingDays: z.number().optional(),
        fees: z.unknown().optional(),
        fields: z.array(z.object({ name: z.string(), label: z.string(), type: z.string(), required: z.boolean().optional(), requiredWhen: z.unknown().optional() })),
      }),
    ),
  })
  .meta({ id: 'ProcedureList' });
