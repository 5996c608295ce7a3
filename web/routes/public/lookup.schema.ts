/** The lookup form: one dossier code, as typed. */
import { z } from 'zod';
import { optionalText } from '../../validation';

export const lookupQuery = z.object({
  ma: optionalText('mã hồ sơ', 60),
});
