/**
 * Creating back-office accounts: outside the demo data, this is how an installation gets its
 * officials (`npm run official:create`). The password is hashed (bcrypt, own salt) and never stored.
 */
import { OFFICIAL_ROLES, type OfficialRole } from '../domain/roles';
import { hashPassword } from '../domain/passwords';
import { appendAudit } from './audit';
import { Agency, Official } from './entities';
import type { Orm } from './orm';

export interface NewOfficial {
  username: string;
  fullName: string;
  role: string;
  agencyCode: string;
  password: string;
  /** Who creates it, for the audit trail (the operator's login for the command). */
  createdBy?: string;
}

const MIN_PASSWORD = 12;

/** Creates the account, or throws with every reason it cannot. */
export async function createOfficial(orm: Orm, input: NewOfficial): Promise<void> {
  const em = orm.em.fork();
  const problems: string[] = [];
  const username = input.username.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9._-]{2,59}$/.test(username)) problems.push('username: 3 to 60 letters, digits, dots, dashes or underscores');
  if (!input.fullName.trim()) problems.push('full name: required');
  if (!(OFFICIAL_ROLES as readonly string[]).includes(input.role)) problems.push(`role: one of ${OFFICIAL_ROLES.join(', ')}`);
  if (input.password.length < MIN_PASSWORD) problems.push(`password: at least ${MIN_PASSWORD} characters`);
  const agency = await em.findOne(Agency, { code: input.agencyCode, validTo: null });
  if (!agency) problems.push(`agency: no agency with code ${input.agencyCode}`);
  if (await em.count(Official, { username })) problems.push(`username: ${username} is taken`);
  if (problems.length) throw new Error(`Cannot create the official:\n  ${problems.join('\n  ')}`);
  await em.transactional(async (tx) => {
    tx.create(Official, {
      username,
      fullName: input.fullName.normalize('NFC').trim(),
      role: input.role as OfficialRole,
      agency: agency!,
      passwordHash: await hashPassword(input.password),
      active: true,
      createdAt: new Date(),
    });
    await tx.flush();
    // Last in the transaction: the trail's lock is held until the commit.
    await appendAudit(tx, {
      actor: input.createdBy ?? 'van-hanh',
      action: 'official-created',
      target: `can-bo:${username}`,
      agencyCode: agency!.code,
      detail: { username, role: input.role },
    });
  });
}
