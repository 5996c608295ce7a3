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
  /** The official's language (web/i18n); absent in sessions made before it existed: the cookie's, or Vietnamese. */
  language?: string;
}

/** What a sign-in (password or SSO) keeps of an official whose agency is loaded. */
export function sessionUserOf(official: {
  id: number;
  username: string;
  fullName: string;
  role: OfficialRole;
  agency: { id: number; code: string; name: string };
  language?: string | null;
}): SessionUser {
  return {
    id: official.id,
    username: official.username,
    name: official.fullName,
    role: official.role,
    agencyId: official.agency.id,
    agencyCode: official.agency.code,
    agencyName: official.agency.name,
    ...(official.language ? { language: official.language } : {}),
  };
}

export function actorOf(user: SessionUser): Actor {
  return { id: String(user.id), username: user.username, name: user.name, role: user.role, agencyCode: user.agencyCode };
}

declare module 'express-session' {
  interface SessionData {
    user?: SessionUser;
    csrfToken?: string;
    flash?: { kind: 'success' | 'error' | 'info'; text: string; values?: Record<string, string | number> }[];
  }
}
