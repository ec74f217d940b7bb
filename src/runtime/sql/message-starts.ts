/**
 * The latest version of each key (per tenant) that may hold a message start event: Camunda
 * correlates start messages to the latest version only. The LIKE is a cheap filter on the
 * serialized context after the latest version was picked (an older version's message start
 * must not count); the start events themselves are read from the JSON.
 * $1 tenant id or NULL (any), $2 true: only definitions without a tenant.
 */
export const latestWithMessageStarts = `
  SELECT id, key, tenant_id, source_context FROM (
    SELECT DISTINCT ON (key, coalesce(tenant_id, '')) id, key, tenant_id, suspended, source_context
    FROM process_definition
    WHERE ($1::text IS NULL OR tenant_id = $1) AND (NOT $2 OR tenant_id IS NULL)
    ORDER BY key, coalesce(tenant_id, ''), version DESC) latest
  WHERE NOT suspended AND source_context LIKE '%bpmn:MessageEventDefinition%'
  ORDER BY key, tenant_id NULLS FIRST`;
