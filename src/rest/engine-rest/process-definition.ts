import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { DefinitionReference } from '../../runtime/index.js';
import {
  AuthorizationError,
  CountSchema,
  InvalidRequestError,
  NullableVariableMapSchema,
  decodeVariables,
  encodeVariables,
  fromEngineVariables,
  parseBool,
  parseFlag,
  parseInteger,
  parseList,
  parsePaging,
  parseSorting,
  parseString,
  toEngineVariables,
} from '../camunda/index.js';
import { definitionDto, instanceDto } from './dto.js';
import './services-decorator.js';
import { actorOf, scopeOfRequest } from '../../auth/index.js';

const SORT_BY = ['category', 'key', 'id', 'name', 'version', 'deploymentId', 'tenantId', 'versionTag'] as const;
const SORT_COLUMNS: Record<(typeof SORT_BY)[number], string> = {
  category: 'd.category', key: 'd.key', id: 'd.id', name: 'd.name', version: 'd.version',
  deploymentId: 'd.deployment_id', tenantId: 'd.tenant_id', versionTag: 'd.version_tag',
};

export const StartBodySchema = Type.Object({
  businessKey: Type.Optional(Type.Union([Type.String({ maxLength: 255 }), Type.Null()])),
  variables: Type.Optional(NullableVariableMapSchema),
  withVariablesInReturn: Type.Optional(Type.Boolean()),
  startInstructions: Type.Optional(Type.Unknown()),
});

/** `/process-definition/{id}`, `/key/{key}` and `/key/{key}/tenant-id/{tenantId}` share every sub-route. */
const PREFIXES: Array<[string, (p: Record<string, string>) => DefinitionReference]> = [
  ['/process-definition/key/:key/tenant-id/:tenantId', (p) => ({ key: p.key!, tenantId: p.tenantId! })],
  ['/process-definition/key/:key', (p) => ({ key: p.key!, tenantId: null })],
  ['/process-definition/:id', (p) => ({ id: p.id! })],
];

export const processDefinitionRoutes: FastifyPluginAsync = async (app) => {
  const { definitions, starter } = app.services;
  const resolve = (ref: DefinitionReference) => ('id' in ref ? definitions.byId(ref.id) : definitions.latestByKey(ref.key, ref.tenantId));

  app.get('/process-definition', { schema: { tags: ['process-definition'], summary: 'List process definitions' } }, async (request) => {
    const q = request.query;
    const sorts = parseSorting(q, SORT_BY).map((s) => ({ column: SORT_COLUMNS[s.sortBy], order: s.sortOrder }));
    return (await definitions.list(definitionFilter(q), sorts, parsePaging(q))).map(definitionDto);
  });
  app.get('/process-definition/count', { schema: { tags: ['process-definition'], response: { 200: CountSchema } } }, async (request) => ({
    count: await definitions.count(definitionFilter(request.query)),
  }));

  for (const [prefix, refOf] of PREFIXES) {
    app.get(prefix, { schema: { tags: ['process-definition'] } }, async (request) => definitionDto(await resolve(refOf(params(request)))));

    app.get(`${prefix}/xml`, { schema: { tags: ['process-definition'], summary: 'The deployed BPMN XML' } }, async (request) => {
      const def = await resolve(refOf(params(request)));
      return { id: def.id, bpmn20Xml: await definitions.xml(def.id) };
    });

    app.post(`${prefix}/start`, { schema: { tags: ['process-definition'], summary: 'Start a process instance', body: StartBodySchema } }, async (request) => {
      const body = request.body as { businessKey?: string | null; variables?: unknown; withVariablesInReturn?: boolean; startInstructions?: unknown };
      if (body.startInstructions !== undefined && body.startInstructions !== null) {
        throw new InvalidRequestError('startInstructions are not supported', 'startInstructions');
      }
      const variables = body.variables ? toEngineVariables(decodeVariables(body.variables, 'variables')) : {};
      const ref = refOf(params(request));
      await mayStartIn(request, await resolve(ref));
      const { definition, outcome } = await starter.start(ref, { businessKey: body.businessKey ?? null, variables, userId: actorOf(request) });
      request.log.info({ processInstanceId: outcome.instanceId, businessKey: outcome.businessKey, definitionId: definition.id }, 'process instance started');
      const dto = instanceDto(request, {
        id: outcome.instanceId,
        definitionId: definition.id,
        definitionKey: definition.key,
        businessKey: outcome.businessKey,
        tenantId: definition.tenantId,
        ended: outcome.state !== 'ACTIVE',
      });
      if (!body.withVariablesInReturn) return dto;
      const rows = await app.services.database.dataSource.query(`SELECT name, type, value FROM variable WHERE process_instance_id = $1`, [outcome.instanceId]);
      const values = Object.fromEntries((rows as Array<{ name: string; value: unknown }>).map((r) => [r.name, r.value]));
      return { ...dto, variables: encodeVariables(fromEngineVariables(values)) };
    });
  }
};

function params(request: FastifyRequest): Record<string, string> {
  return request.params as Record<string, string>;
}

function definitionFilter(q: unknown) {
  return {
    id: parseString(q, 'processDefinitionId'),
    idIn: parseList(q, 'processDefinitionIdIn'),
    key: parseString(q, 'key'),
    keyIn: parseList(q, 'keysIn') ?? parseList(q, 'keyIn'),
    keyLike: parseString(q, 'keyLike'),
    name: parseString(q, 'name'),
    nameLike: parseString(q, 'nameLike'),
    version: parseInteger(q, 'version'),
    versionTag: parseString(q, 'versionTag'),
    deploymentId: parseString(q, 'deploymentId'),
    resourceName: parseString(q, 'resourceName'),
    category: parseString(q, 'category'),
    latestVersion: parseFlag(q, 'latestVersion'),
    tenantIdIn: parseList(q, 'tenantIdIn'),
    withoutTenantId: parseFlag(q, 'withoutTenantId'),
    suspended: parseFlag(q, 'suspended'),
    active: parseFlag(q, 'active'),
    startableInTasklist: parseBool(q, 'startableInTasklist'),
  };
}

/**
 * A user bound to a region starts only that region's definitions: an instance of another
 * region's (or of no region's) definition would be invisible to them at once and would run in
 * a region whose office never agreed to it. Definitions stay readable to all; hence 403, not 404.
 */
async function mayStartIn(request: FastifyRequest, definition: { id: string; tenantId: string | null }): Promise<void> {
  const scope = scopeOfRequest(request);
  if (!scope?.region || definition.tenantId === scope.region) return;
  const of = definition.tenantId ? `region '${definition.tenantId}'` : 'no region';
  throw new AuthorizationError(`User '${scope.userId}' works in region '${scope.region}' and may not start ${definition.id}, a definition of ${of}`, scope.userId);
}
