import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { INSTANCE_SORT_COLUMNS, type InstanceFilter, type InstanceInfo } from '../../runtime/index.js';
import {
  CountSchema,
  InvalidRequestError,
  NullableVariableMapSchema,
  TypedValueSchema,
  VariableMapResponseSchema,
  decodeTypedValue,
  decodeVariables,
  parseBool,
  parseList,
  parsePaging,
  parseSorting,
  toEngineVariables,
  withoutTransient,
} from '../camunda/index.js';
import { instanceDto } from './dto.js';
import { PagingOnlyQuerySchema, bodySchema, querySchema, readParams, rejectUnsupported, type ParamSpec } from './query-params.js';
import { variablesDto } from './runtime-dto.js';
import './services-decorator.js';
import { actorOf, scopeOfRequest } from '../../auth/index.js';

const INSTANCE_PARAMS = {
  processInstanceIds: 'list', businessKey: 'string', businessKeyLike: 'string',
  processDefinitionId: 'string', processDefinitionKey: 'string', processDefinitionKeyIn: 'list', processDefinitionKeyNotIn: 'list',
  deploymentId: 'string', superProcessInstance: 'string', subProcessInstance: 'string',
  active: 'flag', suspended: 'flag', withIncident: 'flag', incidentId: 'string', incidentType: 'string',
  incidentMessage: 'string', incidentMessageLike: 'string',
  tenantIdIn: 'list', withoutTenantId: 'flag', activityIdIn: 'list', rootProcessInstances: 'flag', leafProcessInstances: 'flag',
  variables: 'variables',
} as const satisfies ParamSpec;

/** Camunda parameters with no meaning here yet (no CMMN, no case-insensitive variable matching). */
const UNSUPPORTED = [
  'caseInstanceId', 'superCaseInstance', 'subCaseInstance', 'processDefinitionWithoutTenantId',
  'variableNamesIgnoreCase', 'variableValuesIgnoreCase', 'orQueries',
] as const;

const SORT_BY = ['instanceId', 'definitionKey', 'definitionId', 'tenantId', 'businessKey'] as const;

const IdParams = Type.Object({ id: Type.String() });
const VariableParams = Type.Object({ id: Type.String(), varName: Type.String() });
const DeleteQuery = Type.Object({
  skipCustomListeners: Type.Optional(Type.String()),
  skipIoMappings: Type.Optional(Type.String()),
  skipSubprocesses: Type.Optional(Type.String()),
  failIfNotExists: Type.Optional(Type.String()),
});
const ModificationsBody = Type.Object({
  modifications: Type.Optional(NullableVariableMapSchema),
  deletions: Type.Optional(Type.Union([Type.Array(Type.String()), Type.Null()])),
});

/** `GET /process-instance` filter: running instances only (ended ones are history, spec 4.4). */
export function instanceFilter(q: unknown): InstanceFilter {
  rejectUnsupported(q, UNSUPPORTED);
  const p = readParams(q, INSTANCE_PARAMS) as Record<string, unknown> & InstanceFilter;
  // Nothing suspends instances yet: `suspended=true` asks for a state no instance is in.
  return { ...p, states: p.suspended === true ? ['SUSPENDED'] : ['ACTIVE'] };
}

function sorts(q: unknown) {
  return parseSorting(q, SORT_BY).map((s) => ({ column: INSTANCE_SORT_COLUMNS[s.sortBy], order: s.sortOrder }));
}

function dto(request: FastifyRequest, i: InstanceInfo) {
  return instanceDto(request, { ...i, ended: i.state !== 'ACTIVE' });
}

/**
 * Running process instances (spec 4.4): lists, one instance, delete (撤单), and its variables.
 * Changes go through the engine host, so they serialise with every other command on the instance.
 */
