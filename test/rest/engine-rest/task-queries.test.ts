import t from 'tap';
import { startTestApp } from '../../support/harness.js';
import { call, deployFixture } from './helpers.js';

const ctx = await startTestApp();
t.teardown(() => ctx.close());

const def = await deployFixture(ctx, 'task-list.bpmn');
const other = await deployFixture(ctx, 'order-simple.bpmn', 'puyang');

interface Order { key: string; title: string; group: string; users: string; prio: number; due: string; amount: number }
const orders: Order[] = [
  { key: 'PY-001', title: '路灯不亮', group: 'water', users: 'zhang', prio: 70, due: '2026-11-25T18:00:00+08:00', amount: 5 },
  { key: 'PY-002', title: '噪音扰民', group: 'police', users: 'li', prio: 30, due: '2026-11-30T18:00:00+08:00', amount: 50 },
  { key: 'PY-003', title: '路面积水', group: 'water', users: '', prio: 50, due: '2026-11-27T18:00:00+08:00', amount: 500 },
];
const ids: Record<string, string> = {};
const keyOf = new Map<string, string>();
for (const o of orders) {
  ctx.clock.advance(60_000);
  const { outcome } = await ctx.services.starter.start({ id: def.id }, {
    businessKey: o.key,
    variables: { title: o.title, group: o.group, users: o.users, prio: o.prio, due: o.due, amount: o.amount, district: o.key === 'PY-002' ? '华龙区' : '濮阳县' },
  });
  ids[o.key] = outcome.instanceId;
}
ctx.clock.advance(60_000);
const simple = await ctx.services.starter.start({ id: other.id }, { businessKey: 'PY-900', variables: { unit: 'water' } });
for (const [key, id] of Object.entries(ids)) keyOf.set(id, key);
keyOf.set(simple.outcome.instanceId, 'PY-900');

const names = (body: Array<{ processInstanceId: string }>) => body.map((x) => keyOf.get(x.processInstanceId) ?? x.processInstanceId);

t.test('GET /task lists every open task in Camunda shape, oldest first', async (t) => {
  const res = await call(ctx, 'GET', '/task');
  t.equal(res.status, 200);
  t.equal(res.headers['content-type'], 'application/json');
  t.same(names(res.body), ['PY-001', 'PY-002', 'PY-003', 'PY-900']);
  const task = res.body[0];
  t.same(Object.keys(task).sort(), [
    'assignee', 'camundaFormRef', 'caseDefinitionId', 'caseExecutionId', 'caseInstanceId', 'created', 'delegationState', 'description', 'due',
    'executionId', 'followUp', 'formKey', 'id', 'lastUpdated', 'name', 'owner', 'parentTaskId', 'priority', 'processDefinitionId',
    'processInstanceId', 'suspended', 'taskDefinitionKey', 'taskState', 'tenantId',
  ]);
  t.match(task, {
    name: '诉求处理', assignee: null, owner: null, created: '2026-11-23T09:01:00.000+0800', lastUpdated: null, due: '2026-11-25T18:00:00.000+0800',
    followUp: null, delegationState: null, description: '承办单位处理诉求', parentTaskId: null, priority: 70, processDefinitionId: def.id,
    processInstanceId: ids['PY-001'], taskDefinitionKey: 'Handle', suspended: false, formKey: 'embedded:app:forms/handle.html',
    camundaFormRef: null, tenantId: null, taskState: 'Created',
  });
  const count = await call(ctx, 'GET', '/task/count');
  t.same(count.body, { count: 4 });
  // The named-engine alias serves the same list.
  const aliased = await ctx.app.inject({ url: '/engine-rest/engine/default/task/count' });
  t.same(JSON.parse(aliased.body), { count: 4 });
});

