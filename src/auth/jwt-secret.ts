import { randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Clock } from '../clock/index.js';
import * as sql from './sql/settings.js';

const SETTING = 'jwt-secret';

/**
 * JWT_SECRET when set; otherwise a random secret generated at the first start and kept in
 * `auth_setting`. Kept, not regenerated per start: a new secret would sign everybody out at
 * every restart, and two nodes behind one balancer would refuse each other's tokens. The first
 * node to insert wins, the others read its value back.
 */
export async function resolveJwtSecret(dataSource: DataSource, clock: Clock, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  return dataSource.transaction(async (tx) => {
    await tx.query(sql.insertSetting, [SETTING, randomBytes(48).toString('base64'), clock.now()]);
    const [row] = (await tx.query(sql.settingByName, [SETTING])) as Array<{ value: string }>;
    return row!.value;
  });
}
