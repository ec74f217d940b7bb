import { EntitySchema, type EntitySchemaColumnOptions } from 'typeorm';

/**
 * TypeORM metadata for the engine tables created by `migrations/`. Declared with
 * `EntitySchema` rather than decorators because the tests run through esbuild (tsx), which
 * does not emit decorator metadata. Hot paths (locking, fetch-and-lock, due timers) use the
 * SQL in each module's `sql/` folder; these entities serve simple reads and admin tooling.
 */
const text = (nullable = true): EntitySchemaColumnOptions => ({ type: 'text', nullable });
const time = (nullable = true): EntitySchemaColumnOptions => ({ type: 'timestamptz', nullable });

export interface DeploymentRow {
  id: string;
  name: string | null;
  source: string | null;
  tenantId: string | null;
  deploymentTime: Date;
}

export const DeploymentEntity = new EntitySchema<DeploymentRow>({
  name: 'Deployment',
  tableName: 'deployment',
  columns: {
    id: { type: 'text', primary: true },
    name: text(),
    source: text(),
    tenantId: { ...text(), name: 'tenant_id' },
    deploymentTime: { ...time(false), name: 'deployment_time' },
  },
});

export interface ProcessDefinitionRow {
  id: string;
  key: string;
  version: number;
  name: string | null;
  versionTag: string | null;
  category: string | null;
  tenantId: string | null;
  deploymentId: string;
  resourceName: string;
  sourceContext: string;
  historyTimeToLive: number | null;
  startableInTasklist: boolean;
  suspended: boolean;
  createdAt: Date;
}

export const ProcessDefinitionEntity = new EntitySchema<ProcessDefinitionRow>({
  name: 'ProcessDefinition',
  tableName: 'process_definition',
  columns: {
    id: { type: 'text', primary: true },
    key: text(false),
    version: { type: 'integer' },
    name: text(),
    versionTag: { ...text(), name: 'version_tag' },
    category: text(),
    tenantId: { ...text(), name: 'tenant_id' },
    deploymentId: { ...text(false), name: 'deployment_id' },
    resourceName: { ...text(false), name: 'resource_name' },
    sourceContext: { ...text(false), name: 'source_context' },
    historyTimeToLive: { type: 'integer', nullable: true, name: 'history_time_to_live' },
    startableInTasklist: { type: 'boolean', name: 'startable_in_tasklist' },
    suspended: { type: 'boolean' },
    createdAt: { ...time(false), name: 'created_at' },
  },
});

export interface ProcessInstanceRow {
  id: string;
  definitionId: string;
  definitionKey: string;
  businessKey: string | null;
  tenantId: string | null;
  state: string;
  revision: number;
  startTime: Date;
  endTime: Date | null;
  startUserId: string | null;
  startActivityId: string | null;
  deleteReason: string | null;
}

export const ProcessInstanceEntity = new EntitySchema<ProcessInstanceRow>({
  name: 'ProcessInstance',
  tableName: 'process_instance',
  columns: {
    id: { type: 'text', primary: true },
    definitionId: { ...text(false), name: 'definition_id' },
    definitionKey: { ...text(false), name: 'definition_key' },
    businessKey: { ...text(), name: 'business_key' },
    tenantId: { ...text(), name: 'tenant_id' },
    state: text(false),
    revision: { type: 'integer' },
    startTime: { ...time(false), name: 'start_time' },
    endTime: { ...time(), name: 'end_time' },
    startUserId: { ...text(), name: 'start_user_id' },
    startActivityId: { ...text(), name: 'start_activity_id' },
    deleteReason: { ...text(), name: 'delete_reason' },
  },
});

export const entities = [DeploymentEntity, ProcessDefinitionEntity, ProcessInstanceEntity];
