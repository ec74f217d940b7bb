import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Clock } from '../clock/index.js';
import { SqlFilter } from '../db/index.js';
import type { Queryable } from '../engine/index.js';
import type { Role } from '../access/index.js';
import { InvalidAccountFieldError, InvalidCredentialsError, LoginLockedError, UnitNotFoundError, UserDisabledError, UserNotFoundError, UsernameTakenError } from './errors.js';
import { DUMMY_HASH, hashPassword, verifyPassword } from './passwords.js';

/** Wrong passwords in a row that lock a user (等保 2.0 asks for a limit; 5 is the common one). */
export const MAX_FAILED_LOGINS = 5;
/** How long the lock lasts. */
export const LOGIN_LOCK_MS = 15 * 60_000;
import { publicUser, toUserRecord, type User, type UserRecord } from './user.js';
import * as sql from './sql/users.js';
import { unitById } from './sql/units.js';

export interface NewUser {
  username: string;
  displayName?: string;
  password: string;
  unitId?: string | null;
  roles: Role[];
}

export interface UserChanges {
  displayName?: string;
  /** null: no unit. */
  unitId?: string | null;
  roles?: Role[];
  disabled?: boolean;
}

export interface UserListFilter {
  unitId?: string;
  role?: Role;
  disabled?: boolean;
  firstResult?: number;
  maxResults?: number;
}

/**
 * Users, their roles and passwords. Every read and write is one transaction: on embedded
 * PGlite a bare pool query may interleave with another connection's (docs/work-orders.md).
 */
export class UserService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** The user with the right password; DisabledUser only once the password is right. */
  async verifyLogin(username: string, password: string): Promise<UserRecord> {
    const user = await this.findByUsername(username);
    if (!user) {
      // Hash even for an unknown name, so the answer time does not tell which names exist.
      await verifyPassword(password, DUMMY_HASH);
      throw new InvalidCredentialsError('password');
    }
    await this.checkPassword(user, password);
    if (user.disabled) throw new UserDisabledError(user.username);
    return user;
  }

  /**
   * The password check with login-failure handling, which 等保 2.0 (GB/T 22239) asks of a
   * government system: MAX_FAILED_LOGINS wrong passwords in a row lock the user for
   * LOGIN_LOCK_MS, counted in the user's row so every node agrees. A locked user is refused
   * before the password is looked at, so guessing on cannot find it.
   */
  async checkPassword(user: UserRecord, password: string): Promise<void> {
    const now = this.clock.now();
    if (user.lockedUntil && user.lockedUntil > now) throw new LoginLockedError(user.username, user.lockedUntil);
    if (await verifyPassword(password, user.passwordHash)) {
      if (user.failedLogins > 0 || user.lockedUntil) await this.dataSource.transaction((tx) => tx.query(sql.clearFailedLogins, [user.id]));
      return;
    }
    const lockUntil = new Date(now.getTime() + LOGIN_LOCK_MS);
    const row = first(await this.dataSource.transaction((tx) => tx.query(sql.recordFailedLogin, [user.id, MAX_FAILED_LOGINS, lockUntil]))) as { locked_until: string | Date | null } | undefined;
    const locked = row?.locked_until ? new Date(row.locked_until) : null;
    if (locked && locked > now) throw new LoginLockedError(user.username, locked);
    throw new InvalidCredentialsError('password');
  }

  async findByUsername(username: string): Promise<UserRecord | undefined> {
    return this.dataSource.transaction(async (tx) => {
      const [row] = (await tx.query(sql.userByUsername, [username])) as Array<Record<string, unknown>>;
      return row ? toUserRecord(row) : undefined;
    });
  }

  async record(id: string): Promise<UserRecord | undefined> {
    return this.dataSource.transaction(async (tx) => this.#record(tx, id));
  }

  async get(id: string): Promise<User> {
    const user = await this.record(id);
    if (!user) throw new UserNotFoundError(id);
    return publicUser(user);
  }

  async list(filter: UserListFilter): Promise<{ total: number; items: User[] }> {
    const f = new SqlFilter().eq('u.unit_id', filter.unitId).eq('u.disabled', filter.disabled);
    if (filter.role !== undefined) f.where('EXISTS (SELECT 1 FROM role_assignment r WHERE r.user_id = u.id AND r.role = {})', filter.role);
    const whereParams = [...f.params];
    const page = f.page(filter.firstResult, filter.maxResults ?? 100);
    return this.dataSource.transaction('REPEATABLE READ', async (tx) => {
      const [{ n }] = (await tx.query(sql.countUsers(f.clause), whereParams)) as [{ n: number }];
      const rows = (await tx.query(sql.listUsers(f.clause, page), f.params)) as Array<Record<string, unknown>>;
      return { total: n, items: rows.map((r) => publicUser(toUserRecord(r))) };
    });
  }

  /** Creates the user; `undefined` when the username is taken and `ifAbsent` is set (bootstrap). */
  async create(input: NewUser, options: { ifAbsent?: boolean } = {}): Promise<User | undefined> {
    const passwordHash = await hashPassword(input.password);
    return this.dataSource.transaction(async (tx) => {
      if (input.unitId) await requireUnit(tx, input.unitId);
      const id = randomUUID();
      const now = this.clock.now();
      const inserted = (await tx.query(sql.insertUser, [id, input.username, input.displayName ?? input.username, input.unitId ?? null, passwordHash, now])) as unknown[];
      if (inserted.length === 0) {
        if (options.ifAbsent) return undefined;
        throw new UsernameTakenError(input.username);
      }
      await tx.query(sql.insertRoles, [id, input.roles]);
      return publicUser((await this.#record(tx, id))!);
    });
  }

  async update(id: string, changes: UserChanges): Promise<User> {
    return this.dataSource.transaction(async (tx) => {
      const now = this.clock.now();
      if (changes.unitId) await requireUnit(tx, changes.unitId);
      const found = first(await tx.query(sql.updateProfile, [id, changes.displayName ?? null, changes.unitId !== undefined, changes.unitId ?? null, now]));
      if (!found) throw new UserNotFoundError(id);
      if (changes.roles !== undefined) {
        await tx.query(sql.deleteRoles, [id]);
        await tx.query(sql.insertRoles, [id, changes.roles]);
      }
      if (changes.disabled !== undefined) await tx.query(sql.setDisabled, [id, changes.disabled, now]);
      return publicUser((await this.#record(tx, id))!);
    });
  }

  async resetPassword(id: string, password: string): Promise<void> {
    const hash = await hashPassword(password);
    await this.dataSource.transaction(async (tx) => {
      if (!first(await tx.query(sql.setPassword, [id, hash, this.clock.now()]))) throw new UserNotFoundError(id);
    });
  }

  async #record(tx: Queryable, id: string): Promise<UserRecord | undefined> {
    const [row] = (await tx.query(sql.userById, [id])) as Array<Record<string, unknown>>;
    return row ? toUserRecord(row) : undefined;
  }
}

async function requireUnit(tx: Queryable, unitId: string): Promise<void> {
  const [unit] = (await tx.query(unitById, [unitId])) as unknown[];
  if (!unit) throw new InvalidAccountFieldError('unitId', new UnitNotFoundError(unitId).message);
}

/** TypeORM returns `[rows, count]` for UPDATE … RETURNING on pg. */
function first(result: unknown): unknown {
  if (Array.isArray(result) && Array.isArray(result[0])) return result[0][0];
  return (result as unknown[])[0];
}
