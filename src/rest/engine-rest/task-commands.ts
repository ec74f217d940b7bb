import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import { NullableVariableMapSchema, decodeVariables, encodeVariables, fromEngineVariables, toEngineVariables } from '../camunda/index.js';
import './services-decorator.js';

const IdParams = Type.Object({ id: Type.String() });
const UserBody = Type.Object({ userId: Type.Union([Type.String({ minLength: 1, maxLength: 255 }), Type.Null()]) });
const CompleteBody = Type.Object({
  variables: Type.Optional(NullableVariableMapSchema),
  withVariablesInReturn: Type.Optional(Type.Boolean()),
});

/**
 * Commands on user tasks: claim (409 when someone else holds it), unclaim, set assignee,
 * complete / submit-form with typed variables validated against the task's form fields.
 */
export const taskCommandRoutes: FastifyPluginAsync = async (app) => {
  const { tasks } = app.services;

  app.post('/task/:id/claim', {
    schema: { tags: ['task'], summary: 'Claim a task for a user', params: IdParams, body: Type.Object({ userId: Type.String({ minLength: 1, maxLength: 255 }) }) },
  }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const { userId } = request.body as { userId: string };
    await tasks.claim(id, userId);
    return reply.code(204).send();
  });

  app.post('/task/:id/unclaim', { schema: { tags: ['task'], params: IdParams } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    await tasks.setAssignee(id, null, null);
    return reply.code(204).send();
  });

  app.post('/task/:id/assignee', { schema: { tags: ['task'], params: IdParams, body: UserBody } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const { userId } = request.body as { userId: string | null };
    await tasks.setAssignee(id, userId, null);
    return reply.code(204).send();
  });

  for (const action of ['complete', 'submit-form']) {
    app.post(`/task/:id/${action}`, {
      schema: { tags: ['task'], summary: 'Complete a task with variables', params: IdParams, body: CompleteBody },
    }, async (request, reply) => {
      const { id } = request.params as { id: string };
      const body = request.body as { variables?: unknown; withVariablesInReturn?: boolean };
      const variables = body.variables ? toEngineVariables(decodeVariables(body.variables, 'variables')) : {};
      const result = await tasks.complete(id, { variables, withVariablesInReturn: body.withVariablesInReturn === true });
      request.log.info({ taskId: id }, 'task completed');
      if (!result) return reply.code(204).send();
      return encodeVariables(fromEngineVariables(result));
    });
  }
};
