/**
 * Turns whatever a /engine-rest route, hook or body parser throws into a Camunda error answer
 * (spec 1.5): our error classes and registered mappings keep their status; Fastify's own
 * request errors (validation, 413, 415, …) become `InvalidRequestException` bodies; anything
 * else is a logged 500 whose body names only the request id.
 */
import type { FastifyError, FastifyReply, FastifyRequest, FastifySchemaValidationError } from 'fastify';
import { type CamundaErrorRegistry, toCamundaErrorBody } from './error-mapping.js';
import {
  AuthenticationRequiredError,
  CamundaHttpError,
  InvalidRequestError,
  RouteNotFoundError,
  UnexpectedServerError,
} from './errors.js';

const CONTEXT_LABEL: Record<string, string> = {
  body: 'request body field',
  querystring: 'query parameter',
  params: 'path parameter',
  headers: 'header',
};

/** `/topics/0/lockDuration` (+ missing property) → `topics[0].lockDuration`. */
function fieldPath(e: FastifySchemaValidationError): string {
  const segments = e.instancePath
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  const missing = e.keyword === 'required' ? e.params.missingProperty : undefined;
  if (typeof missing === 'string') segments.push(missing);
  return segments.reduce((path, s) => (/^\d+$/.test(s) ? `${path}[${s}]` : path === '' ? s : `${path}.${s}`), '');
}

/**
 * One readable sentence from ajv's errors. A failed union (TypeBox literals, `X | null`)
 * comes as one error per branch followed by `anyOf`; those are folded into "must be one of".
 */
function describe(errors: readonly FastifySchemaValidationError[]): { field: string; problem: string } {
  const anyOf = errors.find((e) => e.keyword === 'anyOf');
  const target = anyOf ?? errors[0];
  if (target === undefined) return { field: '', problem: 'is invalid' };
  const field = fieldPath(target);
  if (target.keyword === 'required') return { field, problem: 'is required' };
  if (target.keyword === 'additionalProperties' && typeof target.params.additionalProperty === 'string') {
    const extra = target.params.additionalProperty;
    return { field: field === '' ? extra : `${field}.${extra}`, problem: 'is not a known field' };
  }
  if (anyOf !== undefined) {
    // A branch that got past the value's own type failed deeper down (a bad entry inside a
    // map): that error names the real field; the sibling `must be null` would not.
    const deeper = errors.filter((e) => e.instancePath.startsWith(`${anyOf.instancePath}/`));
    if (deeper.length > 0) return describe(deeper);
    const branches = errors.filter((e) => e.instancePath === anyOf.instancePath && e !== anyOf);
    if (branches.length > 0 && branches.every((e) => e.keyword === 'const')) {
      return { field, problem: `must be one of ${branches.map((e) => JSON.stringify(e.params.allowedValue)).join(', ')}` };
    }
    if (branches.length > 0 && branches.every((e) => e.keyword === 'type')) {
      return { field, problem: `must be ${branches.map((e) => String(e.params.type)).join(' or ')}` };
    }
  }
  if (target.keyword === 'enum' && Array.isArray(target.params.allowedValues)) {
    return { field, problem: `must be one of ${target.params.allowedValues.map((v) => JSON.stringify(v)).join(', ')}` };
  }
  return { field, problem: target.message ?? 'is invalid' };
}

export function validationError(error: FastifyError): InvalidRequestError {
  const context = error.validationContext ?? 'body';
  const { field, problem } = describe(error.validation ?? []);
  if (field === '') return new InvalidRequestError(`Invalid ${context === 'body' ? 'request body' : context}: ${problem}`);
  return new InvalidRequestError(`Invalid ${CONTEXT_LABEL[context] ?? context} '${field}': ${problem}`, field);
}

const isFastifyError = (err: unknown): err is FastifyError =>
  err instanceof Error && typeof (err as FastifyError).code === 'string';

/** Framework errors about the request itself (413, 415, bad content-length, multipart limits). */
function frameworkRequestError(err: FastifyError, request: FastifyRequest): CamundaHttpError | undefined {
  const status = err.statusCode;
  if (!err.code.startsWith('FST_') || status === undefined || status < 400 || status > 499) return undefined;
  const message =
    err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
      ? `Unsupported media type '${request.headers['content-type'] ?? ''}'`
      : err.message;
  return new CamundaHttpError(status, 'InvalidRequestException', message);
}

function resolve(error: unknown, request: FastifyRequest, registry: CamundaErrorRegistry): CamundaHttpError | undefined {
  if (isFastifyError(error) && Array.isArray(error.validation)) return validationError(error);
  try {
    const mapped = registry.resolve(error);
    if (mapped !== undefined) return mapped;
  } catch (mappingFailure) {
    request.log.error({ err: mappingFailure }, 'error mapping threw');
    return undefined;
  }
  return isFastifyError(error) ? frameworkRequestError(error, request) : undefined;
}

export function sendCamundaError(
  error: unknown,
  request: FastifyRequest,
  reply: FastifyReply,
  registry: CamundaErrorRegistry,
): FastifyReply {
  const httpError = resolve(error, request, registry);
  if (httpError instanceof AuthenticationRequiredError) {
    // The challenge makes Camunda Modeler ask for a user and password (Basic). Unlike Camunda's
    // empty 401, the body is the usual `{type, message}`, so every client reads errors one way.
    reply.header('www-authenticate', `Basic realm="${httpError.realm}"`);
    return reply.code(401).send(toCamundaErrorBody(httpError, registry));
  }
  if (httpError === undefined || httpError.statusCode >= 500) {
    // The request logger already carries reqId, the id the 500 body names.
    request.log.error({ err: error }, 'engine-rest request failed');
  } else {
    request.log.info({ err: error }, `engine-rest request rejected with ${httpError.statusCode}`);
  }
  const answer = httpError ?? new UnexpectedServerError(request.id);
  return reply.code(answer.statusCode).send(toCamundaErrorBody(answer, registry));
}

export function sendRouteNotFound(request: FastifyRequest, reply: FastifyReply, registry: CamundaErrorRegistry): FastifyReply {
  const path = request.url.split('?')[0] ?? request.url;
  return reply.code(404).send(toCamundaErrorBody(new RouteNotFoundError(request.method, path), registry));
}
