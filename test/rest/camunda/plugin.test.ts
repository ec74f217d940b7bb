import { Writable } from 'node:stream';
import { Type } from '@sinclair/typebox';
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import t from 'tap';
import {
  AuthenticationRequiredError,
  CamundaErrorRegistry,
  camundaRestPlugin,
  NotFoundError,
  PagingQuerySchema,
  ParseError,
  parsePaging,
  parseSorting,
  SortOrderSchema,
  TaskAlreadyClaimedError,
  TaskNotFoundError,
} from '../../../src/rest/camunda/index.js';

/** An error class of another module, unknown to the REST layer. */
class ExternalTaskNotFoundError extends Error {
  override readonly name = 'ExternalTaskNotFoundError';
  constructor(readonly externalTaskId: string) {
    super(`no external task ${externalTaskId}`);
  }
}
class LockedByOtherWorkerError extends ExternalTaskNotFoundError {}

const FetchAndLockBody = Type.Object({
  workerId: Type.String(),
  maxTasks: Type.Integer({ minimum: 0 }),
  topics: Type.Array(Type.Object({ topicName: Type.String(), lockDuration: Type.Integer({ minimum: 1 }) })),
});

const routes: FastifyPluginAsync = async (app) => {
  app.post('/echo', async (req) => ({ body: req.body ?? 'undefined' }));
  app.post('/external-task/:id/unlock', async (_req, reply) => reply.code(204).send());
  app.post('/external-task/fetchAndLock', { schema: { body: FetchAndLockBody } }, async (req) => [req.body]);
  app.get('/deployment', { schema: { querystring: Type.Intersect([PagingQuerySchema, Type.Object({ sortOrder: Type.Optional(SortOrderSchema) })]) } }, async (req) => {
    const paging = parsePaging(req.query);
    parseSorting(req.query, ['id', 'name']);
    return paging.maxResults === 0 ? [] : [{ id: 'd-1' }];
  });
  app.get('/boom', async () => {
    throw new Error('connection to postgres://admin:s3cret@db failed');
  });
  app.post('/task/:id/claim', async () => {
    throw new TaskAlreadyClaimedError('t1', 'someone');
  });
  app.get('/task/:id', async (req) => {
    throw new TaskNotFoundError((req.params as { id: string }).id);
  });
  app.post('/external-task/:id/complete', async (req) => {
    const { id } = req.params as { id: string };
    throw id === 'locked' ? new LockedByOtherWorkerError(id) : new ExternalTaskNotFoundError(id);
  });
  app.get('/secured', async () => {
    throw new AuthenticationRequiredError();
  });
  app.post('/deployment/create', async () => {
    throw new ParseError('cvc-complex-type.2.4.a: Invalid content', {
      'order.bpmn': { errors: [{ message: 'bad', line: 3, column: 5, mainBpmnElementId: 'Task_1', bpmnElementIds: ['Task_1'] }], warnings: [] },
    });
  });
  app.get('/charset', async (_req, reply) => reply.type('application/json; charset=utf-8').send('{"a":1}'));
  app.get('/plain', async (_req, reply) => reply.type('text/plain').send('hello'));
};

interface Built {
  app: FastifyInstance;
  logs: Array<Record<string, unknown>>;
}

async function build(t: { teardown: (fn: () => unknown) => void }, bodyLimit?: number): Promise<Built> {
  const logs: Array<Record<string, unknown>> = [];
  const stream = new Writable({
    write(chunk: Buffer, _enc, cb) {
      logs.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      cb();
    },
  });
  const app = Fastify({ logger: { level: 'info', stream } });
  const errorRegistry = new CamundaErrorRegistry().register(
    ExternalTaskNotFoundError,
    (e) => new NotFoundError(`External task with id ${e.externalTaskId} does not exist`, 'external-task', e.externalTaskId),
  );
  app.get('/outside', async () => ({ ok: true }));
  await app.register(camundaRestPlugin, { prefix: '/engine-rest', routes: [routes], errorRegistry, ...(bodyLimit ? { bodyLimit } : {}) });
  await app.register(camundaRestPlugin, { prefix: '/engine-rest/engine/default', routes: [routes], errorRegistry });
  await app.ready();
  t.teardown(() => app.close());
  return { app, logs };
}

const json = (body: string): unknown => JSON.parse(body);

