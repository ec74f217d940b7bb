/** A `process_definition` row in the shape the REST layer and the host use. */
export interface ProcessDefinitionInfo {
  id: string;
  key: string;
  version: number;
  name: string | null;
  versionTag: string | null;
  category: string | null;
  tenantId: string | null;
  deploymentId: string;
  resource: string;
  historyTimeToLive: number | null;
  startableInTasklist: boolean;
  suspended: boolean;
}

export function toDefinitionInfo(r: Record<string, unknown>): ProcessDefinitionInfo {
  return {
    id: r.id as string,
    key: r.key as string,
    version: Number(r.version),
    name: (r.name as string | null) ?? null,
    versionTag: (r.version_tag as string | null) ?? null,
    category: (r.category as string | null) ?? null,
    tenantId: (r.tenant_id as string | null) ?? null,
    deploymentId: r.deployment_id as string,
    resource: r.resource_name as string,
    historyTimeToLive: (r.history_time_to_live as number | null) ?? null,
    startableInTasklist: Boolean(r.startable_in_tasklist),
    suspended: Boolean(r.suspended),
  };
}
