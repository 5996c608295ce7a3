/**
 * Links an applicant follows from a notification: the dossier code in the path, the token (and
 * the supplement round) in the query, and the supplement form's values in the body.
 */
import { z } from 'zod';
import { formWith, optionalText, positiveInteger, requestIdField, requiredText } from '../../validation';

const code = requiredText('mã hồ sơ', 60);
const round = positiveInteger('lần bổ sung');
const linkToken = requiredText('mã xác thực của liên kết', 100);

export const supplementParams = z.object({ code });
export const supplementQuery = z.object({ lan: round, t: linkToken });

/** The fields this form itself carries; every other key is a value of the dossier's form. */
export const SUPPLEMENT_CONTROLS = ['lan', 't', 'requestId', 'note'] as const;
export const supplementBody = formWith({
  lan: round,
  t: linkToken,
  requestId: requestIdField,
  note: optionalText('ghi chú', 2000),
});

export const resultParams = z.object({ code });
export const resultDocumentParams = z.object({ code, documentCode: requiredText('mã kết quả', 60) });
export const resultQuery = z.object({ t: linkToken });
