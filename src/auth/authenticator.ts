import { createHash } from 'node:crypto';
import type { Principal } from '../access/index.js';
import type { Credentials } from './credentials.js';
import { InvalidCredentialsError } from './errors.js';
import { principalOf, type UserRecord } from './user.js';
import type { UserService } from './user-service.js';

/** The claims of our tokens: the user id and the token version it was issued under. */
export interface TokenClaims {
  sub: string;
  ver: number;
}

export interface AuthenticatorOptions {
  users: UserService;
  sign: (claims: TokenClaims) => string;
  /** Throws on a bad signature or an expired token. */
  verify: (token: string) => TokenClaims;
  /** How long a verified Basic password is remembered (ms). */
  basicCacheMs?: number;
}

/** Seconds a login token is valid; signing in again gives a new one. */
export const TOKEN_TTL_SECONDS = 12 * 60 * 60;

/**
 * Turns credentials into the signed-in user, reading the user's row on every request: a
 * disabled user, changed roles or a reset password take effect at once, and a token issued
 * before a disable or reset (older `token_version`) is refused.
 *
 * Basic credentials arrive with every call of a worker or the Modeler; hashing each would cost
 * a scrypt per request. A verified pair is remembered for a while, keyed by a SHA-256 of the
 * pair and bound to the stored hash, so a new password voids the entry on every node.
 */
export class Authenticator {
  readonly #basicCache = new Map<string, { passwordHash: string; until: number }>();
  readonly #basicCacheMs: number;

  constructor(private readonly o: AuthenticatorOptions) {
    this.#basicCacheMs = o.basicCacheMs ?? 5 * 60_000;
  }

  issueToken(user: UserRecord): string {
    return this.o.sign({ sub: user.id, ver: user.tokenVersion });
  }

  async authenticate(credentials: Credentials): Promise<Principal> {
    const user = credentials.kind === 'bearer' ? await this.#fromToken(credentials.token) : await this.#fromBasic(credentials.username, credentials.password);
    return principalOf(user);
  }

  async #fromToken(token: string): Promise<UserRecord> {
    let claims: TokenClaims;
    try {
      claims = this.o.verify(token);
    } catch {
      throw new InvalidCredentialsError('token');
    }
    const user = typeof claims.sub === 'string' ? await this.o.users.record(claims.sub) : undefined;
    if (!user || user.disabled || user.tokenVersion !== claims.ver) throw new InvalidCredentialsError('revoked');
    return user;
  }

  async #fromBasic(username: string, password: string): Promise<UserRecord> {
    const user = await this.o.users.findByUsername(username);
    if (!user || user.disabled) throw new InvalidCredentialsError('password');
    const key = createHash('sha256').update(`${user.id}\0${password}`).digest('base64');
    const cached = this.#basicCache.get(key);
    if (cached && cached.passwordHash === user.passwordHash && cached.until > Date.now()) return user;
    // Counts wrong passwords and honours the login lock, as sign-in does; a pair verified before
    // a lock keeps working from the cache (the worker that knows the password is not the guesser).
    await this.o.users.checkPassword(user, password);
    if (this.#basicCache.size > 1000) this.#basicCache.clear();
    this.#basicCache.set(key, { passwordHash: user.passwordHash, until: Date.now() + this.#basicCacheMs });
    return user;
  }
}
