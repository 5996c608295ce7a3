/** What the identity provider sends back to the callback: each parameter once, of a sane length (others are ignored). */
import { z } from 'zod';

const one = (max: number) => z.string().max(max).optional();

export const ssoCallbackQuery = z.object({
  code: one(2000),
  state: one(500),
  iss: one(500),
  error: one(200),
  error_description: one(1000),
});
