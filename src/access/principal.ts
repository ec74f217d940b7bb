import type { Role } from './roles.js';

/** The signed-in user as every check sees it (built by src/auth from the user's row). */
export interface Principal {
  id: string;
  /** The Camunda user id: what `assignee`, history `userId` and timelines record. */
  username: string;
  displayName: string;
  /** The unit = the candidate group whose tasks the user works; null for administrators. */
  unitId: string | null;
  /** The unit's region; null: every region. */
  region: string | null;
  roles: readonly Role[];
}

export function hasAnyRole(principal: Principal, roles: readonly Role[]): boolean {
  return principal.roles.some((r) => roles.includes(r));
}
