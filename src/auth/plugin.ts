import fp from 'fastify-plugin';
import jwt from '@fastify/jwt';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { engineRestRoute, guardedResource, hasAnyRole, permissionFor, resourceVisible, scopeOf, unauthorizedSignature } from '../access/index.js';
import { AuthenticationRequiredError, AuthorizationError } from '../rest/camunda/index.js';
import type { DataSource } from 'typeorm';
import type { AuditLog } from './audit-log.js';
import { Authenticator, TOKEN_TTL_SECONDS, type TokenClaims } from './authenticator.js';
import { parseAuthorization } from './credentials.js';
import { InvalidCredentialsError } from './errors.js';
import { isOpen } from './open-routes.js';
import { userOf } from './request-user.js';
import { notVisible } from './not-visible.js';
import type { UserService } from './user-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Signs users in (login tokens) and checks credentials; decorated by the auth plugin. */
    authenticator: Authenticator;
  }
}

export interface AuthPluginOptions {
  users: UserService;
  audit: AuditLog;
  jwtSecret: string;
  /** Where the resource guard reads (the service's data source). */
  database: DataSource;
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Authentication and authorization for the whole app (registered with fastify-plugin, so its
 * hooks run for every route, including those other modules add later):
 * 1. onRequest: open routes pass; otherwise a Bearer token or Basic credentials must name an
 *    enabled user (401 otherwise), who becomes `request.user`, and the user's roles must allow
 *    the route (403, route-permissions.ts).
 * 2. preHandler: under /engine-rest, an `:id` the user may not see answers 404 before the
 *    handler runs (resource-guard.ts); a completion that sets the unit head's signature needs
 *    the unit-head role (403).
 * 3. onSend: a successful write is written to the audit log with the user.
 * Errors are thrown, so each scope's error handler shapes them (Camunda `{type, message}`).
 */
const plugin: FastifyPluginAsync<AuthPluginOptions> = async (app, options) => {
  await app.register(jwt, { secret: options.jwtSecret, sign: { expiresIn: TOKEN_TTL_SECONDS } });
  const authenticator = new Authenticator({
    users: options.users,
    sign: (claims) => app.jwt.sign(claims),
    verify: (token) => app.jwt.verify<TokenClaims>(token),
  });
  app.decorate('authenticator', authenticator);

  app.addHook('onRequest', async (request) => {
    const route = request.routeOptions.url;
    if (isOpen(route, request.method, pathOf(request))) return;
    const credentials = parseAuthorization(request.headers.authorization);
    if (!credentials) throw new AuthenticationRequiredError();
    try {
      request.user = await authenticator.authenticate(credentials);
    } catch (err) {
      if (err instanceof InvalidCredentialsError) {
        request.log.info({ reason: err.reason, scheme: credentials.kind }, 'credentials refused');
        throw new AuthenticationRequiredError();
      }
      throw err;
    }
    const permission = permissionFor(request.method, route ?? pathOf(request));
    if (permission !== 'any' && !hasAnyRole(request.user, permission)) {
      throw new AuthorizationError(`User '${request.user.username}' may not ${request.method} ${route ?? pathOf(request)}; it needs one of the roles ${permission.join(', ')}`, request.user.username);
    }
  });

  app.addHook('preHandler', async (request) => {
    const user = userOf(request);
    const engineRoute = engineRestRoute(request.routeOptions.url ?? '');
    if (!user || engineRoute === undefined) return;
    const kind = guardedResource(engineRoute);
    const id = (request.params as { id?: string } | undefined)?.id;
    if (kind && id !== undefined) {
      const visible = await options.database.transaction((tx) => resourceVisible(tx, kind, id, scopeOf(user)));
      if (!visible) {
        request.log.info({ user: user.username, resource: kind, id }, 'resource outside the user\'s scope answered 404');
        throw notVisible(kind, engineRoute, id);
      }
    }
    if (/^\/task\/:id\/(complete|submit-form)$/.test(engineRoute)) {
      const variables = (request.body as { variables?: Record<string, unknown> } | undefined)?.variables ?? undefined;
      const field = unauthorizedSignature(user, variables ?? undefined);
      if (field) throw new AuthorizationError(`Only a unit head may sign: '${field}' cannot be set by user '${user.username}'`, user.username);
    }
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const user = userOf(request);
    if (!user || READS.has(request.method) || reply.statusCode >= 400 || isQuery(request)) return payload;
    const route = request.routeOptions.url ?? pathOf(request);
    try {
      await options.audit.record({
        principal: user, action: `${request.method} ${route}`, method: request.method, path: pathOf(request), status: reply.statusCode,
        details: { params: request.params ?? {} },
      });
    } catch (err) {
      // The change is committed; a lost audit line must not turn its answer into an error.
      request.log.error({ err }, 'audit event not recorded');
    }
    return payload;
  });
};

function pathOf(request: FastifyRequest): string {
  return request.url.split('?')[0] ?? request.url;
}

/** Camunda's POST queries (and sign-in) change nothing: not audited. */
function isQuery(request: FastifyRequest): boolean {
  return request.method === 'POST' && permissionFor('POST', request.routeOptions.url ?? '') === 'any';
}

export const authPlugin = fp(plugin, { name: 'suqiu-auth' });
