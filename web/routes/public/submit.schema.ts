/** The public submission form: the procedure in the path, its form's values in the body. */
import { z } from 'zod';
import { formWith, optionalText, requestIdField, requiredText } from '../../validation';

export const procedureParams = z.object({ procedure: requiredText('mã thủ tục', 60) });

export const submitBody = formWith({ requestId: requestIdField });

export const submittedParams = z.object({ code: requiredText('mã hồ sơ', 60) });

/** The confirmation page shows the lookup secret, so its address must carry it. */
export const submittedQuery = z.object({ bm: optionalText('mã bảo mật', 20) });
