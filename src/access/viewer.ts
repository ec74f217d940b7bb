import type { Principal } from './principal.js';

/** The masking roles of src/work-orders/masking.ts, most trusted first. */
export type MaskingRole = 'admin' | 'dispatcher' | 'handler' | 'observer';

/**
 * Which masking rule applies to the user: administrators and the offices that register and
 * call back see the requester; handling units see them except for 举报; supervisors, auditors
 * and workers see the order, not the person. With several roles the most trusted wins.
 */
export function maskingRoleOf(principal: Principal): MaskingRole {
  const roles = principal.roles;
  if (roles.includes('administrator')) return 'admin';
  if (roles.includes('dispatcher')) return 'dispatcher';
  if (roles.includes('handler') || roles.includes('unit-head')) return 'handler';
  return 'observer';
}
