import t from 'tap';
import { startTestApp } from '../../support/harness.js';
import { call, deployFixture } from './helpers.js';

const ctx = await startTestApp();
t.teardown(() => ctx.close());

const order = await deployFixture(ctx, 'order-simple.bpmn');
const tenantOrder = await deployFixture(ctx, 'order-simple.bpmn', 'puyang');
const waiting = await deployFixture(ctx, 'message-wait.bpmn');

async function start(definitionId: string, businessKey: string, variables: Record<string, unknown>) {
  ctx.clock.advance(1000);
  return (await ctx.services.starter.start({ id: definitionId }, { businessKey, variables })).outcome.instanceId;
}
const a = await start(order.id, 'PY-101', { unit: 'water', amount: 10 });
const b = await start(order.id, 'PY-102', { unit: 'police', amount: 200 });
const c = await start(tenantOrder.id, 'HL-103', { unit: 'water', amount: 30 });
const d = await start(waiting.id, 'PY-104', { unit: 'none' });
const keys: Record<string, string> = { [a]: 'PY-101', [b]: 'PY-102', [c]: 'HL-103', [d]: 'PY-104' };
const bk = (list: Array<{ id: string }>) => list.map((i) => keys[i.id] ?? i.id);

t.test('GET /process-instance lists running instances in Camunda shape', async (t) => {
  const res = await call(ctx, 'GET', '/process-instance');
  t.equal(res.status, 200);
  t.same(bk(res.body), ['PY-101', 'PY-102', 'HL-103', 'PY-104']);
  t.same(res.body[0], {
    links: [{ method: 'GET', href: `http://localhost:80/engine-rest/process-instance/${a}`, rel: 'self' }],
    id: a, definitionId: order.id, definitionKey: 'order-simple', businessKey: 'PY-101', caseInstanceId: null, ended: false, suspended: false, tenantId: null,
  });
  t.same((await call(ctx, 'GET', '/process-instance/count')).body, { count: 4 });
});

t.test('filters, sorting, paging', async (t) => {
  const cases: Array<[string, string[]]> = [
    [`processInstanceIds=${a},${c}`, ['PY-101', 'HL-103']],
    ['businessKey=PY-102', ['PY-102']],
    ['businessKeyLike=PY%25', ['PY-101', 'PY-102', 'PY-104']],
    [`processDefinitionId=${encodeURIComponent(tenantOrder.id)}`, ['HL-103']],
    ['processDefinitionKey=order-simple', ['PY-101', 'PY-102', 'HL-103']],
    ['processDefinitionKeyIn=message-wait,x', ['PY-104']],
    ['processDefinitionKeyNotIn=message-wait', ['PY-101', 'PY-102', 'HL-103']],
    [`deploymentId=${waiting.deploymentId}`, ['PY-104']],
    ['tenantIdIn=puyang', ['HL-103']],
    ['withoutTenantId=true', ['PY-101', 'PY-102', 'PY-104']],
    ['activityIdIn=WaitReply', ['PY-104']],
    ['activityIdIn=Handle', ['PY-101', 'PY-102', 'HL-103']],
    ['variables=amount_gt_20', ['PY-102', 'HL-103']],
    ['variables=unit_eq_water,amount_lt_20', ['PY-101']],
    ['rootProcessInstances=true', ['PY-101', 'PY-102', 'HL-103', 'PY-104']],
    ['active=true', ['PY-101', 'PY-102', 'HL-103', 'PY-104']],
    ['suspended=true', []],
    ['withIncident=true', []],
    ['sortBy=businessKey&sortOrder=desc', ['PY-104', 'PY-102', 'PY-101', 'HL-103']],
    ['sortBy=definitionKey&sortOrder=asc&maxResults=1', ['PY-104']],
    ['sortBy=businessKey&sortOrder=asc&firstResult=1&maxResults=2', ['PY-101', 'PY-102']],
  ];
  for (const [query, expected] of cases) {
    const res = await call(ctx, 'GET', `/process-instance?${query}`);
    t.equal(res.status, 200, query);
    t.same(bk(res.body), expected, query);
    if (!query.includes('Results')) t.same((await call(ctx, 'GET', `/process-instance/count?${query}`)).body, { count: expected.length }, `count ${query}`);
  }
  const post = await call(ctx, 'POST', '/process-instance?maxResults=5', {
    processDefinitionKeyIn: ['order-simple'],
    variables: [{ name: 'amount', operator: 'gteq', value: 30 }],
    sorting: [{ sortBy: 'businessKey', sortOrder: 'asc' }],
  });
  t.equal(post.status, 200);
  t.same(bk(post.body), ['HL-103', 'PY-102']);
  t.same((await call(ctx, 'POST', '/process-instance/count', { businessKeyLike: 'PY%' })).body, { count: 3 });
  for (const [url, field] of [
    ['/process-instance?sortBy=startTime&sortOrder=asc', 'sortBy'],
    ['/process-instance?variables=amount_is_3', 'variables'],
    ['/process-instance?caseInstanceId=x', 'caseInstanceId'],
    ['/process-instance?active=maybe', 'active'],
  ] as const) {
    const res = await call(ctx, 'GET', url);
    t.equal(res.status, 400, url);
    t.match(res.body.message, field, url);
  }
});

