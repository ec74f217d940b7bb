/** The `variable` table is a queryable projection of the process variables in the engine state. */

export const upsertVariables = `
  INSERT INTO variable (process_instance_id, name, type, value, value_info)
  SELECT $1, v.name, v.type, v.value, v.value_info
  FROM jsonb_to_recordset($2::jsonb) AS v(name text, type text, value jsonb, value_info jsonb)
  ON CONFLICT (process_instance_id, name)
  DO UPDATE SET type = EXCLUDED.type, value = EXCLUDED.value, value_info = EXCLUDED.value_info
  WHERE (variable.type, variable.value, variable.value_info) IS DISTINCT FROM (EXCLUDED.type, EXCLUDED.value, EXCLUDED.value_info)`;

export const deleteVariablesExcept = `DELETE FROM variable WHERE process_instance_id = $1 AND NOT (name = ANY($2))`;
