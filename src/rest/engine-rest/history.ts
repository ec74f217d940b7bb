import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import { ACTIVITY_SORT_COLUMNS, INSTANCE_SORT_COLUMNS, type ActivityInstanceFilter, type InstanceFilter, type InstanceState } from '../../runtime/index.js';
import { CountSchema, InvalidRequestError, parsePaging, parseSorting } from '../camunda/index.js';
import { PagingOnlyQuerySchema, bodySchema, querySchema, readParams, rejectUnsupported, type ParamSpec } from './query-params.js';
import { historicActivityDto, historicInstanceDto } from './runtime-dto.js';
import './services-decorator.js';
import { scopeOfRequest } from '../../auth/index.js';

const INSTANCE_PARAMS = {
  processInstanceId: 'string', processInstanceIds: 'list',
  processDefinitionId: 'string', processDefinitionKey: 'string', processDefinitionKeyIn: 'list', processDefinitionKeyNotIn: 'list',
  processDefinitionName: 'string', processDefinitionNameLike: 'string',
  processInstanceBusinessKey: 'string', processInstanceBusinessKeyLike: 'string', processInstanceBusinessKeyIn: 'list',
  finished: 'flag', unfinished: 'flag', withIncidents: 'flag', incidentType: 'string', incidentMessage: 'string', incidentMessageLike: 'string',
  startedBefore: 'date', startedAfter: 'date', finishedBefore: 'date', finishedAfter: 'date', startedBy: 'string',
  superProcessInstanceId: 'string', subProcessInstanceId: 'string', tenantIdIn: 'list', withoutTenantId: 'flag',
  executedActivityIdIn: 'list', activeActivityIdIn: 'list', rootProcessInstances: 'flag', leafProcessInstances: 'flag',
  active: 'flag', suspended: 'flag', completed: 'flag', externallyTerminated: 'flag', internallyTerminated: 'flag',
  variables: 'variables',
} as const satisfies ParamSpec;

const INSTANCE_UNSUPPORTED = [
  'caseInstanceId', 'superCaseInstanceId', 'subCaseInstanceId', 'withRootIncidents', 'incidentStatus', 'incidentIdIn',
  'executedActivityAfter', 'executedActivityBefore', 'executedJobAfter', 'executedJobBefore',
  'variableNamesIgnoreCase', 'variableValuesIgnoreCase', 'orQueries',
] as const;

const INSTANCE_SORT_BY = ['instanceId', 'definitionId', 'definitionKey', 'definitionName', 'definitionVersion', 'businessKey', 'startTime', 'endTime', 'duration', 'tenantId'] as const;

const STATE_FLAGS: Record<string, InstanceState> = {
  active: 'ACTIVE', suspended: 'SUSPENDED', completed: 'COMPLETED', externallyTerminated: 'EXTERNALLY_TERMINATED', internallyTerminated: 'INTERNALLY_TERMINATED',
};

const ACTIVITY_PARAMS = {
  activityInstanceId: 'string', processInstanceId: 'string', processDefinitionId: 'string', executionId: 'string',
  activityId: 'string', activityName: 'string', activityNameLike: 'string', activityType: 'string', taskAssignee: 'string',
  finished: 'flag', unfinished: 'flag', canceled: 'flag', completeScope: 'flag',
  startedBefore: 'date', startedAfter: 'date', finishedBefore: 'date', finishedAfter: 'date',
  tenantIdIn: 'list', withoutTenantId: 'flag',
} as const satisfies ParamSpec;

const ACTIVITY_UNSUPPORTED = ['activityIdIn', 'activityInstanceIdIn', 'activityTypeIn', 'incidentIdIn'] as const;
const ACTIVITY_SORT_BY = ['activityInstanceId', 'instanceId', 'executionId', 'activityId', 'activityName', 'activityType', 'startTime', 'endTime', 'duration', 'definitionId', 'occurrence', 'tenantId'] as const;

const IdParams = Type.Object({ id: Type.String() });

/** `GET /history/process-instance` filter (spec 4.5): every state unless a state flag narrows it. */
export function historicInstanceFilter(q: unknown): InstanceFilter {
  rejectUnsupported(q, INSTANCE_UNSUPPORTED);
  const p = readParams(q, INSTANCE_PARAMS) as Record<string, unknown>;
  const states = Object.entries(STATE_FLAGS).filter(([flag]) => p[flag] === true).map(([, state]) => state);
  // Camunda allows one state per query; two would always be empty, which reads as a bug.
  if (states.length > 1) throw new InvalidRequestError('Only one state (active, suspended, completed, externallyTerminated, internallyTerminated) can be set', 'state');
  if (p.finished === true && p.unfinished === true) throw new InvalidRequestError("Parameters 'finished' and 'unfinished' exclude each other", 'unfinished');
  const filter: InstanceFilter = {
    states,
    ...(p as InstanceFilter),
    businessKey: p.processInstanceBusinessKey as string | undefined,
    businessKeyLike: p.processInstanceBusinessKeyLike as string | undefined,
    businessKeyIn: p.processInstanceBusinessKeyIn as string[] | undefined,
    withIncident: p.withIncidents as boolean | undefined,
    superProcessInstance: p.superProcessInstanceId as string | undefined,
    subProcessInstance: p.subProcessInstanceId as string | undefined,
    activityIdIn: p.activeActivityIdIn as string[] | undefined,
  };
  return filter;
}