t.test('GET /process-instance/{id}', async (t) => {
  const one = await call(ctx, 'GET', `/process-instance/${c}`);
  t.equal(one.status, 200);
  t.match(one.body, { id: c, businessKey: 'HL-103', tenantId: 'puyang', ended: false });
  const missing = await call(ctx, 'GET', '/process-instance/nope');
  t.equal(missing.status, 404);
  t.same(missing.body, { type: 'NotFoundException', message: 'No matching process instance with id nope', code: 0 });
});

t.test('variables: read, modify, delete', async (t) => {
  const vars = await call(ctx, 'GET', `/process-instance/${a}/variables`);
  t.equal(vars.status, 200);
  t.same(vars.body, { amount: { type: 'Integer', value: 10, valueInfo: {} }, unit: { type: 'String', value: 'water', valueInfo: {} } });
  t.same((await call(ctx, 'GET', `/process-instance/${a}/variables/unit`)).body, { type: 'String', value: 'water', valueInfo: {} });
  const noVar = await call(ctx, 'GET', `/process-instance/${a}/variables/nothing`);
  t.equal(noVar.status, 404);
  t.match(noVar.body.message, /nothing/);
  t.equal((await call(ctx, 'GET', '/process-instance/nope/variables')).status, 404);

  const mod = await call(ctx, 'POST', `/process-instance/${a}/variables`, {
    modifications: { note: { value: '加急', type: 'String' }, deadline: { value: '2026-11-30T18:00:00.000+0800', type: 'Date' }, meta: { value: '{"level":2}', type: 'Json' } },
    deletions: ['amount'],
  });
  t.equal(mod.status, 204);
  const after = (await call(ctx, 'GET', `/process-instance/${a}/variables`)).body;
  t.same(Object.keys(after).sort(), ['deadline', 'meta', 'note', 'unit']);
  t.same(after.deadline, { type: 'Date', value: '2026-11-30T18:00:00.000+0800', valueInfo: {} });
  t.same(after.meta, { type: 'Json', value: '{"level":2}', valueInfo: {} });
  t.same((await call(ctx, 'GET', `/process-instance?variables=note_eq_${encodeURIComponent('加急')}`)).body.map((i: { id: string }) => i.id), [a]);

  // The deletion survives the next command on the instance (the engine keeps variables twice).
  t.equal((await call(ctx, 'PUT', `/process-instance/${a}/variables/level`, { value: 3, type: 'Integer' })).status, 204);
  const again = (await call(ctx, 'GET', `/process-instance/${a}/variables`)).body;
  t.same(Object.keys(again).sort(), ['deadline', 'level', 'meta', 'note', 'unit']);
  t.equal((await call(ctx, 'DELETE', `/process-instance/${a}/variables/level`)).status, 204);
  t.notOk('level' in (await call(ctx, 'GET', `/process-instance/${a}/variables`)).body);

  const bad = await call(ctx, 'POST', `/process-instance/${a}/variables`, { modifications: { n: { value: 'x', type: 'Integer' } } });
  t.equal(bad.status, 400);
  t.match(bad.body.message, /modifications\.n/);
  const both = await call(ctx, 'POST', `/process-instance/${a}/variables`, { modifications: { n: { value: 1 } }, deletions: ['n'] });
  t.equal(both.status, 400);
  const badType = await call(ctx, 'PUT', `/process-instance/${a}/variables/x`, { value: 1, type: 'Nope' });
  t.equal(badType.status, 400);
  t.equal((await call(ctx, 'POST', '/process-instance/nope/variables', { modifications: {} })).status, 404);
});

