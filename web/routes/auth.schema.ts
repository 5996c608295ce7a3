/** What the sign-in form sends, and where to go after. */
import { z } from 'zod';
import { optionalText, requiredText } from '../validation';

export const signInBody = z.object({
  username: requiredText('tên đăng nhập', 60).transform((name) => name.toLowerCase()),
  password: z
    .string({ error: (issue) => (issue.input === undefined ? 'Vui lòng nhập mật khẩu.' : 'Mật khẩu chỉ nhận một giá trị.') })
    .min(1, 'Vui lòng nhập mật khẩu.')
    .max(200, 'Mật khẩu không được dài quá 200 ký tự.'),
  next: optionalText('trang tiếp theo', 500),
});

export const signInQuery = z.object({
  tiep: z.string().max(500).optional().catch(undefined),
});