t.test('filters', async (t) => {
  const cases: Array<[string, string[]]> = [
    ['processInstanceId=' + ids['PY-002'], ['PY-002']],
    [`processInstanceIdIn=${ids['PY-001']},${ids['PY-003']}`, ['PY-001', 'PY-003']],
    ['processInstanceBusinessKey=PY-003', ['PY-003']],
    ['processInstanceBusinessKeyLike=PY-00%25', ['PY-001', 'PY-002', 'PY-003']],
    ['processInstanceBusinessKeyIn=PY-001,PY-900', ['PY-001', 'PY-900']],
    [`processDefinitionId=${encodeURIComponent(other.id)}`, ['PY-900']],
    ['processDefinitionKey=task-list', ['PY-001', 'PY-002', 'PY-003']],
    ['processDefinitionKeyIn=order-simple,nothing', ['PY-900']],
    ['processDefinitionNameLike=' + encodeURIComponent('工单%'), ['PY-001', 'PY-002', 'PY-003', 'PY-900']],
    ['taskDefinitionKey=Handle', ['PY-001', 'PY-002', 'PY-003', 'PY-900']],
    ['taskDefinitionKeyIn=Review', []],
    ['name=' + encodeURIComponent('诉求处理'), ['PY-001', 'PY-002', 'PY-003']],
    ['nameLike=' + encodeURIComponent('%办理'), ['PY-900']],
    ['nameNotLike=' + encodeURIComponent('%办理'), ['PY-001', 'PY-002', 'PY-003']],
    ['nameNotEqual=' + encodeURIComponent('诉求处理'), ['PY-900']],
    ['descriptionLike=' + encodeURIComponent('%诉求%'), ['PY-001', 'PY-002', 'PY-003']],
    ['processVariables=title_eq_' + encodeURIComponent('噪音扰民'), ['PY-002']],
    ['candidateGroup=water', ['PY-001', 'PY-003', 'PY-900']],
    ['candidateGroups=police,nobody', ['PY-002']],
    ['candidateUser=zhang', ['PY-001']],
    ['withoutCandidateUsers=true', ['PY-003', 'PY-900']],
    ['involvedUser=li', ['PY-002']],
    ['priority=30', ['PY-002']],
    ['minPriority=50', ['PY-001', 'PY-003', 'PY-900']],
    ['maxPriority=50', ['PY-002', 'PY-003', 'PY-900']],
    ['dueBefore=2026-11-28T00:00:00.000%2B0800', ['PY-001', 'PY-003', 'PY-900']],
    ['dueAfter=2026-11-28T00:00:00.000+0800', ['PY-002']], // a literal + decodes to a space and is accepted
    ['dueDate=2026-11-25T10:00:00.000Z', ['PY-001']],
    ['createdAfter=2026-11-23T09:02:30.000%2B0800', ['PY-003', 'PY-900']],
    ['createdBefore=2026-11-23T01:02:30Z', ['PY-001', 'PY-002']],
    ['createdOn=2026-11-23T09:02:00.000%2B0800', ['PY-002']],
    ['followUpBeforeOrNotExistent=2026-11-28T00:00:00.000%2B0800', ['PY-001', 'PY-002', 'PY-003', 'PY-900']],
    ['followUpBefore=2026-11-28T00:00:00.000%2B0800', []],
    ['withoutTenantId=true', ['PY-001', 'PY-002', 'PY-003']],
    ['tenantIdIn=puyang', ['PY-900']],
    ['processVariables=amount_gt_10', ['PY-002', 'PY-003']],
    ['processVariables=amount_lteq_50,district_eq_' + encodeURIComponent('濮阳县'), ['PY-001']],
    ['processVariables=district_neq_' + encodeURIComponent('濮阳县'), ['PY-002']],
    ['processVariables=district_like_' + encodeURIComponent('%龙%'), ['PY-002']],
    ['processVariables=unit_eq_water', ['PY-900']],
    ['processVariables=due_lt_2026-11-28T00:00:00.000%2B0800', ['PY-001', 'PY-003']],
    ['suspended=true', []],
    ['active=true', ['PY-001', 'PY-002', 'PY-003', 'PY-900']],
    ['active=false', ['PY-001', 'PY-002', 'PY-003', 'PY-900']],
    ['delegationState=PENDING', []],
  ];
  for (const [query, expected] of cases) {
    const res = await call(ctx, 'GET', `/task?${query}`);
    t.equal(res.status, 200, query);
    t.same(names(res.body), expected, query);
    const count = await call(ctx, 'GET', `/task/count?${query}`);
    t.same(count.body, { count: expected.length }, `count ${query}`);
  }
});

