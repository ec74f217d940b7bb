import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The engine's tables. Ids are text (UUIDs, or Camunda-style `key:version:uuid` for
 * definitions) because Camunda clients put them unencoded into URLs.
 *
 * bpmn-engine's own execution ids are only unique within one instance (10 random hex
 * characters), so every side table keys them together with the process instance id.
 */
export class EngineCore1732300000000 implements MigrationInterface {
  name = 'EngineCore1732300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE deployment (
        id text PRIMARY KEY,
        name text,
        source text,
        tenant_id text,
        deployment_time timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE deployment_resource (
        id text PRIMARY KEY,
        deployment_id text NOT NULL REFERENCES deployment(id) ON DELETE CASCADE,
        name text NOT NULL,
        content bytea NOT NULL,
        sha256 text NOT NULL
      )`);
    await q.query(`CREATE INDEX deployment_resource_deployment ON deployment_resource (deployment_id)`);
    await q.query(`
      CREATE TABLE process_definition (
        id text PRIMARY KEY,
        key text NOT NULL,
        version integer NOT NULL,
        name text,
        version_tag text,
        category text,
        tenant_id text,
        deployment_id text NOT NULL REFERENCES deployment(id) ON DELETE CASCADE,
        resource_name text NOT NULL,
        source_context text NOT NULL,
        history_time_to_live integer,
        startable_in_tasklist boolean NOT NULL DEFAULT true,
        suspended boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE UNIQUE INDEX process_definition_key_version ON process_definition (key, coalesce(tenant_id, ''), version)`);
    await q.query(`
      CREATE TABLE process_instance (
        id text PRIMARY KEY,
        definition_id text NOT NULL REFERENCES process_definition(id),
        definition_key text NOT NULL,
        business_key text,
        tenant_id text,
        state text NOT NULL,
        engine_state jsonb,
        revision integer NOT NULL DEFAULT 0,
        start_time timestamptz NOT NULL,
        end_time timestamptz,
        start_user_id text,
        start_activity_id text,
        delete_reason text,
        super_process_instance_id text
      )`);
    await q.query(`CREATE INDEX process_instance_business_key ON process_instance (business_key)`);
    await q.query(`CREATE INDEX process_instance_definition ON process_instance (definition_id)`);
    await q.query(`CREATE INDEX process_instance_state ON process_instance (state)`);
    await q.query(`
      CREATE TABLE variable (
        process_instance_id text NOT NULL REFERENCES process_instance(id) ON DELETE CASCADE,
        name text NOT NULL,
        type text NOT NULL,
        value jsonb,
        value_info jsonb NOT NULL DEFAULT '{}',
        PRIMARY KEY (process_instance_id, name)
      )`);
    await q.query(`
      CREATE TABLE task (
        id text PRIMARY KEY,
        process_instance_id text NOT NULL REFERENCES process_instance(id) ON DELETE CASCADE,
        process_definition_id text NOT NULL,
        execution_id text NOT NULL,
        task_definition_key text NOT NULL,
        name text,
        description text,
        assignee text,
        owner text,
        candidate_users text[] NOT NULL DEFAULT '{}',
        candidate_groups text[] NOT NULL DEFAULT '{}',
        priority integer NOT NULL DEFAULT 50,
        due timestamptz,
        follow_up timestamptz,
        form_key text,
        form_fields jsonb,
        tenant_id text,
        created timestamptz NOT NULL,
        last_updated timestamptz,
        UNIQUE (process_instance_id, execution_id)
      )`);
    await q.query(`CREATE INDEX task_candidate_groups ON task USING gin (candidate_groups)`);
    await q.query(`CREATE INDEX task_assignee ON task (assignee)`);
    await q.query(`CREATE INDEX task_due ON task (due)`);
    await q.query(`
      CREATE TABLE timer_job (
        id text PRIMARY KEY,
        process_instance_id text NOT NULL REFERENCES process_instance(id) ON DELETE CASCADE,
        activity_id text NOT NULL,
        execution_id text NOT NULL,
        timer_type text NOT NULL,
        timer_value text,
        repeat integer,
        due_at timestamptz NOT NULL,
        locked_by text,
        locked_until timestamptz,
        attempts integer NOT NULL DEFAULT 0,
        error_message text,
        created_at timestamptz NOT NULL,
        UNIQUE (process_instance_id, execution_id)
      )`);
    await q.query(`CREATE INDEX timer_job_due ON timer_job (due_at)`);
    await q.query(`
      CREATE TABLE external_task (
        id text PRIMARY KEY,
        process_instance_id text NOT NULL REFERENCES process_instance(id) ON DELETE CASCADE,
        process_definition_id text NOT NULL,
        process_definition_key text NOT NULL,
        business_key text,
        tenant_id text,
        execution_id text NOT NULL,
        activity_id text NOT NULL,
        topic_name text NOT NULL,
        worker_id text,
        lock_expiration_time timestamptz,
        retries integer,
        error_message text,
        error_details text,
        priority bigint NOT NULL DEFAULT 0,
        extension_properties jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL,
        UNIQUE (process_instance_id, execution_id)
      )`);
    await q.query(`CREATE INDEX external_task_topic ON external_task (topic_name, lock_expiration_time)`);
    await q.query(`
      CREATE TABLE event_subscription (
        id text PRIMARY KEY,
        process_instance_id text NOT NULL REFERENCES process_instance(id) ON DELETE CASCADE,
        execution_id text NOT NULL,
        activity_id text NOT NULL,
        event_type text NOT NULL,
        event_name text NOT NULL,
        message_id text,
        created_at timestamptz NOT NULL,
        UNIQUE (process_instance_id, execution_id)
      )`);
    await q.query(`CREATE INDEX event_subscription_name ON event_subscription (event_type, event_name)`);
    await q.query(`
      CREATE TABLE incident (
        id text PRIMARY KEY,
        process_instance_id text NOT NULL REFERENCES process_instance(id) ON DELETE CASCADE,
        process_definition_id text NOT NULL,
        activity_id text,
        execution_id text,
        incident_type text NOT NULL,
        configuration text,
        message text,
        created_at timestamptz NOT NULL,
        resolved_at timestamptz
      )`);
    await q.query(`CREATE INDEX incident_open ON incident (process_instance_id) WHERE resolved_at IS NULL`);
    await q.query(`
      CREATE TABLE activity_instance (
        id text PRIMARY KEY,
        seq bigserial,
        process_instance_id text NOT NULL REFERENCES process_instance(id) ON DELETE CASCADE,
        process_definition_id text NOT NULL,
        activity_id text NOT NULL,
        activity_name text,
        activity_type text NOT NULL,
        execution_id text NOT NULL,
        task_id text,
        assignee text,
        start_time timestamptz NOT NULL,
        end_time timestamptz,
        canceled boolean NOT NULL DEFAULT false,
        tenant_id text
      )`);
    await q.query(`CREATE INDEX activity_instance_instance ON activity_instance (process_instance_id, seq)`);
    await q.query(`
      CREATE TABLE history_event (
        id bigserial PRIMARY KEY,
        process_instance_id text REFERENCES process_instance(id) ON DELETE CASCADE,
        event_type text NOT NULL,
        activity_id text,
        execution_id text,
        user_id text,
        payload jsonb NOT NULL DEFAULT '{}',
        time timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX history_event_instance ON history_event (process_instance_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['history_event', 'activity_instance', 'incident', 'event_subscription', 'external_task', 'timer_job', 'task', 'variable', 'process_instance', 'process_definition', 'deployment_resource', 'deployment']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
  }
}
