import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type, type Static } from '@sinclair/typebox';
import * as ext from '../../external-tasks/index.js';
import {
  BadUserRequestError,
  CountSchema,
  InvalidRequestError,
  NotFoundError,
  decodeVariables,
  parseDateParam,
  parseFlag,
  parseInteger,
  parseList,
  parsePaging,
  parseSorting,
  parseString,
  registerErrorMapping,
  toEngineVariables,
  withoutTransient,
} from '../camunda/index.js';
import {
  BpmnErrorBodySchema,
  CompleteBodySchema,
  ExtendLockBodySchema,
  ExternalTaskSchema,
  FailureBodySchema,
  FetchAndLockBodySchema,
  IdParams,
  LockBodySchema,
  LockedExternalTaskSchema,
  RetriesBodySchema,
  externalTaskDto,
  lockedExternalTaskDto,
  withoutNulls,
} from './external-task-dto.js';
import './services-decorator.js';
import { scopeOfRequest } from '../../auth/index.js';

registerErrorMapping(ext.ExternalTaskNotFoundError, (e) => new NotFoundError(e.message, 'external-task', e.externalTaskId));
registerErrorMapping(ext.ExternalTaskWorkerMismatchError, (e) => new BadUserRequestError(e.message));
registerErrorMapping(ext.ExternalTaskLockExpiredError, (e) => new BadUserRequestError(e.message));
registerErrorMapping(ext.AsyncResponseTimeoutTooLongError, (e) => new InvalidRequestError(e.message, 'asyncResponseTimeout'));

const tags = ['external-task'];
const noContent = { 204: Type.Null({ description: 'done' }) };

/** Typed variables of a request → engine values. Transient ones are dropped: nothing here is short-lived enough to hold them. */
function engineVariables(dto: unknown, field: string): Record<string, unknown> | undefined {
  if (dto === undefined || dto === null) return undefined;
  return toEngineVariables(withoutTransient(decodeVariables(dto, field)));
}

const LIST_STRINGS = ['externalTaskId', 'topicName', 'workerId', 'activityId', 'executionId', 'processInstanceId', 'processDefinitionId', 'processDefinitionKey', 'businessKey'] as const;
const LIST_LISTS = ['externalTaskIdIn', 'activityIdIn', 'processInstanceIdIn', 'tenantIdIn'] as const;
const LIST_FLAGS = ['locked', 'notLocked', 'withRetriesLeft', 'noRetriesLeft', 'withoutTenantId'] as const;
const SORT_BY = Object.keys(ext.EXTERNAL_TASK_SORT_COLUMNS) as ext.ExternalTaskSortBy[];

const ListQuerySchema = Type.Object({
  ...Object.fromEntries([...LIST_STRINGS, ...LIST_LISTS].map((n) => [n, Type.Optional(Type.String())])),
  ...Object.fromEntries(LIST_FLAGS.map((n) => [n, Type.Optional(Type.String({ description: 'true|false' }))])),
  lockExpirationAfter: Type.Optional(Type.String({ description: 'yyyy-MM-ddTHH:mm:ss.SSSZ' })),
  lockExpirationBefore: Type.Optional(Type.String({ description: 'yyyy-MM-ddTHH:mm:ss.SSSZ' })),
  priorityHigherThanOrEquals: Type.Optional(Type.String()),
  priorityLowerThanOrEquals: Type.Optional(Type.String()),
  sortBy: Type.Optional(Type.String({ description: SORT_BY.join(', ') })),
  sortOrder: Type.Optional(Type.String({ description: 'asc|desc' })),
  firstResult: Type.Optional(Type.String()),
  maxResults: Type.Optional(Type.String()),
});

