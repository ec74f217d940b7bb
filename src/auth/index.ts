/**
 * People, units, roles and sign-in (docs/auth.md).
 *
 * - `UserService` / `UnitService`: the admin API's store; passwords hashed with scrypt.
 * - `ensureAdmin`: the first start creates `admin` (ADMIN_PASSWORD, or generated and logged).
 * - `resolveJwtSecret`: JWT_SECRET, or one generated once and kept in the database.
 * - `authPlugin`: the fastify plugin that authenticates every request (Bearer or Basic), sets
 *   `request.user`, applies the access policy (src/access) and writes the audit log.
 * - `userOf` / `scopeOfRequest` / `actorOf` / `viewerOf`: what routes read from the request.
 */
export { UserService, type NewUser, type UserChanges, type UserListFilter } from './user-service.js';
export { UnitService, UNIT_KINDS, type Unit, type UnitKind, type UnitChanges } from './unit-service.js';
export { type User, type UserRecord, publicUser, principalOf } from './user.js';
export { AuditLog, type AuditEntry } from './audit-log.js';
export { ensureAdmin, ADMIN_USERNAME } from './bootstrap.js';
export { resolveJwtSecret } from './jwt-secret.js';
export { Authenticator, TOKEN_TTL_SECONDS, type TokenClaims } from './authenticator.js';
export { parseAuthorization, type Credentials } from './credentials.js';
export { authPlugin, type AuthPluginOptions } from './plugin.js';
export { userOf, scopeOfRequest, actorOf, viewerOf } from './request-user.js';
export * from './errors.js';
