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