t.test('assignment filters and candidate queries without/with includeAssignedTasks', async (t) => {
  const [water] = (await call(ctx, 'GET', '/task?candidateGroup=water')).body;
  ctx.clock.advance(60_000);
  t.equal((await call(ctx, 'POST', `/task/${water.id}/claim`, { userId: 'wang' })).status, 204);
  const claimed = (await call(ctx, 'GET', `/task/${water.id}`)).body;
  t.equal(claimed.assignee, 'wang');
  t.equal(claimed.taskState, 'Updated');
  t.equal(claimed.lastUpdated, '2026-11-23T09:05:00.000+0800');

  t.same(names((await call(ctx, 'GET', '/task?assignee=wang')).body), ['PY-001']);
  t.same(names((await call(ctx, 'GET', '/task?assigneeIn=wang,x')).body), ['PY-001']);
  t.same(names((await call(ctx, 'GET', '/task?assigneeLike=wa%25')).body), ['PY-001']);
  t.same(names((await call(ctx, 'GET', '/task?assigned=true')).body), ['PY-001']);
  t.same(names((await call(ctx, 'GET', '/task?unassigned=true')).body), ['PY-002', 'PY-003', 'PY-900']);
  t.same(names((await call(ctx, 'GET', '/task?assigned=false')).body).length, 4, 'false means no filter');
  t.same(names((await call(ctx, 'GET', '/task?candidateGroup=water')).body), ['PY-003', 'PY-900'], 'claimed tasks leave candidate lists');
  t.same(names((await call(ctx, 'GET', '/task?candidateGroup=water&includeAssignedTasks=true')).body), ['PY-001', 'PY-003', 'PY-900']);
  t.same(names((await call(ctx, 'GET', '/task?candidateUser=zhang')).body), []);
  t.same(names((await call(ctx, 'GET', '/task?involvedUser=wang')).body), ['PY-001']);
  t.same(names((await call(ctx, 'GET', '/task?updatedAfter=2026-11-23T09:04:30.000%2B0800')).body), ['PY-001']);
  t.equal((await call(ctx, 'POST', `/task/${water.id}/unclaim`)).status, 204);
});

t.test('sorting and paging', async (t) => {
  t.same(names((await call(ctx, 'GET', '/task?sortBy=priority&sortOrder=desc')).body), ['PY-001', 'PY-003', 'PY-900', 'PY-002']);
  t.same(names((await call(ctx, 'GET', '/task?sortBy=dueDate&sortOrder=asc')).body), ['PY-001', 'PY-900', 'PY-003', 'PY-002']);
  t.same(names((await call(ctx, 'GET', '/task?sortBy=created&sortOrder=desc')).body), ['PY-900', 'PY-003', 'PY-002', 'PY-001']);
  t.same(names((await call(ctx, 'GET', '/task?sortBy=name&sortOrder=desc')).body), ['PY-001', 'PY-002', 'PY-003', 'PY-900'], 'ties keep creation order');
  const byId = (await call(ctx, 'GET', '/task?sortBy=id&sortOrder=asc')).body.map((x: { id: string }) => x.id);
  t.same(byId, [...byId].sort());
  for (const s of ['instanceId', 'executionId', 'assignee', 'lastUpdated', 'description', 'nameCaseInsensitive', 'followUpDate', 'caseInstanceId', 'tenantId']) {
    t.equal((await call(ctx, 'GET', `/task?sortBy=${s}&sortOrder=asc`)).body.length, 4, s);
  }
  t.same(names((await call(ctx, 'GET', '/task?sortBy=priority&sortOrder=desc&firstResult=1&maxResults=2')).body), ['PY-003', 'PY-900']);
  t.same((await call(ctx, 'GET', '/task?maxResults=0')).body, []);
  t.same((await call(ctx, 'GET', '/task?firstResult=10')).body, []);
});