t.test('JSON bodies: empty → {}, no content type → {}, malformed → 400', async (t) => {
  const { app } = await build(t);

  let res = await app.inject({ method: 'POST', url: '/engine-rest/echo', headers: { 'content-type': 'application/json' }, payload: '' });
  t.equal(res.statusCode, 200);
  t.same(json(res.body), { body: {} }, 'empty JSON body is {}');

  res = await app.inject({ method: 'POST', url: '/engine-rest/echo', headers: { 'content-type': 'application/json; charset=utf-8' }, payload: '  \n' });
  t.same(json(res.body), { body: {} }, 'whitespace only');

  // the worker's unlock: no content-type, content-length 0
  res = await app.inject({ method: 'POST', url: '/engine-rest/external-task/t2/unlock', headers: { 'content-length': '0' } });
  t.equal(res.statusCode, 204);
  t.equal(res.body, '');
  t.equal(res.headers['content-type'], undefined);
  res = await app.inject({ method: 'POST', url: '/engine-rest/echo' });
  t.same(json(res.body), { body: {} }, 'body-less POST reaches the handler as {}');

  res = await app.inject({ method: 'POST', url: '/engine-rest/echo', headers: { 'content-type': 'application/json' }, payload: 'null' });
  t.same(json(res.body), { body: {} }, 'a null body is {} as well');
  res = await app.inject({ method: 'POST', url: '/engine-rest/external-task/fetchAndLock', headers: { 'content-length': '0' } });
  t.equal((json(res.body) as { message: string }).message, "Invalid request body field 'workerId': is required", 'schemas see {}');

  res = await app.inject({ method: 'POST', url: '/engine-rest/echo', headers: { 'content-type': 'application/json' }, payload: '{"workerId": "w",}' });
  t.equal(res.statusCode, 400);
  t.equal(res.headers['content-type'], 'application/json');
  const body = json(res.body) as { type: string; message: string; code: unknown };
  t.equal(body.type, 'InvalidRequestException');
  t.match(body.message, /^Malformed JSON in request body: /);
  t.equal(body.code, null);

  res = await app.inject({ method: 'POST', url: '/engine-rest/echo', headers: { 'content-type': 'application/json' }, payload: '{"__proto__":{"x":1}}' });
  t.equal(res.statusCode, 400, 'prototype poisoning still refused');
  t.match(json(res.body), { type: 'InvalidRequestException', message: /forbidden "__proto__"/ });

  res = await app.inject({ method: 'POST', url: '/engine-rest/echo', payload: '{"a":1,"unknownKey":true}', headers: { 'content-type': 'application/json' } });
  t.same(json(res.body), { body: { a: 1, unknownKey: true } }, 'unknown properties are kept, not rejected');
});

t.test('every JSON answer has content-type exactly application/json', async (t) => {
  const { app } = await build(t);
  for (const [method, url, status] of [
    ['GET', '/engine-rest/deployment?maxResults=0', 200],
    ['GET', '/engine-rest/engine/default/deployment?maxResults=0', 200],
    ['GET', '/engine-rest/charset', 200],
    ['GET', '/engine-rest/task/t9', 404],
    ['GET', '/engine-rest/boom', 500],
    ['GET', '/engine-rest/no-such-thing', 404],
    ['POST', '/engine-rest/task/t1/claim', 409],
  ] as const) {
    const res = await app.inject({ method, url });
    t.equal(res.statusCode, status, `${method} ${url}`);
    t.equal(res.headers['content-type'], 'application/json', `${method} ${url}`);
  }
  t.same(json((await app.inject({ method: 'GET', url: '/engine-rest/deployment?maxResults=0' })).body), [], 'maxResults=0 → []');
  t.equal((await app.inject({ method: 'GET', url: '/engine-rest/plain' })).headers['content-type'], 'text/plain', 'non-JSON left alone');
  t.equal((await app.inject({ method: 'GET', url: '/outside' })).headers['content-type'], 'application/json; charset=utf-8', 'scope is encapsulated');
});

