import { isRole, type Principal, type Role } from '../access/index.js';

/** A user as the admin API shows it (never the password hash). */
export interface User {
  id: string;
  username: string;
  displayName: string;
  unitId: string | null;
  roles: Role[];
  disabled: boolean;
  /** Locked out after too many wrong passwords, until then (null: not locked). */
  lockedUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What sign-in needs besides the user. */
export interface UserRecord extends User {
  passwordHash: string;
  tokenVersion: number;
  /** Wrong passwords in a row since the last success or lock. */
  failedLogins: number;
  /** The unit's region; null: every region. */
  region: string | null;
}

export function toUserRecord(r: Record<string, unknown>): UserRecord {
  return {
    id: String(r.id),
    username: String(r.username),
    displayName: String(r.display_name),
    unitId: (r.unit_id as string | null) ?? null,
    roles: ((r.roles as string[] | null) ?? []).filter(isRole),
    disabled: r.disabled === true,
    lockedUntil: r.locked_until ? new Date(r.locked_until as string) : null,
    failedLogins: Number(r.failed_logins ?? 0),
    createdAt: new Date(r.created_at as string),
    updatedAt: new Date(r.updated_at as string),
    passwordHash: String(r.password_hash),
    tokenVersion: Number(r.token_version),
    region: (r.region_id as string | null) ?? null,
  };
}

export function publicUser(u: UserRecord): User {
  const { passwordHash: _h, tokenVersion: _v, region: _r, failedLogins: _f, ...user } = u;
  return user;
}

export function principalOf(u: UserRecord): Principal {
  return { id: u.id, username: u.username, displayName: u.displayName, unitId: u.unitId, region: u.region, roles: u.roles };
}
