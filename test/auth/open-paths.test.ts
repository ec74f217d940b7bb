import t from 'tap';
import { startTestApp } from '../support/harness.js';
import { answer } from './support.js';

// Without credentials only the version, sign-in, health and the OpenAPI document answer.
const ctx = await startTestApp();
t.teardown(() => ctx.close());
const anonymous = async (method: string, url: string, payload?: unknown) =>
  ctx.rawInject({ method: method as 'GET', url, ...(payload !== undefined && { payload: payload as object }) });

t.test('open paths answer without credentials', async (t) => {
  for (const url of ['/engine-rest/version', '/engine-rest/engine/default/version']) {
    const res = await anonymous('GET', url);
    t.equal(res.statusCode, 200, url);
    t.same(res.json(), { version: '7.24.0' });
  }
  t.equal((await anonymous('GET', '/health')).statusCode, 200);
  t.equal((await anonymous('GET', '/openapi.json')).statusCode, 200);
  t.equal((await anonymous('POST', '/api/auth/login', { username: 'admin', password: 'test-admin-password' })).statusCode, 200);
});

const CLOSED: Array<[string, string, unknown?]> = [
  ['GET', '/engine-rest/task'],
  ['POST', '/engine-rest/task', {}],
  ['GET', '/engine-rest/task/some-id'],
  ['POST', '/engine-rest/task/some-id/claim', { userId: 'x' }],
  ['POST', '/engine-rest/task/some-id/complete', {}],
  ['GET', '/engine-rest/deployment'],
  ['POST', '/engine-rest/deployment/create'],
  ['GET', '/engine-rest/process-definition'],
  ['POST', '/engine-rest/process-definition/key/x/start', {}],
  ['GET', '/engine-rest/process-instance'],
  ['DELETE', '/engine-rest/process-instance/x'],
  ['GET', '/engine-rest/history/process-instance'],
  ['GET', '/engine-rest/history/activity-instance'],
  ['POST', '/engine-rest/external-task/fetchAndLock', { workerId: 'w', maxTasks: 1, topics: [] }],
  ['GET', '/engine-rest/external-task'],
  ['GET', '/engine-rest/incident'],
  ['POST', '/engine-rest/message', { messageName: 'm' }],
  ['POST', '/engine-rest/signal', { name: 's' }],
  ['GET', '/engine-rest/engine/default/task'],
  ['GET', '/engine-rest/no-such-route'],
  ['GET', '/api/work-orders'],
  ['POST', '/api/work-orders', {}],
  ['GET', '/api/work-orders/x'],
  ['GET', '/api/regions'],
  ['POST', '/api/regions/puyang/activate', { definitionId: 'x' }],
  ['GET', '/api/calendar/status'],
  ['GET', '/api/users'],
  ['POST', '/api/users', {}],
  ['GET', '/api/units'],
  ['GET', '/api/auth/me'],
  ['GET', '/api/clock'],
  ['GET', '/api/no-such-route'],
];

t.test('everything else is 401 with a Camunda-shaped body', async (t) => {
  for (const [method, url, payload] of CLOSED) {
    const res = await anonymous(method, url, payload);
    t.equal(res.statusCode, 401, `${method} ${url}`);
    t.match(answer(res).body, { type: 'AuthenticationException', message: String }, `${method} ${url}: {type, message}`);
    if (url.startsWith('/engine-rest')) t.equal(res.headers['www-authenticate'], 'Basic realm="default"', 'the challenge the Modeler answers with its credentials');
  }
  // An encoded path reaches the same closed route, not an open one.
  t.equal((await anonymous('GET', '/%61pi/users')).statusCode, 401);
  t.equal((await anonymous('GET', '/engine-rest/%74ask')).statusCode, 401);
});

t.test('nothing was changed by the refused requests', async (t) => {
  const [{ n }] = (await ctx.services.database.dataSource.query(`SELECT count(*)::int AS n FROM audit_event`)) as [{ n: number }];
  t.equal(n, 0, 'no write went through');
});
