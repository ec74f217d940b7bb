import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People and where they sit (docs/auth.md):
 * - `unit`: a department, township, office or commission. Its id is the candidate-group string
 *   the BPMN processes offer tasks to (`hotline-office`, `water`, …); `region_id` limits what
 *   its members see to one region (NULL: every region).
 * - `app_user` + `role_assignment`: who may sign in and with which roles. `token_version`
 *   goes up on disable and password reset, which voids every token issued before.
 * - `auth_setting`: the generated JWT secret (when JWT_SECRET is unset), shared by all nodes.
 * - `audit_event`: who changed what through the API (one row per successful write request).
 *
 * The fixed candidate groups of the built-in schemes (processes/README.md) are seeded as units,
 * so their staff can be created at once; handling units (`${unit}`) are added by administrators.
 */
export class Auth1732800000000 implements MigrationInterface {
  name = 'Auth1732800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE unit (
        id text PRIMARY KEY,
        name text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('office', 'department', 'township', 'commission', 'other')),
        region_id text,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE app_user (
        id text PRIMARY KEY,
        username text NOT NULL,
        display_name text NOT NULL,
        unit_id text REFERENCES unit(id),
        password_hash text NOT NULL,
        disabled boolean NOT NULL DEFAULT false,
        token_version integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      )`);
    // Usernames are Camunda user ids (assignee, history): compared case-insensitively, stored as given.
    await q.query(`CREATE UNIQUE INDEX app_user_username ON app_user (lower(username))`);
    await q.query(`CREATE INDEX app_user_unit ON app_user (unit_id)`);
    await q.query(`
      CREATE TABLE role_assignment (
        user_id text NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
        role text NOT NULL CHECK (role IN ('administrator', 'dispatcher', 'handler', 'unit-head', 'supervisor', 'auditor', 'worker')),
        PRIMARY KEY (user_id, role)
      )`);
    await q.query(`
      CREATE TABLE auth_setting (
        name text PRIMARY KEY,
        value text NOT NULL,
        created_at timestamptz NOT NULL
      )`);
    await q.query(`
      CREATE TABLE audit_event (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        user_id text,
        username text,
        action text NOT NULL,
        method text NOT NULL,
        path text NOT NULL,
        status integer NOT NULL,
        details jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX audit_event_user ON audit_event (username, id DESC)`);
    await q.query(`
      INSERT INTO unit (id, name, kind, region_id, created_at) VALUES
        ('hotline-office', '12345热线办', 'office', NULL, now()),
        ('window', '有诉即办窗口', 'office', NULL, now()),
        ('centre-office', '政务服务中心管理机构', 'office', NULL, now()),
        ('data-bureau', '政务服务和大数据管理部门', 'department', NULL, now()),
        ('city-platform', '市12345平台', 'office', NULL, now()),
        ('task-force', '工作专班', 'office', NULL, now()),
        ('hotline-seat', '12345“办不成事”专席', 'office', NULL, now()),
        ('market-regulation', '县市场监管局', 'department', NULL, now()),
        ('joint-meeting', '联席会议', 'office', NULL, now()),
        ('supervision-office', '县政府督查室', 'office', NULL, now()),
        ('assistant', '帮办代办专员', 'office', NULL, now()),
        ('wrzwq-window', '万人助万企窗口', 'office', NULL, now()),
        ('discipline-commission', '市纪委监委', 'commission', NULL, now()),
        ('discipline-window', '纪委监委“办不成事”监督窗口', 'commission', NULL, now())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS audit_event`);
    await q.query(`DROP TABLE IF EXISTS auth_setting`);
    await q.query(`DROP TABLE IF EXISTS role_assignment`);
    await q.query(`DROP TABLE IF EXISTS app_user`);
    await q.query(`DROP TABLE IF EXISTS unit`);
  }
}
