/**
 * The JSON body parser of /engine-rest. Camunda accepts an empty body where a JSON one is
 * declared (generic clients send `Content-Type: application/json` with nothing on `unclaim`
 * and `unlock`); Fastify's own parser answers 400 there (spec 1.2). Non-empty bodies go
 * through Fastify's parser, so prototype-poisoning protection stays as configured.
 */
import type { FastifyInstance } from 'fastify';
import { InvalidRequestError } from './errors.js';

/** The most exact message available for a body the strict parser refused. */
function describeRejectedJson(text: string): string {
  try {
    JSON.parse(text);
  } catch (err) {
    return `Malformed JSON in request body: ${(err as Error).message}`;
  }
  return 'Request body contains a forbidden "__proto__" or "constructor.prototype" property';
}

export function installJsonBodyParser(scope: FastifyInstance, bodyLimit: number): void {
  const config = scope.initialConfig;
  const strict = scope.getDefaultJsonParser(config.onProtoPoisoning ?? 'error', config.onConstructorPoisoning ?? 'error');
  scope.removeContentTypeParser('application/json');
  scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') {
      done(null, {});
      return;
    }
    strict(request, text, (err, value: unknown) => {
      if (err !== null) done(new InvalidRequestError(describeRejectedJson(text)));
      else done(null, value);
    });
  });
}
