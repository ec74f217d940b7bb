/**
 * A user task's `camunda:formData` fields, read from its process definition's XML with
 * bpmn-moddle and the Camunda extension, so the page asks exactly what the service will check
 * (src/runtime/form-validation.ts): required, readonly, types, enum values, lengths, bounds.
 */
import { BpmnModdle } from 'bpmn-moddle';
import camundaDescriptor from 'camunda-bpmn-moddle/resources/camunda.json';

export type FieldType = 'string' | 'long' | 'boolean' | 'date' | 'enum';

export interface FormFieldDef {
  id: string;
  label: string;
  type: FieldType;
  defaultValue: string | null;
  /** enum: allowed ids and the names shown for them. */
  options: { id: string; name: string }[];
  required: boolean;
  readonly: boolean;
  minLength: number | null;
  maxLength: number | null;
  min: number | null;
  max: number | null;
  properties: Record<string, string>;
}

interface ModdleElement {
  $type: string;
  id?: string;
  name?: string;
  value?: string;
  label?: string;
  type?: string;
  defaultValue?: string;
  config?: string;
  values?: ModdleElement[];
  fields?: ModdleElement[];
  validation?: { constraints?: ModdleElement[] };
  properties?: { values?: ModdleElement[] };
  extensionElements?: { values?: ModdleElement[] };
}

const TYPES: readonly FieldType[] = ['string', 'long', 'boolean', 'date', 'enum'];

/** The form fields of `taskDefinitionKey` in `xml` ([] when the task has no formData). */
export async function readFormFields(xml: string, taskDefinitionKey: string): Promise<FormFieldDef[]> {
  const moddle = new BpmnModdle({ camunda: camundaDescriptor });
  const { elementsById } = (await moddle.fromXML(xml)) as unknown as { elementsById: Record<string, ModdleElement | undefined> };
  const task = elementsById[taskDefinitionKey];
  const formData = task?.extensionElements?.values?.find((v) => v.$type === 'camunda:FormData');
  return (formData?.fields ?? []).map(toField);
}

function toField(f: ModdleElement): FormFieldDef {
  const constraints = f.validation?.constraints ?? [];
  const has = (name: string) => constraints.some((c) => c.name === name);
  const num = (name: string): number | null => {
    const c = constraints.find((k) => k.name === name);
    const n = c?.config !== undefined ? Number(c.config) : NaN;
    return Number.isFinite(n) ? n : null;
  };
  const properties: Record<string, string> = {};
  for (const p of f.properties?.values ?? []) {
    // Diagrams name properties by `id` (refusalMessage) or `name`; either works.
    const key = p.id ?? p.name;
    if (key) properties[key] = p.value ?? '';
  }
  const type = TYPES.includes(f.type as FieldType) ? (f.type as FieldType) : 'string';
  return {
    id: f.id ?? '',
    label: f.label || f.id || '',
    type,
    defaultValue: f.defaultValue ?? null,
    options: (f.values ?? []).map((v) => ({ id: v.id ?? '', name: v.name || v.id || '' })),
    required: has('required'),
    readonly: has('readonly'),
    minLength: num('minlength'),
    maxLength: num('maxlength'),
    min: num('min'),
    max: num('max'),
    properties,
  };
}

/** Handling-unit pickers: the schemes name them `unit` / `coUnits` or label them 候选组. */
export function isUnitField(f: FormFieldDef): boolean {
  return f.type === 'string' && (f.id === 'unit' || f.id === 'coUnits' || f.label.includes('候选组'));
}

/** Several units at once (comma separated, as 平顶山's 其他相关部门（逗号分隔）). */
export function isMultiUnitField(f: FormFieldDef): boolean {
  return f.id === 'coUnits';
}

// The schemes' replies, reasons and minutes are paragraphs; no diagram marks them, so the label decides.
const LONG_TEXT = /情况|理由|依据|意见|纪要|内容|说明|记录|要求|措施|答复|结果|指引/;

export function isLongText(f: FormFieldDef): boolean {
  return f.type === 'string' && !isUnitField(f) && (f.properties.multiline === 'true' || LONG_TEXT.test(f.label));
}
