/** Roles of officials. Kept free of other imports: workflow code uses it. */
export const TASK_ROLES = ['receiver', 'specialist', 'leader'] as const;
/** The supervisor watches and reassigns but owns no step. */
export const OFFICIAL_ROLES = [...TASK_ROLES, 'supervisor', 'admin'] as const;
export type TaskRole = (typeof TASK_ROLES)[number];
export type OfficialRole = (typeof OFFICIAL_ROLES)[number];

export const ROLE_LABELS: Record<OfficialRole, string> = {
  receiver: 'Cán bộ tiếp nhận',
  specialist: 'Chuyên viên xử lý',
  leader: 'Lãnh đạo phê duyệt',
  supervisor: 'Cán bộ giám sát',
  admin: 'Quản trị hệ thống',
};

/** Whether a role works tasks of steps (the others watch, reassign or administer). */
export function isTaskRole(role: OfficialRole): role is TaskRole {
  return (TASK_ROLES as readonly string[]).includes(role);
}
