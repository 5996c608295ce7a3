/** The lookup form: a dossier code and its lookup secret, as typed. */
import { z } from 'zod';
import { optionalText } from '../../validation';

export const lookupQuery = z.object({
  ma: optionalText('mã hồ sơ', 60),
  /** The lookup secret (mã bảo mật) printed on the receipt and sent to the applicant. */
  bm: optionalText('mã bảo mật', 20),
});
