import type { Clock } from '../clock/index.js';
import type { ElementApi } from './bpmn-types.js';
import { InvalidTaskAttributeError } from './errors.js';

export interface FormField {
  id: string;
  label: string | null;
  type: string;
  defaultValue: unknown;
  required: boolean;
  readonly: boolean;
  /** For `enum` fields: the allowed values. */
  values: Array<{ id: string; name: string | null }>;
  constraints: Array<{ name: string; config: string | null }>;
  /** `camunda:properties` of the field, e.g. `refusalMessage`: the rule quoted when a value is refused. */
  properties: Record<string, string>;
}

/** What a user task row needs, resolved when the task is created (as Camunda does). */
export interface UserTaskSpec {
  name: string | null;
  description: string | null;
  assignee: string | null;
  candidateUsers: string[];
  candidateGroups: string[];
  due: Date | null;
  followUp: Date | null;
  formKey: string | null;
  priority: number;
  formFields: FormField[];
}

/**
 * Resolves a user task's Camunda attributes (`camunda:assignee`, `candidateGroups`, `dueDate`,
 * `formKey`, form fields…), which bpmn-elements parses but ignores. Expressions see the
 * process variables and the task's input mappings.
 */
export function describeUserTask(api: ElementApi, clock: Clock): UserTaskSpec {
  const b = api.owner.behaviour;
  const text = (attr: string, value: unknown): string | null => {
    if (typeof value !== 'string' || value.trim() === '') return null;
    const resolved = /[$#]\{/.test(value) ? api.resolveExpression(value) : value;
    if (resolved === null || resolved === undefined || resolved === '') return null;
    if (resolved instanceof Date) return resolved.toISOString();
    if (typeof resolved === 'object') {
      if (Array.isArray(resolved)) return resolved.join(',');
      throw new InvalidTaskAttributeError(api.id, attr, `expression gave an object`);
    }
    return String(resolved);
  };
  const priorityText = text('priority', b.priority);
  const priority = priorityText === null ? 50 : Number(priorityText);
  if (!Number.isInteger(priority)) throw new InvalidTaskAttributeError(api.id, 'priority', `'${priorityText}' is not an integer`);
  return {
    name: text('name', api.owner.name),
    description: b.documentation?.map((d) => d.text ?? '').join('\n').trim() || null,
    assignee: text('assignee', b.assignee),
    candidateUsers: list(text('candidateUsers', b.candidateUsers)),
    candidateGroups: list(text('candidateGroups', b.candidateGroups)),
    due: toDate(api.id, 'dueDate', text('dueDate', b.dueDate), clock),
    followUp: toDate(api.id, 'followUpDate', text('followUpDate', b.followUpDate), clock),
    formKey: text('formKey', b.formKey),
    priority,
    formFields: formFields(api),
  };
}

function list(value: string | null): string[] {
  if (!value) return [];
  return [...new Set(value.split(',').map((s) => s.trim()).filter(Boolean))];
}

/** Accepts an ISO instant or, as a convenience, an ISO duration counted from now. */
function toDate(activityId: string, attr: string, value: string | null, clock: Clock): Date | null {
  if (value === null) return null;
  if (/^P/.test(value)) {
    const m = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?$/.exec(value);
    if (!m) throw new InvalidTaskAttributeError(activityId, attr, `'${value}' is not a supported ISO 8601 duration`);
    const ms = ((Number(m[1] ?? 0) * 24 + Number(m[2] ?? 0)) * 60 + Number(m[3] ?? 0)) * 60_000;
    return new Date(clock.now().getTime() + ms);
  }
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new InvalidTaskAttributeError(activityId, attr, `'${value}' is not a date`);
  return d;
}

interface RawFormField {
  id: string;
  label?: string;
  type?: string;
  defaultValue?: string;
  validation?: { constraints?: Array<{ name: string; config?: string }> };
  values?: Array<{ id: string; name?: string }>;
  properties?: { values?: Array<{ id?: string; value?: string }> };
}

function formFields(api: ElementApi): FormField[] {
  const formData = api.owner.behaviour.extensionElements?.values?.find((v) => v.$type === 'camunda:FormData') as
    | { fields?: RawFormField[] }
    | undefined;
  return (formData?.fields ?? []).map((f) => {
    const constraints = (f.validation?.constraints ?? []).map((c) => ({ name: c.name, config: c.config ?? null }));
    const defaultValue = f.defaultValue !== undefined && /[$#]\{/.test(f.defaultValue) ? api.resolveExpression(f.defaultValue) : f.defaultValue;
    return {
      id: f.id,
      label: f.label ?? null,
      type: f.type ?? 'string',
      defaultValue: defaultValue ?? null,
      required: constraints.some((c) => c.name === 'required'),
      readonly: constraints.some((c) => c.name === 'readonly'),
      values: (f.values ?? []).map((v) => ({ id: v.id, name: v.name ?? null })),
      constraints,
      properties: Object.fromEntries((f.properties?.values ?? []).filter((p) => p.id).map((p) => [p.id!, p.value ?? ''])),
    };
  });
}
