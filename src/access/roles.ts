/**
 * The roles a user can hold (docs/auth.md has the table of what each may do). A user may hold
 * several; every check asks "does any of them allow it".
 *
 * - administrator: everything, every region; manages users, units, deployments, calendars.
 * - dispatcher: the hotline office (12345热线办) and other offices that register and dispatch
 *   orders: sees all work of its region, starts processes, works its own unit's tasks.
 * - handler: a handling unit (承办单位): sees and works only its unit's tasks and orders.
 * - unit-head: a handler who may also sign returns and extensions (单位主要领导签批).
 * - supervisor: supervision (督查室, 纪委监委): sees all of its region, works its unit's tasks.
 * - auditor: reads everything of its region, changes nothing.
 * - worker: an external-task worker's service account (fetchAndLock, complete, …).
 */
export const ROLES = ['administrator', 'dispatcher', 'handler', 'unit-head', 'supervisor', 'auditor', 'worker'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Roles that work user tasks (claim, complete); auditors and workers do not. */
export const TASK_ROLES: readonly Role[] = ['administrator', 'dispatcher', 'handler', 'unit-head', 'supervisor'];

/** Roles that see every unit's work in their region (not only their own unit's). */
export const REGION_WIDE_ROLES: readonly Role[] = ['administrator', 'dispatcher', 'supervisor', 'auditor', 'worker'];
