/** A dossier's documents (routes/back-office/attachments.ts). */
import { z } from 'zod';
import { formWith, positiveInteger, requiredText } from '../../validation';

export const attachmentParams = z.object({ code: requiredText('mã hồ sơ', 60), id: positiveInteger('mã tài liệu') });
export const attachmentsParams = z.object({ code: requiredText('mã hồ sơ', 60) });
export const uploadBody = formWith({});