t.test('DELETE /process-instance/{id} terminates, 404 afterwards, failIfNotExists=false', async (t) => {
  const res = await call(ctx, 'DELETE', `/process-instance/${b}?skipCustomListeners=true`);
  t.equal(res.status, 204);
  t.equal((await call(ctx, 'GET', `/process-instance/${b}`)).status, 404);
  t.same((await call(ctx, 'GET', `/task/count?processInstanceId=${b}`)).body, { count: 0 }, 'its tasks are gone');
  const [row] = (await ctx.services.database.dataSource.query(`SELECT state, delete_reason, end_time FROM process_instance WHERE id = $1`, [b])) as Array<Record<string, unknown>>;
  t.match(row, { state: 'EXTERNALLY_TERMINATED', delete_reason: 'Process instance deleted' });
  const again = await call(ctx, 'DELETE', `/process-instance/${b}`);
  t.equal(again.status, 404);
  t.equal((await call(ctx, 'DELETE', '/process-instance/nope')).status, 404);
  t.equal((await call(ctx, 'DELETE', '/process-instance/nope?failIfNotExists=false')).status, 204);
  t.equal((await call(ctx, 'DELETE', `/process-instance/${b}?failIfNotExists=false`)).status, 204);
  t.equal((await call(ctx, 'DELETE', `/process-instance/${c}?failIfNotExists=nah`)).status, 400);
  t.same(bk((await call(ctx, 'GET', '/process-instance')).body), ['PY-101', 'HL-103', 'PY-104']);
});

t.test('every route of this work is documented in /openapi.json with a tag', async (t) => {
  const res = await ctx.app.inject({ url: '/openapi.json' });
  t.equal(res.statusCode, 200);
  const paths = JSON.parse(res.body).paths as Record<string, Record<string, { tags?: string[] }>>;
  const expected: Array<[string, string]> = [
    ['/engine-rest/task', 'get'], ['/engine-rest/task', 'post'], ['/engine-rest/task/count', 'get'], ['/engine-rest/task/count', 'post'],
    ['/engine-rest/task/{id}', 'get'], ['/engine-rest/task/{id}/form', 'get'], ['/engine-rest/task/{id}/form-variables', 'get'],
    ['/engine-rest/task/{id}/variables', 'get'], ['/engine-rest/process-instance', 'get'], ['/engine-rest/process-instance', 'post'],
    ['/engine-rest/process-instance/count', 'get'], ['/engine-rest/process-instance/{id}', 'get'], ['/engine-rest/process-instance/{id}', 'delete'],
    ['/engine-rest/process-instance/{id}/variables', 'get'], ['/engine-rest/process-instance/{id}/variables', 'post'],
    ['/engine-rest/process-instance/{id}/variables/{varName}', 'get'], ['/engine-rest/message', 'post'], ['/engine-rest/signal', 'post'],
    ['/engine-rest/history/process-instance', 'get'], ['/engine-rest/history/process-instance/count', 'get'],
    ['/engine-rest/history/process-instance/{id}', 'get'], ['/engine-rest/history/activity-instance', 'get'],
    ['/engine-rest/history/activity-instance/count', 'get'],
  ];
  for (const [path, method] of expected) t.ok(paths[path]?.[method]?.tags?.length, `${method.toUpperCase()} ${path}`);
});
