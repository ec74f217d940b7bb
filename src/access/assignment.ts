import type { Principal } from './principal.js';
import type { Role } from './roles.js';

/** Who hands tasks to other people: the offices, a unit's head (within the unit), administrators. */
const ASSIGNERS: readonly Role[] = ['administrator', 'dispatcher', 'unit-head'];

/**
 * Whether the user may make `assignee` (null: nobody) the holder of a task it can see, taking
 * it from `current`. Anyone who works tasks may claim for themselves and give back their own;
 * assigning to somebody else, or taking a task from its holder, is for assigners.
 */
export function mayAssign(principal: Principal, assignee: string | null, current: string | null): boolean {
  if (principal.roles.some((r) => ASSIGNERS.includes(r))) return true;
  const own = (user: string | null) => user === null || user === principal.username;
  return own(current) && own(assignee);
}
