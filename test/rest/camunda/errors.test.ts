import Fastify, { type FastifyInstance } from 'fastify';
import t from 'tap';
import {
  AuthorizationError,
  BadUserRequestError,
  CamundaErrorRegistry,
  camundaRestPlugin,
  ConflictError,
  defaultErrorRegistry,
  DuplicateErrorMappingError,
  InvalidRequestError,
  MismatchingMessageCorrelationError,
  NotFoundError,
  ParseError,
  registerErrorMapping,
  TaskAlreadyClaimedError,
  toCamundaErrorBody,
} from '../../../src/rest/camunda/index.js';

class EngineBusyError extends Error {
  override readonly name = 'EngineBusyError';
}
class WrongWorkerError extends Error {
  override readonly name = 'WrongWorkerError';
  constructor(
    readonly taskId: string,
    readonly workerId: string,
    readonly lockedBy: string,
  ) {
    super('wrong worker');
  }
}

t.test('toCamundaErrorBody: type, message, code (0 for engine errors, null otherwise)', async (t) => {
  t.strictSame(toCamundaErrorBody(new InvalidRequestError('No message name supplied')), {
    type: 'InvalidRequestException',
    message: 'No message name supplied',
    code: null,
  });
  t.strictSame(toCamundaErrorBody(new BadUserRequestError('x')), { type: 'BadUserRequestException', message: 'x', code: 0 });
  t.strictSame(toCamundaErrorBody(new NotFoundError('External task with id t3 does not exist')), {
    type: 'NotFoundException',
    message: 'External task with id t3 does not exist',
    code: 0,
  });
  t.strictSame(toCamundaErrorBody(new TaskAlreadyClaimedError('t1')), {
    type: 'TaskAlreadyClaimedException',
    message: "Task 't1' is already claimed by someone else.",
    code: 0,
  });
  t.strictSame(toCamundaErrorBody(new MismatchingMessageCorrelationError('CitizenCallback')), {
    type: 'MismatchingMessageCorrelationException',
    message: "Cannot correlate message 'CitizenCallback': No process definition or execution matches the parameters",
    code: 0,
  });
  t.equal(new MismatchingMessageCorrelationError('m').statusCode, 400);
  t.equal(new ConflictError('suspended').statusCode, 409);
  t.equal(new AuthorizationError('no', 'u').statusCode, 403);
  t.strictSame(toCamundaErrorBody(new ParseError('ENGINE-09005 Could not parse BPMN process. Errors: x')).message, 'ENGINE-09005 Could not parse BPMN process. Errors: x');
  t.same(toCamundaErrorBody(new ParseError('bad', { 'a.bpmn': { errors: [], warnings: [] } })).details, { 'a.bpmn': { errors: [], warnings: [] } });
  t.strictSame(toCamundaErrorBody(new Error('secret')), { type: 'RestException', message: 'Internal server error', code: null });
  t.strictSame(toCamundaErrorBody('a string'), { type: 'RestException', message: 'Internal server error', code: null });
  t.equal(new TaskAlreadyClaimedError('t').name, 'TaskAlreadyClaimedError');
});

t.test('registry: most specific class wins; a different second mapping is refused', async (t) => {
  class Base extends Error {}
  class Special extends Base {}
  const registry = new CamundaErrorRegistry()
    .register(Base, () => new ConflictError('base'))
    .register(Special, () => new NotFoundError('special'));
  t.equal(registry.resolve(new Base())?.message, 'base');
  t.equal(registry.resolve(new Special())?.message, 'special');
  t.equal(registry.resolve(new Error('x')), undefined);
  const map = () => new ConflictError('x');
  registry.register(EngineBusyError, map).register(EngineBusyError, map); // same mapper twice: fine
  t.throws(() => registry.register(EngineBusyError, () => new ConflictError('y')), DuplicateErrorMappingError);
});

t.test('registerErrorMapping fills the default registry used by the plugin', async (t) => {
  registerErrorMapping(
    WrongWorkerError,
    (e) => new BadUserRequestError(`External Task ${e.taskId} cannot be completed by worker '${e.workerId}'. It is locked by worker '${e.lockedBy}'.`),
  );
  t.equal(defaultErrorRegistry.resolve(new WrongWorkerError('t1', 'a', 'b'))?.statusCode, 400);

  const app = Fastify();
  await app.register(camundaRestPlugin, {
    prefix: '/engine-rest',
    routes: [
      async (scope: FastifyInstance) => {
        scope.post('/external-task/:id/complete', async () => {
          throw new WrongWorkerError('t1', 'a', 'b');
        });
        scope.get('/bad-mapping', async () => {
          throw new EngineBusyError('busy');
        });
      },
    ],
  });
  registerErrorMapping(EngineBusyError, () => {
    throw new Error('mapper bug');
  });
  t.teardown(() => app.close());
  let res = await app.inject({ method: 'POST', url: '/engine-rest/external-task/t1/complete', payload: { workerId: 'a' } });
  t.equal(res.statusCode, 400);
  t.strictSame(res.json(), {
    type: 'BadUserRequestException',
    message: "External Task t1 cannot be completed by worker 'a'. It is locked by worker 'b'.",
    code: 0,
  });
  res = await app.inject({ method: 'GET', url: '/engine-rest/bad-mapping' });
  t.equal(res.statusCode, 500, 'a failing mapper falls back to the generic 500');
  t.match(res.json(), { type: 'RestException', message: /^Internal server error/ });
});