/** GET query string or POST body (Camunda's ExternalTaskQueryDto) → filter; 400 names the parameter. */
function listFilter(q: unknown): ext.ExternalTaskFilter {
  const f: Record<string, unknown> = {};
  for (const n of LIST_STRINGS) f[n] = parseString(q, n);
  for (const n of LIST_LISTS) f[n] = parseList(q, n);
  for (const n of LIST_FLAGS) f[n] = parseFlag(q, n);
  f.lockExpirationAfter = parseDateParam(q, 'lockExpirationAfter');
  f.lockExpirationBefore = parseDateParam(q, 'lockExpirationBefore');
  f.priorityHigherThanOrEquals = parseInteger(q, 'priorityHigherThanOrEquals');
  f.priorityLowerThanOrEquals = parseInteger(q, 'priorityLowerThanOrEquals');
  return f as ext.ExternalTaskFilter;
}

/**
 * Camunda's /external-task resource: what camunda-external-task-client-js calls (fetchAndLock,
 * complete, failure, bpmnError, extendLock, lock, unlock) plus the operator side (lists,
 * retries). Void operations answer 204.
 */
export const externalTaskRoutes: FastifyPluginAsync = async (app) => {
  const { externalTasks } = app.services;
  const { commands, queries } = externalTasks;
  // Held long polls would keep app.close() waiting until their timeouts; answer them first.
  app.addHook('preClose', async () => externalTasks.close());

  app.post('/external-task/fetchAndLock', {
    schema: {
      tags,
      summary: 'Fetch and lock external tasks (long polling with asyncResponseTimeout)',
      body: FetchAndLockBodySchema,
      response: { 200: Type.Array(LockedExternalTaskSchema) },
    },
    preValidation: async (request) => {
      request.body = withoutNulls(request.body);
    },
  }, async (request, reply) => {
    const body = request.body as Static<typeof FetchAndLockBodySchema>;
    const fetch: ext.FetchAndLockRequest = {
      workerId: body.workerId,
      maxTasks: body.maxTasks,
      usePriority: body.usePriority ?? false,
      sorting: body.sorting,
      asyncResponseTimeout: body.asyncResponseTimeout,
      // deserializeValues has no meaning without Java objects (camunda7-rest.md §1.7).
      topics: (body.topics ?? []).map(({ deserializeValues: _ignored, ...topic }) => topic),
    };
    // The request stream itself is destroyed once its body is read; the socket tells whether the client is still there.
    let closed = false;
    reply.raw.once('close', () => {
      closed = !reply.raw.writableFinished;
    });
    const isAbandoned = () => closed || request.socket.destroyed;
    const tasks = await externalTasks.fetchAndLock(fetch, { isAbandoned });
    if (isAbandoned() && tasks.length > 0) {
      // The client hung up while its poll was held: nobody will work these, give them back.
      await externalTasks.release(tasks, fetch.workerId);
      return [];
    }
    try {
      return tasks.map(lockedExternalTaskDto);
    } catch (err) {
      await externalTasks.release(tasks, fetch.workerId);
      throw err;
    }
  });

  app.post('/external-task/:id/complete', { schema: { tags, summary: 'Complete a locked external task', params: IdParams, body: CompleteBodySchema, response: noContent } }, async (request, reply) => {
    const { id } = request.params as Static<typeof IdParams>;
    const body = request.body as Static<typeof CompleteBodySchema>;
    await commands.complete(id, {
      workerId: body.workerId,
      variables: engineVariables(body.variables, 'variables'),
      localVariables: engineVariables(body.localVariables, 'localVariables'),
    });
    return reply.code(204).send();
  });

  app.post('/external-task/:id/failure', { schema: { tags, summary: 'Report a failure; retries 0 raises an incident', params: IdParams, body: FailureBodySchema, response: noContent } }, async (request, reply) => {
    const { id } = request.params as Static<typeof IdParams>;
    const body = request.body as Static<typeof FailureBodySchema>;
    await commands.failure(id, {
      workerId: body.workerId,
      errorMessage: body.errorMessage ?? null,
      errorDetails: body.errorDetails ?? null,
      retries: body.retries ?? 0,
      retryTimeout: body.retryTimeout ?? 0,
      variables: engineVariables(body.variables, 'variables'),
      localVariables: engineVariables(body.localVariables, 'localVariables'),
    });
    return reply.code(204).send();
  });

  app.post('/external-task/:id/bpmnError', { schema: { tags, summary: 'Throw a BPMN error at the task (caught by error boundary events)', params: IdParams, body: BpmnErrorBodySchema, response: noContent } }, async (request, reply) => {
    const { id } = request.params as Static<typeof IdParams>;
    const body = request.body as Static<typeof BpmnErrorBodySchema>;
    const outcome = await commands.bpmnError(id, {
      workerId: body.workerId,
      errorCode: body.errorCode,
      errorMessage: body.errorMessage ?? null,
      variables: engineVariables(body.variables, 'variables'),
    });
    request.log.info({ externalTaskId: id, errorCode: body.errorCode, caughtBy: outcome.caughtBy }, 'external task BPMN error');
    return reply.code(204).send();
  });

  app.post('/external-task/:id/extendLock', { schema: { tags, summary: 'Extend a live lock', params: IdParams, body: ExtendLockBodySchema, response: noContent } }, async (request, reply) => {
    const { id } = request.params as Static<typeof IdParams>;
    const body = request.body as Static<typeof ExtendLockBodySchema>;
    await commands.extendLock(id, body.workerId, body.newDuration);
    return reply.code(204).send();
  });

  app.post('/external-task/:id/lock', { schema: { tags, summary: 'Lock one task for a worker', params: IdParams, body: LockBodySchema, response: noContent } }, async (request, reply) => {
    const { id } = request.params as Static<typeof IdParams>;
    const body = request.body as Static<typeof LockBodySchema>;
    await commands.lock(id, body.workerId, body.lockDuration);
    return reply.code(204).send();
  });

  app.post('/external-task/:id/unlock', { schema: { tags, summary: 'Unlock a task (no worker check)', params: IdParams, response: noContent } }, async (request, reply) => {
    await commands.unlock((request.params as Static<typeof IdParams>).id);
    return reply.code(204).send();
  });

  app.put('/external-task/:id/retries', { schema: { tags, summary: 'Set retries; above 0 resolves the incident', params: IdParams, body: RetriesBodySchema, response: noContent } }, async (request, reply) => {
    const { id } = request.params as Static<typeof IdParams>;
    await commands.setRetries(id, (request.body as Static<typeof RetriesBodySchema>).retries);
    return reply.code(204).send();
  });

  const list = async (request: FastifyRequest, q: unknown, paging: unknown) => {
    const filter = { ...listFilter(q), scope: scopeOfRequest(request) };
    const sorting = parseSorting(q, SORT_BY);
    const { firstResult, maxResults } = parsePaging(paging);
    return (await queries.list(filter, { sorting, firstResult, maxResults })).map(externalTaskDto);
  };
  const listResponse = { 200: Type.Array(ExternalTaskSchema) };
  app.get('/external-task', { schema: { tags, summary: 'List external tasks', querystring: ListQuerySchema, response: listResponse } }, async (request) => list(request, request.query, request.query));
  app.post('/external-task', { schema: { tags, summary: 'List external tasks (query in the body)', body: Type.Record(Type.String(), Type.Unknown()), response: listResponse } }, async (request) => list(request, request.body, request.query));
  app.get('/external-task/count', { schema: { tags, querystring: ListQuerySchema, response: { 200: CountSchema } } }, async (request) => ({ count: await queries.count({ ...listFilter(request.query), scope: scopeOfRequest(request) }) }));
  app.post('/external-task/count', { schema: { tags, body: Type.Record(Type.String(), Type.Unknown()), response: { 200: CountSchema } } }, async (request) => ({ count: await queries.count({ ...listFilter(request.body), scope: scopeOfRequest(request) }) }));

  app.get('/external-task/:id', { schema: { tags, params: IdParams, response: { 200: ExternalTaskSchema } } }, async (request) => externalTaskDto(await queries.byId((request.params as Static<typeof IdParams>).id)));

  app.get('/external-task/:id/errorDetails', { schema: { tags, summary: 'The error details of the last failure, as text', params: IdParams } }, async (request, reply) => {
    const details = await queries.errorDetails((request.params as Static<typeof IdParams>).id);
    return reply.type('text/plain; charset=utf-8').send(details ?? '');
  });
};
