import type { Logger } from 'pino';
import { generatePassword } from './passwords.js';
import type { UserService } from './user-service.js';

export const ADMIN_USERNAME = 'admin';

/**
 * The first start creates `admin` (administrator, no unit) so somebody can sign in and create
 * the others. Its password is ADMIN_PASSWORD, or a generated one written to the log once: only
 * the node whose insert wins logs it, and a later start finds the user and changes nothing (a
 * changed ADMIN_PASSWORD does not reset it; use the admin API).
 */
export async function ensureAdmin(users: UserService, password: string | undefined, logger: Logger): Promise<void> {
  if (await users.findByUsername(ADMIN_USERNAME)) return;
  const chosen = password ?? generatePassword();
  const created = await users.create({ username: ADMIN_USERNAME, displayName: '系统管理员', password: chosen, unitId: null, roles: ['administrator'] }, { ifAbsent: true });
  if (!created) return;
  if (password) logger.info({ username: ADMIN_USERNAME }, 'created the administrator with ADMIN_PASSWORD');
  else logger.warn({ username: ADMIN_USERNAME, password: chosen }, 'created the administrator with a generated password; it is shown only this once: sign in and change it');
}
