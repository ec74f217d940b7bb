import type { FastifyPluginAsync } from 'fastify';
import type { Role } from '../../access/index.js';
import type { User, UserChanges } from '../../auth/index.js';
import { formatCamundaDate, installCamundaConventions } from '../camunda/index.js';
import '../engine-rest/services-decorator.js';
import './errors.js';
import { CreateUserBody, IdParams, PasswordBody, UpdateUserBody, UserListQuery } from './schemas.js';

export function userDto(u: User) {
  return { ...u, createdAt: formatCamundaDate(u.createdAt), updatedAt: formatCamundaDate(u.updatedAt) };
}

/**
 * `/api/users` (administrators only, route-permissions.ts): create, list, change roles, unit
 * and name, disable (which signs the user out everywhere) and reset a password.
 */
export const userRoutes: FastifyPluginAsync = async (app) => {
  installCamundaConventions(app);
  const users = app.services.users;
  const tags = ['users'];

  app.get('/', { schema: { tags, summary: 'Users, by unit, role and disabled', querystring: UserListQuery } }, async (request) => {
    const q = request.query as { unitId?: string; role?: Role; disabled?: 'true' | 'false'; firstResult?: string; maxResults?: string };
    return users.list({
      unitId: q.unitId, role: q.role, disabled: q.disabled === undefined ? undefined : q.disabled === 'true',
      firstResult: q.firstResult === undefined ? 0 : Number(q.firstResult), maxResults: q.maxResults === undefined ? 100 : Math.max(1, Number(q.maxResults)),
    }).then(({ total, items }) => ({ total, items: items.map(userDto) }));
  });

  app.post('/', { schema: { tags, summary: 'Create a user', body: CreateUserBody } }, async (request, reply) => {
    const body = request.body as { username: string; displayName?: string; password: string; unitId?: string | null; roles: Role[] };
    const user = (await users.create(body))!;
    request.log.info({ user: user.username, roles: user.roles, unit: user.unitId }, 'user created');
    reply.header('location', `/api/users/${user.id}`);
    return reply.code(201).send(userDto(user));
  });

  app.get('/:id', { schema: { tags, params: IdParams } }, async (request) => userDto(await users.get((request.params as { id: string }).id)));

  app.patch('/:id', { schema: { tags, summary: 'Change name, unit, roles or disabled', params: IdParams, body: UpdateUserBody } }, async (request) => {
    const user = await users.update((request.params as { id: string }).id, request.body as UserChanges);
    request.log.info({ user: user.username, roles: user.roles, unit: user.unitId, disabled: user.disabled }, 'user changed');
    return userDto(user);
  });

  app.post('/:id/password', { schema: { tags, summary: "Reset the user's password (signs the user out)", params: IdParams, body: PasswordBody } }, async (request, reply) => {
    await users.resetPassword((request.params as { id: string }).id, (request.body as { password: string }).password);
    return reply.code(204).send();
  });
};
