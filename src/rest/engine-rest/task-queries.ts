import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { variableSortColumn, type TaskFilter, type TaskSort } from '../../runtime/index.js';
import {
  CountSchema,
  InvalidRequestError,
  NotFoundError,
  encodeVariables,
  parseFlag,
  parseList,
  parsePaging,
  parseSorting,
  type Sorting,
} from '../camunda/index.js';
import { formVariables } from './form-variables.js';
import { PagingOnlyQuerySchema, bodySchema, querySchema, readParams, rejectUnsupported, type ParamSpec } from './query-params.js';
import { taskDto, variableMap, variablesDto } from './runtime-dto.js';
import './services-decorator.js';
import { scopeOfRequest } from '../../auth/index.js';

/** `GET /task` parameters (spec 4.3); the names are TaskFilter's fields. */
const TASK_PARAMS = {
  taskId: 'string', taskIdIn: 'list', executionId: 'string',
  processInstanceId: 'string', processInstanceIdIn: 'list',
  processInstanceBusinessKey: 'string', processInstanceBusinessKeyIn: 'list', processInstanceBusinessKeyLike: 'string',
  processDefinitionId: 'string', processDefinitionKey: 'string', processDefinitionKeyIn: 'list',
  processDefinitionName: 'string', processDefinitionNameLike: 'string',
  taskDefinitionKey: 'string', taskDefinitionKeyIn: 'list', taskDefinitionKeyLike: 'string',
  name: 'string', nameNotEqual: 'string', nameLike: 'string', nameNotLike: 'string',
  description: 'string', descriptionLike: 'string',
  assignee: 'string', assigneeIn: 'list', assigneeNotIn: 'list', assigneeLike: 'string', owner: 'string',
  assigned: 'flag', unassigned: 'flag',
  candidateUser: 'string', candidateGroup: 'string', candidateGroups: 'list', includeAssignedTasks: 'flag',
  withCandidateGroups: 'flag', withoutCandidateGroups: 'flag', withCandidateUsers: 'flag', withoutCandidateUsers: 'flag',
  involvedUser: 'string',
  priority: 'int', minPriority: 'int', maxPriority: 'int',
  dueDate: 'date', dueBefore: 'date', dueAfter: 'date', withoutDueDate: 'flag',
  followUpDate: 'date', followUpBefore: 'date', followUpAfter: 'date', followUpBeforeOrNotExistent: 'date',
  createdOn: 'date', createdBefore: 'date', createdAfter: 'date', updatedAfter: 'date',
  active: 'flag', suspended: 'flag', delegationState: 'string',
  tenantIdIn: 'list', withoutTenantId: 'flag',
  processVariables: 'variables',
  withTaskVariablesInReturn: 'flag', withTaskLocalVariablesInReturn: 'flag', withCommentAttachmentInfo: 'flag',
} as const satisfies ParamSpec;

/**
 * Camunda parameters with no meaning here yet; answered 400 rather than ignored. Task-local
 * variables, sub-tasks and CMMN do not exist; `orQueries` would need its own query builder.
 */
const UNSUPPORTED = [
  'taskVariables', 'caseInstanceVariables', 'variableNamesIgnoreCase', 'variableValuesIgnoreCase',
  'parentTaskId', 'caseDefinitionId', 'caseDefinitionKey', 'caseDefinitionName', 'caseDefinitionNameLike',
  'caseInstanceId', 'caseInstanceBusinessKey', 'caseInstanceBusinessKeyLike', 'caseExecutionId',
  'activityInstanceIdIn', 'processDefinitionKeyNotIn', 'taskDefinitionKeyNotIn', 'orQueries', 'withoutTaskState', 'taskState',
] as const;

