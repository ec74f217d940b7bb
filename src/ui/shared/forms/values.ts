/**
 * Between the form's controls (strings, as inputs hold them) and Camunda's typed variables:
 * what form-variables gives, what the page checks before sending, what complete receives.
 */
import { isUnitField, type FormFieldDef } from './form-fields.js';

export type TypedVariable = { value: unknown; type: string; valueInfo?: Record<string, unknown> };
export type VariableMap = Record<string, TypedVariable>;

/** The control's text for a current value ('' for none; an unresolved `${…}` default is none). */
export function toInputValue(field: FormFieldDef, v: TypedVariable | undefined): string {
  const value = v?.value;
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const text = String(value);
  if (/^\$\{.*\}$/.test(text)) return '';
  if (field.type === 'date') return chinaDay(text);
  return text;
}

/** yyyy-MM-dd in China time, for <input type=date>. */
function chinaDay(text: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const d = new Date(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
}

/** The problem with one field's text, in the words a 12345 office uses; null when fine. */
export function fieldProblem(field: FormFieldDef, text: string): string | null {
  const value = text.trim();
  if (value === '') {
    if (!field.required) return null;
    return field.type === 'enum' || field.type === 'boolean' || isUnitField(field) ? `请选择“${field.label}”` : `请填写“${field.label}”`;
  }
  switch (field.type) {
    case 'long': {
      if (!/^[+-]?\d+$/.test(value) || !Number.isSafeInteger(Number(value))) return `“${field.label}”须为整数`;
      const n = Number(value);
      if (field.min !== null && n < field.min) return `“${field.label}”不得小于 ${field.min}`;
      if (field.max !== null && n > field.max) return `“${field.label}”不得大于 ${field.max}`;
      return null;
    }
    case 'boolean':
      return value === 'true' || value === 'false' ? null : `请选择“${field.label}”`;
    case 'date':
      return /^\d{4}-\d{2}-\d{2}$/.test(value) ? null : `“${field.label}”不是有效日期`;
    case 'enum':
      return field.options.some((o) => o.id === value) ? null : `“${field.label}”须为：${field.options.map((o) => o.name).join('、')}`;
    default:
      if (field.minLength !== null && value.length < field.minLength) return `“${field.label}”至少 ${field.minLength} 个字`;
      if (field.maxLength !== null && value.length > field.maxLength) return `“${field.label}”最多 ${field.maxLength} 个字`;
      return null;
  }
}

/** The typed variable complete receives; undefined: nothing to send (empty or readonly). */
export function toTypedVariable(field: FormFieldDef, text: string): TypedVariable | undefined {
  const value = text.trim();
  if (field.readonly || value === '') return undefined;
  switch (field.type) {
    case 'long':
      return { value: Number(value), type: 'Long' };
    case 'boolean':
      return { value: value === 'true', type: 'Boolean' };
    case 'date':
      // Camunda's wire pattern yyyy-MM-dd'T'HH:mm:ss.SSSZ, the start of that day in China.
      return { value: `${value}T00:00:00.000+0800`, type: 'Date' };
    default:
      return { value, type: 'String' };
  }
}
