/** Statements on regions and their activation history. */

export const upsertRegion = `
  INSERT INTO region (id, name, created_at) VALUES ($1, $2, $3)
  ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name`;

export const regionById = `SELECT id, name, created_at FROM region WHERE id = $1`;

/** Serialises activations of one region, so "previous" is always the row before. */
export const lockRegion = `SELECT id FROM region WHERE id = $1 FOR UPDATE`;

const activationColumns = `a.id, a.region_id, a.definition_id, a.previous_definition_id, a.kind, a.activated_by, a.reason, a.activated_at,
  d.key AS definition_key, d.version AS definition_version, d.name AS definition_name, d.tenant_id AS definition_tenant_id`;

export const activeOfRegion = `
  SELECT ${activationColumns} FROM region_activation a LEFT JOIN process_definition d ON d.id = a.definition_id
  WHERE a.region_id = $1 ORDER BY a.id DESC LIMIT 1`;

export const activationsOfRegion = `
  SELECT ${activationColumns} FROM region_activation a LEFT JOIN process_definition d ON d.id = a.definition_id
  WHERE a.region_id = $1 ORDER BY a.id DESC LIMIT $2 OFFSET $3`;

export const listRegions = `SELECT id FROM region ORDER BY id`;

export const insertActivation = `
  INSERT INTO region_activation (region_id, definition_id, previous_definition_id, kind, activated_by, reason, activated_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`;

/** Definitions that are the active one of some region: deleting them would strand new work orders. */
export const activeDefinitionsIn = `
  SELECT DISTINCT ON (a.region_id) a.region_id, a.definition_id FROM region_activation a
  ORDER BY a.region_id, a.id DESC`;

export const definitionForRegion = `SELECT id, key, version, tenant_id FROM process_definition WHERE id = $1`;
export const definitionByKeyVersion = `
  SELECT id, key, version, tenant_id FROM process_definition
  WHERE key = $1 AND version = $2 AND (tenant_id = $3 OR tenant_id IS NULL)
  ORDER BY tenant_id NULLS LAST LIMIT 1`;
