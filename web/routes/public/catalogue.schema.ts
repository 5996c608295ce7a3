/** A procedure's page: its code, and optionally the version to show. */
import { z } from 'zod';
import { positiveInteger, requiredText } from '../../validation';

export const procedurePageParams = z.object({ code: requiredText('mã thủ tục', 60) });

export const procedurePageQuery = z.object({ 'phien-ban': positiveInteger('phiên bản').optional() });
