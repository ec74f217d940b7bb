import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { NullableVariableMapSchema, decodeVariables, encodeVariables, fromEngineVariables, toEngineVariables } from '../camunda/index.js';
import './services-decorator.js';
import { AuthorizationError } from '../camunda/index.js';
import { mayAssign } from '../../access/index.js';
import { actorOf, userOf } from '../../auth/index.js';

const IdParams = Type.Object({ id: Type.String() });
const UserBody = Type.Object({ userId: Type.Union([Type.String({ minLength: 1, maxLength: 255 }), Type.Null()]) });
const CompleteBody = Type.Object({
  variables: Type.Optional(NullableVariableMapSchema),
  withVariablesInReturn: Type.Optional(Type.Boolean()),
});

/**
 * Commands on user tasks: claim (409 when someone else holds it), unclaim, set assignee,
 * complete / submit-form with typed variables validated against the task's form fields.
 * The auth plugin has already answered 404 for a task outside the user's scope; here the user
 * is recorded as the actor, and handing a task to somebody else needs an assigner's role.
 */
export const taskCommandRoutes: FastifyPluginAsync = async (app) => {
  const { tasks, taskQueries } = app.services;

  /** 403 unless the user may give the task to `assignee`; without authentication, anyone may. */
  async function checkAssignment(request: FastifyRequest, taskId: string, assignee: string | null, current?: string | null): Promise<void> {
    const user = userOf(request);
    if (!user) return;
    const holder = current !== undefined ? current : (await taskQueries.byId(taskId)).assignee;
    if (!mayAssign(user, assignee, holder)) {
      throw new AuthorizationError(`User '${user.username}' may not assign task ${taskId} to ${assignee ?? 'nobody'}: only dispatchers, unit heads and administrators assign tasks to others`, user.username);
    }
  }

  app.post('/task/:id/claim', {
    schema: { tags: ['task'], summary: 'Claim a task for a user', params: IdParams, body: Type.Object({ userId: Type.String({ minLength: 1, maxLength: 255 }) }) },
  }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const { userId } = request.body as { userId: string };
    // Claiming is for oneself; claiming for someone else is assigning (the 409 check stays the claim's).
    await checkAssignment(request, id, userId, null);
    await tasks.claim(id, userId, actorOf(request) ?? userId);
    return reply.code(204).send();
  });

  app.post('/task/:id/unclaim', { schema: { tags: ['task'], params: IdParams } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    await checkAssignment(request, id, null);
    await tasks.setAssignee(id, null, actorOf(request));
    return reply.code(204).send();
  });

  app.post('/task/:id/assignee', { schema: { tags: ['task'], params: IdParams, body: UserBody } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const { userId } = request.body as { userId: string | null };
    await checkAssignment(request, id, userId);
    await tasks.setAssignee(id, userId, actorOf(request));
    return reply.code(204).send();
  });

  for (const action of ['complete', 'submit-form']) {
    app.post(`/task/:id/${action}`, {
      schema: { tags: ['task'], summary: 'Complete a task with variables', params: IdParams, body: CompleteBody },
    }, async (request, reply) => {
      const { id } = request.params as { id: string };
      const body = request.body as { variables?: unknown; withVariablesInReturn?: boolean };
      const variables = body.variables ? toEngineVariables(decodeVariables(body.variables, 'variables')) : {};
      const result = await tasks.complete(id, { variables, userId: actorOf(request), withVariablesInReturn: body.withVariablesInReturn === true });
      request.log.info({ taskId: id }, 'task completed');
      if (!result) return reply.code(204).send();
      return encodeVariables(fromEngineVariables(result));
    });
  }
};
