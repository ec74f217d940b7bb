/**
 * Camunda 7 REST conventions shared by every /engine-rest route (docs: camunda7-rest.md §1):
 * typed variables, Camunda dates, list-query parameters, Camunda error bodies, and the
 * Fastify scope set-up (JSON parsing, exact `application/json`, error and 404 handlers).
 * Routes live in their own modules and use only what is exported here.
 *
 *   // app wiring — once per base path
 *   await app.register(camundaRestPlugin, { prefix: '/engine-rest', routes: [externalTaskRoutes, taskRoutes] });
 *   await app.register(camundaRestPlugin, { prefix: '/engine-rest/engine/default', routes: [...] });
 *
 *   // a route module; mappings at module top level (the plugin body runs once per base path)
 *   registerErrorMapping(ProcessInstanceNotFoundError, (e) =>
 *     new NotFoundError(`No matching process instance with id ${e.processInstanceId}`));
 *
 *   export const taskRoutes: FastifyPluginAsync = async (app) => {
 *     app.get('/task', { schema: { querystring: PagingQuerySchema } }, async (req) => {
 *       const paging = parsePaging(req.query);
 *       const sorting = parseSorting(req.query, TASK_SORT_BY);
 *       const vars = parseVariableFilters(req.query, 'processVariables');
 *       …
 *     });
 *     app.post('/task/:id/complete', async (req, reply) => {
 *       const body = req.body as { variables?: unknown };
 *       const variables = decodeVariables(body.variables, 'variables');   // 400 names the field
 *       await engine.completeTask(id, toEngineVariables(variables));
 *       return reply.code(204).send();
 *     });
 *   };
 */
export {
  CAMUNDA_TYPES,
  resolveCamundaType,
  type CamundaType,
  type TypedValue,
  type VariableMap,
  type FileContent,
  type BytesContent,
} from './variable-types.js';
export {
  decodeTypedValue,
  decodeVariables,
  encodeTypedValue,
  encodeVariables,
  toEngineVariables,
  fromEngineVariables,
  typedValueOf,
  withoutTransient,
  toStored,
  fromStored,
  type EncodeOptions,
  type StoredVariable,
} from './typed-variables.js';
export {
  formatCamundaDate,
  parseCamundaDate,
  tryParseCamundaDate,
  CAMUNDA_DATE_PATTERN,
  DEFAULT_TIME_ZONE,
} from './dates.js';
export {
  parsePaging,
  applyPaging,
  parseSorting,
  parseBool,
  parseFlag,
  parseList,
  parseString,
  parseInteger,
  parseDateParam,
  parseVariableFilters,
  invalidParameter,
  type Paging,
  type Sorting,
} from './query.js';
export {
  CamundaHttpError,
  InvalidRequestError,
  InvalidVariableError,
  BadUserRequestError,
  NotFoundError,
  TaskNotFoundError,
  RouteNotFoundError,
  ConflictError,
  TaskAlreadyClaimedError,
  ParseError,
  BPMN_PARSE_ERROR_PREFIX,
  MismatchingMessageCorrelationError,
  AuthenticationRequiredError,
  AuthorizationError,
  UnexpectedServerError,
  DuplicateErrorMappingError,
  InvalidStoredVariableError,
  type ParseProblem,
  type ParseDetails,
} from './errors.js';
export {
  CamundaErrorRegistry,
  defaultErrorRegistry,
  registerErrorMapping,
  toCamundaErrorBody,
  type CamundaErrorBody,
  type ErrorMapper,
} from './error-mapping.js';
export {
  camundaRestPlugin,
  installCamundaConventions,
  DEFAULT_BODY_LIMIT,
  type CamundaConventionsOptions,
  type CamundaRestPluginOptions,
} from './plugin.js';
export {
  TypedValueSchema,
  VariableMapSchema,
  NullableVariableMapSchema,
  TypedValueResponseSchema,
  VariableMapResponseSchema,
  CamundaTypeSchema,
  CamundaErrorSchema,
  CountSchema,
  PagingQuerySchema,
  SortingItemSchema,
  SortOrderSchema,
  SORT_ORDERS,
  VariableFilterSchema,
  VariableFilterOperatorSchema,
  VARIABLE_FILTER_OPERATORS,
  type TypedValueDto,
  type VariableMapDto,
  type TypedValueResponse,
  type VariableMapResponse,
  type CountDto,
  type SortOrder,
  type SortingItemDto,
  type VariableFilter,
  type VariableFilterOperator,
} from './schemas.js';
