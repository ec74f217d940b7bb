/**
 * `/api/auth`: sign in with username and password for a Bearer token, and read who you are.
 * Errors are Camunda-style `{type, message}` bodies like every /api route.
 */
import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import * as auth from '../../auth/index.js';
import { installCamundaConventions, registerErrorMapping, CamundaHttpError, AuthorizationError } from '../camunda/index.js';
import '../engine-rest/services-decorator.js';

registerErrorMapping(auth.InvalidCredentialsError, (e) => new CamundaHttpError(401, 'AuthenticationException', e.message));
registerErrorMapping(auth.LoginLockedError, (e) => new CamundaHttpError(429, 'AuthenticationException', e.message));
registerErrorMapping(auth.UserDisabledError, (e) => new AuthorizationError(e.message, e.username));

const LoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
});

function userDto(u: { id: string; username: string; displayName: string; unitId: string | null; roles: readonly string[] }) {
  return { id: u.id, username: u.username, displayName: u.displayName, unitId: u.unitId, roles: [...u.roles] };
}

/** Register with `{ prefix: '/api/auth' }`. */
export const authRoutes: FastifyPluginAsync = async (app) => {
  installCamundaConventions(app);

  app.post('/login', { schema: { tags: ['auth'], summary: 'Sign in: a Bearer token for /api and /engine-rest; 5 wrong passwords in a row lock the user for 15 minutes (429)', body: LoginBody } }, async (request, reply) => {
    const { username, password } = request.body as { username: string; password: string };
    let user;
    try {
      user = await app.services.users.verifyLogin(username, password);
    } catch (err) {
      if (err instanceof auth.LoginLockedError) {
        request.log.warn({ user: err.username, until: err.until }, 'sign-in refused: locked after wrong passwords');
        reply.header('retry-after', Math.max(1, Math.ceil((err.until.getTime() - app.services.clock.now().getTime()) / 1000)));
      }
      throw err;
    }
    request.log.info({ user: user.username }, 'signed in');
    return { token: app.authenticator.issueToken(user), expiresIn: auth.TOKEN_TTL_SECONDS, user: userDto(user) };
  });

  app.get('/me', { schema: { tags: ['auth'], summary: 'The signed-in user' } }, async (request) => {
    const user = auth.userOf(request)!;
    return { ...userDto(user), region: user.region };
  });
};
