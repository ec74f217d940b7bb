import type { FastifyPluginAsync } from 'fastify';
import { Type } from '@sinclair/typebox';
import { INCIDENT_SORT_COLUMNS, type IncidentFilter, type IncidentInfo, type IncidentSortBy } from '../../external-tasks/index.js';
import { CountSchema, formatCamundaDate, parseDateParam, parseFlag, parseList, parsePaging, parseSorting, parseString } from '../camunda/index.js';
import './services-decorator.js';
import { scopeOfRequest } from '../../auth/index.js';

const STRINGS = ['incidentId', 'incidentType', 'incidentMessage', 'incidentMessageLike', 'processDefinitionId', 'processInstanceId', 'executionId', 'activityId', 'configuration'] as const;
const LISTS = ['processDefinitionKeyIn', 'tenantIdIn'] as const;
const DATES = ['incidentTimestampBefore', 'incidentTimestampAfter'] as const;
const SORT_BY = Object.keys(INCIDENT_SORT_COLUMNS) as IncidentSortBy[];

const IncidentQuerySchema = Type.Object({
  ...Object.fromEntries([...STRINGS, ...LISTS].map((n) => [n, Type.Optional(Type.String())])),
  ...Object.fromEntries(DATES.map((n) => [n, Type.Optional(Type.String({ description: 'yyyy-MM-ddTHH:mm:ss.SSSZ' }))])),
  withoutTenantId: Type.Optional(Type.String({ description: 'true|false' })),
  sortBy: Type.Optional(Type.String({ description: SORT_BY.join(', ') })),
  sortOrder: Type.Optional(Type.String({ description: 'asc|desc' })),
  firstResult: Type.Optional(Type.String()),
  maxResults: Type.Optional(Type.String()),
});

const NullableString = Type.Union([Type.String(), Type.Null()]);
const IncidentSchema = Type.Object({
  id: Type.String(),
  processDefinitionId: Type.String(),
  processInstanceId: NullableString,
  executionId: NullableString,
  incidentTimestamp: Type.String(),
  incidentType: Type.String(),
  activityId: NullableString,
  failedActivityId: NullableString,
  causeIncidentId: Type.String(),
  rootCauseIncidentId: Type.String(),
  configuration: NullableString,
  tenantId: NullableString,
  incidentMessage: NullableString,
  jobDefinitionId: NullableString,
  annotation: NullableString,
});

function incidentFilter(q: unknown): IncidentFilter {
  const f: Record<string, unknown> = {};
  for (const n of STRINGS) f[n] = parseString(q, n);
  for (const n of LISTS) f[n] = parseList(q, n);
  for (const n of DATES) f[n] = parseDateParam(q, n);
  f.withoutTenantId = parseFlag(q, 'withoutTenantId');
  return f as IncidentFilter;
}

/** Camunda `IncidentDto`; an incident is its own cause (no nested incidents here). */
function incidentDto(i: IncidentInfo) {
  return {
    id: i.id,
    processDefinitionId: i.processDefinitionId,
    processInstanceId: i.processInstanceId,
    executionId: i.executionId,
    incidentTimestamp: formatCamundaDate(i.incidentTimestamp),
    incidentType: i.incidentType,
    activityId: i.activityId,
    failedActivityId: i.activityId,
    causeIncidentId: i.id,
    rootCauseIncidentId: i.id,
    configuration: i.configuration,
    tenantId: i.tenantId,
    incidentMessage: i.incidentMessage,
    jobDefinitionId: null,
    annotation: null,
  };
}

/**
 * Open incidents (Camunda's runtime `/incident`): today those of external tasks whose retries
 * reached 0. Resolve one with `PUT /external-task/{configuration}/retries`.
 */
export const incidentRoutes: FastifyPluginAsync = async (app) => {
  const { incidents } = app.services.externalTasks;
  const tags = ['incident'];

  app.get('/incident', { schema: { tags, summary: 'List open incidents', querystring: IncidentQuerySchema, response: { 200: Type.Array(IncidentSchema) } } }, async (request) => {
    const sorting = parseSorting(request.query, SORT_BY);
    const { firstResult, maxResults } = parsePaging(request.query);
    return (await incidents.list({ ...incidentFilter(request.query), scope: scopeOfRequest(request) }, { sorting, firstResult, maxResults })).map(incidentDto);
  });

  app.get('/incident/count', { schema: { tags, summary: 'Count open incidents', querystring: IncidentQuerySchema, response: { 200: CountSchema } } }, async (request) => ({
    count: await incidents.count({ ...incidentFilter(request.query), scope: scopeOfRequest(request) }),
  }));
};