t.test('Camunda error bodies', async (t) => {
  const { app, logs } = await build(t);

  let res = await app.inject({ method: 'POST', url: '/engine-rest/task/t1/claim', payload: { userId: 'u' } });
  t.equal(res.statusCode, 409);
  t.strictSame(json(res.body), { type: 'TaskAlreadyClaimedException', message: "Task 't1' is already claimed by someone else.", code: 0 });

  res = await app.inject({ method: 'GET', url: '/engine-rest/task/t9' });
  t.strictSame(json(res.body), { type: 'NotFoundException', message: 'No matching task with id t9', code: 0 });

  res = await app.inject({ method: 'POST', url: '/engine-rest/external-task/t3/complete', payload: { workerId: 'w' } });
  t.equal(res.statusCode, 404, 'an error class of another module, mapped through the registry');
  t.strictSame(json(res.body), { type: 'NotFoundException', message: 'External task with id t3 does not exist', code: 0 });
  res = await app.inject({ method: 'POST', url: '/engine-rest/external-task/locked/complete', payload: { workerId: 'w' } });
  t.equal(res.statusCode, 404, 'subclasses use the mapping of their base class');

  res = await app.inject({ method: 'GET', url: '/engine-rest/boom' });
  t.equal(res.statusCode, 500);
  const boom = json(res.body) as { type: string; message: string; code: unknown };
  t.equal(boom.type, 'RestException');
  const requestId = /^Internal server error; see the server log for request (req-\d+)$/.exec(boom.message)?.[1];
  t.ok(requestId, 'the message names the request id');
  t.notMatch(res.body, /s3cret|postgres|at |stack/, 'nothing of the cause leaks');
  const logged = logs.find((l) => l.msg === 'engine-rest request failed');
  t.ok(logged, 'the failure is logged');
  t.equal(logged?.reqId, requestId, 'logged under the same request id');
  t.match(logged?.err, { message: /s3cret/, stack: /Error/ }, 'with the real error, server side only');

  res = await app.inject({ method: 'GET', url: '/engine-rest/nowhere?x=1' });
  t.strictSame(json(res.body), { type: 'NotFoundException', message: 'Could not find resource for GET /engine-rest/nowhere', code: null });

  res = await app.inject({ method: 'GET', url: '/engine-rest/secured' });
  t.equal(res.statusCode, 401);
  t.match(json(res.body), { type: 'AuthenticationException', message: 'Authentication required' }, '401 has a Camunda error body');
  t.equal(res.headers['www-authenticate'], 'Basic realm="default"');

  res = await app.inject({ method: 'POST', url: '/engine-rest/deployment/create' });
  t.equal(res.statusCode, 400);
  const parse = json(res.body) as { type: string; message: string; details: Record<string, unknown> };
  t.equal(parse.type, 'ParseException');
  t.match(parse.message, /^ENGINE-09005 Could not parse BPMN process\. Errors: cvc-complex-type/);
  t.match(parse.details, { 'order.bpmn': { errors: [{ line: 3, mainBpmnElementId: 'Task_1' }] } });
});

t.test('request validation names the field', async (t) => {
  const { app } = await build(t);
  const post = (payload: unknown) =>
    app.inject({ method: 'POST', url: '/engine-rest/external-task/fetchAndLock', payload: payload as object });

  let res = await post({ maxTasks: 1, topics: [] });
  t.equal(res.statusCode, 400);
  t.strictSame(json(res.body), { type: 'InvalidRequestException', message: "Invalid request body field 'workerId': is required", code: null });

  res = await post({ workerId: 'w', maxTasks: 1, topics: [{ topicName: 'a', lockDuration: 0 }] });
  t.equal((json(res.body) as { message: string }).message, "Invalid request body field 'topics[0].lockDuration': must be >= 1");

  res = await post({ workerId: 'w', maxTasks: 'many', topics: [] });
  t.equal((json(res.body) as { message: string }).message, "Invalid request body field 'maxTasks': must be integer");

  res = await post({ workerId: 'w', maxTasks: 1, topics: [], extra: { anything: true } });
  t.equal(res.statusCode, 200, 'unknown properties are ignored');

  res = await app.inject({ method: 'GET', url: '/engine-rest/deployment?maxResults=abc' });
  t.strictSame(json(res.body), { type: 'InvalidRequestException', message: "Invalid query parameter 'maxResults': must be integer", code: null });

  res = await app.inject({ method: 'GET', url: '/engine-rest/deployment?sortBy=id&sortOrder=up' });
  t.equal((json(res.body) as { message: string }).message, 'Invalid query parameter \'sortOrder\': must be one of "asc", "desc"');

  res = await app.inject({ method: 'GET', url: '/engine-rest/deployment?sortBy=id' });
  t.equal(res.statusCode, 400, 'errors thrown by the query helpers');
  t.strictSame(json(res.body), {
    type: 'InvalidRequestException',
    message: 'Only a single sorting parameter specified. sortBy and sortOrder required',
    code: null,
  });
});

t.test('body limit → 413 and unsupported media type → 415, both Camunda bodies', async (t) => {
  const { app } = await build(t, 64);
  let res = await app.inject({
    method: 'POST',
    url: '/engine-rest/echo',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ data: 'x'.repeat(200) }),
  });
  t.equal(res.statusCode, 413);
  t.equal(res.headers['content-type'], 'application/json');
  t.strictSame(json(res.body), { type: 'InvalidRequestException', message: 'Request body is too large', code: null });

  res = await app.inject({ method: 'POST', url: '/engine-rest/echo', headers: { 'content-type': 'application/xml' }, payload: '<a/>' });
  t.equal(res.statusCode, 415);
  t.strictSame(json(res.body), { type: 'InvalidRequestException', message: "Unsupported media type 'application/xml'", code: null });

  const big = await build(t);
  res = await big.app.inject({
    method: 'POST',
    url: '/engine-rest/echo',
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ data: 'x'.repeat(2 * 1024 * 1024) }),
  });
  t.equal(res.statusCode, 200, 'the default limit is above Fastify’s 1 MiB');
});
