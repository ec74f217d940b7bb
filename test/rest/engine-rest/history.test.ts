import t from 'tap';
import { startTestApp } from '../../support/harness.js';
import { call, deployFixture } from './helpers.js';

const ctx = await startTestApp();
t.teardown(() => ctx.close());

const order = await deployFixture(ctx, 'order-simple.bpmn');
const waiting = await deployFixture(ctx, 'message-wait.bpmn', 'hualong');

async function start(definitionId: string, businessKey: string, variables: Record<string, unknown>) {
  return (await ctx.services.starter.start({ id: definitionId }, { businessKey, variables })).outcome.instanceId;
}
// 09:00 done (completed 10 minutes later), 09:05 deleted at 09:20, 09:10 still running.
const done = await start(order.id, 'PY-401', { unit: 'water' });
ctx.clock.advance(5 * 60_000);
const deleted = await start(order.id, 'PY-402', { unit: 'police' });
ctx.clock.advance(5 * 60_000);
const running = await start(waiting.id, 'HL-403', { unit: 'x' });
const [task] = (await call(ctx, 'GET', `/task?processInstanceId=${done}`)).body;
// Set-up outside subtests throws instead of asserting: tap ends the root test on its first idle tick.
const expect204 = async (p: ReturnType<typeof call>) => {
  const res = await p;
  if (res.status !== 204) throw new Error(`set-up failed: ${res.status} ${JSON.stringify(res.body)}`);
};
await expect204(call(ctx, 'POST', `/task/${task.id}/claim`, { userId: 'zhang' }));
await expect204(call(ctx, 'POST', `/task/${task.id}/complete`, { variables: { reply: { value: '已修复' }, resolved: { value: true } } }));
ctx.clock.advance(10 * 60_000);
await expect204(call(ctx, 'DELETE', `/process-instance/${deleted}`));

const keys: Record<string, string> = { [done]: 'PY-401', [deleted]: 'PY-402', [running]: 'HL-403' };
const bk = (list: Array<{ id: string }>) => list.map((i) => keys[i.id] ?? i.id);

t.test('GET /history/process-instance has every state, in Camunda shape', async (t) => {
  const res = await call(ctx, 'GET', '/history/process-instance');
  t.equal(res.status, 200);
  t.same(bk(res.body), ['PY-401', 'PY-402', 'HL-403']);
  t.same(res.body[0], {
    id: done, businessKey: 'PY-401', processDefinitionId: order.id, processDefinitionKey: 'order-simple', processDefinitionName: '工单办理（简）',
    processDefinitionVersion: 1, startTime: '2026-11-23T09:00:00.000+0800', endTime: '2026-11-23T09:10:00.000+0800', removalTime: null,
    durationInMillis: 600_000, startUserId: null, startActivityId: 'StartEvent_1', deleteReason: null, rootProcessInstanceId: done,
    superProcessInstanceId: null, superCaseInstanceId: null, caseInstanceId: null, tenantId: null, state: 'COMPLETED', restartedProcessInstanceId: null,
  });
  t.match(res.body[1], { state: 'EXTERNALLY_TERMINATED', deleteReason: 'Process instance deleted', endTime: '2026-11-23T09:20:00.000+0800', durationInMillis: 900_000 });
  t.match(res.body[2], { state: 'ACTIVE', endTime: null, durationInMillis: null, tenantId: 'hualong', processDefinitionName: '回访等待' });
  t.same((await call(ctx, 'GET', '/history/process-instance/count')).body, { count: 3 });
});

t.test('history filters, sorting and paging', async (t) => {
  const cases: Array<[string, string[]]> = [
    ['finished=true', ['PY-401', 'PY-402']],
    ['unfinished=true', ['HL-403']],
    ['completed=true', ['PY-401']],
    ['externallyTerminated=true', ['PY-402']],
    ['active=true', ['HL-403']],
    ['internallyTerminated=true', []],
    [`processInstanceId=${deleted}`, ['PY-402']],
    [`processInstanceIds=${done},${running}`, ['PY-401', 'HL-403']],
    ['processDefinitionKey=order-simple', ['PY-401', 'PY-402']],
    ['processDefinitionKeyNotIn=order-simple', ['HL-403']],
    ['processDefinitionNameLike=' + encodeURIComponent('%回访%'), ['HL-403']],
    ['processInstanceBusinessKey=PY-402', ['PY-402']],
    ['processInstanceBusinessKeyLike=PY%25', ['PY-401', 'PY-402']],
    ['processInstanceBusinessKeyIn=HL-403,PY-401', ['PY-401', 'HL-403']],
    ['startedAfter=2026-11-23T09:01:00.000%2B0800', ['PY-402', 'HL-403']],
    ['startedBefore=2026-11-23T09:06:00.000%2B0800', ['PY-401', 'PY-402']],
    ['finishedAfter=2026-11-23T09:15:00.000%2B0800', ['PY-402']],
    ['finishedBefore=2026-11-23T09:15:00.000%2B0800', ['PY-401']],
    ['tenantIdIn=hualong', ['HL-403']],
    ['withoutTenantId=true', ['PY-401', 'PY-402']],
    ['executedActivityIdIn=Handle', ['PY-401', 'PY-402']],
    ['activeActivityIdIn=WaitReply', ['HL-403']],
    ['variables=unit_eq_police', ['PY-402']],
    ['variables=resolved_eq_true', ['PY-401']],
    ['sortBy=endTime&sortOrder=desc', ['PY-402', 'PY-401', 'HL-403']],
    ['sortBy=duration&sortOrder=desc', ['PY-402', 'PY-401', 'HL-403']],
    ['sortBy=businessKey&sortOrder=asc&firstResult=1&maxResults=1', ['PY-401']],
    ['sortBy=definitionKey&sortOrder=asc', ['HL-403', 'PY-401', 'PY-402']],
    ['sortBy=definitionVersion&sortOrder=desc', ['PY-401', 'PY-402', 'HL-403']],
  ];
  for (const [query, expected] of cases) {
    const res = await call(ctx, 'GET', `/history/process-instance?${query}`);
    t.equal(res.status, 200, query);
    t.same(bk(res.body), expected, query);
  }
  const post = await call(ctx, 'POST', '/history/process-instance?maxResults=10', { finished: true, sorting: [{ sortBy: 'startTime', sortOrder: 'desc' }] });
  t.same(bk(post.body), ['PY-402', 'PY-401']);
  t.same((await call(ctx, 'POST', '/history/process-instance/count', { processDefinitionKeyIn: ['order-simple'], finished: true })).body, { count: 2 });
  for (const [url, field] of [
    ['/history/process-instance?completed=true&active=true', 'state'],
    ['/history/process-instance?finished=true&unfinished=true', 'unfinished'],
    ['/history/process-instance?startedAfter=yesterday', 'startedAfter'],
    ['/history/process-instance?sortBy=priority&sortOrder=asc', 'sortBy'],
    ['/history/process-instance?caseInstanceId=c', 'caseInstanceId'],
  ] as const) {
    const res = await call(ctx, 'GET', url);
    t.equal(res.status, 400, url);
    t.match(res.body.message, field, url);
  }
});

