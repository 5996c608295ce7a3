/** The mailbox's filter: one recipient address. */
import { z } from 'zod';
import { optionalText } from '../validation';

export const mailboxQuery = z.object({
  den: optionalText('địa chỉ nhận', 200).transform((address) => address.toLowerCase()),
});
