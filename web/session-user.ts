/** The signed-in official as kept in the session, and the workflow Actor built from it. */
import 'express-session';
import type { OfficialRole } from '../domain/roles';
import type { Actor } from '../workflows/messages';

export interface SessionUser {
  id: number;
  username: string;
  name: string;
  role: OfficialRole;
  agencyId: number;
  agencyCode: string;
  agencyName: string;
}

export function actorOf(user: SessionUser): Actor {
  return { id: String(user.id), username: user.username, name: user.name, role: user.role, agencyCode: user.agencyCode };
}

declare module 'express-session' {
  interface SessionData {
    user?: SessionUser;
    csrfToken?: string;
    flash?: { kind: 'success' | 'error' | 'info'; text: string }[];
  }
}
