/**
 * Password hashing with bcrypt (cost 12): a pure-JavaScript implementation, so nothing native
 * has to load on whatever machine runs motcua. Each hash carries its own salt.
 */
import bcrypt from 'bcryptjs';

const COST = 12;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, COST);
}

export function verifyPassword(hash: string, password: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

/** bcrypt (cost 12) of a random password nobody knows, computed once. */
const NOBODY_HASH = '$2b$12$gXMqHBwksSTnt8zDLX2q2.rcntr7KHFEiX5QnKMUdPScmFZI/jAzK';

/**
 * The work of a password check for a user name that has no account, so the answer takes as
 * long as for a real account and the time taken does not tell which names exist. Always false.
 */
export async function verifyNobodysPassword(password: string): Promise<false> {
  await bcrypt.compare(password, NOBODY_HASH);
  return false;
}