t.test('GET /history/process-instance/{id}', async (t) => {
  t.match((await call(ctx, 'GET', `/history/process-instance/${deleted}`)).body, { id: deleted, state: 'EXTERNALLY_TERMINATED' });
  const missing = await call(ctx, 'GET', '/history/process-instance/nope');
  t.equal(missing.status, 404);
  t.equal(missing.body.type, 'NotFoundException');
  t.match(missing.body.message, /nope/);
});

t.test('GET /history/activity-instance', async (t) => {
  const res = await call(ctx, 'GET', `/history/activity-instance?processInstanceId=${done}`);
  t.equal(res.status, 200);
  t.same(res.body.map((a: { activityId: string }) => a.activityId), ['StartEvent_1', 'Handle', 'Gateway_1', 'End_done']);
  t.same(res.body.map((a: { activityType: string }) => a.activityType), ['startEvent', 'userTask', 'exclusiveGateway', 'noneEndEvent']);
  const handle = res.body[1];
  t.same(handle, {
    id: handle.id, parentActivityInstanceId: done, activityId: 'Handle', activityName: '承办单位办理', activityType: 'userTask',
    processDefinitionKey: 'order-simple', processDefinitionId: order.id, processInstanceId: done, executionId: handle.executionId,
    taskId: task.id, calledProcessInstanceId: null, calledCaseInstanceId: null, assignee: 'zhang',
    startTime: '2026-11-23T09:00:00.000+0800', endTime: '2026-11-23T09:10:00.000+0800', durationInMillis: 600_000,
    canceled: false, completeScope: false, tenantId: null, removalTime: null, rootProcessInstanceId: done,
  });
  t.equal(res.body[3].completeScope, true);
  t.same((await call(ctx, 'GET', `/history/activity-instance/${encodeURIComponent(handle.id)}`)).body, handle);
  t.equal((await call(ctx, 'GET', '/history/activity-instance/nope')).status, 404);

  const canceled = (await call(ctx, 'GET', `/history/activity-instance?processInstanceId=${deleted}&canceled=true`)).body;
  t.same(canceled.map((a: { activityId: string }) => a.activityId), ['Handle']);
  t.equal(canceled[0].endTime, '2026-11-23T09:20:00.000+0800');
  const cases: Array<[string, number]> = [
    ['activityType=userTask', 2],
    ['activityId=Handle&finished=true', 2],
    ['unfinished=true', 1],
    ['taskAssignee=zhang', 1],
    ['completeScope=true', 1],
    ['tenantIdIn=hualong', 2],
    ['activityNameLike=' + encodeURIComponent('%办%'), 4],
    ['startedAfter=2026-11-23T09:08:00.000%2B0800', 4], // HL-403 starting, PY-401 ending
    ['finishedAfter=2026-11-23T09:15:00.000%2B0800', 1],
  ];
  for (const [query, n] of cases) {
    t.equal((await call(ctx, 'GET', `/history/activity-instance?${query}`)).body.length, n, query);
    t.same((await call(ctx, 'GET', `/history/activity-instance/count?${query}`)).body, { count: n }, `count ${query}`);
  }
  const sorted = (await call(ctx, 'GET', '/history/activity-instance?sortBy=startTime&sortOrder=desc&maxResults=2')).body;
  t.same(sorted.map((a: { processInstanceId: string }) => keys[a.processInstanceId]), ['HL-403', 'HL-403']);
  const byPost = await call(ctx, 'POST', '/history/activity-instance?firstResult=0&maxResults=1', { processInstanceId: done, sorting: [{ sortBy: 'occurrence', sortOrder: 'desc' }] });
  t.same(byPost.body.map((a: { activityId: string }) => a.activityId), ['End_done']);
  t.same((await call(ctx, 'POST', '/history/activity-instance/count', { activityType: 'noneEndEvent' })).body, { count: 1 });
  t.equal((await call(ctx, 'GET', '/history/activity-instance?canceled=1')).status, 400);
});
