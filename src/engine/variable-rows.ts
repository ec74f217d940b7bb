/** Names bpmn-elements writes into every process's variables; they are not business data. */
const ENGINE_OWNED = new Set(['fields', 'content', 'properties']);

export interface VariableRow {
  name: string;
  type: string;
  value: unknown;
  value_info: Record<string, unknown>;
}

/**
 * Projects the engine's process variables into `variable` rows with Camunda type names, so
 * queries (`processVariables=…`, the ledger) need not open engine states.
 */
export function toVariableRows(variables: Record<string, unknown>): VariableRow[] {
  const rows: VariableRow[] = [];
  for (const [name, value] of Object.entries(variables)) {
    if (ENGINE_OWNED.has(name) || typeof value === 'function' || value === undefined) continue;
    rows.push({ name, ...typed(value), value_info: {} });
  }
  return rows;
}

function typed(value: unknown): { type: string; value: unknown } {
  if (value === null) return { type: 'Null', value: null };
  if (value instanceof Date) return { type: 'Date', value: value.toISOString() };
  switch (typeof value) {
    case 'string':
      return { type: 'String', value };
    case 'boolean':
      return { type: 'Boolean', value };
    case 'number':
      if (!Number.isFinite(value)) return { type: 'Double', value: null };
      if (!Number.isInteger(value)) return { type: 'Double', value };
      return { type: value >= -2147483648 && value <= 2147483647 ? 'Integer' : 'Long', value };
    case 'bigint':
      return { type: 'Long', value: Number(value) };
    default:
      return { type: 'Json', value: JSON.parse(JSON.stringify(value)) as unknown };
  }
}

/** Reads a stored row back into the value the engine holds. */
export function fromVariableRow(type: string, value: unknown): unknown {
  if (type === 'Date' && typeof value === 'string') return new Date(value);
  return value;
}
