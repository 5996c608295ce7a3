/**
 * The people the identity-provider sandbox knows. It stands in for the national single sign-on:
 * accounts are given to it (npm start gives the demo officials, tests the people they need),
 * each with an opaque, stable subject, as a real identity provider issues, never the user name.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

/** The password of every sandbox account unless one says otherwise (the demo officials' password). */
export const SANDBOX_PASSWORD = 'motcua-demo';

export const sandboxAccount = z.object({
  /** What the person types at the sandbox's sign-in page; sent as `preferred_username`. */
  username: z.string().min(1).max(100),
  name: z.string().min(1).max(200),
  email: z.string().email().optional(),
  password: z.string().min(1).max(200).optional(),
  /** The `sub` of the ID tokens; default: derived from the user name (stable across restarts). */
  subject: z.string().min(1).max(255).optional(),
});
export type SandboxAccount = z.infer<typeof sandboxAccount>;

export interface KnownAccount {
  subject: string;
  username: string;
  name: string;
  email: string;
  password: string;
}

/** A UUID-shaped subject from the user name: opaque, but the same on every start. */
export function subjectOf(username: string): string {
  const hex = createHash('sha256').update(`motcua-identity-sandbox\n${username}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function knownAccounts(accounts: readonly SandboxAccount[]): KnownAccount[] {
  return accounts.map((a) => ({
    subject: a.subject ?? subjectOf(a.username),
    username: a.username,
    name: a.name,
    email: a.email ?? `${a.username}@dinhdanh.sandbox.invalid`,
    password: a.password ?? SANDBOX_PASSWORD,
  }));
}

/** Accounts as JSON text (IDENTITY_SANDBOX_ACCOUNTS), checked. */
export function parseAccounts(json: string): SandboxAccount[] {
  return z.array(sandboxAccount).min(1).parse(JSON.parse(json));
}
