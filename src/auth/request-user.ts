import type { FastifyRequest } from 'fastify';
import { scopeOf, maskingRoleOf, type AccessScope, type Principal } from '../access/index.js';
import type { TokenClaims } from './authenticator.js';

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: TokenClaims;
    /** Set by the auth plugin's onRequest hook; null on the open routes. */
    user: Principal;
  }
}

/** The signed-in user, or undefined on an open route (and in apps built without the plugin). */
export function userOf(request: FastifyRequest): Principal | undefined {
  return (request as { user?: Principal | null }).user ?? undefined;
}

/** What the user may see; undefined (everything) without a user, i.e. without the plugin. */
export function scopeOfRequest(request: FastifyRequest): AccessScope | undefined {
  const user = userOf(request);
  return user ? scopeOf(user) : undefined;
}

/** The Camunda user id to record for the request's changes (assignee, history userId). */
export function actorOf(request: FastifyRequest): string | null {
  return userOf(request)?.username ?? null;
}

/** The work-order viewer (masking role, who is asking) of the request. */
export function viewerOf(request: FastifyRequest): { role: ReturnType<typeof maskingRoleOf>; userId: string; scope: AccessScope } | undefined {
  const user = userOf(request);
  return user ? { role: maskingRoleOf(user), userId: user.username, scope: scopeOf(user) } : undefined;
}
