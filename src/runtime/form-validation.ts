import type { FormField } from '../engine/index.js';
import { FormValidationError } from '../engine/index.js';

/**
 * Checks completion variables against the task's `camunda:formData` fields: required fields
 * must end up with a value (submitted now, or already on the instance), enum fields take only
 * their listed ids, typed fields take only values of their type, readonly fields are not
 * submitted. The handler sees which field and why.
 */
export function validateFormVariables(
  taskId: string,
  fields: FormField[],
  submitted: Record<string, unknown>,
  existing: Record<string, unknown>,
): void {
  for (const field of fields) {
    const has = Object.hasOwn(submitted, field.id);
    const value = has ? submitted[field.id] : existing[field.id];
    if (has && field.readonly) throw new FormValidationError(taskId, field.id, 'is read-only');
    if (value === undefined || value === null || value === '') {
      if (field.required) throw new FormValidationError(taskId, field.id, `is required${field.label ? ` (${field.label})` : ''}`);
      continue;
    }
    if (!has) continue;
    const problem = checkType(field, value);
    // A diagram may quote the rule that forbids the value (`camunda:property id="refusalMessage"`).
    const refusal = field.properties?.refusalMessage;
    if (problem) throw new FormValidationError(taskId, field.id, refusal ? `${problem}. ${refusal}` : problem);
    for (const c of field.constraints) {
      const limit = Number(c.config);
      if ((c.name === 'minlength' || c.name === 'maxlength') && typeof value === 'string' && Number.isFinite(limit)) {
        if (c.name === 'minlength' && value.length < limit) return fail(taskId, field, `must have at least ${limit} characters`);
        if (c.name === 'maxlength' && value.length > limit) return fail(taskId, field, `must have at most ${limit} characters`);
      }
      if ((c.name === 'min' || c.name === 'max') && typeof value === 'number' && Number.isFinite(limit)) {
        if (c.name === 'min' && value < limit) return fail(taskId, field, `must be ${limit} or more`);
        if (c.name === 'max' && value > limit) return fail(taskId, field, `must be ${limit} or less`);
      }
    }
  }
}

function fail(taskId: string, field: FormField, reason: string): never {
  throw new FormValidationError(taskId, field.id, reason);
}

function checkType(field: FormField, value: unknown): string | null {
  switch (field.type) {
    case 'long':
      return typeof value === 'number' && Number.isInteger(value) ? null : 'must be an integer';
    case 'boolean':
      return typeof value === 'boolean' ? null : 'must be true or false';
    case 'string':
      return typeof value === 'string' ? null : 'must be a string';
    case 'date':
      return value instanceof Date || (typeof value === 'string' && !Number.isNaN(Date.parse(value))) ? null : 'must be a date';
    case 'enum': {
      const ids = field.values.map((v) => v.id);
      return typeof value === 'string' && ids.includes(value) ? null : `must be one of ${ids.join(', ')}`;
    }
    default:
      return null;
  }
}
