export const unitColumns = `id, name, kind, region_id, created_at`;
export const listUnits = `SELECT ${unitColumns} FROM unit ORDER BY id`;
export const unitById = `SELECT ${unitColumns} FROM unit WHERE id = $1`;
export const insertUnit = `
  INSERT INTO unit (id, name, kind, region_id, created_at) VALUES ($1, $2, $3, $4, $5)
  ON CONFLICT (id) DO NOTHING RETURNING ${unitColumns}`;
export const updateUnit = `
  UPDATE unit SET name = coalesce($2, name), kind = coalesce($3, kind), region_id = CASE WHEN $4 THEN $5 ELSE region_id END
  WHERE id = $1 RETURNING ${unitColumns}`;
export const regionExists = `SELECT 1 FROM region WHERE id = $1`;
