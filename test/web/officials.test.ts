/** An installation creates its own officials; they sign in with the password given, nobody else can. */
import { createOfficial } from '../../db/officials';
import { startStack, type Stack } from '../support/stack';
import { WebClient } from '../support/web-client';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(() => stack?.stop());

test('creates an official who then signs in to the queue of the agency', async () => {
  await createOfficial(stack.db.orm, {
    username: 'hn.csgt.nguyenvanbinh',
    fullName: 'Nguyễn Văn Bình',
    role: 'receiver',
    agencyCode: 'CSGT-01',
    password: 'mật-khẩu-đủ-dài-2026',
  });
  const web = new WebClient(stack.baseUrl);
  expect((await web.signIn('hn.csgt.nguyenvanbinh', 'sai-mat-khau-roi')).status).toBe(401);
  const page = await web.signIn('hn.csgt.nguyenvanbinh', 'mật-khẩu-đủ-dài-2026');
  expect(page.status).toBe(303);
  expect((await web.get('/cong-viec')).text).toContain('Nguyễn Văn Bình');
});

test('refuses an account with every reason at once', async () => {
  await expect(
    createOfficial(stack.db.orm, { username: 'hn.tiepnhan', fullName: ' ', role: 'chief', agencyCode: 'NOWHERE-99', password: 'short' }),
  ).rejects.toThrow(
    'Cannot create the official:\n  full name: required\n  role: one of receiver, specialist, leader, supervisor, admin\n  password: at least 12 characters\n  agency: no agency with code NOWHERE-99\n  username: hn.tiepnhan is taken',
  );
});
