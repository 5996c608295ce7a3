/**
 * The Temporal UI's codec server protocol (samples-typescript `encryption/codec-server.ts`):
 * `{ payloads: [{ metadata: { key: base64 }, data: base64 }] }` both ways, each payload in the
 * proto3 JSON form of temporal.api.common.v1.Payload.
 */
import { z } from 'zod';

const base64 = z.string({ error: 'phải là chuỗi base64' }).regex(/^[A-Za-z0-9+/_-]*={0,2}$/, 'phải là chuỗi base64');

/** The UI asks for a page of a history's payloads at a time; more than this is not the UI. */
export const MAX_PAYLOADS = 1000;

export const codecRequest = z.object(
  {
    payloads: z
      .array(
        z.object({
          metadata: z.record(z.string(), base64).nullish(),
          data: base64.nullish(),
        }),
        { error: 'payloads phải là một mảng' },
      )
      .max(MAX_PAYLOADS, `Tối đa ${MAX_PAYLOADS} payload một lần`),
  },
  { error: 'Nội dung phải là một đối tượng JSON { payloads: [...] }' },
);

export type CodecRequest = z.output<typeof codecRequest>;
/** The UI's namespace header (X-Namespace), logged with each use. */
export const namespaceHeader = z.string().max(255).regex(/^[A-Za-z0-9._-]*$/).optional().catch(undefined);
