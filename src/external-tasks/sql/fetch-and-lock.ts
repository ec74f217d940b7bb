/**
 * fetchAndLock as one statement: pick the fetchable rows of the requested topics with
 * `FOR UPDATE … SKIP LOCKED` (two concurrent fetches never pick the same row and never wait
 * for each other), then lock them for the worker. The instance row is never touched.
 */
import { SqlFilter } from '../../db/index.js';
import type { TopicRequest } from '../types.js';

export interface FetchQueryInput {
  topics: readonly TopicRequest[];
  workerId: string;
  now: Date;
  maxTasks: number;
  usePriority: boolean;
  createTimeOrder: 'asc' | 'desc';
}

/** A row of `external_task` plus its definition's version tag, as RETURNING gives it. */
export const externalTaskColumns = `et.id, et.process_instance_id, et.process_definition_id, et.process_definition_key,
  et.business_key, et.tenant_id, et.execution_id, et.activity_id, et.topic_name, et.worker_id, et.lock_expiration_time,
  et.retries, et.error_message, et.error_details, et.priority, et.extension_properties, et.local_variables, et.created_at`;

export function fetchAndLockQuery(input: FetchQueryInput): { text: string; params: unknown[] } {
  const f = new SqlFilter();
  f.where('(et.lock_expiration_time IS NULL OR et.lock_expiration_time <= {})', input.now);
  f.where('(et.retries IS NULL OR et.retries > 0)');
  f.where(`(${input.topics.map((t) => topicCondition(f, t)).join(' OR ')})`);

  // A topic named twice keeps the lock duration of its first mention.
  const seen = new Set<string>();
  const expiry = input.topics
    .filter((t) => !seen.has(t.topicName) && seen.add(t.topicName))
    .map((t) => `WHEN ${f.param(t.topicName)} THEN ${f.param(new Date(input.now.getTime() + t.lockDuration))}::timestamptz`)
    .join(' ');
  const order = [
    ...(input.usePriority ? ['et.priority DESC'] : []),
    `et.created_at ${input.createTimeOrder === 'desc' ? 'DESC' : 'ASC'}`,
    'et.id',
  ].join(', ');

  const text = `
    WITH picked AS (
      SELECT et.id FROM external_task et
      JOIN process_definition pd ON pd.id = et.process_definition_id
      ${f.clause}
      ORDER BY ${order}
      LIMIT ${f.param(input.maxTasks)}
      FOR UPDATE OF et SKIP LOCKED
    )
    UPDATE external_task et
    SET worker_id = ${f.param(input.workerId)}, lock_expiration_time = CASE et.topic_name ${expiry} END
    FROM picked, process_definition pd
    WHERE et.id = picked.id AND pd.id = et.process_definition_id
    RETURNING ${externalTaskColumns}, pd.version_tag`;
  return { text, params: f.params };
}

/** One topic's filters, ANDed; the topics of a request are ORed (Camunda's query does the same). */
function topicCondition(f: SqlFilter, t: TopicRequest): string {
  const parts = [`et.topic_name = ${f.param(t.topicName)}`];
  const eq = (column: string, value: string | undefined) => {
    if (value !== undefined) parts.push(`${column} = ${f.param(value)}`);
  };
  const any = (column: string, values: string[] | undefined) => {
    if (values !== undefined) parts.push(`${column} = ANY(${f.param(values)})`);
  };
  eq('et.business_key', t.businessKey);
  eq('et.process_definition_id', t.processDefinitionId);
  any('et.process_definition_id', t.processDefinitionIdIn);
  eq('et.process_definition_key', t.processDefinitionKey);
  any('et.process_definition_key', t.processDefinitionKeyIn);
  if (t.processDefinitionVersionTag !== undefined) parts.push(`pd.version_tag LIKE ${f.param(t.processDefinitionVersionTag)}`);
  if (t.tenantIdIn !== undefined && t.withoutTenantId) {
    parts.push(`(et.tenant_id = ANY(${f.param(t.tenantIdIn)}) OR et.tenant_id IS NULL)`);
  } else if (t.withoutTenantId) {
    parts.push('et.tenant_id IS NULL');
  } else {
    any('et.tenant_id', t.tenantIdIn);
  }
  const vars = Object.entries(t.processVariables ?? {});
  if (vars.length > 0) {
    // Camunda ORs the listed variables: any one of them equal qualifies the task.
    const match = vars.map(([name, value]) => `(v.name = ${f.param(name)} AND v.value = ${f.param(JSON.stringify(value))}::jsonb)`);
    parts.push(`EXISTS (SELECT 1 FROM variable v WHERE v.process_instance_id = et.process_instance_id AND (${match.join(' OR ')}))`);
  }
  return `(${parts.join(' AND ')})`;
}

/** Process-scope variables of the locked tasks' instances; `$2` null = every name. */
export const variablesOfInstances = `
  SELECT process_instance_id, name, type, value, value_info FROM variable
  WHERE process_instance_id = ANY($1) AND ($2::text[] IS NULL OR name = ANY($2))
  ORDER BY process_instance_id, name`;

/** Gives back tasks locked for a long poll whose client hung up before the answer went out. */
export const releaseLocks = `
  UPDATE external_task SET worker_id = NULL, lock_expiration_time = NULL
  WHERE id = ANY($1) AND worker_id = $2`;
