import type { FormField } from '../../engine/index.js';
import { tryParseCamundaDate, type TypedValue, type VariableMap } from '../camunda/index.js';

/**
 * Camunda's `GET /task/{id}/form-variables`: every process variable, and one entry per form
 * field — the variable's current value when the instance has it, else the field's default
 * converted to the field's type (`long` → Long, `date` → Date, `enum` → String, …).
 */
export function formVariables(fields: readonly FormField[], variables: VariableMap): VariableMap {
  const result: VariableMap = { ...variables };
  for (const field of fields) {
    if (Object.hasOwn(result, field.id)) continue;
    result[field.id] = defaultValue(field);
  }
  return result;
}

function defaultValue(field: FormField): TypedValue {
  const raw = field.defaultValue;
  const valueInfo = {};
  switch (field.type) {
    case 'long': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^[+-]?\d+$/.test(raw.trim()) ? Number(raw) : null;
      return { type: 'Long', value: n !== null && Number.isSafeInteger(n) ? n : null, valueInfo };
    }
    case 'boolean': {
      const b = typeof raw === 'boolean' ? raw : raw === 'true' ? true : raw === 'false' ? false : null;
      return { type: 'Boolean', value: b, valueInfo };
    }
    case 'date':
      return { type: 'Date', value: toDate(raw), valueInfo };
    default:
      return { type: 'String', value: raw === null || raw === undefined ? null : String(raw), valueInfo };
  }
}

/** Camunda's form date pattern is `dd/MM/yyyy`; ISO instants (an expression's result) work too. */
function toDate(raw: unknown): Date | null {
  if (raw instanceof Date) return raw;
  if (typeof raw !== 'string') return null;
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(raw.trim());
  if (m) return new Date(`${m[3]}-${m[2]}-${m[1]}T00:00:00+08:00`);
  const d = tryParseCamundaDate(raw) ?? new Date(raw);
  return Number.isNaN(d.getTime()) ? null : d;
}
