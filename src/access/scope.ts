import type { Principal } from './principal.js';
import { REGION_WIDE_ROLES } from './roles.js';

/**
 * What part of the work a user may see. Queries add it to their WHERE (see the
 * `restrict…` functions), so a row outside it is never read: lists skip it and a lookup by id
 * answers 404, exactly as for an id that does not exist.
 */
export interface AccessScope {
  /** The user's Camunda id: tasks assigned to it stay visible whatever their unit. */
  userId: string;
  /** null: every region; else only instances (tenant) and orders (region) of this region. */
  region: string | null;
  /** null: every unit's work; else only work offered to these candidate groups. */
  units: readonly string[] | null;
}

/**
 * Administrators and workers see everything. Dispatchers, supervisors and auditors see every
 * unit's work of their unit's region (all regions when the unit has none). Handlers and unit
 * heads see their own unit's work of their region, plus whatever is assigned to them.
 */
export function scopeOf(principal: Principal): AccessScope {
  if (principal.roles.includes('administrator') || principal.roles.includes('worker')) {
    return { userId: principal.username, region: null, units: null };
  }
  const regionWide = principal.roles.some((r) => REGION_WIDE_ROLES.includes(r));
  return {
    userId: principal.username,
    region: principal.region,
    units: regionWide ? null : principal.unitId ? [principal.unitId] : [],
  };
}

export function isUnrestricted(scope: AccessScope | undefined): boolean {
  return scope === undefined || (scope.region === null && scope.units === null);
}
