/**
 * How failures are written to histories: their message and stack trace moved into an encoded
 * payload, which the payload codec then encrypts like every other payload. A registry's refusal
 * or an error text may quote what a citizen entered; without this, failures would be the one
 * place of a history where such text stays readable. Loaded by path (DataConverter
 * `failureConverterPath`) into the workflow bundle, the worker and every client alike.
 */
import { DefaultFailureConverter } from '@temporalio/common';

export const failureConverter = new DefaultFailureConverter({ encodeCommonAttributes: true });