const SORT_BY = [
  'instanceId', 'caseInstanceId', 'dueDate', 'followUpDate', 'executionId', 'caseExecutionId', 'assignee', 'created',
  'lastUpdated', 'description', 'id', 'name', 'nameCaseInsensitive', 'priority', 'tenantId',
  'processVariable', 'executionVariable', 'taskVariable', 'caseExecutionVariable', 'caseInstanceVariable',
] as const;
type SortBy = (typeof SORT_BY)[number];

const SORT_COLUMNS: Partial<Record<SortBy, string>> = {
  instanceId: 't.process_instance_id', caseInstanceId: '(NULL::text)', dueDate: 't.due', followUpDate: 't.follow_up',
  executionId: 't.execution_id', caseExecutionId: '(NULL::text)', assignee: 't.assignee', created: 't.created',
  lastUpdated: 't.last_updated', description: 't.description', id: 't.id', name: 't.name',
  nameCaseInsensitive: 'lower(t.name)', priority: 't.priority', tenantId: 't.tenant_id',
};

const TaskQuerySchema = querySchema(TASK_PARAMS);
const TaskBodySchema = bodySchema(TASK_PARAMS);
const IdParams = Type.Object({ id: Type.String() });
const VariableQuery = Type.Object({
  variableNames: Type.Optional(Type.String({ description: 'comma-separated' })),
  deserializeValues: Type.Optional(Type.String()),
});

/** The filter of a GET query string or a POST body. */
export function taskFilter(q: unknown): TaskFilter {
  rejectUnsupported(q, UNSUPPORTED);
  const params = readParams(q, TASK_PARAMS) as TaskFilter & Record<string, unknown>;
  const { delegationState } = params;
  if (delegationState !== undefined && delegationState !== 'PENDING' && delegationState !== 'RESOLVED') {
    throw new InvalidRequestError(`Cannot set query parameter 'delegationState' to value '${String(delegationState)}': must be PENDING or RESOLVED`, 'delegationState');
  }
  if (params.candidateUser !== undefined && (params.candidateGroup !== undefined || params.candidateGroups !== undefined)) {
    throw new InvalidRequestError('Invalid query usage: cannot set both candidateUser and candidateGroup(s)', 'candidateUser');
  }
  return params;
}

function taskSorts(q: unknown): Array<TaskSort | ReturnType<typeof variableSortColumn>> {
  return parseSorting(q, SORT_BY).map((s: Sorting<SortBy>, i) => {
    const column = SORT_COLUMNS[s.sortBy];
    if (column !== undefined) return { column, order: s.sortOrder };
    if (s.sortBy !== 'processVariable') throw new InvalidRequestError(`sortBy '${s.sortBy}' is not supported`, `sorting[${i}].sortBy`);
    const variable = s.parameters?.variable;
    if (typeof variable !== 'string' || variable === '') {
      throw new InvalidRequestError(`sorting by processVariable needs parameters.variable (a variable name)`, `sorting[${i}].parameters.variable`);
    }
    return variableSortColumn(variable, s.sortOrder);
  });
}

/**
 * The read side of `/task` (spec 4.1–4.3): lists and counts in GET and POST form, one task,
 * its form, form variables and variables. Candidate filters see the task's own candidate
 * users and groups only; group membership of users arrives with units (issue 5).
 */
