import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Login-failure handling (docs/auth.md): wrong passwords in a row per user, and until when the
 * user is locked out after too many. Kept in the user's row, not in one node's memory, so every
 * node and a restart see the same count.
 */
export class LoginLockout1733300000000 implements MigrationInterface {
  name = 'LoginLockout1733300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user ADD COLUMN failed_logins integer NOT NULL DEFAULT 0, ADD COLUMN locked_until timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE app_user DROP COLUMN IF EXISTS failed_logins, DROP COLUMN IF EXISTS locked_until`);
  }
}