t.test('POST /task and /task/count take the filters as JSON', async (t) => {
  const res = await call(ctx, 'POST', '/task?firstResult=0&maxResults=2', {
    processDefinitionKeyIn: ['task-list'],
    processVariables: [{ name: 'amount', operator: 'gteq', value: 50 }],
    sorting: [{ sortBy: 'priority', sortOrder: 'asc' }],
    unknownField: 'ignored',
    dueAfter: null,
  });
  t.equal(res.status, 200);
  t.same(names(res.body), ['PY-002', 'PY-003']);
  const byVar = await call(ctx, 'POST', '/task', {
    processDefinitionKey: 'task-list',
    sorting: [{ sortBy: 'processVariable', sortOrder: 'desc', parameters: { variable: 'amount', type: 'Integer' } }],
  });
  t.same(names(byVar.body), ['PY-003', 'PY-002', 'PY-001']);
  const count = await call(ctx, 'POST', '/task/count', { candidateGroups: ['water', 'police'], withoutTenantId: true });
  t.same(count.body, { count: 3 });
  const coerced = await call(ctx, 'POST', '/task/count', { candidateGroups: 'water,police', withoutTenantId: 'true', minPriority: '50' });
  t.same(coerced.body, { count: 2 }, 'Jackson-style scalar coercion');
  const notBool = await call(ctx, 'POST', '/task/count', { withoutTenantId: 'yes' });
  t.equal(notBool.status, 400);
  t.match(notBool.body.message, /withoutTenantId/);
  const bools = await call(ctx, 'POST', '/task', { processVariables: [{ name: 'district', operator: 'eq', value: '华龙区' }], assigned: false });
  t.same(names(bools.body), ['PY-002']);
  const withVars = await call(ctx, 'POST', '/task', { processInstanceBusinessKey: 'PY-002', withTaskVariablesInReturn: true, withCommentAttachmentInfo: true });
  t.match(withVars.body[0], { attachment: false, comment: false, variables: { amount: { type: 'Integer', value: 50, valueInfo: {} }, district: { type: 'String', value: '华龙区' } } });
});

t.test('bad input is a 400 naming the parameter', async (t) => {
  const cases: Array<[string, string, RegExp]> = [
    ['/task?maxResults=-1', 'maxResults', /maxResults/],
    ['/task?sortBy=priority', 'sortOrder', /sortBy and sortOrder required/],
    ['/task?sortBy=bogus&sortOrder=asc', 'sortBy', /sortBy/],
    ['/task?sortBy=processVariable&sortOrder=asc', 'sorting', /parameters.variable/],
    ['/task?priority=high', 'priority', /priority/],
    ['/task?dueBefore=tomorrow', 'dueBefore', /dueBefore/],
    ['/task?assigned=yes', 'assigned', /assigned/],
    ['/task?processVariables=amount_gt', 'processVariables', /processVariables/],
    ['/task?processVariables=amount_between_5', 'processVariables', /operator/],
    ['/task?assigneeExpression=$%7BcurrentUser()%7D', 'assigneeExpression', /not supported/],
    ['/task?taskVariables=a_eq_b', 'taskVariables', /not supported/],
    ['/task?candidateUser=a&candidateGroup=b', 'candidateUser', /candidateUser/],
    ['/task?delegationState=DONE', 'delegationState', /delegationState/],
    ['/task/count?createdOn=x', 'createdOn', /createdOn/],
  ];
  for (const [url, field, message] of cases) {
    const res = await call(ctx, 'GET', url);
    t.equal(res.status, 400, url);
    t.equal(res.body.type, 'InvalidRequestException', url);
    t.match(res.body.message, message, url);
    t.match(res.body.message, field === 'sorting' ? /sorting|variable/ : new RegExp(field), url);
  }
  const post = await call(ctx, 'POST', '/task', { processInstanceIdIn: 5 });
  t.equal(post.status, 400);
  t.match(post.body.message, /processInstanceIdIn/);
  const postVar = await call(ctx, 'POST', '/task', { processVariables: [{ name: 'a', operator: 'gt', value: { x: 1 } }] });
  t.equal(postVar.status, 400);
  t.match(postVar.body.message, /processVariables\[0\]\.value/);
  const or = await call(ctx, 'POST', '/task', { orQueries: [{ name: 'x' }] });
  t.equal(or.status, 400);
  t.match(or.body.message, /orQueries/);
});

