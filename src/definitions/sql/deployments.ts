/** Statements for deployments and process definitions. */

export const insertDeployment = `
  INSERT INTO deployment (id, name, source, tenant_id, deployment_time) VALUES ($1, $2, $3, $4, $5)`;

export const insertResource = `
  INSERT INTO deployment_resource (id, deployment_id, name, content, sha256) VALUES ($1, $2, $3, $4, $5)`;

/** Versions of one key are numbered per tenant; this lock makes concurrent deploys queue. */
export const lockDefinitionKey = `SELECT pg_advisory_xact_lock(hashtext($1 || '|' || coalesce($2, '')))`;

export const nextVersion = `
  SELECT coalesce(max(version), 0) + 1 AS version FROM process_definition
  WHERE key = $1 AND tenant_id IS NOT DISTINCT FROM $2`;

export const insertDefinition = `
  INSERT INTO process_definition (id, key, version, name, version_tag, category, tenant_id, deployment_id, resource_name,
    source_context, history_time_to_live, startable_in_tasklist, created_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`;

/** Duplicate filtering compares with the latest deployment of the same name, source and tenant. */
export const latestDeploymentResources = `
  SELECT d.id, r.name, r.sha256 FROM deployment d
  JOIN deployment_resource r ON r.deployment_id = d.id
  WHERE d.id = (
    SELECT id FROM deployment
    WHERE name IS NOT DISTINCT FROM $1 AND source IS NOT DISTINCT FROM $2 AND tenant_id IS NOT DISTINCT FROM $3
    ORDER BY deployment_time DESC, id DESC LIMIT 1)`;

export const definitionColumns = `id, key, version, name, version_tag, category, tenant_id, deployment_id, resource_name,
  history_time_to_live, startable_in_tasklist, suspended`;

export const definitionById = `SELECT ${definitionColumns}, source_context FROM process_definition WHERE id = $1`;

export const latestDefinitionByKey = `
  SELECT ${definitionColumns} FROM process_definition
  WHERE key = $1 AND tenant_id IS NOT DISTINCT FROM $2 ORDER BY version DESC LIMIT 1`;

export const deploymentById = `SELECT id, name, source, tenant_id, deployment_time FROM deployment WHERE id = $1`;
export const definitionsOfDeployment = `SELECT ${definitionColumns} FROM process_definition WHERE deployment_id = $1 ORDER BY key`;
export const instancesOfDeployment = `
  SELECT count(*)::int AS n FROM process_instance i JOIN process_definition d ON d.id = i.definition_id
  WHERE d.deployment_id = $1 AND i.state = 'ACTIVE'`;
export const deleteDeployment = `DELETE FROM deployment WHERE id = $1`;
export const resourceXml = `SELECT convert_from(content, 'UTF8') AS xml FROM deployment_resource WHERE deployment_id = $1 AND name = $2`;
export const deleteInstancesOfDeployment = `
  DELETE FROM process_instance WHERE definition_id IN (SELECT id FROM process_definition WHERE deployment_id = $1)`;
export const sourceContextById = `SELECT id, key, version, name, tenant_id, suspended, source_context FROM process_definition WHERE id = $1`;
