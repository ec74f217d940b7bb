import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { Type } from '@sinclair/typebox';
import type { DeployCommand, DeploymentResourceInput } from '../../definitions/index.js';
import {
  CamundaHttpError,
  InvalidRequestError,
  parseBool,
  parseDateParam,
  parseFlag,
  parseList,
  parsePaging,
  parseSorting,
  parseString,
  CountSchema,
} from '../camunda/index.js';
import { definitionDto, deploymentDto } from './dto.js';
import './services-decorator.js';

const RESERVED = new Set(['deployment-name', 'deployment-source', 'enable-duplicate-filtering', 'deploy-changed-only', 'deployment-activation-time', 'tenant-id']);
const SORT_BY = ['id', 'name', 'deploymentTime', 'tenantId'] as const;
const SORT_COLUMNS: Record<(typeof SORT_BY)[number], string> = { id: 'id', name: 'name', deploymentTime: 'deployment_time', tenantId: 'tenant_id' };
const IdParams = Type.Object({ id: Type.String() });

/** Limits of one upload: a county diagram is tens of KiB; these only stop abuse. */
const MAX_FILE_BYTES = 5 * 1024 * 1024;
const MAX_FILES = 50;

export const deploymentRoutes: FastifyPluginAsync = async (app) => {
  await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: MAX_FILES, fields: 20, fieldSize: 64 * 1024 } });
  const { deployments, definitions, definitionCache } = app.services;

  app.post('/deployment/create', { schema: { tags: ['deployment'], summary: 'Deploy BPMN resources (multipart, as Camunda Modeler sends it)', consumes: ['multipart/form-data'] } }, async (request) => {
    const cmd = await readDeployForm(request);
    const result = await deployments.deploy(cmd);
    const deployed = result.definitions && Object.fromEntries(result.definitions.map((d) => [d.id, definitionDto(d)]));
    request.log.info({ deploymentId: result.deployment.id, definitions: result.definitions?.map((d) => d.id) ?? null }, 'deployment');
    return {
      ...deploymentDto(request, result.deployment),
      deployedProcessDefinitions: deployed,
      deployedCaseDefinitions: null,
      deployedDecisionDefinitions: null,
      deployedDecisionRequirementsDefinitions: null,
    };
  });

  app.get('/deployment', { schema: { tags: ['deployment'], summary: 'List deployments' } }, async (request) => {
    const q = request.query;
    const paging = parsePaging(q);
    const sorts = parseSorting(q, SORT_BY).map((s) => ({ column: SORT_COLUMNS[s.sortBy], order: s.sortOrder }));
    const list = await definitions.deployments(deploymentFilter(q), sorts, paging);
    return list.map((d) => deploymentDto(request, d));
  });

  app.get('/deployment/count', { schema: { tags: ['deployment'], response: { 200: CountSchema } } }, async (request) => ({
    count: await definitions.countDeployments(deploymentFilter(request.query)),
  }));

  app.get('/deployment/:id', { schema: { tags: ['deployment'], params: IdParams } }, async (request) => {
    const { id } = request.params as { id: string };
    return deploymentDto(request, await deployments.get(id));
  });

  app.delete('/deployment/:id', { schema: { tags: ['deployment'], summary: 'Delete a deployment; running instances block it unless cascade=true', params: IdParams } }, async (request, reply) => {
    const { id } = request.params as { id: string };
    const cascade = parseFlag(request.query, 'cascade');
    const defs = await deployments.definitionsOf(id);
    await deployments.delete(id, { cascade });
    definitionCache.forget(defs.map((d) => d.id));
    request.log.info({ deploymentId: id, cascade }, 'deployment deleted');
    return reply.code(204).send();
  });
};

function deploymentFilter(q: unknown) {
  return {
    id: parseString(q, 'id'),
    name: parseString(q, 'name'),
    nameLike: parseString(q, 'nameLike'),
    source: parseString(q, 'source'),
    withoutSource: parseFlag(q, 'withoutSource'),
    tenantIdIn: parseList(q, 'tenantIdIn'),
    withoutTenantId: parseFlag(q, 'withoutTenantId'),
    after: parseDateParam(q, 'after'),
    before: parseDateParam(q, 'before'),
  };
}

/** Reads Camunda's deployment form: six reserved text fields, every other part a file. */
async function readDeployForm(request: FastifyRequest): Promise<DeployCommand> {
  if (!request.isMultipart()) throw new InvalidRequestError('POST /deployment/create expects multipart/form-data', 'Content-Type');
  const fields: Record<string, string> = {};
  const resources: DeploymentResourceInput[] = [];
  try {
    await readParts(request, fields, resources);
  } catch (err) {
    throw asMultipartError(err);
  }
  if (resources.length === 0) throw new InvalidRequestError('No deployment resources contained in the form upload.');
  if (fields['deployment-activation-time'] !== undefined) throw new InvalidRequestError('deployment-activation-time is not supported', 'deployment-activation-time');
  const deployChangedOnly = parseBool(fields, 'deploy-changed-only') ?? false;
  return {
    name: fields['deployment-name'] || null,
    source: fields['deployment-source'] || null,
    tenantId: fields['tenant-id'] || null,
    enableDuplicateFiltering: deployChangedOnly || (parseBool(fields, 'enable-duplicate-filtering') ?? false),
    deployChangedOnly,
    resources,
  };
}

async function readParts(request: FastifyRequest, fields: Record<string, string>, resources: DeploymentResourceInput[]): Promise<void> {
  for await (const part of request.parts()) {
    if (part.type === 'field') {
      if (!RESERVED.has(part.fieldname)) throw new InvalidRequestError(`No file name found in the deployment resource described by form parameter '${part.fieldname}'.`, part.fieldname);
      fields[part.fieldname] = String(part.value);
      continue;
    }
    const content = await part.toBuffer();
    if (!part.filename) throw new InvalidRequestError(`No file name found in the deployment resource described by form parameter '${part.fieldname}'.`, part.fieldname);
    if (resources.some((r) => r.name === part.filename)) throw new InvalidRequestError(`Resource '${part.filename}' is contained twice in the deployment`, part.fieldname);
    resources.push({ name: part.filename, content });
  }
}

/**
 * busboy reports a broken stream (no boundary, truncated body) as a plain Error: those are the
 * client's fault and answer 400. Our own refusals and @fastify/multipart's limit errors already
 * carry their status and pass through.
 */
function asMultipartError(err: unknown): unknown {
  if (err instanceof CamundaHttpError) return err;
  const status = (err as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return err;
  return new InvalidRequestError(`Malformed multipart/form-data body: ${err instanceof Error ? err.message : String(err)}`);
}
