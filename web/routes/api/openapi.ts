/**
 * The API's OpenAPI 3.1 document (GET /api/v1/openapi.json), generated from the zod schemas the
 * routes validate with and answer by (dossiers.schema.ts, payments.schema.ts) through zod's own
 * `z.toJSONSchema` (input side: what a caller sends). The operations are declared here once;
 * test/web/openapi.test.ts checks that they are exactly the router's /api/v1 routes, and that the
 * request body schema accepts and refuses what the route does. Refinements that JSON Schema cannot
 * express (no control characters in text) are checked by the route only.
 */
import { Router } from 'express';
import { z } from 'zod';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER } from '../../services/payment-callbacks';
import type { WebServices } from '../../services';
import {
  apiError,
  dossierCodeParams,
  dossierStatusResponse,
  idempotencyKeyHeader,
  lookupSecretInput,
  procedureListResponse,
  submitDossierRequest,
  submitDossierResponse,
} from './dossiers.schema';
import { paymentCallbackBody } from './payments.schema';

type JsonSchema = Record<string, unknown>;

/** A zod schema as the JSON Schema (draft 2020-12, OpenAPI 3.1's dialect) of what a caller sends or reads. */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  const { $schema: _dialect, id: _id, ...rest } = z.toJSONSchema(schema instanceof z.ZodOptional ? schema.unwrap() : schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

/** Schemas shown once under components.schemas and referred to by name. */
const COMPONENTS: Record<string, z.ZodType> = {
  Error: apiError,
  SubmitDossierRequest: submitDossierRequest,
  SubmittedDossier: submitDossierResponse,
  DossierStatus: dossierStatusResponse,
  ProcedureList: procedureListResponse,
  PaymentCallback: paymentCallbackBody,
};
type ComponentName = keyof typeof COMPONENTS;

type Security = 'public' | 'client' | 'client-or-lookup-secret' | 'signature';

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  schema: z.ZodType;
  required?: boolean;
  description: string;
}

export interface ApiOperation {
  method: 'get' | 'post';
  /** As the router declares it, under /api/v1 (`/dossiers/:code`). */
  path: string;
  summary: string;
  security: Security;
  parameters?: Parameter[];
  body?: ComponentName;
  /** Success answers: status → component (or none: a body described in words). */
  responses: Record<number, { description: string; schema?: ComponentName }>;
  /** Error answers this operation gives besides those of its security. */
  errors: number[];
}

export const API_PREFIX = '/api/v1';

/** Every operation under /api/v1, in the order the document lists them. */
export const API_OPERATIONS: readonly ApiOperation[] = [
  {
    method: 'get',
    path: '/procedures',
    summary: 'Danh sách thủ tục đang tiếp nhận, với các trường của tờ khai',
    security: 'public',
    responses: { 200: { description: 'Các thủ tục đã công bố', schema: 'ProcedureList' } },
    errors: [401],
  },
  {
    method: 'post',
    path: '/dossiers',
    summary: 'Nộp một hồ sơ (chỉ hệ thống gọi API đã được cấp thông tin xác thực, trong phạm vi được cấp)',
    security: 'client',
    parameters: [
      {
        name: 'Idempotency-Key',
        in: 'header',
        schema: idempotencyKeyHeader,
        description: 'Khóa do hệ thống gọi chọn: gửi lại cùng khóa và cùng dữ liệu nhận lại cùng hồ sơ (200). Khóa riêng của từng hệ thống.',
      },
    ],
    body: 'SubmitDossierRequest',
    responses: {
      201: { description: 'Hồ sơ đã được tiếp nhận', schema: 'SubmittedDossier' },
      200: { description: 'Cùng khóa Idempotency-Key và cùng dữ liệu: hồ sơ đã nộp trước đó', schema: 'SubmittedDossier' },
    },
    errors: [400, 403, 409, 413, 415, 422, 429],
  },
  {
    method: 'get',
    path: '/dossiers/:code',
    summary: 'Trạng thái một hồ sơ: hệ thống đã nộp hồ sơ đọc không cần mã bảo mật, người khác cần mã bảo mật',
    security: 'client-or-lookup-secret',
    parameters: [
      { name: 'code', in: 'path', required: true, schema: dossierCodeParams.shape.code, description: 'Mã hồ sơ' },
      { name: 'secret', in: 'query', schema: lookupSecretInput, description: 'Mã bảo mật tra cứu (hoặc header X-Lookup-Secret)' },
      { name: 'X-Lookup-Secret', in: 'header', schema: lookupSecretInput, description: 'Mã bảo mật tra cứu' },
    ],
    responses: { 200: { description: 'Trạng thái hồ sơ', schema: 'DossierStatus' } },
    errors: [400, 404, 429],
  },
  {
    method: 'post',
    path: '/payments/callback',
    summary: 'Thông báo thanh toán của cổng thanh toán (ký HMAC, không dùng thông tin xác thực của hệ thống gọi API)',
    security: 'signature',
    parameters: [
      { name: TIMESTAMP_HEADER, in: 'header', required: true, schema: z.string(), description: 'Thời điểm ký (giây Unix)' },
      { name: SIGNATURE_HEADER, in: 'header', required: true, schema: z.string(), description: 'HMAC-SHA256 của thời điểm và nội dung' },
    ],
    body: 'PaymentCallback',
    responses: { 200: { description: 'Đã ghi nhận (applied hoặc duplicate)' } },
    errors: [400, 401, 409, 503],
  },
  {
    method: 'get',
    path: '/openapi.json',
    summary: 'Tài liệu OpenAPI 3.1 này',
    security: 'public',
    responses: { 200: { description: 'Tài liệu OpenAPI' } },
    errors: [],
  },
];

