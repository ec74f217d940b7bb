import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An external task's own variables: the values of its `camunda:inputParameter` mappings,
 * evaluated when the task was entered. fetchAndLock returns them like Camunda returns an
 * external task execution's local variables (shadowing process variables of the same name;
 * alone with `localVariables: true`). Rows as the `variable` projection has them:
 * `[{name, type, value, value_info}]`.
 */
export class ExternalTaskLocalVariables1732400000001 implements MigrationInterface {
  name = 'ExternalTaskLocalVariables1732400000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE external_task ADD COLUMN local_variables jsonb NOT NULL DEFAULT '[]'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE external_task DROP COLUMN IF EXISTS local_variables`);
  }
}
