import type { Principal } from './principal.js';

/**
 * Form variables that stand for the unit head's signature (单位主要领导签批). The schemes have
 * no unit-head candidate group: the unit's task is one task for the whole unit, and the head
 * signs on it when the unit applies for a return or an extension (获嘉, processes/README.md).
 * So the check is on the variable: only a unit head (or an administrator) may set it.
 */
export const SIGNATURE_VARIABLES: readonly string[] = ['unitHeadSignature'];

/** The signature variable the user may not set, if the completion sets one; else undefined. */
export function unauthorizedSignature(principal: Principal, variables: Record<string, unknown> | undefined): string | undefined {
  if (!variables || principal.roles.includes('unit-head') || principal.roles.includes('administrator')) return undefined;
  return SIGNATURE_VARIABLES.find((name) => signed(variables[name]));
}

/** A typed Camunda value `{value, type}` or a bare value; empty strings and null sign nothing. */
function signed(entry: unknown): boolean {
  const value = entry !== null && typeof entry === 'object' && 'value' in entry ? (entry as { value: unknown }).value : entry;
  return value !== undefined && value !== null && !(typeof value === 'string' && value.trim() === '');
}
