/**
 * The conventions every /engine-rest route relies on, installed on the scope that holds the
 * routes (spec 1.2, 1.4, 1.5):
 *  - JSON bodies: empty → `{}`; a POST/PUT/PATCH without any body (the worker's `unlock`)
 *    also reaches the handler as `{}`; malformed JSON → 400 InvalidRequestException.
 *  - Every `application/json…` answer goes out as exactly `application/json`: the worker
 *    client compares the header with `===` and silently stops working on `; charset=utf-8`.
 *  - Errors and unknown routes answer Camunda `{type, message, code}` bodies.
 *
 * Route schemas: do NOT set `additionalProperties: false`. Camunda ignores unknown JSON
 * properties (spec 1.4). TypeBox objects leave it unset, which is what we want; Fastify's
 * ajv (`removeAdditional: true`) would strip such keys, but stripping happens while anyOf
 * branches are tried and can remove keys from a branch that later matches.
 * Answer void operations with `reply.code(204).send()`.
 */
import type { FastifyInstance, FastifyPluginAsync, FastifyPluginCallback } from 'fastify';
import { type CamundaErrorRegistry, defaultErrorRegistry } from './error-mapping.js';
import { sendCamundaError, sendRouteNotFound } from './error-handler.js';
import { installJsonBodyParser } from './json-body.js';

/** Fastify's 1 MiB default is too small for BPMN uploads and base64 File variables. */
export const DEFAULT_BODY_LIMIT = 50 * 1024 * 1024;

export interface CamundaConventionsOptions {
  /** Largest JSON body accepted, in bytes (default 50 MiB). Multipart limits are set apart. */
  bodyLimit?: number;
  /** Where error mappings are looked up; default: the one `registerErrorMapping` fills. */
  errorRegistry?: CamundaErrorRegistry;
}

const JSON_CONTENT_TYPE = /^application\/json\s*(;|$)/i;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Installs the conventions on `scope` itself (no fastify-plugin wrapping, no decorators):
 * call it first thing inside the encapsulated plugin that registers the routes.
 */
export function installCamundaConventions(scope: FastifyInstance, options: CamundaConventionsOptions = {}): void {
  const registry = options.errorRegistry ?? defaultErrorRegistry;
  installJsonBodyParser(scope, options.bodyLimit ?? DEFAULT_BODY_LIMIT);
  // Camunda takes JSON or multipart only; Fastify's text/plain parser would hand routes a string
  // that then fails as "must be object" instead of naming the content type (415 below).
  scope.removeContentTypeParser('text/plain');

  // A body-less POST (worker `unlock`) or a literal `null` body reaches routes as `{}`, so body
  // schemas and handlers see an object, as with Camunda's empty DTOs.
  scope.addHook('preValidation', async (request) => {
    if ((request.body === undefined || request.body === null) && BODY_METHODS.has(request.method)) request.body = {};
  });

  scope.addHook('onSend', async (_request, reply, payload) => {
    const contentType = reply.getHeader('content-type');
    if (typeof contentType === 'string' && JSON_CONTENT_TYPE.test(contentType) && contentType !== 'application/json') {
      reply.header('content-type', 'application/json');
    }
    return payload;
  });

  scope.setErrorHandler((error, request, reply) => sendCamundaError(error, request, reply, registry));
  scope.setNotFoundHandler((request, reply) => sendRouteNotFound(request, reply, registry));
}

export interface CamundaRestPluginOptions extends CamundaConventionsOptions {
  /** Route plugins registered inside the scope, after the conventions. */
  routes?: ReadonlyArray<FastifyPluginAsync | FastifyPluginCallback>;
}

/**
 * An encapsulated /engine-rest scope: conventions plus the given route plugins. Register it
 * once per base path, e.g. `/engine-rest` and `/engine-rest/engine/default` (spec 1.1).
 */
export const camundaRestPlugin: FastifyPluginAsync<CamundaRestPluginOptions> = async (scope, options) => {
  installCamundaConventions(scope, options);
  for (const routes of options.routes ?? []) await scope.register(routes);
};