export const taskQueryRoutes: FastifyPluginAsync = async (app) => {
  const { taskQueries } = app.services;

  async function list(request: FastifyRequest, filterSource: unknown) {
    const filter = { ...taskFilter(filterSource), scope: scopeOfRequest(request) };
    const tasks = await taskQueries.list(filter, taskSorts(filterSource), parsePaging(request.query));
    const withVariables = parseFlag(filterSource, 'withTaskVariablesInReturn');
    const withLocal = parseFlag(filterSource, 'withTaskLocalVariablesInReturn');
    const withInfo = parseFlag(filterSource, 'withCommentAttachmentInfo');
    const variables = withVariables ? await taskQueries.variablesOf(tasks.map((t) => t.processInstanceId)) : undefined;
    return tasks.map((t) => {
      const dto: Record<string, unknown> = taskDto(t);
      // No task-local variables exist: the local map is empty, the full one is the process scope.
      if (variables) dto.variables = variablesDto(variables.get(t.processInstanceId) ?? []);
      else if (withLocal) dto.variables = {};
      if (withInfo) Object.assign(dto, { attachment: false, comment: false });
      return dto;
    });
  }

  app.get('/task', { schema: { tags: ['task'], summary: 'List open user tasks', querystring: TaskQuerySchema } }, async (request) =>
    list(request, request.query),
  );
  app.post('/task', {
    schema: { tags: ['task'], summary: 'List open user tasks (filters as JSON body)', querystring: PagingOnlyQuerySchema, body: TaskBodySchema },
  }, async (request) => list(request, request.body));

  app.get('/task/count', { schema: { tags: ['task'], summary: 'Count open user tasks', querystring: TaskQuerySchema, response: { 200: CountSchema } } }, async (request) => ({
    count: await taskQueries.count({ ...taskFilter(request.query), scope: scopeOfRequest(request) }),
  }));
  app.post('/task/count', { schema: { tags: ['task'], summary: 'Count open user tasks (filters as JSON body)', body: TaskBodySchema, response: { 200: CountSchema } } }, async (request) => ({
    count: await taskQueries.count({ ...taskFilter(request.body), scope: scopeOfRequest(request) }),
  }));

  app.get('/task/:id', { schema: { tags: ['task'], summary: 'One open user task', params: IdParams } }, async (request) => {
    const { id } = request.params as { id: string };
    return taskDto(await taskQueries.byId(id));
  });

  app.get('/task/:id/form', { schema: { tags: ['task'], summary: "The task's form key", params: IdParams } }, async (request) => {
    const { id } = request.params as { id: string };
    const task = await taskQueries.byId(id);
    return { key: task.formKey, contextPath: null, camundaFormRef: null };
  });

  app.get('/task/:id/form-variables', {
    schema: { tags: ['task'], summary: 'Form field defaults and process variables', params: IdParams, querystring: VariableQuery },
  }, async (request) => {
    const { id } = request.params as { id: string };
    const names = parseList(request.query, 'variableNames');
    const task = await taskQueries.byId(id);
    const rows = (await taskQueries.variablesOf([task.processInstanceId])).get(task.processInstanceId) ?? [];
    const all = formVariables(task.formFields, variableMap(rows));
    const wanted = names === undefined ? all : Object.fromEntries(Object.entries(all).filter(([name]) => names.includes(name)));
    return encodeVariables(wanted);
  });

  app.get('/task/:id/variables', { schema: { tags: ['task'], summary: 'Variables visible to the task', params: IdParams, querystring: VariableQuery } }, async (request) => {
    const { id } = request.params as { id: string };
    const task = await taskQueries.byId(id);
    return variablesDto((await taskQueries.variablesOf([task.processInstanceId])).get(task.processInstanceId) ?? [], parseList(request.query, 'variableNames'));
  });

  app.get('/task/:id/variables/:name', {
    schema: { tags: ['task'], summary: 'One variable visible to the task', params: Type.Object({ id: Type.String(), name: Type.String() }) },
  }, async (request) => {
    const { id, name } = request.params as { id: string; name: string };
    const task = await taskQueries.byId(id);
    const rows = (await taskQueries.variablesOf([task.processInstanceId])).get(task.processInstanceId) ?? [];
    const found = variablesDto(rows, [name])[name];
    if (found === undefined) throw new NotFoundError(`task variable with name ${name} does not exist`, 'variable', name);
    return found;
  });

  // Task-local variables do not exist here (input mappings write to the process scope).
  app.get('/task/:id/localVariables', { schema: { tags: ['task'], summary: 'Task-local variables (always empty)', params: IdParams } }, async (request) => {
    const { id } = request.params as { id: string };
    await taskQueries.byId(id);
    return {};
  });
};