t.test('GET /task/{id} and its form, form variables and variables', async (t) => {
  const [task] = (await call(ctx, 'GET', '/task?processInstanceBusinessKey=PY-002')).body;
  const one = await call(ctx, 'GET', `/task/${task.id}`);
  t.equal(one.status, 200);
  t.same(one.body, task);
  const missing = await call(ctx, 'GET', '/task/nope');
  t.equal(missing.status, 404);
  t.same(missing.body, { type: 'NotFoundException', message: 'No matching task with id nope', code: 0 });

  t.same((await call(ctx, 'GET', `/task/${task.id}/form`)).body, { key: 'embedded:app:forms/handle.html', contextPath: null, camundaFormRef: null });
  t.equal((await call(ctx, 'GET', '/task/nope/form')).status, 404);

  const form = await call(ctx, 'GET', `/task/${task.id}/form-variables`);
  t.equal(form.status, 200);
  t.same(form.body.reply, { type: 'String', value: '已受理', valueInfo: {} });
  t.same(form.body.visits, { type: 'Long', value: 3, valueInfo: {} });
  t.same(form.body.urgent, { type: 'Boolean', value: false, valueInfo: {} });
  t.same(form.body.title, { type: 'String', value: '噪音扰民', valueInfo: {} }, 'an existing variable wins over the field default');
  t.same(form.body.due, { type: 'String', value: '2026-11-30T18:00:00+08:00', valueInfo: {} });
  t.same(form.body.amount, { type: 'Integer', value: 50, valueInfo: {} });
  const some = await call(ctx, 'GET', `/task/${task.id}/form-variables?variableNames=visits,amount`);
  t.same(Object.keys(some.body).sort(), ['amount', 'visits']);
  t.equal((await call(ctx, 'GET', '/task/nope/form-variables')).status, 404);

  const vars = await call(ctx, 'GET', `/task/${task.id}/variables`);
  t.same(Object.keys(vars.body).sort(), ['amount', 'district', 'due', 'group', 'prio', 'title', 'users']);
  t.same((await call(ctx, 'GET', `/task/${task.id}/variables/amount`)).body, { type: 'Integer', value: 50, valueInfo: {} });
  t.equal((await call(ctx, 'GET', `/task/${task.id}/variables/nothing`)).status, 404);
  t.same((await call(ctx, 'GET', `/task/${task.id}/localVariables`)).body, {});
});

t.test('completed tasks leave the list', async (t) => {
  const [task] = (await call(ctx, 'GET', '/task?processInstanceBusinessKey=PY-900')).body;
  t.equal((await call(ctx, 'POST', `/task/${task.id}/complete`, { variables: { reply: { value: 'ok', type: 'String' }, resolved: { value: true, type: 'Boolean' } } })).status, 204);
  t.equal((await call(ctx, 'GET', `/task/${task.id}`)).status, 404);
  t.same((await call(ctx, 'GET', `/task/count?processInstanceId=${simple.outcome.instanceId}`)).body, { count: 0 });
});