export const processInstanceRoutes: FastifyPluginAsync = async (app) => {
  const { instanceQueries, instanceCommands } = app.services;

  app.get('/process-instance', { schema: { tags: ['process-instance'], summary: 'List running process instances', querystring: querySchema(INSTANCE_PARAMS) } }, async (request) =>
    (await instanceQueries.list({ ...instanceFilter(request.query), scope: scopeOfRequest(request) }, sorts(request.query), parsePaging(request.query))).map((i) => dto(request, i)),
  );
  app.post('/process-instance', {
    schema: { tags: ['process-instance'], summary: 'List running process instances (filters as JSON body)', querystring: PagingOnlyQuerySchema, body: bodySchema(INSTANCE_PARAMS) },
  }, async (request) =>
    (await instanceQueries.list({ ...instanceFilter(request.body), scope: scopeOfRequest(request) }, sorts(request.body), parsePaging(request.query))).map((i) => dto(request, i)),
  );
  app.get('/process-instance/count', {
    schema: { tags: ['process-instance'], summary: 'Count running process instances', querystring: querySchema(INSTANCE_PARAMS), response: { 200: CountSchema } },
  }, async (request) => ({ count: await instanceQueries.count({ ...instanceFilter(request.query), scope: scopeOfRequest(request) }) }));
  app.post('/process-instance/count', {
    schema: { tags: ['process-instance'], summary: 'Count running process instances (filters as JSON body)', body: bodySchema(INSTANCE_PARAMS), response: { 200: CountSchema } },
  }, async (request) => ({ count: await instanceQueries.count({ ...instanceFilter(request.body), scope: scopeOfRequest(request) }) }));

  app.get('/process-instance/:id', { schema: { tags: ['process-instance'], summary: 'One running process instance', params: IdParams } }, async (request) => {
    const { id } = request.params as { id: string };
    return dto(request, await instanceQueries.activeById(id));
  });

  app.delete('/process-instance/:id', {
    schema: { tags: ['process-instance'], summary: 'Delete (terminate) a running process instance', params: IdParams, querystring: DeleteQuery },
  }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const q = request.query;
    // Termination runs no listeners, I/O mappings or sub-processes, so the skip flags hold anyway.
    for (const flag of ['skipCustomListeners', 'skipIoMappings', 'skipSubprocesses']) parseBool(q, flag);
    const failIfNotExists = parseBool(q, 'failIfNotExists') ?? true;
    const deleted = await instanceCommands.delete(id, { failIfNotExists, userId: actorOf(request) });
    if (deleted) request.log.info({ processInstanceId: id }, 'process instance deleted');
    return reply.code(204).send();
  });

  app.get('/process-instance/:id/variables', {
    schema: { tags: ['process-instance'], summary: 'Variables of a running process instance', params: IdParams, response: { 200: VariableMapResponseSchema } },
  }, async (request) => {
    const { id } = request.params as { id: string };
    return variablesDto(await instanceQueries.variables(id), parseList(request.query, 'variableNames'));
  });

  app.post('/process-instance/:id/variables', {
    schema: { tags: ['process-instance'], summary: 'Set and delete variables of a running process instance', params: IdParams, body: ModificationsBody },
  }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const body = request.body as { modifications?: unknown; deletions?: string[] | null };
    const modifications = toEngineVariables(withoutTransient(decodeVariables(body.modifications, 'modifications')));
    const deletions = body.deletions ?? [];
    const both = deletions.find((name) => Object.hasOwn(modifications, name));
    if (both !== undefined) throw new InvalidRequestError(`Variable '${both}' is both modified and deleted`, `deletions`);
    await instanceCommands.modifyVariables(id, modifications, deletions, actorOf(request));
    return reply.code(204).send();
  });

  app.get('/process-instance/:id/variables/:varName', {
    schema: { tags: ['process-instance'], summary: 'One variable of a running process instance', params: VariableParams },
  }, async (request) => {
    const { id, varName } = request.params as { id: string; varName: string };
    const row = await instanceQueries.variable(id, varName);
    return variablesDto([row])[varName];
  });

  app.put('/process-instance/:id/variables/:varName', {
    schema: { tags: ['process-instance'], summary: 'Set one variable of a running process instance', params: VariableParams, body: TypedValueSchema },
  }, async (request, reply) => {
    const { id, varName } = request.params as { id: string; varName: string };
    const value = decodeTypedValue(request.body, varName);
    await instanceCommands.modifyVariables(id, { [varName]: value.value }, [], actorOf(request));
    return reply.code(204).send();
  });

  app.delete('/process-instance/:id/variables/:varName', {
    schema: { tags: ['process-instance'], summary: 'Delete one variable of a running process instance', params: VariableParams },
  }, async (request, reply) => {
    const { id, varName } = request.params as { id: string; varName: string };
    await instanceCommands.modifyVariables(id, {}, [varName], actorOf(request));
    return reply.code(204).send();
  });
};