export function activityFilter(q: unknown): ActivityInstanceFilter {
  rejectUnsupported(q, ACTIVITY_UNSUPPORTED);
  return readParams(q, ACTIVITY_PARAMS) as ActivityInstanceFilter;
}

const instanceSorts = (q: unknown) => parseSorting(q, INSTANCE_SORT_BY).map((s) => ({ column: INSTANCE_SORT_COLUMNS[s.sortBy], order: s.sortOrder }));
const activitySorts = (q: unknown) => parseSorting(q, ACTIVITY_SORT_BY).map((s) => ({ column: ACTIVITY_SORT_COLUMNS[s.sortBy], order: s.sortOrder }));

/**
 * History (spec 4.5): process instances in every state — running ones are `ACTIVE`, and
 * `finished=true` gives the completed and terminated ones — and the activities they ran.
 */
export const historyRoutes: FastifyPluginAsync = async (app) => {
  const { instanceQueries, historyQueries } = app.services;
  const tags = ['history'];

  app.get('/history/process-instance', { schema: { tags, summary: 'List historic process instances', querystring: querySchema(INSTANCE_PARAMS) } }, async (request) =>
    (await instanceQueries.list({ ...historicInstanceFilter(request.query), scope: scopeOfRequest(request) }, instanceSorts(request.query), parsePaging(request.query))).map(historicInstanceDto),
  );
  app.post('/history/process-instance', {
    schema: { tags, summary: 'List historic process instances (filters as JSON body)', querystring: PagingOnlyQuerySchema, body: bodySchema(INSTANCE_PARAMS) },
  }, async (request) =>
    (await instanceQueries.list({ ...historicInstanceFilter(request.body), scope: scopeOfRequest(request) }, instanceSorts(request.body), parsePaging(request.query))).map(historicInstanceDto),
  );
  app.get('/history/process-instance/count', { schema: { tags, summary: 'Count historic process instances', querystring: querySchema(INSTANCE_PARAMS), response: { 200: CountSchema } } }, async (request) => ({
    count: await instanceQueries.count({ ...historicInstanceFilter(request.query), scope: scopeOfRequest(request) }),
  }));
  app.post('/history/process-instance/count', { schema: { tags, summary: 'Count historic process instances (filters as JSON body)', body: bodySchema(INSTANCE_PARAMS), response: { 200: CountSchema } } }, async (request) => ({
    count: await instanceQueries.count({ ...historicInstanceFilter(request.body), scope: scopeOfRequest(request) }),
  }));
  app.get('/history/process-instance/:id', { schema: { tags, summary: 'One historic process instance', params: IdParams } }, async (request) => {
    const { id } = request.params as { id: string };
    return historicInstanceDto(await instanceQueries.historicById(id));
  });

  app.get('/history/activity-instance', { schema: { tags, summary: 'List historic activity instances', querystring: querySchema(ACTIVITY_PARAMS) } }, async (request) =>
    (await historyQueries.activities({ ...activityFilter(request.query), scope: scopeOfRequest(request) }, activitySorts(request.query), parsePaging(request.query))).map(historicActivityDto),
  );
  app.post('/history/activity-instance', {
    schema: { tags, summary: 'List historic activity instances (filters as JSON body)', querystring: PagingOnlyQuerySchema, body: bodySchema(ACTIVITY_PARAMS) },
  }, async (request) =>
    (await historyQueries.activities({ ...activityFilter(request.body), scope: scopeOfRequest(request) }, activitySorts(request.body), parsePaging(request.query))).map(historicActivityDto),
  );
  app.get('/history/activity-instance/count', { schema: { tags, summary: 'Count historic activity instances', querystring: querySchema(ACTIVITY_PARAMS), response: { 200: CountSchema } } }, async (request) => ({
    count: await historyQueries.countActivities({ ...activityFilter(request.query), scope: scopeOfRequest(request) }),
  }));
  app.post('/history/activity-instance/count', { schema: { tags, summary: 'Count historic activity instances (filters as JSON body)', body: bodySchema(ACTIVITY_PARAMS), response: { 200: CountSchema } } }, async (request) => ({
    count: await historyQueries.countActivities({ ...activityFilter(request.body), scope: scopeOfRequest(request) }),
  }));
  app.get('/history/activity-instance/:id', { schema: { tags, summary: 'One historic activity instance', params: IdParams } }, async (request) => {
    const { id } = request.params as { id: string };
    return historicActivityDto(await historyQueries.activityById(id));
  });
};