const ERROR_DESCRIPTION: Record<number, string> = {
  400: 'Yêu cầu không đọc được (JSON sai cú pháp, tham số sai)',
  401: 'Thiếu hoặc sai thông tin xác thực (hoặc chữ ký)',
  403: 'Ngoài phạm vi được cấp (thủ tục hoặc cơ quan tiếp nhận)',
  404: 'Không tìm thấy (mã hồ sơ sai, mã bảo mật sai, hoặc hồ sơ của hệ thống khác)',
  409: 'Xung đột (khóa Idempotency-Key đã dùng cho dữ liệu khác; thanh toán chưa áp dụng được)',
  413: 'Nội dung quá lớn',
  415: 'Nội dung phải là JSON (UTF-8)',
  422: 'Dữ liệu không hợp lệ, theo từng trường',
  429: 'Quá nhiều yêu cầu: thử lại sau Retry-After giây',
  503: 'Chưa xác nhận được, cổng thanh toán sẽ gửi lại',
};

const SECURITY: Record<Security, Record<string, string[]>[]> = {
  public: [],
  client: [{ apiClientBearer: [] }, { apiClientBasic: [] }],
  'client-or-lookup-secret': [{ apiClientBearer: [] }, { apiClientBasic: [] }, {}],
  signature: [],
};

const ref = (name: ComponentName) => ({ $ref: `#/components/schemas/${name}` });

function errorResponse(status: number) {
  const headers: Record<string, unknown> = {};
  if (status === 401) headers['WWW-Authenticate'] = { description: 'Cách xác thực: Bearer hoặc Basic', schema: { type: 'string' } };
  if (status === 429) headers['Retry-After'] = { description: 'Số giây phải chờ', schema: { type: 'integer' } };
  return { description: ERROR_DESCRIPTION[status], ...(Object.keys(headers).length ? { headers } : {}), content: { 'application/json': { schema: ref('Error') } } };
}

function operationObject(op: ApiOperation) {
  const errors = [...new Set([...op.errors, ...(op.security === 'client' || op.security === 'client-or-lookup-secret' ? [401] : [])])].sort();
  return {
    operationId: `${op.method}${op.path.replace(/[/:.]+(\w)/g, (_, c: string) => c.toUpperCase())}`,
    summary: op.summary,
    security: SECURITY[op.security],
    ...(op.parameters
      ? { parameters: op.parameters.map((p) => ({ name: p.name, in: p.in, required: p.in === 'path' || !!p.required, description: p.description, schema: jsonSchemaOf(p.schema) })) }
      : {}),
    ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: ref(op.body) } } } } : {}),
    responses: Object.fromEntries([
      ...Object.entries(op.responses).map(([status, r]) => [status, { description: r.description, ...(r.schema ? { content: { 'application/json': { schema: ref(r.schema) } } } : {}) }]),
      ...errors.map((status) => [String(status), errorResponse(status)]),
    ]),
  };
}

/** `/dossiers/:code` as OpenAPI writes it: `/api/v1/dossiers/{code}`. */
export const openApiPath = (path: string) => API_PREFIX + path.replace(/:(\w+)/g, '{$1}');

export function openApiDocument(publicUrl: string) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of API_OPERATIONS) (paths[openApiPath(op.path)] ??= {})[op.method] = operationObject(op);
  return {
    openapi: '3.1.0',
    info: {
      title: 'motcua: API tiếp nhận hồ sơ thủ tục hành chính',
      version: '1',
      description:
        'Hệ thống gọi API (Cổng DVC quốc gia, cổng tỉnh) xác thực bằng Authorization: Bearer <mã hệ thống>.<khóa bí mật> (hoặc HTTP Basic), ' +
        'chỉ nộp hồ sơ trong phạm vi cơ quan và thủ tục được cấp, chỉ đọc hồ sơ mình đã nộp, và bị giới hạn số yêu cầu theo từng hệ thống.',
    },
    servers: [{ url: publicUrl }],
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(COMPONENTS).map(([name, schema]) => [name, jsonSchemaOf(schema)])),
      securitySchemes: {
        apiClientBearer: { type: 'http', scheme: 'bearer', bearerFormat: '<clientId>.<secret>', description: 'Mã hệ thống và khóa bí mật do đơn vị vận hành cấp (npm run api-client)' },
        apiClientBasic: { type: 'http', scheme: 'basic', description: 'Tên đăng nhập là mã hệ thống, mật khẩu là khóa bí mật' },
      },
    },
  };
}

export function openApiRoutes(s: WebServices): Router {
  const router = Router();
  const document = openApiDocument(s.publicUrl);
  router.get('/openapi.json', (_req, res) => {
    res.json(document);
  });
  return router;
}
