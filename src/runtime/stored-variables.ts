/**
 * A row of the `variable` projection as the read side hands it out: the Camunda type name,
 * the jsonb value and valueInfo, ready for the REST layer's `fromStored`.
 */
export interface StoredVariableRow {
  name: string;
  type: string;
  value: unknown;
  valueInfo: Record<string, unknown>;
}

export function readVariableRows(rows: Array<Record<string, unknown>>): StoredVariableRow[] {
  return rows.map((r) => ({
    name: String(r.name),
    type: String(r.type),
    value: r.value ?? null,
    valueInfo: (r.value_info as Record<string, unknown> | null) ?? {},
  }));
}
